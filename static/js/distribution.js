// «Подбор распределения»: follows the background computation and helps pick what to accept.
(function () {
  "use strict";

  function showProgress(box, percent, stage) {
    var bar = box.querySelector(".progress-bar");
    bar.style.width = percent + "%";
    box.querySelector(".progress").setAttribute("aria-valuenow", percent);
    box.querySelector("#proposal-percent").textContent = percent + " %";
    if (stage) {
      box.querySelector("#proposal-stage").textContent = stage;
    }
  }

  function follow(box) {
    var url = box.getAttribute("data-status-url");
    showProgress(box, parseInt(box.getAttribute("data-progress"), 10) || 0, "");
    function poll() {
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (state) {
          showProgress(box, state.progress, state.stage);
          if (state.finished) {
            window.location.reload();
          } else {
            window.setTimeout(poll, 1000);
          }
        })
        .catch(function () {
          // A lost connection is retried more slowly rather than given up.
          window.setTimeout(poll, 5000);
        });
    }
    window.setTimeout(poll, 1000);
  }

  var box = document.getElementById("proposal-progress");
  if (box) {
    follow(box);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-check-all], [data-uncheck-all]");
    if (!button) {
      return;
    }
    var checked = button.hasAttribute("data-check-all");
    var name = button.getAttribute(checked ? "data-check-all" : "data-uncheck-all");
    button.form.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(
      function (checkbox) { checkbox.checked = checked; }
    );
  });

  document.querySelectorAll("[data-filter-rows]").forEach(function (toggle) {
    var table = document.querySelector(toggle.getAttribute("data-filter-rows"));
    function apply() {
      table.querySelectorAll("tbody tr[data-changed='0']").forEach(function (row) {
        row.hidden = toggle.checked;
      });
    }
    toggle.addEventListener("change", apply);
    apply();
  });
})();
