/* Comment forms: while "@ab" is typed, the members whose pseudonym starts with "ab"; a click (or Enter) completes it. */
(function () {
  'use strict';
  if (!window.fetch) {
    return;
  }
  var MENTION = /(^|[^\w@.-])@([\w.-]{2,30})$/;
  document.querySelectorAll('textarea.mention[data-members]').forEach(function (area) {
    var list = document.createElement('ul');
    list.className = 'mention-suggestions';
    list.setAttribute('aria-live', 'polite');
    list.hidden = true;
    area.parentNode.appendChild(list);
    var timer = null;
    function complete(name) {
      var before = area.value.slice(0, area.selectionStart);
      var after = area.value.slice(area.selectionStart);
      var m = MENTION.exec(before);
      if (!m) { return; }
      before = before.slice(0, before.length - m[2].length) + name + ' ';
      area.value = before + after;
      area.setSelectionRange(before.length, before.length);
      list.hidden = true;
      area.focus();
    }
    function show(names) {
      list.textContent = '';
      names.forEach(function (name) {
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = '@' + name;
        b.addEventListener('click', function () { complete(name); });
        li.appendChild(b);
        list.appendChild(li);
      });
      list.hidden = names.length === 0;
    }
    area.addEventListener('input', function () {
      clearTimeout(timer);
      var m = MENTION.exec(area.value.slice(0, area.selectionStart));
      if (!m) { show([]); return; }
      var prefix = m[2];
      timer = setTimeout(function () {
        fetch(area.getAttribute('data-members') + '?prefix=' + encodeURIComponent(prefix), {credentials: 'same-origin'})
          .then(function (r) { return r.ok ? r.json() : {items: []}; })
          .then(function (page) { show(page.items || []); })
          .catch(function () { show([]); });
      }, 250);
    });
    area.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !list.hidden && list.firstChild) {
        e.preventDefault();
        complete(list.firstChild.textContent.slice(1));
      } else if (e.key === 'Escape') {
        list.hidden = true;
      }
    });
  });
})();
