/* A page with `embed: true`, shown in an <iframe> on another site: it tells the page that embeds
   it how tall it is, now and whenever its content changes height (a narrower window, a filter of
   the program), with one message: {type: "symposium:height", height: <CSS pixels>}. The host's
   snippet (CONTRIBUTING.md, "Embed the program in another site") sets the iframe's height from it.
   Nothing else is sent, and nothing is read from the host. */
(function () {
  "use strict";
  if (window.parent === window) return;
  var main = document.querySelector(".symposium-embed");
  if (!main) return;
  var sent = -1;
  function send() {
    // the bottom of the content, not the window's height: an iframe sized to it can shrink again
    var height = Math.ceil(main.getBoundingClientRect().bottom + window.scrollY);
    if (height === sent) return;
    sent = height;
    window.parent.postMessage({ type: "symposium:height", height: height }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(send).observe(main);
  window.addEventListener("load", send);
  window.addEventListener("resize", send);
  send();
})();
