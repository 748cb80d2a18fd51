/* Enhancements only: every page works without this script. */
(function () {
  'use strict';
  // "Stores near me" on the complaint form: the browser's position, sent as coordinates to the store search.
  var near = document.querySelector('[data-near-me]');
  if (near && navigator.geolocation) {
    near.hidden = false;
    near.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        var url = new URL(window.location.href);
        url.searchParams.delete('q');
        url.searchParams.set('lat', pos.coords.latitude.toFixed(5));
        url.searchParams.set('lon', pos.coords.longitude.toFixed(5));
        window.location.assign(url.toString());
      });
    });
  }
  // A Markdown toolbar above each editor: buttons wrap the selection (or insert a sample) in Markdown.
  var marks = [
    ['bold', '**', '**'], ['italic', '*', '*'], ['link', '[', '](https://)'], ['list', '\n- ', ''], ['code', '`', '`']
  ];
  Array.prototype.forEach.call(document.querySelectorAll('textarea.markdown'), function (area) {
    var labels = (area.getAttribute('data-toolbar') || 'Bold|Italic|Link|List|Code').split('|');
    var bar = document.createElement('div');
    bar.className = 'toolbar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-controls', area.id);
    bar.setAttribute('aria-label', area.getAttribute('data-toolbar-label') || 'Formatting');
    marks.forEach(function (mark, i) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary tool-' + mark[0];
      button.textContent = labels[i] || mark[0];
      button.addEventListener('click', function () {
        var start = area.selectionStart, end = area.selectionEnd;
        var selected = area.value.substring(start, end) || labels[i];
        area.setRangeText(mark[1] + selected + mark[2], start, end, 'end');
        area.focus();
        area.dispatchEvent(new Event('input', {bubbles: true}));
      });
      bar.appendChild(button);
    });
    area.parentNode.insertBefore(bar, area);
  });
  // Put the focus on the error summary, so that screen readers announce it.
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
})();
