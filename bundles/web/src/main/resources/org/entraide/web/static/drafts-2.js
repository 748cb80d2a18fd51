/*
 * Drafts of the ask, answer and complaint forms: what is typed is kept in this browser at once, and, for a signed-in
 * member, on the server every few seconds, so that it survives a closed tab, a crash or a change of device. The
 * forms work without this script ("Save draft" button); it only saves without asking.
 */
(function () {
  'use strict';
  var SERVER_EVERY_MS = 5000;
  var IDLE_MS = 1200;
  var PREFIX = 'entraide-draft:';

  function store() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function text(form, name) {
    var field = form.elements[name];
    return field && typeof field.value === 'string' ? field.value : '';
  }

  function snapshot(form) {
    var fields = {};
    ['topic', 'tags', 'storeCode'].forEach(function (name) {
      var value = text(form, name);
      if (value) {
        fields[name] = value;
      }
    });
    return { title: text(form, 'title'), body: text(form, 'body'), fields: fields, at: Date.now() };
  }

  function restore(form, saved) {
    if (form.elements.title && saved.title) {
      form.elements.title.value = saved.title;
    }
    if (form.elements.body && saved.body) {
      form.elements.body.value = saved.body;
    }
    Object.keys(saved.fields || {}).forEach(function (name) {
      var field = form.elements[name];
      if (field && typeof field.value === 'string' && !field.value) {
        field.value = saved.fields[name];
      }
    });
  }

  function setUp(form) {
    var key = PREFIX + form.getAttribute('data-draft');
    var url = form.getAttribute('data-draft-save');
    var local = store();
    var status = document.createElement('p');
    status.className = 'help draft-status';
    status.setAttribute('aria-live', 'polite');
    form.appendChild(status);
    var idle = null;
    var lastServerSave = 0;
    var sentText = null;
    var sent = false;

    // the page is empty (no server draft put back): the browser's copy, if any
    if (local && !text(form, 'title') && !text(form, 'body')) {
      try {
        var saved = JSON.parse(local.getItem(key) || 'null');
        if (saved) {
          restore(form, saved);
        }
      } catch (e) {
        local.removeItem(key);
      }
    }

    function saveToServer() {
      if (sent || !url || !window.fetch || !window.URLSearchParams) {
        return;
      }
      var data = new URLSearchParams();
      ['csrf', 'title', 'body', 'topic', 'tags', 'storeCode'].forEach(function (name) {
        if (form.elements[name] && typeof form.elements[name].value === 'string') {
          data.append(name, form.elements[name].value);
        }
      });
      var body = data.toString();
      if (body === sentText) {
        return;
      }
      lastServerSave = Date.now();
      window.fetch(url, { method: 'POST', body: data, credentials: 'same-origin' }).then(function (response) {
        if (response.status === 204) {
          sentText = body;
          status.textContent = form.getAttribute('data-draft-saved');
        }
      }).catch(function () {
        // offline: the browser's copy is kept and sent with the next change
      });
    }

    form.addEventListener('input', function () {
      if (local) {
        try {
          local.setItem(key, JSON.stringify(snapshot(form)));
        } catch (e) {
          // storage full or disabled: the server copy remains
        }
      }
      clearTimeout(idle);
      idle = setTimeout(saveToServer, Date.now() - lastServerSave > SERVER_EVERY_MS ? IDLE_MS : SERVER_EVERY_MS);
    });

    form.addEventListener('submit', function (event) {
      var button = event.submitter;
      if (!button || button.value === 'publish') {
        // the page lives on until the server answers: a save due meanwhile would bring the draft back after it went
        sent = true;
        clearTimeout(idle);
      }
      if (local && (!button || button.value === 'publish')) {
        // sent: the server drops its copy once the post is accepted, and so does the browser
        local.removeItem(key);
      }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[data-draft]'), setUp);
}());
