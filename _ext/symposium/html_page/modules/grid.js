/* The program grid's rooms: the room chooser of the toolbar on a page with a grid (which rooms
   the grids show, side by side), kept in the address (?rooms=hall-a,hall-b, the rooms shown) and
   in localStorage beside the stars (the rooms taken out, so that a room of another day's page
   stays shown); the grids' columns for the rooms shown; on paper, a page per group of rooms.

   The build places each cell in its room's column (grid-column) and gives the grid its number of
   rooms (--symposium-rooms, from which symposium.css makes the columns); the chooser numbers the
   columns of the rooms shown again, so that a room taken out leaves no gap. The room of a heading,
   a cell or a poster session's box is its class names.room + key. */
import { announce, classAfter, el, names, say, store } from "./page.js";

// a grid's rooms on paper: so many a page, each column as wide as a long word of a title
const ROOMS_ON_PAPER = 4;
const PARAM = /(?:^\?|&)rooms=([a-z0-9,-]*)/;
// the groups' copies of a grid while the page prints, and the grid they stand for
const PRINT_GROUP = "symposium-grid-print-group";
const PRINTED_IN_GROUPS = "symposium-grid-in-groups";

let rooms = [];  // this page's rooms, {key, name}, in the order of the columns
let hidden = {};  // the keys of this page's rooms that are taken out
let summary = null;
let boxes = [];

function readStored() {
  try {
    const list = JSON.parse(store(names.hidden_rooms_key) || "[]");
    return Array.isArray(list) ? list.filter(function (key) { return typeof key === "string"; }) : [];
  } catch (e) { return []; }
}

// this page's rooms that the address or, without it, this browser takes out
function readChoice() {
  const keys = rooms.map(function (room) { return room.key; });
  const given = PARAM.exec(window.location.search);
  const listed = given ? given[1].split(",").filter(function (key) { return keys.indexOf(key) >= 0; }) : [];
  // an address of other rooms than this page's (an old link) says nothing here; "rooms=" is none
  if (given && (listed.length || !given[1])) {
    keys.forEach(function (key) { hidden[key] = listed.indexOf(key) < 0; });
    return;
  }
  const stored = readStored();
  keys.forEach(function (key) { hidden[key] = stored.indexOf(key) >= 0; });
}

function shownKeys() {
  return rooms.filter(function (room) { return !hidden[room.key]; }).map(function (room) { return room.key; });
}

// the choice into this browser (the rooms of other pages as they were) and into the address
function keepChoice() {
  const keys = rooms.map(function (room) { return room.key; });
  const stored = readStored().filter(function (key) { return keys.indexOf(key) < 0; });
  const out = stored.concat(keys.filter(function (key) { return hidden[key]; }));
  store(names.hidden_rooms_key, out.length ? JSON.stringify(out) : null);
  if (!window.history || !window.history.replaceState) return;
  const shown = shownKeys();
  const others = window.location.search.replace(/^\?/, "").split("&").filter(function (part) {
    return part && part.indexOf("rooms=") !== 0;
  });
  if (shown.length < rooms.length) others.push("rooms=" + shown.join(","));
  window.history.replaceState(window.history.state, "",
                              window.location.pathname + (others.length ? "?" + others.join("&") : "") + window.location.hash);
}

export function roomHidden(row) {
  const key = classAfter(row, names.room);
  return !!key && !!hidden[key];
}

// The columns of a grid for the rooms ``shown`` (keys), in the build's order: a room's heading
// and cells in its new column, the others' out of the grid.
function arrange(grid, shown) {
  Array.prototype.forEach.call(grid.children, function (child) {
    const key = classAfter(child, names.room);
    if (!key || !child.style.gridColumnStart) return;  // the times, an item of every room
    const at = shown.indexOf(key);
    if (child.classList.contains(names.grid_room_heading)) child.hidden = at < 0;
    if (at >= 0) child.style.gridColumn = String(at + 2);  // column 1 holds the times
  });
  grid.style.setProperty("--symposium-rooms", String(Math.max(shown.length, 1)));
}

function roomsOf(grid) {
  return Array.prototype.map.call(grid.querySelectorAll(":scope > ." + names.grid_room_heading), function (heading) {
    return classAfter(heading, names.room);
  });
}

function arrangeGrids() {
  const shown = shownKeys();
  document.querySelectorAll("." + names.grid + ":not(." + PRINT_GROUP + ")").forEach(function (grid) {
    arrange(grid, roomsOf(grid).filter(function (key) { return shown.indexOf(key) >= 0; }));
  });
}

