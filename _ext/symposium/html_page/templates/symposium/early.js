/* Before the first paint: whether this visitor starred items and whether their clock differs
   from the event's, so that attendee.css keeps the room the toolbar will take (the share
   button, the time-zone switch) and the program does not move when the modules add it.

   A classic script, in the head of every page right after the page's data (html_page/attendee.py
   puts this file's text there, without this comment): it runs as the head is read, before the
   deferred modules, which come too late for the first paint. */
(function () {
  var html = document.documentElement, data;
  try { data = JSON.parse(document.getElementById("symposium-data").textContent); } catch (e) { return; }
  try {
    if ((localStorage.getItem(data.names.stars_key) || "[]").length > 2) html.classList.add("symposium-has-stars");
  } catch (e) { /* storage off: no stars to keep room for */ }
  try {
    // the wall clock at noon (UTC) of the event's first day, here and in the event's zone
    var noon = new Date(data.date + "T12:00:00Z");
    var clock = function (zone) {
      return new Intl.DateTimeFormat("en-CA", { timeZone: zone, hour: "2-digit", minute: "2-digit",
                                                hourCycle: "h23" }).format(noon);
    };
    if (clock(undefined) !== clock(data.timezone)) html.classList.add("symposium-zone-differs");
  } catch (e) { /* an unknown zone: nothing to keep room for */ }
})();
