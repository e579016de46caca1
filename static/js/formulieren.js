// Every page: forms that must be sent once, and forms whose unsaved input must not be lost unnoticed.
//   data-eenmaal-versturen  a second submit (a double click, Enter pressed twice) is ignored while the
//                           first is under way; the button says it is busy.
//   data-wijzigingen-bewaken  leaving the page with changed, unsent input asks first. With
//                           data-onopgeslagen (a form that came back with errors) it always asks.
//   data-filter-rijen="sel"  a search field that shows only the rows (selector) containing its words.
(function () {
  "use strict";

  function veranderd(veld) {
    if (veld.type === "checkbox" || veld.type === "radio") {
      return veld.checked !== veld.defaultChecked;
    }
    if (veld.tagName === "SELECT") {
      var standaard = Array.prototype.find.call(veld.options, function (optie) {
        return optie.defaultSelected;
      }) || veld.options[0];
      return standaard !== undefined && veld.value !== standaard.value;
    }
    if (veld.type === "hidden" || veld.type === "file" || veld.type === "submit") {
      return false;
    }
    return veld.value !== veld.defaultValue;
  }

  document.querySelectorAll("input[data-filter-rijen]").forEach(function (zoekveld) {
    var rijen = document.querySelectorAll(zoekveld.getAttribute("data-filter-rijen"));
    zoekveld.addEventListener("input", function () {
      var woorden = zoekveld.value.toLowerCase().split(/\s+/).filter(Boolean);
      rijen.forEach(function (rij) {
        var tekst = rij.textContent.toLowerCase();
        rij.hidden = !woorden.every(function (woord) { return tekst.indexOf(woord) !== -1; });
      });
    });
  });

  document.querySelectorAll("form[data-eenmaal-versturen], form[data-wijzigingen-bewaken]").forEach(function (form) {
    var verzonden = false;
    form.addEventListener("submit", function (gebeurtenis) {
      if (verzonden && form.hasAttribute("data-eenmaal-versturen")) {
        gebeurtenis.preventDefault();
        return;
      }
      verzonden = true;
      var knop = form.querySelector("button[type=submit]");
      if (knop && form.hasAttribute("data-eenmaal-versturen")) {
        knop.disabled = true;
        knop.setAttribute("aria-busy", "true");
      }
    });
    // Back to this page from the browser's cache: the form may be sent again.
    window.addEventListener("pageshow", function (gebeurtenis) {
      if (gebeurtenis.persisted) {
        verzonden = false;
        var knop = form.querySelector("button[type=submit]");
        if (knop) {
          knop.disabled = false;
          knop.removeAttribute("aria-busy");
        }
      }
    });
    if (form.hasAttribute("data-wijzigingen-bewaken")) {
      window.addEventListener("beforeunload", function (gebeurtenis) {
        var onopgeslagen = form.hasAttribute("data-onopgeslagen") || Array.prototype.some.call(form.elements, veranderd);
        if (!verzonden && onopgeslagen) {
          gebeurtenis.preventDefault();
          gebeurtenis.returnValue = "";
        }
      });
    }
  });
})();
