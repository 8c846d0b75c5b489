/* Now and next: on a day of the program, the items on now and the next ones are marked ("On
   now", "Next", announced to screen readers), with a "Jump to now" button in the toolbar, and
   again each minute. `?now=2025-11-21T10:40-06:00` sets the clock to that moment, then lets it run. */
import { announce, data, el, isGridCell, items, names, programDay, reduceMotion, say } from "./page.js";
import { clockIn } from "./zones.js";

const nowParam = new URLSearchParams(window.location.search).get("now");
let fakeStart = nowParam ? new Date(nowParam) : null;
if (fakeStart && isNaN(fakeStart)) fakeStart = null;
const loaded = Date.now();
function now() { return fakeStart ? new Date(fakeStart.getTime() + Date.now() - loaded) : new Date(); }

let jump = null;
let lastNowText = null;

function markNow() {
  const at = now();
  // what comes next: the items of this day of the program, from the first start to the last end
  // of the day; a cancelled item takes no time: never on now or next, and not what comes next
  const parts = {};
  clockIn(data.timezone).formatToParts(at).forEach(function (part) { parts[part.type] = part.value; });
  const today = programDay(parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute);
  const timed = items.filter(function (i) { return i.start && !isNaN(i.start) && i.day === today && !i.cancelled; });
  const first = Math.min.apply(null, timed.map(function (i) { return i.start; }));
  const last = Math.max.apply(null, timed.map(function (i) { return i.end; }));
  // what runs now, whatever day it is listed under: a night's set from 01:00 to 10:00 is the
  // evening's item, and still on after the day changes at 04:00
  const current = items.filter(function (i) {
    return i.start && !isNaN(i.start) && !i.cancelled && i.start <= at && at < i.end;
  });
  let next = [];
  if (timed.length && at >= first && at < last) {
    const later = timed.filter(function (i) { return i.start > at; });
    const soonest = Math.min.apply(null, later.map(function (i) { return i.start; }));
    next = later.filter(function (i) { return i.start.getTime() === soonest; });
  }
  items.forEach(function (i) {
    const state = current.indexOf(i) >= 0 ? "now" : next.indexOf(i) >= 0 ? "next" : "";
    i.row.classList.toggle("symposium-is-now", state === "now");
    i.row.classList.toggle("symposium-is-next", state === "next");
    let label = i.row.querySelector(".symposium-now-label");
    if (!state) { if (label) label.remove(); return; }
    if (!label) {
      label = el("span", { "class": "symposium-now-label" });
      i.row.querySelector(isGridCell(i.row) ? "." + names.grid_meta : "td").appendChild(label);
    }
    label.textContent = say(state === "now" ? "onNow" : "next");
  });
  if (jump) jump.hidden = !(current.length || next.length);
  const text = current.length || next.length
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
  // one that the filters (a room taken out, "Starred only") leave shown
  const target = document.querySelector(".symposium-is-now:not([hidden])") ||
                 document.querySelector(".symposium-is-next:not([hidden])");
  if (!target) return;
  target.scrollIntoView({ behavior: reduceMotion ? "auto" : "smooth", block: "center" });
  const link = target.querySelector("a." + names.title);
  if (link) link.focus({ preventScroll: true });
  else { target.setAttribute("tabindex", "-1"); target.focus({ preventScroll: true }); }
}

// "Jump to now", for the toolbar: shown while an item is on now or next
export function jumpButton() {
  jump = el("button", { type: "button", "class": "symposium-button symposium-jump", hidden: "", text: say("jumpToNow"),
                        onclick: jumpToNow });
  return jump;
}

export function followTheClock() {
  if (!items.length) return;
  markNow();
  window.setInterval(markNow, 60 * 1000);
}
