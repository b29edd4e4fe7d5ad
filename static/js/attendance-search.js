// The attendance page: typing filters the checkbox list by name or organization; ticked
// boxes stay ticked when hidden.
(function () {
  "use strict";
  const search = document.getElementById("attendance-search");
  if (!search) return;
  search.addEventListener("input", function () {
    const needle = search.value.trim().toLowerCase();
    document.querySelectorAll("[data-person]").forEach(function (row) {
      row.hidden = needle !== "" && !row.dataset.person.includes(needle);
    });
  });
})();
