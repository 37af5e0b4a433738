// A call's moments in the visitor's own time zone, and the time left before one to come.
// The page says them in Seoul time already; this adds the reader's own, computed in the browser so
// that a page kept for every visitor is right for each of them.
(function () {
  "use strict";
  function timeLeft(ms, lang) {
    var minutes = Math.floor(ms / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    var format = new Intl.RelativeTimeFormat(lang, { numeric: "always" });
    if (days > 0) return format.format(days, "day");
    if (hours > 0) return format.format(hours, "hour");
    return format.format(Math.max(minutes, 1), "minute");
  }
  function show() {
    var lang = document.documentElement.lang || undefined;
    document.querySelectorAll("time[data-moment]").forEach(function (element) {
      var moment = new Date(element.getAttribute("datetime"));
      if (isNaN(moment)) return;
      var local = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" }).format(moment);
      var extra = document.createElement("span");
      extra.className = "moment-local";
      extra.textContent = " · " + local + " " + (element.dataset.yourTime || "");
      var left = moment - Date.now();
      if (element.hasAttribute("data-countdown") && left > 0) {
        extra.textContent += " · " + timeLeft(left, lang);
      }
      element.after(extra);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
