// The page of an Excel upload: follows the job while the worker checks and loads the
// file (badge, progress bar, rows checked), then reloads to show the row report.
(function () {
  var POLL_MS = 1500;

  function part(box, role) {
    return box.querySelector('[data-role="' + role + '"]');
  }

  function showBar(box, percent) {
    var bar = part(box, "bar");
    if (!bar) {
      return;
    }
    // Set through the DOM, which the page's security policy allows (a style attribute in
    // the markup it would not).
    bar.style.width = percent + "%";
    bar.textContent = percent + " %";
    part(box, "progress").setAttribute("aria-valuenow", String(percent));
  }

  function update(box, state) {
    part(box, "badge").textContent = state.status_label;
    showBar(box, state.percent);
    var stage = state.stage;
    if (state.rows_written) {
      stage += " Готово к записи: " + state.rows_written + ".";
    }
    part(box, "stage").textContent = stage;
  }

  function poll(box) {
    fetch(box.getAttribute("data-status-url"), {
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    }).then(function (state) {
      if (state.finished) {
        // The report is drawn by the server: show the finished page.
        window.location.reload();
        return;
      }
      update(box, state);
      window.setTimeout(function () { poll(box); }, POLL_MS);
    }).catch(function () {
      // A missed answer (network, restart) is simply asked again.
      window.setTimeout(function () { poll(box); }, POLL_MS * 2);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.querySelector("[data-import-job]");
    if (!box) {
      return;
    }
    var bar = part(box, "bar");
    if (bar) {
      showBar(box, Number(bar.getAttribute("data-progress")));
    }
    if (box.hasAttribute("data-status-url")) {
      window.setTimeout(function () { poll(box); }, POLL_MS);
    }
  });
})();
