/* Autocomplete for search inputs marked data-autocomplete: the WAI-ARIA combobox pattern
   (an editable combobox with a list popup, https://www.w3.org/WAI/ARIA/apg/patterns/combobox/).

   - The field's value and caret are the user's alone: nothing here ever writes input.value or
     moves the selection. Vietnamese is typed through input methods (Telex, VNI) that compose
     characters; while a composition is open (compositionstart..compositionend) no request is
     made and no key is acted upon, so the input method keeps full control.
   - Requests are debounced and at most one is in flight (the previous one is aborted).
   - Arrow keys move a highlight through the options (aria-activedescendant; focus stays in the
     field); Enter opens the highlighted suggestion, or submits the search when none is
     highlighted; Escape closes the list; Tab leaves it.
   - A 429 pauses suggestions for the Retry-After the server gives; offline or any error simply
     shows no list. The form works without any of this. */
(function () {
  "use strict";
  var DELAY = 250;
  var MIN_LENGTH = 2;

  function setUp(input, index) {
    var row = input.parentNode;
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var listId = (input.id || "search-" + index) + "-suggestions";
    var label = input.getAttribute("data-suggest-label") || "";
    list.id = listId;
    list.className = "autocomplete";
    list.setAttribute("role", "listbox");
    if (label) list.setAttribute("aria-label", label);
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    row.classList.add("combobox");
    row.appendChild(list);
    row.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");

    var timer = null;
    var controller = null;
    var composing = false;
    var pausedUntil = 0;
    var active = -1;
    var options = [];
    var lastQuery = "";

    function close() {
      list.hidden = true;
      list.textContent = "";
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(position) {
      if (active >= 0 && options[active]) options[active].element.setAttribute("aria-selected", "false");
      active = position;
      if (active < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      var option = options[active].element;
      option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", option.id);
      if (option.scrollIntoView) option.scrollIntoView({ block: "nearest" });
    }

    function show(items) {
      list.textContent = "";
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      items.forEach(function (item, position) {
        var li = document.createElement("li");
        li.id = listId + "-" + position;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "autocomplete__option";
        li.textContent = item.title;
        li.addEventListener("mousedown", function (event) { event.preventDefault(); });
        li.addEventListener("click", function () { window.location.assign(item.url); });
        list.appendChild(li);
        options.push({ element: li, url: item.url });
      });
      var open = items.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      var template = input.getAttribute("data-suggest-count") || "";
      status.textContent = open && template ? template.replace("{n}", String(items.length)) : "";
    }

    function request() {
      var q = input.value.trim();
      if (q.length < MIN_LENGTH) { lastQuery = ""; close(); return; }
      if (q === lastQuery) return;
      if (Date.now() < pausedUntil || navigator.onLine === false) { close(); return; }
      lastQuery = q;
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      var lang = document.documentElement.lang || "";
      var url = (input.getAttribute("data-suggest-url") || "/api/search/suggest/") +
        "?q=" + encodeURIComponent(q) + "&language=" + encodeURIComponent(lang);
      fetch(url, { signal: controller ? controller.signal : undefined, headers: { Accept: "application/json" } })
        .then(function (response) {
          if (response.status === 429) {
            var wait = parseInt(response.headers.get("Retry-After"), 10);
            pausedUntil = Date.now() + 1000 * (wait > 0 ? wait : 30);
            lastQuery = "";
            return { suggestions: [] };
          }
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          // An answer to an older text, or one arriving while a composition is open, waits.
          if (composing || input.value.trim() !== q) return;
          show((data && data.suggestions) || []);
        })
        .catch(function () { lastQuery = ""; });
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(request, DELAY);
    }

    input.addEventListener("compositionstart", function () {
      composing = true;
      clearTimeout(timer);
    });
    input.addEventListener("compositionend", function () {
      composing = false;
      schedule();
    });
    input.addEventListener("input", function (event) {
      if (composing || event.isComposing) return;
      schedule();
    });
    input.addEventListener("keydown", function (event) {
      if (composing || event.isComposing || event.keyCode === 229) return;
      var open = !list.hidden && options.length > 0;
      if (event.key === "ArrowDown" && open) {
        event.preventDefault();
        highlight(active + 1 < options.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        highlight(active > 0 ? active - 1 : options.length - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        window.location.assign(options[active].url);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      } else if (event.key === "Tab") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  function start() {
    document.querySelectorAll("input[data-autocomplete]").forEach(setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
