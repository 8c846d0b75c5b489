/* My program, without an account: a star on each program item and on a talk's page, the
   starred items kept in this browser's localStorage (under the site's own key), a shared
   link's stars (#starred=a,b) added to them. Nothing is sent anywhere. */
import { SLUG, announce, el, items, isGridCell, names, say, store } from "./page.js";

// on an item that is starred (attendee.css marks it; offline.js keeps its pages first)
export const STARRED = "symposium-starred";
export const STAR_SVG = '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">' +
  '<path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z"/></svg>';

let starred = [];
const starButtons = [];
// what else shows the stars (the toolbar's filter, its count, the share link)
const listeners = [];

function readStars() {
  try {
    const list = JSON.parse(store(names.stars_key) || "[]");
    return Array.isArray(list) ? list.filter(function (s) { return typeof s === "string" && SLUG.test(s); }) : [];
  } catch (e) { return []; }
}
function saveStars() { store(names.stars_key, JSON.stringify(starred)); }

export function starredSlugs() { return starred.slice(); }
export function isStarred(slug) { return !!slug && starred.indexOf(slug) >= 0; }
export function onStarsChange(listener) { listeners.push(listener); }

// this browser's stars, with those of a shared link (#starred=a,b), which then leaves the address
export function readStarsAndLink() {
  starred = readStars();
  const shared = /(?:^#|&)starred=([a-z0-9,-]*)/.exec(window.location.hash);
  if (!shared) return;
  const added = shared[1].split(",").filter(function (s) { return SLUG.test(s) && starred.indexOf(s) < 0; });
  starred = starred.concat(added);
  saveStars();
  if (window.history && window.history.replaceState) {
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  window.setTimeout(function () {
    announce(added.length ? say("sharedAdded", { count: added.length }) : say("sharedKnown"));
  }, 300);
}

export function starButton(slug, title, withText) {
  const button = el("button", { type: "button", "class": "symposium-star" + (withText ? " symposium-button" : ""),
                                "aria-pressed": "false", "data-slug": slug });
  button.innerHTML = STAR_SVG;
  if (withText) button.appendChild(el("span", { "class": "symposium-star-text", text: say("starThisTalk") }));
  if (!withText) button.setAttribute("aria-label", say("starTitle", { title: title }));
  button.setAttribute("title", say("keepInProgram"));
  button.addEventListener("click", function () {
    const at = starred.indexOf(slug);
    if (at >= 0) starred.splice(at, 1); else starred.push(slug);
    saveStars();
    showStars();
    announce(say(at >= 0 ? "removedFrom" : "addedTo", { title: title, count: starred.length }));
  });
  starButtons.push(button);
  return button;
}

// a star in each item of the listings but the breaks: in a row's second cell, at its end; first
// in a grid's cell, where it floats in the corner beside the time and the title has the cell's
// width below it (a narrow column's long words need it)
export function addStarsToItems() {
  items.forEach(function (i) {
    if (!i.slug || i.isBreak) return;
    const cell = isGridCell(i.row) ? i.row : i.row.querySelectorAll("td")[1];
    if (!cell) return;
    cell.classList.add("symposium-has-star");
    cell.insertBefore(starButton(i.slug, i.title, false), isGridCell(i.row) ? cell.firstChild : null);
  });
}

// the stars as they are now: on the buttons and the items, then wherever else they show
export function showStars() {
  starButtons.forEach(function (button) {
    button.setAttribute("aria-pressed", isStarred(button.getAttribute("data-slug")) ? "true" : "false");
  });
  items.forEach(function (i) { i.row.classList.toggle(STARRED, isStarred(i.slug)); });
  listeners.forEach(function (listener) { listener(); });
}

// stars given or taken in another tab of the site
export function followOtherTabs() {
  window.addEventListener("storage", function (event) {
    if (event.key === names.stars_key) { starred = readStars(); showStars(); }
  });
}
