// The results form: a team that did not attend has no numbers and no outcome, so unticking
// «Участвовала» clears and disables them (disabled fields are not sent; the server reads the
// absence as 0). Ticking again gives the fields back, empty, for the curator to fill.
(function () {
  "use strict";
  const form = document.getElementById("results-form");
  if (!form) return;

  function apply(checkbox, clear) {
    const row = checkbox.closest("tr");
    row.querySelectorAll("[data-needs-attendance]").forEach(function (field) {
      if (!checkbox.checked && clear) field.value = "";
      field.disabled = !checkbox.checked;
    });
  }

  form.querySelectorAll("[data-attended]").forEach(function (checkbox) {
    apply(checkbox, false);
    checkbox.addEventListener("change", function () { apply(checkbox, true); });
  });
})();
