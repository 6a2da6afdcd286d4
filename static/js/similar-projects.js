// Admin "add project": while the title is typed, list existing projects whose title or summary is similar.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("similar-projects");
    var title = document.getElementById("id_title");
    if (!box || !title) return;
    var list = box.querySelector("ul");
    var timer = null;

    function render(results) {
      list.replaceChildren();
      results.forEach(function (item) {
        var li = document.createElement("li");
        var label = item.title + " (" + item.municipality + ", " + item.status + ")";
        if (item.url) {
          var link = document.createElement("a");
          link.href = item.url;
          link.target = "_blank";
          link.rel = "noopener";
          link.textContent = label;
          li.appendChild(link);
        } else {
          li.textContent = label;
        }
        list.appendChild(li);
      });
      box.hidden = results.length === 0;
    }

    function lookUp() {
      var text = title.value.trim();
      if (text.length < 4) { render([]); return; }
      fetch(box.dataset.url + "?q=" + encodeURIComponent(text.slice(0, 200)), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { render(data.results); })
        .catch(function () { render([]); });
    }

    function schedule() { clearTimeout(timer); timer = setTimeout(lookUp, 400); }
    title.addEventListener("input", schedule);
  });
})();
