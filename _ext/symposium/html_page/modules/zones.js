/* The visitor's time zone beside the event's: when their clock differs from the event's at
   any time of the page, a switch adds their time after each of the event's times (never
   instead of it), and the choice is kept in this browser. */
import { announce, data, el, lang, names, programDay, say, store } from "./page.js";

export const visitorZone = zoneOfThisBrowser();
const allTimes = Array.from(document.querySelectorAll("time[datetime]"));

function zoneOfThisBrowser() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return ""; }
}

// the wall clock of a zone, "YYYY-MM-DD, HH:MM" (the parts in a fixed order, whatever the locale)
export function clockIn(zone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
                                            hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

export const zoneDiffers = Boolean(data) && differs();

function differs() {
  if (!visitorZone || !data.timezone || visitorZone === data.timezone) return false;
  try {
    const mine = clockIn(visitorZone), theirs = clockIn(data.timezone);
    return allTimes.some(function (t) {
      const when = new Date(t.getAttribute("datetime"));
      return !isNaN(when) && mine.format(when) !== theirs.format(when);
    });
  } catch (e) { return false; }
}

function zoneShort(when) {
  try {
    const part = new Intl.DateTimeFormat(lang, { timeZone: visitorZone, timeZoneName: "short" })
      .formatToParts(when).filter(function (p) { return p.type === "timeZoneName"; })[0];
    return part ? part.value : "";
  } catch (e) { return ""; }
}
const zoneCity = visitorZone.split("/").pop().replace(/_/g, " ");

// the visitor's date of a moment, "YYYY-MM-DD" (from the parts: no locale's order is assumed)
const visitorParts = new Intl.DateTimeFormat("en-US", { timeZone: visitorZone || undefined, year: "numeric",
                                                         month: "2-digit", day: "2-digit" });
function visitorDate(when) {
  const parts = {};
  visitorParts.formatToParts(when).forEach(function (part) { parts[part.type] = part.value; });
  return parts.year + "-" + parts.month + "-" + parts.day;
}
function weekday(when) {
  return new Intl.DateTimeFormat(lang, { timeZone: visitorZone || undefined, weekday: "short" }).format(when);
}

// "9:00–10:00 AM PDT"; "Thu 7:10–8:10 AM JST" when the visitor's date is not the day of
// the program the item is listed under (``programDate``, as the page's headings give it);
// "11:45 PM – 12:00 AM (Wed) PDT" when the range runs past the visitor's midnight
function localText(start, end, programDate) {
  // the clock of the event's times beside it (the build's symposium_clock or the language's)
  const fmt = new Intl.DateTimeFormat(lang, { timeZone: visitorZone || undefined, hour: "numeric", minute: "2-digit",
                                              hourCycle: data.hourCycle || undefined });
  let text = fmt.format(start);
  if (end && end - start > 0) {
    if (visitorDate(end) === visitorDate(start)) {
      text = (fmt.formatRange ? fmt.formatRange(start, end) : text + " – " + fmt.format(end)).replace(/\s+[–-]\s+/, "–");
    } else {
      text += " – " + fmt.format(end) + " (" + weekday(end) + ")";
    }
  }
  if (visitorDate(start) !== programDate) text = weekday(start) + " " + text;
  return text + " " + zoneShort(start);
}

function showLocal(on) {
  document.querySelectorAll(".symposium-local").forEach(function (node) { node.remove(); });
  document.documentElement.classList.toggle("symposium-local-on", on);
  document.querySelectorAll(".symposium-tz-switch").forEach(function (button) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
  });
  if (!on) return;
  const done = [];
  allTimes.forEach(function (t) {
    const range = t.closest("." + names.time_range);
    const owner = range || t;
    if (done.indexOf(owner) >= 0) return;
    done.push(owner);
    const inRange = range ? range.querySelectorAll("time") : [t];
    const start = new Date(inRange[0].getAttribute("datetime"));
    const end = new Date(inRange[inRange.length - 1].getAttribute("datetime"));
    if (isNaN(start)) return;
    const programDate = programDay(inRange[0].getAttribute("datetime"));
    const label = el("span", { "class": "symposium-local",
                               text: localText(start, inRange.length > 1 ? end : null, programDate) });
    label.setAttribute("title", say("yourTime", { zone: visitorZone }));
    // in a grid cell and a session's heading, on a line of its own after the room and
    // track, which follow the event's time on the same line
    const line = owner.closest(`.${names.grid_meta}, .${names.session_title}`);
    if (line) line.appendChild(label);
    else owner.parentNode.insertBefore(label, owner.nextSibling);
  });
}

// "Berlin, GMT+1"; a zone whose name is its abbreviation ("UTC") once
function zoneLabel(city, short) { return city === short ? city : city + ", " + short; }

// the switch, in the program's toolbar and on a talk's page
export function zoneSwitch() {
  const button = el("button", {
    type: "button", "class": "symposium-button symposium-tz-switch", "aria-pressed": "false",
    text: say("alsoShowMyTime", { zone: zoneLabel(zoneCity, zoneShort(allTimes.length ? new Date(allTimes[0].getAttribute("datetime")) : new Date())) }),
  });
  button.setAttribute("title", say("timesStay", { zone: visitorZone }));
  button.addEventListener("click", function () {
    const on = button.getAttribute("aria-pressed") !== "true";
    store(names.local_time_key, on ? visitorZone : null);
    showLocal(on);
    announce(on ? say("showingYourTime", { zone: visitorZone }) : say("showingEventTime"));
  });
  return button;
}

// the visitor's time as they left it: shown again while their zone is the one they chose it in
export function restoreLocalTimes() {
  if (zoneDiffers && store(names.local_time_key) === visitorZone) showLocal(true);
}
