// Progressive enhancement of search filter forms (no inline script: the CSP stays strict).
// - A form with data-apply-on-change is sent as soon as a checkbox or select changes.
// - A <details data-open-wide> fold of the filters is opened on wide screens; on phones it stays
//   folded behind its "Filter (n)" button so the first result is on the first screen.
(function () {
  "use strict";
  document.querySelectorAll("form[data-apply-on-change]").forEach(function (form) {
    form.addEventListener("change", function (event) {
      var target = event.target;
      if (target.matches("input[type=checkbox], input[type=radio], select")) {
        form.requestSubmit ? form.requestSubmit() : form.submit();
      }
    });
  });
  var wide = window.matchMedia("(min-width: 992px)");
  function unfold() {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      if (wide.matches) {
        details.open = true;
      }
    });
  }
  unfold();
  wide.addEventListener("change", unfold);
})();
