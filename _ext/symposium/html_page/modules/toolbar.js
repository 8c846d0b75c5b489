/* The program's toolbar, where the build left it room (its slot, before the first listing):
   the time-zone switch, "Jump to now", the room and track filters (on a page with a grid, the
   room chooser of grid.js), "Starred only", the starred items' calendar and the share link with
   its QR code; a talk page's line of its star and the switch; and what the filters show of the
   program. */
import { announce, classAfter, data, el, firstListing, items, names, root, say, sessionRows, slugOf, talkHeader,
         talkTitle } from "./page.js";
import { fitGrid, roomChooser, roomHidden } from "./grid.js";
import { jumpButton } from "./now-next.js";
import { STAR_SVG, isStarred, starButton, starredSlugs } from "./stars.js";
import { zoneDiffers, zoneSwitch } from "./zones.js";

let filterButton = null, downloadButton = null, shareBox = null, shareInput = null, qrBox = null, countNode = null;
const placeSelects = [];

// "All rooms" / "All tracks": a select per kind that the program has (rooms: more than one)
function placeSelect(kind, values) {
  const select = el("select", { "class": "symposium-place-filter", "data-kind": kind });
  select.appendChild(el("option", { value: "", text: say(kind === "room" ? "allRooms" : "allTracks") }));
  values.forEach(function (v) { select.appendChild(el("option", { value: v.key, text: v.name })); });
  select.addEventListener("change", function () {
    showProgram();
    const shown = items.filter(function (i) { return !i.row.hidden; }).length;
    announce(select.value ? say("showingPlace", { place: select.options[select.selectedIndex].text, count: shown })
                          : say(kind === "room" ? "showingAllRooms" : "showingAllTracks"));
  });
  placeSelects.push(select);
  return el("label", { "class": "symposium-place-label" }, [el("span", { text: say(kind) + " " }), select]);
}
function placeHidden(row) {
  return roomHidden(row) || placeSelects.some(function (select) {
    return select.value && !row.classList.contains(names[select.getAttribute("data-kind")] + select.value);
  });
}

