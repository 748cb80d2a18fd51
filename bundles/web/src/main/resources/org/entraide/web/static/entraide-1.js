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
  // Put the focus on the error summary, so that screen readers announce it.
  var summary = document.getElementById('error-summary');
  if (summary) {
    summary.focus();
  }
})();
