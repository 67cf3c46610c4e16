// Renders the Vega-Lite specs the server put in data-spec attributes, with the vendored
// vega-embed. `ast: true` evaluates expressions with the bundled interpreter instead of
// generating code, so the page works under a Content-Security-Policy without 'unsafe-eval'.
(function () {
  "use strict";
  if (typeof vegaEmbed !== "function") return;
  document.querySelectorAll("figure.chart[data-spec]").forEach(function (el) {
    var spec;
    try {
      spec = JSON.parse(el.getAttribute("data-spec"));
    } catch (err) {
      return;
    }
    vegaEmbed(el, spec, {
      ast: true,
      actions: false,
      renderer: "svg",
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true },
      loader: { http: { credentials: "omit" } }
    }).then(function () {
      el.classList.add("rendered");
    }).catch(function (err) {
      el.classList.add("failed");
      el.textContent = "Chart unavailable: " + err.message;
    });
  });
})();
