/* On the venue's Wi-Fi: the site's service worker (sw.js at its root, in website builds; the
   page's data says where) keeps this page and what it loaded; the program also asks for the
   pages it links to (starred items first) and program.ics. An offline copy (the worker puts
   its note first in the page) offers the newer page once it can. */
import { announce, data, el, names, root, say } from "./page.js";
import { STARRED } from "./stars.js";

function keepThisPage(registration) {
  const urls = [window.location.href];
  performance.getEntriesByType("resource").forEach(function (entry) { urls.push(entry.name); });
  const links = Array.from(document.querySelectorAll(
    `table.${names.program_table} a[href], .${names.grid} a[href]`));
  links.sort(function (a, b) {
    return !!b.closest("." + STARRED) - !!a.closest("." + STARRED);
  }).forEach(function (link) { urls.push(link.href); });
  if (links.length && data.calendar) urls.push(new URL(root + data.calendar, window.location.href).href);
  registration.active.postMessage({ type: names.keep_message, urls: urls });
}

function offerReload(text) {
  const note = document.querySelector("." + names.offline_note);
  if (!note || note.querySelector(".symposium-reload")) return;
  note.appendChild(el("p", {}, [document.createTextNode(text + " "),
    el("button", { type: "button", "class": "symposium-button symposium-reload", text: say("reload"),
                   onclick: function () { window.location.reload(); } })]));
  announce(text);
}

export function keepOffline() {
  if (!data.serviceWorker || !("serviceWorker" in navigator)) return;
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(root + data.serviceWorker).then(function () {
      return navigator.serviceWorker.ready;
    }).then(keepThisPage).catch(function () { /* no worker (a private window): the page reads as ever */ });
  });
  window.addEventListener("online", function () {
    offerReload(say("networkBack"));
    // a newer build of the site brings a new worker, which fetches fresh copies of every page kept
    navigator.serviceWorker.ready.then(function (registration) { return registration.update(); }).catch(function () {});
  });
  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.type === names.fresh_message) offerReload(say("newerCopy"));
  });
}
