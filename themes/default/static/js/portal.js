/* Progressive enhancement for the public theme; every page works without it. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("js");

  function toggle(button, target, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    target.classList.toggle("is-collapsed", !open);
  }

  /* Menu toggle: on phones the menu folds away behind one button. */
  function setUpMenu() {
    var button = document.querySelector(".menu-toggle");
    var menu = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!menu || !menu.querySelector("a, form")) return;
    var narrow = window.matchMedia("(max-width: 47.99rem)");
    function apply() {
      button.hidden = !narrow.matches;
      toggle(button, menu, !narrow.matches);
    }
    button.addEventListener("click", function () {
      toggle(button, menu, button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
        toggle(button, menu, false);
        button.focus();
      }
    });
    if (narrow.addEventListener) narrow.addEventListener("change", apply);
    apply();
  }

  /* Disclosures (facet groups): <button data-disclosure aria-controls="id" aria-expanded="true">.
     A group starts folded when its button has data-collapsed and none of its options is checked. */
  function setUpDisclosures() {
    document.querySelectorAll("[data-disclosure]").forEach(function (button) {
      var target = document.getElementById(button.getAttribute("aria-controls"));
      if (!target) return;
      var checked = target.querySelector("input:checked");
      toggle(button, target, !(button.hasAttribute("data-collapsed") && !checked));
      button.addEventListener("click", function () {
        toggle(button, target, button.getAttribute("aria-expanded") !== "true");
      });
    });
  }

  /* Forms marked data-autosubmit apply a facet as soon as it is ticked. */
  function setUpAutosubmit() {
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
      form.addEventListener("change", function (event) {
        if (event.target.matches("input[type=checkbox], input[type=radio], select")) form.submit();
      });
    });
  }

  /* Search filters: on phones the results come first and the filters (after them) fold away
     behind a "Bộ lọc" button in the results' summary; wider screens show them beside. */
  function setUpFilters() {
    var button = document.querySelector("[data-filters-toggle]");
    var panel = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) return;
    var narrow = window.matchMedia("(max-width: 47.99rem)");
    function apply() {
      button.hidden = !narrow.matches;
      toggle(button, panel, !narrow.matches);
    }
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      toggle(button, panel, open);
      if (open) panel.focus();
    });
    if (narrow.addEventListener) narrow.addEventListener("change", apply);
    apply();
  }

  /* List filters (<details data-open-wide>) start open on wide screens; on phones they stay
     folded under their summary so the list comes first. */
  function setUpListFilters() {
    if (!window.matchMedia("(min-width: 48rem)").matches) return;
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }

  /* A refused form: its error summary takes the focus, so it is read first and seen. */
  function focusErrorSummary() {
    var summary = document.querySelector(".error-summary");
    if (summary && document.activeElement !== summary) summary.focus();
  }

  function start() {
    setUpMenu(); setUpDisclosures(); setUpAutosubmit(); setUpFilters(); setUpListFilters();
    focusErrorSummary();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