// What a grid shows of what the filters left: a poster session's box while one of its posters
// is shown, a time while an item shown starts then.
export function fitGrid(grid) {
  grid.querySelectorAll("." + names.grid_posters).forEach(function (box) {
    box.hidden = !box.querySelector(`.${names.grid_item}:not([hidden])`);
  });
  const starts = {};
  grid.querySelectorAll(`.${names.grid_item}:not([hidden])`).forEach(function (cell) {
    // a poster sits in its session's box, which the grid places
    const placed = cell.style.gridRowStart ? cell : cell.closest("." + names.grid_posters) || cell;
    starts[placed.style.gridRowStart] = true;
  });
  grid.querySelectorAll("." + names.grid_time).forEach(function (time) {
    time.hidden = !starts[time.style.gridRowStart];
  });
}

function showSummary() {
  const shown = shownKeys().length;
  summary.textContent = say("roomsShown", { shown: shown, count: rooms.length });
  boxes.forEach(function (box) { box.checked = !hidden[box.value]; });
}

// "Rooms: 30 of 30", opening on a checkbox per room, "All rooms" and "No rooms"; ``changed``
// shows the program again (the toolbar's filters)
export function roomChooser(pageRooms, changed) {
  rooms = pageRooms.slice();
  readChoice();
  const chooser = el("details", { "class": "symposium-rooms" });
  summary = el("summary", { "class": "symposium-button" });
  const list = el("ul", { "class": "symposium-rooms-list" });
  function choose(update) {
    update();
    keepChoice();
    arrangeGrids();
    showSummary();
    changed();
    const shown = shownKeys().length;
    announce(shown === rooms.length ? say("showingAllRooms") : say("showingRooms", { shown: shown, count: rooms.length }));
  }
  boxes = rooms.map(function (room) {
    const box = el("input", { type: "checkbox", value: room.key });
    box.addEventListener("change", function () { choose(function () { hidden[room.key] = !box.checked; }); });
    list.appendChild(el("li", {}, [el("label", {}, [box, el("span", { text: room.name })])]));
    return box;
  });
  const every = function (value) {
    return function () { choose(function () { rooms.forEach(function (room) { hidden[room.key] = value; }); }); };
  };
  chooser.appendChild(summary);
  chooser.appendChild(el("div", { "class": "symposium-rooms-body" }, [
    el("fieldset", {}, [
      el("legend", { text: say("roomsToShow") }),
      el("p", { "class": "symposium-rooms-all" }, [
        el("button", { type: "button", "class": "symposium-button", text: say("allRooms"), onclick: every(false) }),
        el("button", { type: "button", "class": "symposium-button", text: say("noRooms"), onclick: every(true) })]),
      list])]));
  showSummary();
  arrangeGrids();
  if (shownKeys().length < rooms.length) keepChoice();  // the address says what a reload shows
  return chooser;
}

// On paper, a grid of more rooms than a page holds is printed as copies of it, a page for each
// group of its rooms shown (each with its headings and times), made as printing starts and
// taken away when it ends; the grid itself is not printed then (attendee.css).
function printInGroups() {
  document.querySelectorAll("." + names.grid).forEach(function (grid) {
    const shown = roomsOf(grid).filter(function (key, n) {
      const heading = grid.querySelectorAll(":scope > ." + names.grid_room_heading)[n];
      return !heading.hidden;
    });
    if (shown.length <= ROOMS_ON_PAPER) return;
    let last = grid;
    for (let first = 0; first < shown.length; first += ROOMS_ON_PAPER) {
      const group = shown.slice(first, first + ROOMS_ON_PAPER);
      const copy = grid.cloneNode(true);
      ["id", "tabindex", "role", "aria-labelledby"].forEach(function (name) { copy.removeAttribute(name); });
      copy.querySelectorAll("[id]").forEach(function (node) { node.removeAttribute("id"); });
      copy.classList.add(PRINT_GROUP);
      Array.prototype.forEach.call(copy.children, function (child) {
        const key = classAfter(child, names.room);
        if (key && group.indexOf(key) < 0) child.hidden = true;
      });
      arrange(copy, group);
      fitGrid(copy);
      last.after(copy);
      last = copy;
    }
    grid.classList.add(PRINTED_IN_GROUPS);
  });
}

function afterPrinting() {
  document.querySelectorAll("." + PRINT_GROUP).forEach(function (copy) { copy.remove(); });
  document.querySelectorAll("." + PRINTED_IN_GROUPS).forEach(function (grid) { grid.classList.remove(PRINTED_IN_GROUPS); });
}

export function printGridsInGroups() {
  if (!document.querySelector("." + names.grid)) return;
  window.addEventListener("beforeprint", printInGroups);
  window.addEventListener("afterprint", afterPrinting);
}
