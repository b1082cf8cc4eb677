/*
 * Keyboard triage, the live inbox, and the warning on a feedback's page that someone else changed it.
 * A file of its own: the Content-Security-Policy runs no inline script. Every change is posted to the feedback's form
 * endpoint, as a click on Save posts it, with the session's CSRF token: its history and its sync to Lark are as usual.
 * Live means polling the page itself: whichever instance answers reads PostgreSQL, so two instances show the same.
 */
(function () {
  'use strict';
  /** Unless the page says otherwise (inbox.web.live-interval). */
  var POLL_MS = 5000;
  var STATUS_KEYS = { e: 'acknowledged', r: 'resolved' };
  var poller = null;
  var unseen = 0;
  var lastVersionCheck = 0;

  function config() { return document.getElementById('triage'); }
  function text(name) { var c = config(); return c ? c.getAttribute('data-' + name) || '' : ''; }
  function say(message) {
    var status = document.getElementById('triage-status');
    if (status) { status.textContent = message; }
  }
  function csrf() {
    var field = document.querySelector('form[action="/sign-out"] input[name=csrf]');
    return field ? field.value : '';
  }
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('main table.list tbody tr[data-id]'));
  }
  function selectedRow() { return document.querySelector('main table.list tbody tr[data-id].selected'); }
  /** The form that works the feedback on its page: the one that carries the version it was read at. */
  function workForm() {
    var version = document.querySelector('main form.work input[name=version]');
    return version ? version.form : null;
  }

  function typing(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
  }

  function select(row, focus) {
    rows().forEach(function (r) { r.classList.remove('selected'); r.removeAttribute('aria-current'); });
    if (!row) { return; }
    row.classList.add('selected');
    row.setAttribute('aria-current', 'true');
    var link = row.querySelector('a');
    if (focus && link) { link.focus(); }
    row.scrollIntoView({ block: 'nearest' });
  }

  function move(step) {
    var all = rows();
    if (!all.length) { return; }
    var at = all.indexOf(selectedRow());
    var next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
    select(all[next], true);
  }

  function title() {
    var base = document.title.replace(/^\(\d+\) /, '');
    document.title = unseen ? '(' + unseen + ') ' + base : base;
  }

  function seen() {
    if (unseen) { unseen = 0; title(); }
  }

  /** A priority set over the triage's needs its reason, as the form's note asks for it. */
  function reason(priority) {
    var why = window.prompt(priority + ': ' + text('why'));
    return why && why.trim() ? why.trim() : null;
  }

  /** Posts a change of the selected row to its feedback's form endpoint, then shows the row as it is now. */
  function changeRow(row, fields) {
    var body = new URLSearchParams();
    body.set('csrf', csrf());
    body.set('version', row.getAttribute('data-version'));
    body.set('assignee', row.getAttribute('data-assignee') || '');
    Object.keys(fields).forEach(function (name) { body.set(name, fields[name]); });
    var id = row.getAttribute('data-id');
    return fetch('/feedback/' + encodeURIComponent(id), { method: 'POST', body: body, credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var refusal = page.querySelector('main .error[role=alert]:not([hidden])');
        var link = row.querySelector('a');
        say(refusal ? refusal.textContent.trim() : text('done') + ' ' + (link ? link.textContent : id));
      })
      .then(refresh);
  }

  /** On a feedback's page: the form is filled as a person would, and sent as Save sends it. */
  function changeHere(fields) {
    var form = workForm();
    if (!form) { return; }
    if (fields.status) {
      var status = form.querySelector('select[name=status]');
      if (!status.querySelector('option[value="' + fields.status + '"]')) {
        say(text('not-allowed'));
        return;
      }
      status.value = fields.status;
    }
    if (fields.assignee) { form.querySelector('[name=assignee]').value = fields.assignee; }
    if (fields.priority) { form.querySelector('select[name=priority]').value = fields.priority; }
    if (fields.note) { form.querySelector('[name=note]').value = fields.note; }
    form.requestSubmit();
  }

  function change(fields) {
    if (workForm()) {
      changeHere(fields);
      return;
    }
    var row = selectedRow();
    if (!row) {
      if (rows().length) { say(text('no-row')); }
      return;
    }
    changeRow(row, fields);
  }

  function help() {
    var dialog = document.getElementById('keys-help');
    if (dialog && !dialog.open) { dialog.showModal(); }
  }

  document.addEventListener('keydown', function (event) {
    seen();
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    if (!config()) { return; }
    if (typing(event.target)) {
      // Esc leaves the field: after / and a search, j and k work on without the mouse
      if (event.key === 'Escape') { event.target.blur(); }
      return;
    }
    var dialog = document.getElementById('keys-help');
    if (dialog && dialog.open) { return; }
    var key = event.key;
    if (key === 'j' || key === 'k') {
      move(key === 'j' ? 1 : -1);
    } else if (key === 'o') {
      var row = selectedRow();
      var link = row && row.querySelector('a');
      if (!link) { return; }
      link.click();
    } else if (key === 'a') {
      change({ assignee: text('me') });
    } else if (STATUS_KEYS[key]) {
      change({ status: STATUS_KEYS[key] });
    } else if (/^[1-4]$/.test(key)) {
      if (!workForm() && !selectedRow()) { change({}); return; }
      var why = reason('P' + key);
      if (!why) { return; }
      change({ priority: 'P' + key, note: why });
    } else if (key === '/') {
      var search = document.querySelector('main input[type=search]');
      if (!search) { return; }
      search.focus();
      search.select();
    } else if (key === '?') {
      help();
    } else {
      return;
    }
    event.preventDefault();
  });

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!target.closest) { return; }
    if (target.closest('.keys-button')) {
      help();
    } else if (target.closest('.keys-close')) {
      document.getElementById('keys-help').close();
    }
  });

  /**
   * The rows of the page as it is now: a new one is added where it belongs and counted in the title, one changed
   * since (its version) is replaced in place, keeping its selection and ticked boxes.
   */
  function merge(page) {
    var body = document.querySelector('main table.list tbody');
    if (!body) { return; }
    var shown = {};
    rows().forEach(function (row) { shown[row.getAttribute('data-id')] = row; });
    var arrived = 0;
    var previous = null;
    Array.prototype.forEach.call(page.querySelectorAll('main table.list tbody tr[data-id]'), function (fresh) {
      var id = fresh.getAttribute('data-id');
      var old = shown[id];
      var node = document.importNode(fresh, true);
      if (old) {
        delete shown[id];
        if (old.getAttribute('data-version') === fresh.getAttribute('data-version')) {
          previous = old;
          return;
        }
        replace(old, node);
      } else {
        node.classList.add('arrived');
        arrived++;
        if (previous) { previous.after(node); } else { body.prepend(node); }
      }
      previous = node;
    });
    Object.keys(shown).forEach(leftTheView);
    counts(page);
    if (arrived) {
      Array.prototype.forEach.call(body.querySelectorAll('tr:not([data-id])'), function (r) { r.remove(); });
      unseen += arrived;
      title();
      say(text('new') + ' ' + arrived);
    }
  }

  /** The views' counts as the page counts them now. */
  function counts(page) {
    Array.prototype.forEach.call(page.querySelectorAll('.views li > a'), function (fresh) {
      var shown = document.querySelector('.views li > a[href="' + CSS.escape(fresh.getAttribute('href')) + '"] .count');
      var count = fresh.querySelector('.count');
      if (shown && count) { shown.textContent = count.textContent; }
    });
  }

  function replace(old, node) {
    Array.prototype.forEach.call(old.querySelectorAll('input[type=checkbox]:checked'), function (box) {
      var same = node.querySelector('input[type=checkbox][name="' + box.name + '"][value="' + box.value + '"]');
      if (same) { same.checked = true; }
    });
    var wasSelected = old.classList.contains('selected');
    var hadFocus = old.contains(document.activeElement);
    node.classList.add('updated');
    old.replaceWith(node);
    if (wasSelected) { select(node, hadFocus); }
  }

  /** A row the view no longer lists: if it changed (not just moved to another page) it is marked so, in place. */
  function leftTheView(id) {
    var row = document.querySelector('main table.list tbody tr[data-id="' + CSS.escape(id) + '"]');
    if (!row || row.classList.contains('gone')) { return; }
    fetch('/feedback/' + encodeURIComponent(id) + '/version', { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (version) {
        if (version !== null && version !== row.getAttribute('data-version')) {
          row.classList.add('gone');
          row.setAttribute('title', text('gone'));
        }
      })
      .catch(function () { /* the next poll looks again */ });
  }

  function refresh() {
    if (text('live') !== 'inbox') { return Promise.resolve(); }
    var url = location.href;
    return fetch(url, { credentials: 'same-origin' })
      .then(function (response) { return response.ok && !response.redirected ? response.text() : null; })
      .then(function (html) {
        if (html !== null && location.href === url) { merge(new DOMParser().parseFromString(html, 'text/html')); }
      })
      .catch(function () { /* a moment offline: the next poll tries again */ });
  }

  /** On a feedback's page: told before saving that its version moved on since the page was read. */
  function checkVersion() {
    var form = workForm();
    var notice = document.getElementById('stale-notice');
    if (!form || !notice || !notice.hidden) { return; }
    lastVersionCheck = Date.now();
    var seenVersion = form.querySelector('input[name=version]').value;
    fetch(form.getAttribute('action') + '/version', { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (version) {
        if (version !== null && Number(version) > Number(seenVersion) && workForm() === form) {
          notice.hidden = false;
        }
      })
      .catch(function () { /* the next poll looks again */ });
  }

  document.addEventListener('focusin', function (event) {
    var form = workForm();
    if (form && form.contains(event.target) && Date.now() - lastVersionCheck > 1000) { checkVersion(); }
  });

  function poll() {
    if (text('live') === 'inbox') { refresh(); } else { checkVersion(); }
  }

  /** Each page, loaded or swapped in by htmx's boosted links: one poller, for the page shown. */
  function start() {
    if (poller) { clearInterval(poller); poller = null; }
    unseen = 0;
    if (config()) { poller = setInterval(poll, Number(text('poll-ms')) || POLL_MS); }
  }

  window.addEventListener('focus', seen);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) { seen(); } });
  document.addEventListener('pointerdown', seen);
  document.addEventListener('htmx:afterSettle', start);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
