// «Добавить …» buttons (data-formset-add="<prefix>") append a blank form of a Django formset,
// copied from <template id="<prefix>-empty">, and count it in the management form; the
// «portal:added» event lets other scripts (long checkbox lists) dress the new form.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-formset-add]");
  if (!button) {
    return;
  }
  var prefix = button.getAttribute("data-formset-add");
  var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
  var template = document.getElementById(prefix + "-empty");
  var list = document.getElementById(prefix + "-list");
  if (!total || !template || !list) {
    return;
  }
  var index = parseInt(total.value, 10);
  list.insertAdjacentHTML("beforeend", template.innerHTML.replace(/__prefix__/g, String(index)));
  total.value = String(index + 1);
  list.dispatchEvent(new CustomEvent("portal:added", { bubbles: true }));
});