function shareUrl() {
  return window.location.origin + window.location.pathname + "#starred=" + starredSlugs().join(",");
}
// the QR code's script (vendored qrcode-generator) comes only when the share panel opens
let qrLoading = null;
function loadQr() {
  if (window.qrcode) return Promise.resolve(window.qrcode);
  if (!qrLoading) {
    qrLoading = new Promise(function (resolve, reject) {
      const script = el("script", { src: root + "_static/vendor/qrcode.js" });
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
    const qr = qrcode(0, "M");
    qr.addData(shareUrl());
    qr.make();
    qrBox.innerHTML = "";
    qrBox.appendChild(el("img", { src: qr.createDataURL(4, 16), alt: say("qrAlt") }));
  }).catch(function () { qrBox.textContent = say("qrFailed"); });
}

// the starred items' events, cut from program.ics as they are there (same UID, times, text, VTIMEZONE)
function downloadCalendar() {
  const uids = starredSlugs().map(function (slug) { return slug + "@" + data.acronym; });
  window.fetch(root + data.calendar).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.text();
  }).then(function (text) {
    const first = text.indexOf("BEGIN:VEVENT");
    const eol = text.indexOf("\r\n") >= 0 ? "\r\n" : "\n";
    const head = first >= 0 ? text.slice(0, first) : text.replace(/END:VCALENDAR\s*$/, "");
    const events = text.match(/BEGIN:VEVENT\r?\n[\s\S]*?END:VEVENT\r?\n/g) || [];
    const kept = events.filter(function (block) {
      const uid = /^UID:(.*)$/m.exec(block.replace(/\r?\n[ \t]/g, ""));
      return uid && uids.indexOf(uid[1].trim()) >= 0;
    });
    const blob = new Blob([head + kept.join("") + "END:VCALENDAR" + eol], { type: "text/calendar" });
    const link = el("a", { href: URL.createObjectURL(blob), download: data.acronym + "-my-program.ics" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    announce(say("downloaded", { count: kept.length }));
  }).catch(function () { announce(say("downloadFailed")); });
}

function toolbar() {
  const bar = el("div", { "class": "symposium-tools", role: "group", "aria-label": say("toolbar") });
  if (zoneDiffers) bar.appendChild(zoneSwitch());
  bar.appendChild(jumpButton());
  // the rooms and tracks of every listing of the page, in the order of the first that has them
  const places = { rooms: [], tracks: [] };
  document.querySelectorAll("." + names.places).forEach(function (node) {
    let more = {};
    try { more = JSON.parse(node.textContent); } catch (e) { more = {}; }
    ["rooms", "tracks"].forEach(function (kind) {
      (more[kind] || []).forEach(function (place) {
        if (!places[kind].some(function (known) { return known.key === place.key; })) places[kind].push(place);
      });
    });
  });
  // which rooms a grid shows, side by side, is the room filter of a page with a grid
  if (places.rooms.length > 1) {
    bar.appendChild(document.querySelector("." + names.grid) ? roomChooser(places.rooms, showProgram)
                                                             : placeSelect("room", places.rooms));
  }
  if (places.tracks.length) bar.appendChild(placeSelect("track", places.tracks));
  filterButton = el("button", { type: "button", "class": "symposium-button symposium-filter", "aria-pressed": "false",
                                onclick: function () {
                                  const on = filterButton.getAttribute("aria-pressed") !== "true";
                                  filterButton.setAttribute("aria-pressed", on ? "true" : "false");
                                  showProgram();
                                  announce(on ? say("showingStarred", { count: starredSlugs().length })
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
  const copy = el("button", { type: "button", "class": "symposium-button", text: say("copyLink"), onclick: function () {
    shareInput.select();
    const done = function () { announce(say("linkCopied")); };
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

// The toolbar in its slot, which the first listing of the page holds (``slot``, or null): the
// slot is also where the notice of changes goes, on every page that has one. A listing without
// the slot (another theme's template) has the toolbar before it.
export function placeToolbar(slot) {
  if (slot && firstListing) slot.appendChild(toolbar());
  else if (!slot && firstListing) {
    const anchor = firstListing.closest(`.${names.program_day}, .pst-scrollable-table-container`) || firstListing;
    anchor.parentNode.insertBefore(toolbar(), anchor);
  }
}

// a talk page's header: its star, and the switch when the visitor's clock differs
export function addTalkTools() {
  if (!talkHeader) return;
  const slug = slugOf(talkHeader);
  const line = el("p", { "class": "symposium-talk-tools" });
  if (slug) line.appendChild(starButton(slug, talkTitle, true));
  if (zoneDiffers) line.appendChild(zoneSwitch());
  talkHeader.appendChild(line);
}

// what the filters show: the starred items only, the items of a room or track; a session's
// heading while one of its talks is shown; a table, a grid's time, a poster box, a day, while
// it shows an item
export function showProgram() {
  const count = starredSlugs().length;
  const only = !!count && !!filterButton && filterButton.getAttribute("aria-pressed") === "true";
  items.forEach(function (i) {
    i.row.hidden = (only && !isStarred(i.slug)) || placeHidden(i.row);
  });
  sessionRows.forEach(function (row) {
    const key = classAfter(row, names.heads);
    const table = row.closest("table");
    row.hidden = !key || !table.querySelector("tr." + key + ":not([hidden])");
  });
  if (countNode) countNode.textContent = count ? " (" + count + ")" : "";
  if (filterButton) {
    if (!count) filterButton.setAttribute("aria-pressed", "false");
    filterButton.disabled = !count;
    filterButton.title = count ? "" : say("starItemsFirst");
  }
  document.querySelectorAll("table." + names.program_table).forEach(function (table) {
    const wrapper = table.closest(".pst-scrollable-table-container") || table;
    wrapper.hidden = !table.querySelector("tbody tr:not([hidden])");
  });
  // a grid's times that start no item shown; a poster session's box, once all its posters are hidden
  document.querySelectorAll("." + names.grid).forEach(fitGrid);
  // a day whose items are all hidden, with its heading, and its link in the "Days:" line
  document.querySelectorAll("." + names.program_day).forEach(function (day) {
    day.hidden = !day.querySelector(`table.${names.program_table} tbody tr:not([hidden]):not(.${names.session_row}), ` +
                                    `.${names.grid_item}:not([hidden])`);
    const heading = day.querySelector(`.${names.day_heading}[id]`);
    const link = heading ? document.querySelector(`.${names.day_link} a[href="#${heading.id}"]`) : null;
    if (link) link.parentNode.hidden = day.hidden;
  });
  // the " · " before the first day shown is not needed
  document.querySelectorAll("." + names.days_line).forEach(function (line) {
    let first = true;
    line.querySelectorAll("." + names.day_link).forEach(function (part) {
      part.classList.toggle("symposium-first-shown", !part.hidden && first);
      if (!part.hidden) first = false;
    });
  });
  if (downloadButton) downloadButton.disabled = !count;
  if (shareBox) shareBox.hidden = !count;
  renderShare();
}
