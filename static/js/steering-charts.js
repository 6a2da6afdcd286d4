// Draws the steering charts from the JSON the page embeds (json_script); no inline script (CSP).
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;
  var source = document.getElementById("steering-chart-data");
  if (!source) return;
  var charts = JSON.parse(source.textContent);
  var palette = ["#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#d63384", "#20c997", "#6c757d", "#dc3545", "#ffc107", "#0dcaf0"];

  function withColours(datasets, line) {
    return datasets.map(function (dataset, index) {
      var colour = palette[index % palette.length];
      return Object.assign({ backgroundColor: colour, borderColor: colour, spanGaps: true, fill: false }, dataset, line ? { tension: 0.2 } : {});
    });
  }

  function config(spec) {
    if (spec.type === "goal") {
      var n = spec.values.length;
      return {
        type: "line",
        data: {
          labels: spec.labels,
          datasets: [
            { label: spec.valueLabel, data: spec.values, borderColor: palette[0], backgroundColor: palette[0], tension: 0.2 },
            { label: spec.targetLabel, data: Array(n).fill(spec.target), borderColor: palette[1], borderDash: [6, 4], pointRadius: 0 }
          ]
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: "bottom" } } }
      };
    }
    var stacked = spec.type === "stacked";
    var line = spec.type === "line";
    var yAxis = { beginAtZero: true, stacked: stacked, ticks: { precision: 0 } };
    if (spec.max) yAxis.max = spec.max;
    return {
      type: line ? "line" : "bar",
      data: { labels: spec.labels, datasets: withColours(spec.datasets, line) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: "bottom", display: spec.datasets.length > 1 } },
        scales: { x: { stacked: stacked }, y: yAxis }
      }
    };
  }

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var spec = charts[canvas.dataset.chart];
    if (spec) new Chart(canvas, config(spec));
  });
})();
