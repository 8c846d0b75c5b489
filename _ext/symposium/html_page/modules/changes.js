/* What changed in the starred items since the last visit: the build gives, in the toolbar's
   slot, the program's versions in order and the versions that changed each item; this browser
   keeps the version it last saw. Nothing is sent anywhere. */
import { el, names, say, store } from "./page.js";
import { starredSlugs } from "./stars.js";

export function noticeChanges(slot) {
  const node = slot.querySelector("." + names.changes);
  let changes;
  try { changes = node ? JSON.parse(node.textContent) : null; } catch (e) { changes = null; }
  if (!changes || !changes.versions || !changes.versions.length) return;
  const current = changes.versions[changes.versions.length - 1];
  const seen = store(names.seen_key);
  const since = seen ? changes.versions.indexOf(seen) : -1;
  if (since < 0 || seen === current) {  // a first visit, or a version this build does not know
    store(names.seen_key, current);
    return;
  }
  const later = changes.versions.slice(since + 1);
  const changed = starredSlugs().filter(function (slug) {
    return (changes.changed[slug] || []).some(function (version) { return later.indexOf(version) >= 0; });
  });
  if (!changed.length) { store(names.seen_key, current); return; }
  const seenNow = function () { store(names.seen_key, current); notice.remove(); };
  const notice = el("div", { "class": "symposium-change-notice", role: "status" }, [
    el("p", {}, [
      el("strong", { text: say("changedSince", { count: changed.length }) + " " }),
      document.createTextNode(changed.map(function (slug) { return changes.titles[slug] || slug; }).join("; ") + ". "),
      changes.log ? el("a", { href: changes.log, text: say("whatChanged"), onclick: seenNow }) : null,
    ]),
    el("button", { type: "button", "class": "symposium-button", text: say("gotIt"), onclick: seenNow }),
  ]);
  slot.insertBefore(notice, slot.firstChild);
}
