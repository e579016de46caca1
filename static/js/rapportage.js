// Jaarrapportages: announce status changes of polled rows (sending a request once: formulieren.js).
(function () {
  "use strict";

  // htmx replaces a row while it polls; a screen reader does not notice a replaced row, so the
  // new status is written into a live region once the row stops polling (klaar, mislukt).
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var rij = event.detail && event.detail.elt;
    if (!rij || !rij.id || (rij.id.indexOf("rapport-") !== 0 && rij.id.indexOf("reeks-") !== 0)) return;
    var nieuw = document.getElementById(rij.id);
    var regio = document.getElementById("rapport-meldingen");
    if (nieuw && regio && !nieuw.hasAttribute("hx-get")) {
      regio.textContent = nieuw.getAttribute("data-melding") || "";
    }
  });
})();
