// The «Показатели проекта» chart: counts as bars on the left axis, shares as a line in
// per cent on the right. Missing figures stay gaps: «нет данных» is not zero.
(function () {
  var source = document.getElementById("indicators-chart-data");
  var canvas = document.getElementById("indicators-chart");
  if (!source || !canvas || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  // A series with no figure in any year would draw an empty 0–1 axis; the page lists such
  // series with where their data is entered, and the chart leaves them out.
  data.datasets = data.datasets.filter(function (set) {
    return set.values.some(function (value) { return value !== null; });
  });
  if (!data.datasets.length) {
    return;
  }
  var colours = ["#0d6efd", "#6c757d", "#198754"];
  var formatNumber = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });
  // One axis per unit, so a few dozen events are not flattened by hundreds of people.
  var scales = {};
  var datasets = data.datasets.map(function (set, index) {
    var share = set.unit === "%";
    if (!scales[set.unit]) {
      scales[set.unit] = share
        ? { type: "linear", position: "right", min: 0, max: 100,
            title: { display: true, text: "%" }, grid: { drawOnChartArea: false } }
        : { type: "linear", position: "left", beginAtZero: true,
            title: { display: true, text: set.unit },
            grid: { drawOnChartArea: Object.keys(scales).length === 0 },
            ticks: { precision: 0 } };
    }
    return {
      type: share ? "line" : "bar",
      label: set.label,
      data: set.values,
      unit: set.unit,
      yAxisID: set.unit,
      backgroundColor: colours[index % colours.length],
      borderColor: colours[index % colours.length],
      borderWidth: share ? 3 : 0,
      pointRadius: share ? 5 : 0,
      spanGaps: false,
      order: share ? 0 : 1
    };
  });
  new Chart(canvas, {
    data: { labels: data.labels, datasets: datasets },
    options: {
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: scales,
      plugins: {
        legend: { position: "bottom" },
        tooltip: {
          callbacks: {
            label: function (context) {
              var value = context.raw;
              var shown = value === null ? "нет данных"
                : formatNumber.format(value) + " " + context.dataset.unit;
              return context.dataset.label + ": " + shown;
            }
          }
        }
      }
    }
  });
})();
