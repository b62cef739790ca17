// Label search for the static site: reads search.json and filters like the server does.
(function () {
  "use strict";
  var script = document.currentScript;
  var box = document.getElementById("results");
  var params = new URLSearchParams(window.location.search);
  var q = (params.get("q") || "").trim();
  var input = document.getElementById("q");
  if (input) { input.value = q; }
  if (!q || !box) { return; }
  function fold(s) { return s.toLowerCase().replace(/[\s_\-\/]+/g, " ").trim(); }
  fetch(script.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (entries) {
    var words = fold(q).split(" ").filter(Boolean);
    var whole = words.join(" ");
    var hits = [];
    entries.forEach(function (e) {
      var label = fold(e.label);
      var text = [label].concat(e.also.map(fold)).join(" ");
      if (words.every(function (w) { return text.indexOf(w) >= 0; })) {
        hits.push([label === whole ? 0 : 1, e.rank, label.indexOf(words[0]) === 0 ? 0 : 1, label.length, e]);
      }
    });
    hits.sort(function (a, b) {
      for (var i = 0; i < 4; i++) { if (a[i] !== b[i]) { return a[i] - b[i]; } }
      return 0;
    });
    box.textContent = "";
    var count = document.createElement("p");
    count.className = "n";
    count.textContent = hits.length + (hits.length === 1 ? " result" : " results") + " for \u201c" + q + "\u201d";
    box.appendChild(count);
    var list = document.createElement("ol");
    list.className = "hits";
    hits.slice(0, 200).forEach(function (h) {
      var e = h[4], li = document.createElement("li"), a = document.createElement("a");
      a.href = e.href;
      a.textContent = e.label;
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = " " + e.kind;
      li.appendChild(a);
      li.appendChild(kind);
      list.appendChild(li);
    });
    box.appendChild(list);
  });
})();
