// On a narrow screen the filters start folded so the results come first.
// Without JavaScript they stay open: the page works either way.
(function () {
  var filters = document.getElementById("filters");
  if (filters && window.matchMedia("(max-width: 991.98px)").matches) {
    filters.removeAttribute("open");
  }
})();

// Leave empty filters out of live requests, so the address bar shows only what was chosen.
document.addEventListener("htmx:configRequest", function (event) {
  var parameters = event.detail.parameters;
  Object.keys(parameters).forEach(function (name) {
    if (parameters[name] === "") {
      delete parameters[name];
    }
  });
});

// After a live update the filters in the address changed: each language's link keeps them.
document.addEventListener("htmx:pushedIntoHistory", function () {
  document.querySelectorAll(".language-switcher a[hreflang]").forEach(function (link) {
    var address = new URL(link.href);
    address.search = window.location.search;
    link.href = address.toString();
  });
});
