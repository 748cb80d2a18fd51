/* The ask page: while the title is typed, the questions most like it ("does one of these answer you?"). */
(function () {
  'use strict';
  var box = document.getElementById('similar');
  var title = document.getElementById('f-title');
  if (!box || !title || !window.fetch) {
    return;
  }
  var list = box.querySelector('ul');
  var timer = null;
  var last = '';
  function show(items) {
    list.textContent = '';
    items.forEach(function (q) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = box.getAttribute('data-questions') + q.id;
      a.textContent = q.title;
      a.target = '_blank';
      li.appendChild(a);
      if (q.accepted) {
        var span = document.createElement('span');
        span.className = 'meta';
        span.textContent = ' · ' + box.getAttribute('data-accepted');
        li.appendChild(span);
      }
      list.appendChild(li);
    });
    box.hidden = items.length === 0;
  }
  title.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = title.value.trim();
      if (text.length < 8 || text === last) {
        if (text.length < 8) { show([]); }
        return;
      }
      last = text;
      fetch(box.getAttribute('data-similar') + '?title=' + encodeURIComponent(text), {credentials: 'omit'})
        .then(function (r) { return r.ok ? r.json() : {items: []}; })
        .then(function (page) { if (title.value.trim() === text) { show(page.items || []); } })
        .catch(function () { show([]); });
    }, 300);
  });
})();
