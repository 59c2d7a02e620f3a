/* An online exchange's page: while the exchange is open, new approved answers are fetched from
   the page's JSON feed every 10 seconds and added to the list without reloading. Without
   JavaScript the page still shows every answer approved when it was loaded. */
(function () {
  "use strict";
  var list = document.getElementById("exchange-answers");
  if (!list || !list.dataset.feed) return;
  var interval = Number(list.dataset.interval || 10000);

  function known() {
    var ids = {};
    list.querySelectorAll("[data-answer]").forEach(function (item) { ids[item.dataset.answer] = true; });
    return ids;
  }

  function paragraphs(text) {
    var box = document.createElement("div");
    text.split(/\n{2,}/).forEach(function (part) {
      var p = document.createElement("p");
      p.textContent = part;
      box.appendChild(p);
    });
    return box;
  }

  function render(answer) {
    var item = document.createElement("li");
    item.className = "exchange-answer";
    item.dataset.answer = String(answer.id);
    var heading = document.createElement("h3");
    var link = document.createElement("a");
    link.href = answer.url;
    link.textContent = answer.title;
    heading.appendChild(link);
    var question = paragraphs(answer.question);
    question.className = "question-text";
    // The answer is the rich text the board approved, sanitised by the CMS's editor.
    var text = document.createElement("div");
    text.className = "answer-text";
    text.innerHTML = answer.answer;
    item.append(heading, question, text);
    return item;
  }

  function poll() {
    fetch(list.dataset.feed, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) return;
        var ids = known();
        data.answers.forEach(function (answer) {
          if (ids[answer.id]) return;
          var empty = list.querySelector(".exchange-answers__empty");
          if (empty) empty.remove();
          list.appendChild(render(answer));
        });
        if (!data.ended) window.setTimeout(poll, interval);
      })
      .catch(function () { window.setTimeout(poll, interval * 2); });
  }

  window.setTimeout(poll, interval);
})();
