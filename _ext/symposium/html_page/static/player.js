/* A talk's video as a click-to-load player. Until the visitor presses play, the page asks the
   video's host for nothing: the poster is drawn by the page from the talk's title. Then the
   host's player comes in, at its privacy-friendly address (youtube-nocookie.com, Vimeo with
   dnt=1...), or the browser's own player for a video file of the site. Loaded only on pages
   with a player (html_page/attendee.py); without it, the poster is a link to the video. */
(function () {
  "use strict";
  document.querySelectorAll("figure.symposium-video[data-player]").forEach(function (figure) {
    var poster = figure.querySelector("a.symposium-video-poster");
    if (!poster) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = poster.className;
    button.innerHTML = poster.innerHTML;
    var note = figure.querySelector(".symposium-video-note");
    if (note) {
      note.id = figure.id + "-note";
      button.setAttribute("aria-describedby", note.id);
    }
    poster.parentNode.replaceChild(button, poster);
    button.addEventListener("click", function () {
      var title = "Video: " + figure.querySelector(".symposium-video-title").textContent;
      var player;
      if (figure.getAttribute("data-kind") === "file") {
        player = document.createElement("video");
        player.controls = true;
        player.autoplay = true;
        player.playsInline = true;
        player.setAttribute("aria-label", title);
      } else {
        player = document.createElement("iframe");
        player.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
        player.setAttribute("allowfullscreen", "");
        player.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        player.title = title;
      }
      player.className = "symposium-video-player";
      player.src = figure.getAttribute("data-player");
      button.parentNode.replaceChild(player, button);
      player.focus();
    });
  });
})();
