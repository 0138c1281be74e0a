// Gatehouse console: keeps the review inbox live. New items are merged in as they arrive and decided ones leave,
// without a reload and without touching an item being worked on (a half-written justification stays).
(function () {
  'use strict';

  var PERIOD_MS = 2000;

  function start() {
    var list = document.getElementById('inbox-items');
    if (!list || !window.fetch || !window.DOMParser) {
      return;
    }

    var url = list.getAttribute('data-refresh');
    var status = document.getElementById('inbox-status');
    var empty = document.getElementById('inbox-empty');

    function merge(html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('inbox-items');
      if (!fresh) {
        throw new Error('unexpected answer');
      }

      var wanted = {};
      var previous = null;
      Array.prototype.forEach.call(fresh.children, function (item) {
        wanted[item.id] = true;
        var existing = document.getElementById(item.id);
        if (!existing) {
          existing = document.importNode(item, true);
          existing.classList.add('new');
          list.insertBefore(existing, previous ? previous.nextSibling : list.firstChild);
        }
        previous = existing;
      });
      Array.prototype.slice.call(list.children).forEach(function (item) {
        if (!wanted[item.id] && !item.contains(document.activeElement)) {
          list.removeChild(item);
        }
      });
      if (empty) {
        empty.hidden = list.children.length > 0;
      }
    }

    function refresh() {
      fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' }, redirect: 'error' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('status ' + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          merge(html);
          list.setAttribute('data-refreshed', String(Date.now()));
          if (status) {
            status.textContent = 'Live: checked at ' + new Date().toLocaleTimeString() + '.';
          }
        })
        .catch(function () {
          if (status) {
            status.textContent = 'Live updates paused: the gateway did not answer (or the session ended). Retrying; reload to sign in again.';
          }
        })
        .then(function () {
          window.setTimeout(refresh, PERIOD_MS);
        });
    }

    window.setTimeout(refresh, PERIOD_MS);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
