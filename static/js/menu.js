// The main menu folds behind a "Menü" button on small screens. Without JavaScript the menu stays open.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".menu-button");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (menu) {
      document.documentElement.classList.add("has-menu-button");
      button.hidden = false;
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", String(open));
        menu.classList.toggle("is-open", open);
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
          button.setAttribute("aria-expanded", "false");
          menu.classList.remove("is-open");
          button.focus();
        }
      });
    }
    // The printout carries the day it was printed, not the day the page was loaded.
    var printDate = document.querySelector(".print-date");
    if (printDate) {
      window.addEventListener("beforeprint", function () {
        printDate.textContent = new Date().toLocaleDateString("de-DE", { day: "numeric", month: "long", year: "numeric" });
      });
    }
  });
})();
