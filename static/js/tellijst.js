// Tellijst entry: Enter saves from any field. Every field is a <select>, where a browser's Enter does
// not submit the form by itself. Sending once and asking before unsaved input is lost: formulieren.js.
(function () {
  "use strict";
  var formulier = document.querySelector("form.tellijst-formulier");
  if (!formulier) {
    return;
  }
  formulier.addEventListener("keydown", function (gebeurtenis) {
    if (gebeurtenis.key === "Enter" && gebeurtenis.target.tagName === "SELECT" && !gebeurtenis.isComposing) {
      gebeurtenis.preventDefault();
      formulier.requestSubmit();
    }
  });
})();
