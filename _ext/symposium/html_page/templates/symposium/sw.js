/* The site on the venue's Wi-Fi: a service worker that keeps the program, the pages visited or
   linked from the program, the site's assets and program.ics on this device.

   Written by the build at the site's root (html_page/offline.py fills in CONFIG, with the names
   it shares with the pages: rendering/browser_names.py); attendee's offline.js registers it, and its scope is the folder it is served from, the site's root (on Read the
   Docs, the version's path: /en/latest/).

   Pages and data (.ics, .json...): the network first, so that a newer program is always taken
   when it is reachable; the copy kept on this device when the network fails, or has not
   answered after CONFIG.timeout seconds, with a note on the page saying from when the copy is
   (the page is told when the newer copy has arrived). Assets (_static/, _images/): from the
   device, refreshed from the network behind it. Video and audio files are left to the browser.
   The cache is named by a digest of the build: a new build's worker fills a new cache with
   fresh copies of the pages the old one held, then deletes the old one. Nothing is sent
   anywhere but to this site. */
"use strict";
const CONFIG = /*CONFIG*/{};
const SCOPE = self.registration.scope;
// one cache per site and version of it: Read the Docs serves /en/latest/ and /en/stable/ from one origin
const PREFIX = "symposium:" + SCOPE + ":";
const CACHE = PREFIX + CONFIG.version;
const ASSET = /^(?:_static|_images)\//;
const MEDIA = /\.(?:mp4|m4v|webm|ogv|mov|mp3|m4a|oga|ogg|opus|wav|flac)$/i;
const noop = function () {};

const inScope = (url) => url.startsWith(SCOPE) && !MEDIA.test(new URL(url).pathname);
const isAsset = (url) => ASSET.test(url.slice(SCOPE.length));
const isHtml = (response) => (response.headers.get("content-type") || "").includes("text/html");
const storable = (response) => response.status === 200 && response.type === "basic";
// pages and data are kept without their query (?now=..., ?highlight=...) and fragment
function key(url) {
  const address = new URL(url);
  address.hash = "";
  if (!isAsset(address.href)) address.search = "";
  if (address.pathname.endsWith("/")) address.pathname += CONFIG.index;
  return address.href;
}

// the copy keeps the time it was saved; a new Response also drops "redirected", which a navigation refuses
async function save(cache, url, response) {
  const headers = new Headers(response.headers);
  ["content-encoding", "content-length"].forEach((name) => headers.delete(name));
  headers.set("x-symposium-saved", new Date().toISOString());
  const body = await response.blob();
  await cache.put(key(url), new Response(body, { status: 200, headers: headers }));
  return body;
}

// the stylesheets, scripts and images a page loads
function assetsOf(html, base) {
  const found = [];
  for (const tag of html.matchAll(/<(?:link|script|img)\b[^>]*>/gi)) {
    const attribute = /\s(?:href|src)="([^"]+)"/i.exec(tag[0]);
    if (!attribute) continue;
    const url = new URL(attribute[1].replace(/&amp;/g, "&"), base).href;
    if (inScope(url) && isAsset(url)) found.push(url);
  }
  return found;
}

// fetches what the device does not have yet, one at a time (a phone on the venue's Wi-Fi),
// and the assets of the pages among them
async function keep(urls, limit) {
  const cache = await caches.open(CACHE);
  const wanted = Array.from(new Set(urls.filter((url) => typeof url === "string" && inScope(url)).map(key)));
  const assets = new Set();
  for (const url of wanted.slice(0, limit)) {
    if (await cache.match(url)) continue;
    try {
      const response = await fetch(url, { cache: "no-cache" });
      if (!storable(response)) continue;
      const html = isHtml(response);
      const body = await save(cache, url, response);
      if (html) assetsOf(await body.text(), url).forEach((asset) => assets.add(asset));
    } catch (error) { /* offline, or gone: the others still */ }
  }
  for (const url of assets) {
    try {
      if (await cache.match(url)) continue;
      const response = await fetch(url);
      if (storable(response)) await cache.put(url, response);
    } catch (error) { /* the page still reads */ }
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    // and attendee.js's modules, which no page names in a tag (it imports them)
    const urls = CONFIG.precache.concat(CONFIG.modules).map((path) => new URL(path, SCOPE).href);
    // the pages an earlier build's worker kept, fresh from this build
    for (const name of await caches.keys()) {
      if (!name.startsWith(PREFIX) || name === CACHE) continue;
      for (const request of await (await caches.open(name)).keys()) {
        if (!isAsset(request.url)) urls.push(request.url);
      }
    }
    await keep(urls, Infinity);
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// a page asks to keep itself, what it loaded and, on the program, the pages it links to
self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === CONFIG.names.keep_message && Array.isArray(data.urls)) event.waitUntil(keep(data.urls, CONFIG.limit));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || request.headers.has("range") || !inScope(request.url)) return;
  if (isAsset(request.url)) fromDevice(event); else fromNetwork(event);
});

