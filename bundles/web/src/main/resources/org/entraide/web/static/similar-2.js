/* The ask page: while the title is typed, the questions most like it ("does one of these answer you?"). The page
   server records them as proposed to the asker under one token per ask, which the form and the links carry on. */
(function () {
  'use strict';
  var box = document.getElementById('similar');
  var title = document.getElementById('f-title');
  var token = document.getElementById('f-proposal');
  var csrf = title && title.form ? title.form.querySelector('input[name="csrf"]') : null;
  if (!box || !title || !token || !csrf || !window.fetch || !window.URLSearchParams) {
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
      a.href = box.getAttribute('data-questions') + q.id + (token.value ? '?proposal=' + token.value : '');
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
      var data = new URLSearchParams();
      data.append('csrf', csrf.value);
      data.append('title', text);
      data.append('proposal', token.value);
      fetch(box.getAttribute('data-similar'), {method: 'POST', body: data, credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : {items: []}; })
        .then(function (page) {
          if (page.proposal) { token.value = page.proposal; }
          if (title.value.trim() === text) { show(page.items || []); }
        })
        .catch(function () { show([]); });
    }, 300);
  });
})();
