/*
 * The brand's widget, for the brand's own site: replaces <div data-entraide-widget data-brand="slug"> with an iframe
 * of the community's widget page, served from the address this script came from. No inline code, no third party.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = script ? new URL(script.src).origin : '';
  Array.prototype.forEach.call(document.querySelectorAll('[data-entraide-widget]'), function (holder) {
    var brand = holder.getAttribute('data-brand') || '';
    if (!/^[a-z0-9-]{2,40}$/.test(brand)) {
      return;
    }
    var lang = holder.getAttribute('data-lang');
    var frame = document.createElement('iframe');
    frame.src = origin + '/b/' + brand + '/embed' + (lang === 'fr' || lang === 'en' ? '?lang=' + lang : '');
    frame.title = holder.getAttribute('data-title') || 'Community';
    frame.setAttribute('allow', 'geolocation');
    frame.setAttribute('loading', 'lazy');
    frame.width = '100%';
    frame.height = holder.getAttribute('data-height') || '520';
    frame.style.border = '0';
    holder.replaceChildren(frame);
  });
}());
