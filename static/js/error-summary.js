// After a failed submit, move focus to the form's error summary (templates/components/
// form_fields.html) so that a phone's screen shows it and screen readers read it first.
// Without JavaScript the summary is still the first thing in the form.
(function () {
  "use strict";
  function focusSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary && !summary.hasAttribute("data-focused")) {
      summary.setAttribute("data-focused", "");
      summary.focus();
      summary.scrollIntoView({ block: "start" });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusSummary);
  } else {
    focusSummary();
  }
})();
