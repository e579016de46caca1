// Meldingen: when the chosen onderwerp is a misstand (Klokkenluidersregeling), tick the box that starts the
// legal deadlines. Only ever ticks it: the analist stays in charge of unticking.
(function () {
  "use strict";
  var onderwerp = document.getElementById("id_onderwerp");
  var vinkje = document.getElementById("id_klokkenluidersmelding");
  if (!onderwerp || !vinkje) {
    return;
  }
  var misstanden = (onderwerp.getAttribute("data-misstand") || "").split(" ").filter(Boolean);
  onderwerp.addEventListener("change", function () {
    if (misstanden.indexOf(onderwerp.value) !== -1) {
      vinkje.checked = true;
    }
  });
})();
