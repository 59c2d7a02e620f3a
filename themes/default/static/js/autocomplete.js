// Progressive enhancement: titles suggested under search inputs marked data-autocomplete.
(function () {
  "use strict";
  document.querySelectorAll("input[data-autocomplete]").forEach(function (input) {
    var list = document.createElement("ul");
    list.className = "autocomplete";
    list.id = input.id + "-suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-autocomplete", "list");
    input.parentNode.insertBefore(list, input.nextSibling);
    var timer, controller;

    function show(items) {
      list.textContent = "";
      items.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.url;
        a.textContent = item.title;
        li.setAttribute("role", "option");
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { show([]); return; }
      timer = setTimeout(function () {
        if (controller) controller.abort();
        controller = new AbortController();
        var lang = document.documentElement.lang || "";
        fetch((input.dataset.suggestUrl || "/api/search/suggest/") + "?q=" + encodeURIComponent(q) + "&language=" + lang,
              { signal: controller.signal })
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (data) { show(data.suggestions); })
          .catch(function () {});
      }, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") show([]);
    });
    document.addEventListener("click", function (e) {
      if (e.target !== input && !list.contains(e.target)) show([]);
    });
  });
})();
