/* For attendees, in the browser only: their own time zone beside the event's, what is on
   now and next, a starred program kept in localStorage (filter, .ics download, share link
   with a QR code), all added to pages that read completely without it.

   Hooks from the extension: <script type="application/json" id="symposium-data"> with the
   acronym, the event's time zone and the program calendar's path; program rows and talk
   headers carry the class symposium-item-<slug> (calendar UID: <slug>@<acronym>), and a
   cancelled one symposium-status-cancelled; every time is a <time datetime="..."> with its
   offset. `?now=2025-11-21T10:40-06:00` fakes the clock. Offline, the site's service worker
   keeps pages (section 5). */
(function () {
  "use strict";

  var dataNode = document.getElementById("symposium-data");
  if (!dataNode) return;
  var data;
  try { data = JSON.parse(dataNode.textContent); } catch (e) { return; }
  var root = document.documentElement.getAttribute("data-content_root") || "";
  var lang = data.language || document.documentElement.lang || "en";
  var KEY_STARS = "symposium:" + data.acronym + ":starred";
  var KEY_LOCAL = "symposium:local-time";
  var SLUG = /^[a-z0-9][a-z0-9-]*$/;
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  // what the script says, in the site's language: the build puts it in the page's data
  // (rendering/words.py BROWSER); ``{name}`` takes values[name]; a pair is [one, other] by values.count
  var WORDS = data.words || {};
  function say(key, values) {
    var text = WORDS[key];
    if (Array.isArray(text)) text = text[values && values.count === 1 ? 0 : 1];
    if (typeof text !== "string") text = key;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  // -- small helpers --------------------------------------------------------------------
  function store(key, value) {
    try {
      if (value === undefined) return window.localStorage.getItem(key);
      if (value === null) window.localStorage.removeItem(key); else window.localStorage.setItem(key, value);
    } catch (e) { /* storage off: the features still work for this page */ }
    return null;
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "onclick") node.addEventListener("click", attrs[name]);
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  var STAR_SVG = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">' +
    '<path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"/></svg>';
  function slugOf(node) {
    var found = null;
    node.classList.forEach(function (name) {
      if (name.indexOf("symposium-item-") === 0) found = name.slice("symposium-item-".length);
    });
    return found;
  }
  function titleOf(container) {
    var title = container.querySelector(".symposium-title");
    if (title) return title.textContent.trim();
    var heading = document.querySelector("main h1, article h1, h1");
    return heading ? heading.textContent.replace(/#$/, "").trim() : "";
  }

  // -- the live region: "now" and the filter are announced -----------------------------
  var live = el("div", { "class": "symposium-live", role: "status", "aria-live": "polite" });
  document.body.appendChild(live);
  function announce(text) {
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
  }

  // -- "Copy" beside each text of a talk's "Cite this talk" block ---------------------------
  // Without JavaScript (or a clipboard), the <pre> can be selected by hand; this only saves a step.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = el("textarea", { readonly: "", "aria-hidden": "true", style: "position:fixed;top:-100vh;opacity:0" });
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (e) { done = false; }
      area.remove();
      if (done) resolve(); else reject(new Error("copy refused"));
    });
  }
  function copyButtons() {
    document.querySelectorAll(".symposium-cite-format").forEach(function (part) {
      var label = part.querySelector(".symposium-cite-label");
      var text = part.querySelector("pre.symposium-cite-text");
      if (!label || !text || label.querySelector("button")) return;
      var name = label.textContent.trim();
      var button = el("button", { type: "button", "class": "symposium-cite-copy", text: say("copy"),
                                  "aria-label": say("copyThe", { name: name }) });
      button.addEventListener("click", function () {
        copyText(text.textContent).then(function () {
          button.textContent = say("copied");
          announce(say("nameCopied", { name: name }));
          window.setTimeout(function () { button.textContent = say("copy"); }, 2000);
        }).catch(function () {
          var range = document.createRange();
          range.selectNodeContents(text);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          announce(say("nameSelected", { name: name }));
        });
      });
      label.appendChild(button);
    });
  }

  // -- what the page holds ------------------------------------------------------------------
  // The items of every listing: the rows of program tables and the cells of program grids.
  // A session's row heads its talks: it is not an item (no star, never "on now").
  var rows = Array.prototype.slice.call(document.querySelectorAll(
    "table.symposium-program tbody tr:not(.symposium-session-row), .symposium-grid-item"));
  var sessionRows = Array.prototype.slice.call(document.querySelectorAll("table.symposium-program tr.symposium-session-row"));
  // The day of the program a moment belongs to, as the build reckons it: a time before
  // symposium_day_change (such as 00:30 with "04:00") belongs to the day before. ``wall`` is the
  // event's wall clock, "YYYY-MM-DDTHH:MM", as every <time datetime> of the page writes it.
  var dayChange = data.dayChange || "00:00";
  function programDay(wall) {
    var date = wall.slice(0, 10);
    if (wall.slice(11, 16) >= dayChange) return date;
    var before = new Date(date + "T12:00:00Z");
    before.setUTCDate(before.getUTCDate() - 1);
    return before.toISOString().slice(0, 10);
  }
  function isGridCell(node) { return node.classList.contains("symposium-grid-item"); }
  // where an item's times are: the first cell of a row, the line under a grid cell's session
  function timesOf(node) {
    return node.querySelectorAll(isGridCell(node) ? ".symposium-grid-meta time" : "td:first-child time");
  }
  var items = rows.map(function (row) {
    var times = timesOf(row);
    var day = times.length ? programDay(times[0].getAttribute("datetime")) : "";
    var start = times.length ? new Date(times[0].getAttribute("datetime")) : null;
    var end = times.length ? new Date(times[times.length - 1].getAttribute("datetime")) : null;
    return { row: row, slug: slugOf(row), day: day, start: start, end: end, title: titleOf(row),
             isBreak: row.classList.contains("symposium-row-break"),
             cancelled: row.classList.contains("symposium-status-cancelled") };
  });
  var talkHeader = document.querySelector(".symposium-talk-header");
  var firstListing = document.querySelector("table.symposium-program, .symposium-grid");
  var anchor = firstListing ? (firstListing.closest(".symposium-program-day, .pst-scrollable-table-container") || firstListing) : null;

  // -- 1. time zones ------------------------------------------------------------------------
  var visitorZone = "";
  try { visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { visitorZone = ""; }
  var allTimes = Array.prototype.slice.call(document.querySelectorAll("time[datetime]"));
  function clock(zone) {
    return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
                                              hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  }
  var zoneDiffers = false;
  if (visitorZone && data.timezone && visitorZone !== data.timezone) {
    try {
      var mine = clock(visitorZone), theirs = clock(data.timezone);
      zoneDiffers = allTimes.some(function (t) {
        var when = new Date(t.getAttribute("datetime"));
        return !isNaN(when) && mine.format(when) !== theirs.format(when);
      });
    } catch (e) { zoneDiffers = false; }
  }
  function zoneShort(when) {
    try {
      var part = new Intl.DateTimeFormat(lang, { timeZone: visitorZone, timeZoneName: "short" })
        .formatToParts(when).filter(function (p) { return p.type === "timeZoneName"; })[0];
      return part ? part.value : "";
    } catch (e) { return ""; }
  }
  var zoneCity = visitorZone.split("/").pop().replace(/_/g, " ");
  // the visitor's date of a moment, "YYYY-MM-DD" (from the parts: no locale's order is assumed)
  var visitorParts = new Intl.DateTimeFormat("en-US", { timeZone: visitorZone || undefined, year: "numeric",
                                                         month: "2-digit", day: "2-digit" });
  var visitorDate = { format: function (when) {
    var parts = {};
    visitorParts.formatToParts(when).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  } };
  function weekday(when) {
    return new Intl.DateTimeFormat(lang, { timeZone: visitorZone || undefined, weekday: "short" }).format(when);
  }
  // "9:00–10:00 AM PDT"; "Thu 7:10–8:10 AM JST" when the visitor's date is not the day of
  // the program the item is listed under (``programDate``, as the page's headings give it);
  // "11:45 PM – 12:00 AM (Wed) PDT" when the range runs past the visitor's midnight
  function localText(start, end, programDate) {
    // the clock of the event's times beside it (the build's symposium_clock or the language's)
    var fmt = new Intl.DateTimeFormat(lang, { timeZone: visitorZone || undefined, hour: "numeric", minute: "2-digit",
                                              hourCycle: data.hourCycle || undefined });
    var text = fmt.format(start);
    if (end && end - start > 0) {
      if (visitorDate.format(end) === visitorDate.format(start)) {
        text = (fmt.formatRange ? fmt.formatRange(start, end) : text + " – " + fmt.format(end)).replace(/\s+[–-]\s+/, "–");
      } else {
        text += " – " + fmt.format(end) + " (" + weekday(end) + ")";
      }
    }
    if (visitorDate.format(start) !== programDate) text = weekday(start) + " " + text;
    return text + " " + zoneShort(start);
  }
  function showLocal(on) {
    document.querySelectorAll(".symposium-local").forEach(function (node) { node.remove(); });
    document.documentElement.classList.toggle("symposium-local-on", on);
    document.querySelectorAll(".symposium-tz-switch").forEach(function (button) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    if (!on) return;
    var done = [];
    allTimes.forEach(function (t) {
      var range = t.closest(".symposium-time");
      var owner = range || t;
      if (done.indexOf(owner) >= 0) return;
      done.push(owner);
      var inRange = range ? range.querySelectorAll("time") : [t];
      var start = new Date(inRange[0].getAttribute("datetime"));
      var end = new Date(inRange[inRange.length - 1].getAttribute("datetime"));
      if (isNaN(start)) return;
      var programDate = programDay(inRange[0].getAttribute("datetime"));
      var label = el("span", { "class": "symposium-local",
                               text: localText(start, inRange.length > 1 ? end : null, programDate) });
      label.setAttribute("title", say("yourTime", { zone: visitorZone }));
      // in a grid cell and a session's heading, on a line of its own after the room and
      // track, which follow the event's time on the same line
      var line = owner.closest(".symposium-grid-meta, .symposium-session-title");
      if (line) line.appendChild(label);
      else owner.parentNode.insertBefore(label, owner.nextSibling);
    });
  }
  // "Berlin, GMT+1"; a zone whose name is its abbreviation ("UTC") once
  function zoneLabel(city, short) { return city === short ? city : city + ", " + short; }
  function tzSwitch() {
    var button = el("button", {
      type: "button", "class": "symposium-button symposium-tz-switch", "aria-pressed": "false",
      text: say("alsoShowMyTime", { zone: zoneLabel(zoneCity, zoneShort(allTimes.length ? new Date(allTimes[0].getAttribute("datetime")) : new Date())) }),
    });
    button.setAttribute("title", say("timesStay", { zone: visitorZone }));
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      store(KEY_LOCAL, on ? visitorZone : null);
      showLocal(on);
      announce(on ? say("showingYourTime", { zone: visitorZone }) : say("showingEventTime"));
    });
    return button;
  }

  // -- 3. stars ------------------------------------------------------------------------------
  function readStars() {
    try {
      var list = JSON.parse(store(KEY_STARS) || "[]");
      return Array.isArray(list) ? list.filter(function (s) { return typeof s === "string" && SLUG.test(s); }) : [];
    } catch (e) { return []; }
  }
  var starred = readStars();
  function saveStars() { store(KEY_STARS, JSON.stringify(starred)); }
  // a selection shared by link (#starred=a,b) joins this browser's stars
  var shared = /(?:^#|&)starred=([a-z0-9,-]*)/.exec(window.location.hash);
  if (shared) {
    var added = shared[1].split(",").filter(function (s) { return SLUG.test(s) && starred.indexOf(s) < 0; });
    starred = starred.concat(added);
    saveStars();
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    window.setTimeout(function () {
      announce(added.length ? say("sharedAdded", { count: added.length }) : say("sharedKnown"));
    }, 300);
  }
  var starButtons = [];
  function starButton(slug, title, withText) {
    var button = el("button", { type: "button", "class": "symposium-star" + (withText ? " symposium-button" : ""),
                                "aria-pressed": "false", "data-slug": slug });
    button.innerHTML = STAR_SVG;
    if (withText) button.appendChild(el("span", { "class": "symposium-star-text", text: say("starThisTalk") }));
    if (!withText) button.setAttribute("aria-label", say("starTitle", { title: title }));
    button.setAttribute("title", say("keepInProgram"));
    button.addEventListener("click", function () {
      var at = starred.indexOf(slug);
      if (at >= 0) starred.splice(at, 1); else starred.push(slug);
      saveStars();
      render();
      announce(say(at >= 0 ? "removedFrom" : "addedTo", { title: title, count: starred.length }));
    });
    starButtons.push(button);
    return button;
  }

  // -- toolbar (pages with a program table) ------------------------------------------------
  var filterButton = null, jumpButton = null, downloadButton = null, shareBox = null, shareInput = null,
      qrBox = null, countNode = null, placeSelects = [];
  // "All rooms" / "All tracks": a select per kind that the program has (rooms: more than one)
  function placeSelect(kind, values) {
    var select = el("select", { "class": "symposium-place-filter", "data-kind": kind });
    select.appendChild(el("option", { value: "", text: say(kind === "room" ? "allRooms" : "allTracks") }));
    values.forEach(function (v) { select.appendChild(el("option", { value: v.key, text: v.name })); });
    select.addEventListener("change", function () {
      render();
      var shown = items.filter(function (i) { return !i.row.hidden; }).length;
      announce(select.value ? say("showingPlace", { place: select.options[select.selectedIndex].text, count: shown })
                            : say(kind === "room" ? "showingAllRooms" : "showingAllTracks"));
    });
    placeSelects.push(select);
    return el("label", { "class": "symposium-place-label" }, [el("span", { text: say(kind) + " " }), select]);
  }
  function placeHidden(row) {
    return placeSelects.some(function (select) {
      return select.value && !row.classList.contains("symposium-" + select.getAttribute("data-kind") + "-" + select.value);
    });
  }
  function shareUrl() {
    return window.location.origin + window.location.pathname + "#starred=" + starred.join(",");
  }
  var qrLoading = null;
  function loadQr() {
    if (window.qrcode) return Promise.resolve(window.qrcode);
    if (!qrLoading) {
      qrLoading = new Promise(function (resolve, reject) {
        var script = el("script", { src: root + "_static/vendor/qrcode.js" });
        script.onload = function () { resolve(window.qrcode); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return qrLoading;
  }
  function renderShare() {
    if (!shareBox) return;
    shareInput.value = shareUrl();
    if (!shareBox.open) return;
    loadQr().then(function (qrcode) {
      var qr = qrcode(0, "M");
      qr.addData(shareUrl());
      qr.make();
      qrBox.innerHTML = "";
      qrBox.appendChild(el("img", { src: qr.createDataURL(4, 16), alt: say("qrAlt") }));
    }).catch(function () { qrBox.textContent = say("qrFailed"); });
  }
  function downloadCalendar() {
    var uids = starred.map(function (slug) { return slug + "@" + data.acronym; });
    window.fetch(root + data.calendar).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (text) {
      var first = text.indexOf("BEGIN:VEVENT");
      var eol = text.indexOf("\r\n") >= 0 ? "\r\n" : "\n";
      var head = first >= 0 ? text.slice(0, first) : text.replace(/END:VCALENDAR\s*$/, "");
      var events = text.match(/BEGIN:VEVENT\r?\n[\s\S]*?END:VEVENT\r?\n/g) || [];
      var kept = events.filter(function (block) {
        var uid = /^UID:(.*)$/m.exec(block.replace(/\r?\n[ \t]/g, ""));
        return uid && uids.indexOf(uid[1].trim()) >= 0;
      });
      var blob = new Blob([head + kept.join("") + "END:VCALENDAR" + eol], { type: "text/calendar" });
      var link = el("a", { href: URL.createObjectURL(blob), download: data.acronym + "-my-program.ics" });
      document.body.appendChild(link);
      link.click();
      link.remove();
      announce(say("downloaded", { count: kept.length }));
    }).catch(function () { announce(say("downloadFailed")); });
  }
  function toolbar() {
    var bar = el("div", { "class": "symposium-tools", role: "group", "aria-label": say("toolbar") });
    if (zoneDiffers) bar.appendChild(tzSwitch());
    jumpButton = el("button", { type: "button", "class": "symposium-button symposium-jump", hidden: "", text: say("jumpToNow"),
                                onclick: jumpToNow });
    bar.appendChild(jumpButton);
    // the rooms and tracks of every listing of the page, in the order of the first that has them
    var places = { rooms: [], tracks: [] };
    document.querySelectorAll(".symposium-places").forEach(function (node) {
      var more = {};
      try { more = JSON.parse(node.textContent); } catch (e) { more = {}; }
      ["rooms", "tracks"].forEach(function (kind) {
        (more[kind] || []).forEach(function (place) {
          if (!places[kind].some(function (known) { return known.key === place.key; })) places[kind].push(place);
        });
      });
    });
    if (places.rooms.length > 1) bar.appendChild(placeSelect("room", places.rooms));
    if (places.tracks.length) bar.appendChild(placeSelect("track", places.tracks));
    filterButton = el("button", { type: "button", "class": "symposium-button symposium-filter", "aria-pressed": "false",
                                  onclick: function () {
                                    var on = filterButton.getAttribute("aria-pressed") !== "true";
                                    filterButton.setAttribute("aria-pressed", on ? "true" : "false");
                                    render();
                                    announce(on ? say("showingStarred", { count: starred.length })
                                                : say("showingWhole"));
                                  } });
    filterButton.innerHTML = STAR_SVG;
    filterButton.appendChild(el("span", { text: say("starredOnly") }));
    countNode = el("span", { "class": "symposium-count" });
    filterButton.appendChild(countNode);
    bar.appendChild(filterButton);
    if (data.calendar && window.fetch && window.Blob) {
      downloadButton = el("button", { type: "button", "class": "symposium-button symposium-download",
                                      text: say("calendar"), "aria-label": say("calendarLabel"),
                                      title: say("calendarTitle"), onclick: downloadCalendar });
      bar.appendChild(downloadButton);
    }
    shareBox = el("details", { "class": "symposium-share" });
    shareInput = el("input", { type: "text", readonly: "", "class": "symposium-share-url", "aria-label": say("shareLink") });
    var copy = el("button", { type: "button", "class": "symposium-button", text: say("copyLink"), onclick: function () {
      shareInput.select();
      var done = function () { announce(say("linkCopied")); };
      if (navigator.clipboard) navigator.clipboard.writeText(shareInput.value).then(done, done); else done();
    } });
    qrBox = el("div", { "class": "symposium-qr" });
    shareBox.appendChild(el("summary", { "class": "symposium-button", text: say("shareMyProgram") }));
    shareBox.appendChild(el("div", { "class": "symposium-share-body" }, [
      el("p", { text: say("shareHelp") }),
      el("div", { "class": "symposium-share-line" }, [shareInput, copy]), qrBox]));
    shareBox.addEventListener("toggle", renderShare);
    bar.appendChild(shareBox);
    return bar;
  }

  // -- 2. now and next ---------------------------------------------------------------------
  var nowParam = new URLSearchParams(window.location.search).get("now");
  var fakeStart = nowParam ? new Date(nowParam) : null;
  if (fakeStart && isNaN(fakeStart)) fakeStart = null;
  var loaded = Date.now();
  function now() { return fakeStart ? new Date(fakeStart.getTime() + Date.now() - loaded) : new Date(); }
  var lastNowText = null;
  function markNow() {
    var at = now();
    // what comes next: the items of this day of the program, from the first start to the last end
    // of the day; a cancelled item takes no time: never on now or next, and not what comes next
    var parts = {};
    clock(data.timezone).formatToParts(at).forEach(function (part) { parts[part.type] = part.value; });
    var today = programDay(parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute);
    var timed = items.filter(function (i) { return i.start && !isNaN(i.start) && i.day === today && !i.cancelled; });
    var first = Math.min.apply(null, timed.map(function (i) { return i.start; }));
    var last = Math.max.apply(null, timed.map(function (i) { return i.end; }));
    // what runs now, whatever day it is listed under: a night's set from 01:00 to 10:00 is the
    // evening's item, and still on after the day changes at 04:00
    var current = items.filter(function (i) {
      return i.start && !isNaN(i.start) && !i.cancelled && i.start <= at && at < i.end;
    });
    var next = [];
    if (timed.length && at >= first && at < last) {
      var later = timed.filter(function (i) { return i.start > at; });
      var soonest = Math.min.apply(null, later.map(function (i) { return i.start; }));
      next = later.filter(function (i) { return i.start.getTime() === soonest; });
    }
    items.forEach(function (i) {
      var state = current.indexOf(i) >= 0 ? "now" : next.indexOf(i) >= 0 ? "next" : "";
      i.row.classList.toggle("symposium-is-now", state === "now");
      i.row.classList.toggle("symposium-is-next", state === "next");
      var label = i.row.querySelector(".symposium-now-label");
      if (!state) { if (label) label.remove(); return; }
      if (!label) {
        label = el("span", { "class": "symposium-now-label" });
        i.row.querySelector(isGridCell(i.row) ? ".symposium-grid-meta" : "td").appendChild(label);
      }
      label.textContent = say(state === "now" ? "onNow" : "next");
    });
    if (jumpButton) jumpButton.hidden = !(current.length || next.length);
    var text = current.length || next.length
      ? (current.length ? say("onNowList", { titles: current.map(function (i) { return i.title; }).join("; ") }) + " " : "") +
        (next.length ? say("nextList", { titles: next.map(function (i) { return i.title; }).join("; ") }) : "")
      : "";
    if (text !== lastNowText) {
      if (text && lastNowText !== null) announce(text);
      if (text && lastNowText === null) window.setTimeout(function () { announce(text); }, 600);
      lastNowText = text;
    }
  }
  function jumpToNow() {
    var target = document.querySelector(".symposium-is-now") || document.querySelector(".symposium-is-next");
    if (!target) return;
    target.scrollIntoView({ behavior: reduceMotion ? "auto" : "smooth", block: "center" });
    var link = target.querySelector("a.symposium-title");
    if (link) link.focus({ preventScroll: true });
    else { target.setAttribute("tabindex", "-1"); target.focus({ preventScroll: true }); }
  }

  // -- 4. what changed in the starred items since the last visit ------------------------------
  // The build gives the program's versions in order and the versions that changed each item;
  // this browser keeps the version it last saw. Nothing is sent anywhere.
  var KEY_SEEN = "symposium:" + data.acronym + ":seen-version";
  function changeNotice(slot) {
    var node = slot.querySelector(".symposium-changes");
    var changes;
    try { changes = node ? JSON.parse(node.textContent) : null; } catch (e) { changes = null; }
    if (!changes || !changes.versions || !changes.versions.length) return;
    var current = changes.versions[changes.versions.length - 1];
    var seen = store(KEY_SEEN);
    var since = seen ? changes.versions.indexOf(seen) : -1;
    if (since < 0 || seen === current) {  // a first visit, or a version this build does not know
      store(KEY_SEEN, current);
      return;
    }
    var later = changes.versions.slice(since + 1);
    var changed = starred.filter(function (slug) {
      return (changes.changed[slug] || []).some(function (version) { return later.indexOf(version) >= 0; });
    });
    if (!changed.length) { store(KEY_SEEN, current); return; }
    var seenNow = function () { store(KEY_SEEN, current); notice.remove(); };
    var notice = el("div", { "class": "symposium-change-notice", role: "status" }, [
      el("p", {}, [
        el("strong", { text: say("changedSince", { count: changed.length }) + " " }),
        document.createTextNode(changed.map(function (slug) { return changes.titles[slug] || slug; }).join("; ") + ". "),
        changes.log ? el("a", { href: changes.log, text: say("whatChanged"), onclick: seenNow }) : null,
      ]),
      el("button", { type: "button", "class": "symposium-button", text: say("gotIt"), onclick: seenNow }),
    ]);
    slot.insertBefore(notice, slot.firstChild);
  }

  // -- putting it on the page ------------------------------------------------------------------
  function render() {
    starButtons.forEach(function (button) {
      var on = starred.indexOf(button.getAttribute("data-slug")) >= 0;
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    var only = !!starred.length && !!filterButton && filterButton.getAttribute("aria-pressed") === "true";
    items.forEach(function (i) {
      var on = !!i.slug && starred.indexOf(i.slug) >= 0;
      i.row.classList.toggle("symposium-starred", on);
      i.row.hidden = (only && !on) || placeHidden(i.row);
    });
    // a session's heading stays while one of its talks is shown
    sessionRows.forEach(function (row) {
      var key = null;
      row.classList.forEach(function (name) {
        if (name.indexOf("symposium-heads-") === 0) key = name.slice("symposium-heads-".length);
      });
      var table = row.closest("table");
      row.hidden = !key || !table.querySelector("tr." + key + ":not([hidden])");
    });
    if (countNode) countNode.textContent = starred.length ? " (" + starred.length + ")" : "";
    if (filterButton) {
      if (!starred.length) filterButton.setAttribute("aria-pressed", "false");
      filterButton.disabled = !starred.length;
      filterButton.title = starred.length ? "" : say("starItemsFirst");
    }
    document.querySelectorAll("table.symposium-program").forEach(function (table) {
      var wrapper = table.closest(".pst-scrollable-table-container") || table;
      wrapper.hidden = !table.querySelector("tbody tr:not([hidden])");
    });
    // a grid's times that start no item shown; a poster session's box, once all its posters are hidden
    document.querySelectorAll(".symposium-grid").forEach(function (grid) {
      grid.querySelectorAll(".symposium-grid-posters").forEach(function (box) {
        box.hidden = !box.querySelector(".symposium-grid-item:not([hidden])");
      });
      var starts = {};
      grid.querySelectorAll(".symposium-grid-item:not([hidden])").forEach(function (cell) {
        // a poster sits in its session's box, which the grid places
        var placed = cell.style.gridRowStart ? cell : cell.closest(".symposium-grid-posters") || cell;
        starts[placed.style.gridRowStart] = true;
      });
      grid.querySelectorAll(".symposium-grid-time").forEach(function (time) {
        time.hidden = !starts[time.style.gridRowStart];
      });
    });
    // a day whose items are all hidden, with its heading, and its link in the "Days:" line
    document.querySelectorAll(".symposium-program-day").forEach(function (day) {
      day.hidden = !day.querySelector(
        "table.symposium-program tbody tr:not([hidden]):not(.symposium-session-row), .symposium-grid-item:not([hidden])");
      var heading = day.querySelector(".symposium-day[id]");
      var link = heading ? document.querySelector('.symposium-day-link a[href="#' + heading.id + '"]') : null;
      if (link) link.parentNode.hidden = day.hidden;
    });
    // the " · " before the first day shown is not needed
    document.querySelectorAll(".symposium-days").forEach(function (line) {
      var first = true;
      line.querySelectorAll(".symposium-day-link").forEach(function (part) {
        part.classList.toggle("symposium-first-shown", !part.hidden && first);
        if (!part.hidden) first = false;
      });
    });
    if (downloadButton) downloadButton.disabled = !starred.length;
    if (shareBox) shareBox.hidden = !starred.length;
    renderShare();
  }

  items.forEach(function (i) {
    if (!i.slug || i.isBreak) return;
    var cell = isGridCell(i.row) ? i.row : i.row.querySelectorAll("td")[1];
    if (!cell) return;
    cell.classList.add("symposium-has-star");
    cell.appendChild(starButton(i.slug, i.title, false));
  });
  var slot = document.querySelector(".symposium-tools-slot");
  if (slot && firstListing) slot.appendChild(toolbar());
  if (slot) changeNotice(slot);
  else if (anchor) anchor.parentNode.insertBefore(toolbar(), anchor);
  document.documentElement.classList.add("symposium-ready");
  if (talkHeader) {
    var slug = slugOf(talkHeader);
    var line = el("p", { "class": "symposium-talk-tools" });
    if (slug) line.appendChild(starButton(slug, titleOf(talkHeader), true));
    if (zoneDiffers) line.appendChild(tzSwitch());
    talkHeader.appendChild(line);
  }
  copyButtons();
  render();
  if (zoneDiffers && store(KEY_LOCAL) === visitorZone) showLocal(true);
  if (items.length) {
    markNow();
    window.setInterval(markNow, 60 * 1000);
  }
  window.addEventListener("storage", function (event) {
    if (event.key === KEY_STARS) { starred = readStars(); render(); }
  });

  // -- 5. offline, on the venue's Wi-Fi --------------------------------------------------------
  // The site's service worker (sw.js at its root, in website builds) keeps this page and what it
  // loaded; the program also asks for the pages it links to (starred items first) and program.ics.
  if (!data.serviceWorker || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(root + data.serviceWorker).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var urls = [window.location.href];
      performance.getEntriesByType("resource").forEach(function (entry) { urls.push(entry.name); });
      var links = Array.prototype.slice.call(document.querySelectorAll(
        "table.symposium-program a[href], .symposium-grid a[href]"));
      links.sort(function (a, b) {
        return !!b.closest(".symposium-starred") - !!a.closest(".symposium-starred");
      }).forEach(function (link) { urls.push(link.href); });
      if (links.length && data.calendar) urls.push(new URL(root + data.calendar, window.location.href).href);
      registration.active.postMessage({ type: "symposium-keep", urls: urls });
    }).catch(function () { /* no worker (file://, a private window): the page reads as ever */ });
  });
  // an offline copy (the worker put its note first in the page) offers the newer page once it can
  var note = document.querySelector(".symposium-offline-note");
  function offerReload(text) {
    if (!note || note.querySelector(".symposium-reload")) return;
    note.appendChild(el("p", {}, [document.createTextNode(text + " "),
      el("button", { type: "button", "class": "symposium-button symposium-reload", text: say("reload"),
                     onclick: function () { window.location.reload(); } })]));
    announce(text);
  }
  window.addEventListener("online", function () {
    offerReload(say("networkBack"));
    // a newer build of the site brings a new worker, which fetches fresh copies of every page kept
    navigator.serviceWorker.ready.then(function (registration) { return registration.update(); }).catch(function () {});
  });
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === "symposium-fresh") offerReload(say("newerCopy"));
  });
})();
