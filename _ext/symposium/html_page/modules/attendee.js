/* For attendees, in the browser only: their own time zone beside the event's (zones.js), what
   is on now and next (now-next.js), a starred program kept in localStorage (stars.js) with its
   toolbar: filters, .ics download, share link with a QR code (toolbar.js), the grid's room
   chooser and its pages on paper (grid.js), what changed in it since the last visit
   (changes.js), "Copy" for a talk's citations (citations.js), and the site kept on the device
   for the venue's Wi-Fi (offline.js). All added to pages that read completely without them.

   The page loads this module alone (<script type="module">, deferred like every module); the
   build writes the modules to _static/modules/ with every import versioned by a digest of them
   all (html_page/modules.py), so that no browser, HTTP cache or service worker mixes a module of
   one build with another's. What the modules read in the page is said in page.js. The early
   script (templates/symposium/early.js) has already kept the toolbar's room before the first
   paint. */
import { addCopyButtons } from "./citations.js";
import { noticeChanges } from "./changes.js";
import { printGridsInGroups } from "./grid.js";
import { followTheClock } from "./now-next.js";
import { keepOffline } from "./offline.js";
import { addLiveRegion, data, names } from "./page.js";
import { addStarsToItems, followOtherTabs, onStarsChange, readStarsAndLink, showStars } from "./stars.js";
import { addTalkTools, placeToolbar, showProgram } from "./toolbar.js";
import { restoreLocalTimes } from "./zones.js";

if (data) {
  addLiveRegion();
  readStarsAndLink();
  addStarsToItems();
  const slot = document.querySelector("." + names.tools_slot);
  placeToolbar(slot);
  if (slot) noticeChanges(slot);
  // attendee.css gives the program's star column its room from now on
  document.documentElement.classList.add("symposium-ready");
  addTalkTools();
  addCopyButtons();
  printGridsInGroups();
  onStarsChange(showProgram);
  showStars();
  restoreLocalTimes();
  followTheClock();
  followOtherTabs();
  keepOffline();
}
