/* What every attendee feature reads from the page, and the small helpers they share.

   The build's data for the browser is <script type="application/json" id="symposium-data">
   (html_page/attendee.py): the event's time zone and day change, the site's language and words,
   where program.ics and the service worker are, and `names`, the class names and storage keys
   the build and the browser share (rendering/browser_names.py), which no module spells itself.
   Without it (a page no HTML builder of the extension wrote), `data` is null and attendee.js
   starts nothing. */

// the one name that cannot come from the data: the data's own element
const dataNode = document.getElementById("symposium-data");
export const data = readData();
export const names = data ? data.names : {};
export const root = document.documentElement.getAttribute("data-content_root") || "";
export const lang = (data && data.language) || document.documentElement.lang || "en";
export const SLUG = /^[a-z0-9][a-z0-9-]*$/;
export const reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

function readData() {
  try { return dataNode ? JSON.parse(dataNode.textContent) : null; } catch (e) { return null; }
}

// what the scripts say, in the site's language: the build puts it in the page's data
// (rendering/words.py BROWSER); ``{name}`` takes values[name]; a pair is [one, other] by values.count
export function say(key, values) {
  let text = ((data && data.words) || {})[key];
  if (Array.isArray(text)) text = text[values && values.count === 1 ? 0 : 1];
  if (typeof text !== "string") text = key;
  return text.replace(/\{(\w+)\}/g, function (all, name) {
    return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
  });
}

export function store(key, value) {
  try {
    if (value === undefined) return window.localStorage.getItem(key);
    if (value === null) window.localStorage.removeItem(key); else window.localStorage.setItem(key, value);
  } catch (e) { /* storage off: the features still work for this page */ }
  return null;
}

export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (name) {
    if (name === "text") node.textContent = attrs[name];
    else if (name === "onclick") node.addEventListener("click", attrs[name]);
    else node.setAttribute(name, attrs[name]);
  });
  (children || []).forEach(function (child) { if (child) node.appendChild(child); });
  return node;
}

// the rest of the first class that starts with ``prefix`` (an item's slug, a session's key)
export function classAfter(node, prefix) {
  let found = null;
  node.classList.forEach(function (name) {
    if (found === null && name.indexOf(prefix) === 0) found = name.slice(prefix.length);
  });
  return found;
}

export function slugOf(node) { return classAfter(node, names.item); }

function titleOf(container) {
  const title = container.querySelector("." + names.title);
  if (title) return title.textContent.trim();
  const heading = document.querySelector("main h1, article h1, h1");
  return heading ? heading.textContent.replace(/#$/, "").trim() : "";
}

// -- the live region: what the features do is announced to screen readers ------------------
// It is in the page before anything is announced: a region added with its text is not read.
let live = null;
export function addLiveRegion() {
  live = el("div", { "class": "symposium-live", role: "status", "aria-live": "polite" });
  document.body.appendChild(live);
}
export function announce(text) {
  live.textContent = "";
  window.setTimeout(function () { live.textContent = text; }, 50);
}

// -- what the page holds ----------------------------------------------------------------------
// The day of the program a moment belongs to, as the build reckons it: a time before
// symposium_day_change (such as 00:30 with "04:00") belongs to the day before. ``wall`` is the
// event's wall clock, "YYYY-MM-DDTHH:MM", as every <time datetime> of the page writes it.
export function programDay(wall) {
  const date = wall.slice(0, 10);
  if (wall.slice(11, 16) >= ((data && data.dayChange) || "00:00")) return date;
  const before = new Date(date + "T12:00:00Z");
  before.setUTCDate(before.getUTCDate() - 1);
  return before.toISOString().slice(0, 10);
}

export function isGridCell(node) { return node.classList.contains(names.grid_item); }

// where an item's times are: the first cell of a row, the line under a grid cell's session
function timesOf(node) {
  return node.querySelectorAll(isGridCell(node) ? `.${names.grid_meta} time` : "td:first-child time");
}

// The items of every listing: the rows of program tables and the cells of program grids.
// A session's row heads its talks: it is not an item (no star, never "on now").
export const items = data ? Array.from(document.querySelectorAll(
  `table.${names.program_table} tbody tr:not(.${names.session_row}), .${names.grid_item}`)).map(function (row) {
  const times = timesOf(row);
  const first = times.length ? times[0].getAttribute("datetime") : "";
  return { row: row, slug: slugOf(row), day: first ? programDay(first) : "",
           start: first ? new Date(first) : null,
           end: times.length ? new Date(times[times.length - 1].getAttribute("datetime")) : null,
           title: titleOf(row),
           isBreak: row.classList.contains(names.row_type + "break"),
           cancelled: row.classList.contains(names.status + "cancelled") };
}) : [];
export const sessionRows = data ? Array.from(document.querySelectorAll(
  `table.${names.program_table} tr.${names.session_row}`)) : [];
export const talkHeader = data ? document.querySelector("." + names.talk_header) : null;
export const talkTitle = talkHeader ? titleOf(talkHeader) : "";
export const firstListing = data ? document.querySelector(`table.${names.program_table}, .${names.grid}`) : null;
