/* The ask page: while the title is typed, the brand's articles and the questions most like it ("does one of these
   answer you?"). The page server records them as proposed to the asker under one token per ask, which the form and
   the links carry on. */
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
  function item(href, text, target) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    a.target = target;
    li.appendChild(a);
    return li;
  }
  function show(items, articles) {
    list.textContent = '';
    // the brand's own articles first, marked, then the community's questions
    articles.forEach(function (k) {
      var li = item(box.getAttribute('data-articles') + k.id + '?from=ask' + (token.value ? '&proposal=' + token.value : ''),
        k.title, '_blank');
      var badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = ' ' + box.getAttribute('data-article');
      li.appendChild(badge);
      list.appendChild(li);
    });
    items.forEach(function (q) {
      var li = item(box.getAttribute('data-questions') + q.id + (token.value ? '?proposal=' + token.value : ''), q.title,
        '_blank');
      if (q.accepted) {
        var span = document.createElement('span');
        span.className = 'meta';
        span.textContent = ' · ' + box.getAttribute('data-accepted');
        li.appendChild(span);
      }
      list.appendChild(li);
    });
    box.hidden = items.length + articles.length === 0;
  }
  title.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = title.value.trim();
      if (text.length < 8 || text === last) {
        if (text.length < 8) { show([], []); }
        return;
      }
      last = text;
      var data = new URLSearchParams();
      data.append('csrf', csrf.value);
      data.append('title', text);
      data.append('proposal', token.value);
      fetch(box.getAttribute('data-similar'), {method: 'POST', body: data, credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : {items: [], articles: []}; })
        .then(function (page) {
          if (page.proposal) { token.value = page.proposal; }
          if (title.value.trim() === text) { show(page.items || [], page.articles || []); }
        })
        .catch(function () { show([], []); });
    }, 300);
  });
})();