// cache first, refreshed behind
function fromDevice(event) {
  const request = event.request;
  const cached = caches.open(CACHE).then((cache) => cache.match(request));
  const fresh = fetch(request).then(async (response) => {
    if (storable(response)) {
      const copy = response.clone();
      await (await caches.open(CACHE)).put(request, copy);
    }
    return response;
  });
  event.waitUntil(fresh.catch(noop));
  event.respondWith(cached.then((copy) => copy || fresh));
}

// network first; the device's copy, with a note, when the network fails or is too slow
function fromNetwork(event) {
  const request = event.request;
  let saving = Promise.resolve();
  let late = false;
  // past the browser's HTTP cache too (a revalidation costs little): the newest program, always
  const fresh = fetch(new Request(request, { cache: "no-cache" })).then((response) => {
    if (response.status >= 500) throw new Error(response.status);  // the host is down: the copy
    if (storable(response)) {
      const copy = response.clone();  // now: the browser reads the response as soon as it is returned
      saving = caches.open(CACHE).then((cache) => save(cache, request.url, copy));
    }
    return response;
  });
  const client = event.resultingClientId || event.clientId;
  event.waitUntil(fresh.then(() => saving).then(() => late && tell(client)).catch(noop));
  event.respondWith((async () => {
    const copy = await (await caches.open(CACHE)).match(key(request.url));
    if (!copy) return fresh.catch(() => (request.mode === "navigate" ? notSaved() : Response.error()));
    let timer;
    const slow = new Promise((resolve) => { timer = setTimeout(resolve, CONFIG.timeout * 1000, null); });
    try {
      const answer = await Promise.race([fresh, slow]);
      if (answer) return answer;
      late = true;
      return withNote(copy, request, "slow");
    } catch (error) {
      return withNote(copy, request, "offline");
    } finally {
      clearTimeout(timer);
    }
  })());
}

async function tell(clientId) {
  const client = clientId && await self.clients.get(clientId);
  if (client) client.postMessage({ type: CONFIG.names.fresh_message });
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

// "Offline copy from November 21, 2025 at 10:40 AM. ...", first in the page's <main>
async function withNote(copy, request, why) {
  if (request.mode !== "navigate" || !isHtml(copy)) return copy;
  const words = CONFIG.words;
  const saved = new Date(copy.headers.get("x-symposium-saved") || "");
  const when = isNaN(saved) ? "" : " " + words.from + ' <time datetime="' + saved.toISOString() + '">' + escapeHtml(
    saved.toLocaleString(CONFIG.language, { year: "numeric", month: "long", day: "numeric", hour: "numeric",
      minute: "2-digit", hourCycle: CONFIG.hourCycle })) + "</time>";
  const note = '<div class="' + CONFIG.names.offline_note + '" role="status" data-why="' + why + '"><p><strong>' +
    escapeHtml(words.copy) + "</strong>" + when + ". " + escapeHtml(words[why]) + "</p></div>";
  const html = await copy.text();
  const at = /<main\b[^>]*>/i.exec(html) || /<body\b[^>]*>/i.exec(html);
  const end = at ? at.index + at[0].length : 0;
  return new Response(html.slice(0, end) + note + html.slice(end), { headers: copy.headers });
}

// a page this device has not kept, offline: where the kept ones are
function notSaved() {
  const words = CONFIG.words;
  const link = (path, text) => '<a href="' + escapeHtml(new URL(path, SCOPE).href) + '">' + escapeHtml(text) + "</a>";
  return new Response('<!doctype html><html lang="/*LANGUAGE*/"><meta charset="utf-8"><meta name="viewport" ' +
    'content="width=device-width, initial-scale=1"><title>' + escapeHtml(words.notSavedTitle) + "</title>" +
    '<main style="font: 1.1rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">' +
    "<h1>" + escapeHtml(words.notSavedTitle) + "</h1><p>" + escapeHtml(words.notSaved) + "</p><p>" +
    link(CONFIG.program, words.program) + " \u00b7 " + link(CONFIG.precache[0], words.home) + "</p></main></html>",
  { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}
