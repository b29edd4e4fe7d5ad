// The «Отчёты» page: follows the jobs still being built and updates their rows
// (badge, progress bar, stage, failure reason, download link) without a reload.
(function () {
  var POLL_MS = 1500;
  var BADGES = {
    queued: "text-bg-secondary",
    running: "text-bg-primary",
    done: "text-bg-success",
    failed: "text-bg-danger"
  };

  function part(row, role) {
    return row.querySelector('[data-role="' + role + '"]');
  }

  function showBar(row, percent) {
    var bar = part(row, "bar");
    // The width is set through the DOM, which the page's security policy allows
    // (a style attribute in the markup it would not).
    bar.style.width = percent + "%";
    bar.textContent = percent + " %";
    part(row, "progress").setAttribute("aria-valuenow", String(percent));
  }

  function toggle(element, visible) {
    element.classList.toggle("d-none", !visible);
  }

  function update(row, state) {
    var badge = part(row, "badge");
    badge.className = "badge " + (BADGES[state.status] || "text-bg-secondary");
    badge.textContent = state.status_label;
    showBar(row, state.progress);
    toggle(part(row, "progress"), !state.finished);
    part(row, "stage").textContent = state.stage;
    toggle(part(row, "stage"), !state.finished);
    part(row, "error").textContent = state.error;
    toggle(part(row, "error"), state.status === "failed");
    var link = part(row, "download");
    if (state.download_url) {
      link.setAttribute("href", state.download_url);
      part(row, "filename").textContent = state.filename;
    }
    toggle(link, Boolean(state.download_url));
    part(row, "duration").textContent = state.duration;
  }

  function poll(rows) {
    var waiting = rows.filter(function (row) { return row.hasAttribute("data-status-url"); });
    if (!waiting.length) {
      return;
    }
    Promise.all(waiting.map(function (row) {
      return fetch(row.getAttribute("data-status-url"), {
        headers: { Accept: "application/json" },
        credentials: "same-origin"
      }).then(function (response) {
        if (response.status === 404) {
          // The job is gone (removed after its retention period): nothing to follow.
          row.removeAttribute("data-status-url");
        }
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      }).then(function (state) {
        update(row, state);
        if (state.finished) {
          row.removeAttribute("data-status-url");
        }
      }).catch(function () {
        // A missed answer (network, restart) is simply asked again next time.
      });
    })).then(function () {
      window.setTimeout(function () { poll(rows); }, POLL_MS);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-report-job]"));
    rows.forEach(function (row) {
      showBar(row, Number(part(row, "bar").getAttribute("data-progress")));
    });
    poll(rows);
  });
})();
