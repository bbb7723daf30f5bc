// The reader's one interaction: click a speaker to show only their quotes; click again for all.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var buttons = document.querySelectorAll("button.speaker");
  var active = null;

  function show(speaker) {
    active = speaker;
    text.querySelectorAll("[data-speaker]").forEach(function (span) {
      span.classList.toggle("dim", active !== null && span.dataset.speaker !== active);
    });
    document.querySelectorAll(".speaker-entry").forEach(function (entry) {
      entry.classList.toggle("folded", active !== null && entry.dataset.speaker !== active);
    });
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.speaker === active));
    });
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      show(active === button.dataset.speaker ? null : button.dataset.speaker);
    });
  });
})();
