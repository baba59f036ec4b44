// corpuslint HTML report: filter the findings table (search text, severity, family, rule).
(function () {
  "use strict";
  var q = document.getElementById("q"), sev = document.getElementById("sev"),
      fam = document.getElementById("fam"), code = document.getElementById("code"),
      count = document.getElementById("count");
  if (!q) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("#findings tbody tr"));
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function apply() {
    var needle = q.value.trim().toLowerCase(), shown = 0;
    rows.forEach(function (r, i) {
      var ok = (!needle || texts[i].indexOf(needle) !== -1) &&
               (!sev.value || r.dataset.sev === sev.value) &&
               (!fam.value || r.dataset.fam === fam.value) &&
               (!code.value || r.dataset.code === code.value);
      r.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " shown";
  }
  [q, sev, fam, code].forEach(function (el) { el.addEventListener("input", apply); });
  // a link may carry a filter: report.html#q=W101&sev=warning
  if (location.hash.length > 1) {
    var params = new URLSearchParams(location.hash.slice(1));
    if (params.has("q")) { q.value = params.get("q"); }
    if (params.has("sev")) { sev.value = params.get("sev"); }
    if (params.has("fam")) { fam.value = params.get("fam"); }
    if (params.has("code")) { code.value = params.get("code"); }
    apply();
  }
})();
