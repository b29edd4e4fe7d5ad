// Long checkbox lists are searchable: typing filters the boxes by their label (or by
// data-search), and ticked boxes stay ticked when hidden. A list is either one the page
// marks itself (a search input with data-checklist-search and aria-controls naming the list,
// as on the attendance page) or one whose boxes carry data-searchable (core.forms
// SearchableCheckboxes): it gets its search box here once it is longer than a screenful,
// also in forms a formset adds later (formset.js announces them with «portal:added»).
(function () {
  "use strict";
  const LONG = 8;
  let made = 0;

  document.addEventListener("input", function (event) {
    const search = event.target;
    if (!search.matches || !search.matches("input[data-checklist-search]")) return;
    const list = document.getElementById(search.getAttribute("aria-controls"));
    if (!list) return;
    const needle = search.value.trim().toLowerCase();
    list.querySelectorAll(".form-check").forEach(function (row) {
      const text = (row.dataset.search || row.textContent).toLowerCase();
      row.hidden = needle !== "" && !text.includes(needle);
    });
  });

  function dress(list) {
    if (list.dataset.checklist || list.querySelectorAll(".form-check").length <= LONG) return;
    list.dataset.checklist = "on";
    made += 1;
    if (!list.id) list.id = "checklist-" + made;
    const search = document.createElement("input");
    search.type = "search";
    search.className = "form-control form-control-sm mb-2";
    search.id = list.id + "-search";
    search.autocomplete = "off";
    search.placeholder = "Найти в списке";
    search.dataset.checklistSearch = "";
    search.setAttribute("aria-controls", list.id);
    const label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = search.id;
    const legend = list.closest("fieldset") && list.closest("fieldset").querySelector("legend");
    label.textContent = "Найти в списке" + (legend ? ": " + legend.textContent.trim() : "");
    list.classList.add("scroll-list", "border", "rounded", "p-2");
    list.before(label, search);
  }

  function dressAll(root) {
    root.querySelectorAll("input[data-searchable]").forEach(function (box) {
      const row = box.closest(".form-check");
      if (row && row.parentElement) dress(row.parentElement);
    });
  }

  dressAll(document);
  document.addEventListener("portal:added", function (event) { dressAll(event.target); });
})();
