// Tellijst entry: Enter saves from any field, and leaving a form with unsaved input asks first.
// Every field is a <select>, where a browser's Enter does not submit the form by itself.
(function () {
  "use strict";
  var formulier = document.querySelector("form.tellijst-formulier");
  if (!formulier) {
    return;
  }
  var verzonden = false;
  // A form that came back with errors holds input that was not saved, even where nothing changed since.
  var onopgeslagen = formulier.hasAttribute("data-onopgeslagen");

  function gewijzigd() {
    return Array.prototype.some.call(formulier.querySelectorAll("select"), function (lijst) {
      var standaard = Array.prototype.find.call(lijst.options, function (optie) {
        return optie.defaultSelected;
      }) || lijst.options[0];
      return standaard !== undefined && lijst.value !== standaard.value;
    });
  }

  formulier.addEventListener("keydown", function (gebeurtenis) {
    if (gebeurtenis.key === "Enter" && gebeurtenis.target.tagName === "SELECT" && !gebeurtenis.isComposing) {
      gebeurtenis.preventDefault();
      formulier.requestSubmit();
    }
  });
  formulier.addEventListener("submit", function () {
    verzonden = true;
  });
  window.addEventListener("beforeunload", function (gebeurtenis) {
    if (!verzonden && (onopgeslagen || gewijzigd())) {
      gebeurtenis.preventDefault();
      gebeurtenis.returnValue = "";
    }
  });
})();
