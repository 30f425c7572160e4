/* Lecture deck: reveal.js set up for clips that play to their last frame.
   Written for what reveal.js lacks: a "next" that first finishes a playing clip,
   click to advance, R to replay and M to mute. Everything else (slides, URL
   fragments, Home/End, F fullscreen, B black screen, S speaker view) is reveal's. */
(function () {
  "use strict";
  var muted = false;

  function clip() {
    var slide = Reveal.getCurrentSlide();
    return slide ? slide.querySelector("video.clip") : null;
  }

  function playing(video) {
    return video && !video.paused && !video.ended;
  }

  /* Next: while the clip plays, jump to its last frame; otherwise the next slide. */
  function next() {
    var video = clip();
    if (playing(video) && isFinite(video.duration)) {
      video.pause();
      video.currentTime = video.duration;
    } else {
      Reveal.next();
    }
  }

  function replay() {
    var video = clip();
    if (video) {
      video.currentTime = 0;
      video.play();
    }
  }

  function toggleMute() {
    muted = !muted;
    document.querySelectorAll("video.clip").forEach(function (v) {
      v.muted = muted;
    });
    document.documentElement.classList.toggle("deck-muted", muted);
  }

  window.Deck = {
    next: next,
    replay: replay,
    toggleMute: toggleMute,
    start: function (size) {
      Reveal.initialize({
        width: size.width,
        height: size.height,
        margin: 0,
        minScale: 0.1,
        maxScale: 8,
        center: false,
        hash: true,
        controls: false,
        progress: true,
        slideNumber: "c/t",
        transition: "none",
        backgroundTransition: "none",
        autoPlayMedia: true,
        preloadIframes: false,
        viewDistance: 2, // clips load (data-src) two slides ahead, and unload behind
        plugins: [RevealNotes],
        keyboard: {
          32: next, // Space
          34: next, // PageDown
          39: next, // Right arrow
          77: toggleMute, // M
          82: replay, // R
        },
      });
      if (!Reveal.isSpeakerNotes()) {
        document.querySelector(".reveal .slides").addEventListener("click", next);
      }
    },
  };
})();
