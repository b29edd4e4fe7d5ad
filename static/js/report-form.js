// The report order form offers only the control points of the chosen academic year that
// have begun (so have data), and shows the note saying why the others are missing.
(function () {
  "use strict";
  const form = document.getElementById("report-request-form");
  if (!form) return;
  const period = form.querySelector("[name=period]");
  const point = form.querySelector("[name=control_point]");
  if (!period || !point) return;

  function apply() {
    point.querySelectorAll("option[data-period]").forEach(function (option) {
      const offered = option.dataset.period === period.value && !("future" in option.dataset);
      option.hidden = !offered;
      option.disabled = !offered;
      if (!offered && option.selected) point.value = "";
    });
    form.querySelectorAll("[data-points-note]").forEach(function (note) {
      note.hidden = note.dataset.pointsNote !== period.value;
    });
  }

  period.addEventListener("change", apply);
  apply();
})();
