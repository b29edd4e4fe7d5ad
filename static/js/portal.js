// Filter forms marked data-autosubmit apply themselves when a select changes.
document.addEventListener("change", function (event) {
  var form = event.target.closest("form[data-autosubmit]");
  if (form && event.target.tagName === "SELECT") {
    form.requestSubmit();
  }
});

// Buttons with data-confirm ask before submitting.
document.addEventListener("submit", function (event) {
  var message = event.submitter && event.submitter.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
