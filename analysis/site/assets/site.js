/* Same Story: the site's script (no library, nothing loaded from outside the site folder).
   1. The contents list is open on wide screens and folded on phones.
   2. Site search over every page: the index (_static/search-index.js) loads on first use.
   3. Tables readers can use: a filter box and sortable column headings on every long table. */
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || '';

  // 1. Contents: open beside the page on a wide screen, folded above it on a phone.
  var toc = document.querySelector('.ss-toc');
  if (toc && window.matchMedia('(min-width: 1001px)').matches && !document.body.classList.contains('ss-widepage')) toc.open = true;

  // 2. Search.
  var box = document.getElementById('ss-search');
  var out = document.getElementById('ss-results');
  var index = null, waiting = [];

  function loadIndex(then) {
    if (index) { then(); return; }
    waiting.push(then);
    if (waiting.length > 1) return;
    var s = document.createElement('script');
    s.src = root + '_static/search-index.js';
    s.onload = function () {
      index = (window.SS_SEARCH || []).map(function (e) {
        return { page: e[0], title: e[1], section: e[2], anchor: e[3], text: e[4], low: (e[1] + ' ' + e[2] + ' ' + e[4]).toLowerCase() };
      });
      waiting.splice(0).forEach(function (f) { f(); });
    };
    document.head.appendChild(s);
  }

  function esc(t) {
    return t.replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; });
  }

  function snippet(text, word) {
    var i = text.toLowerCase().indexOf(word);
    var a = Math.max(0, i - 60), b = Math.min(text.length, i + word.length + 80);
    var part = (a > 0 ? '… ' : '') + text.slice(a, b) + (b < text.length ? ' …' : '');
    var j = part.toLowerCase().indexOf(word);
    if (j < 0) return esc(part);
    return esc(part.slice(0, j)) + '<mark>' + esc(part.slice(j, j + word.length)) + '</mark>' + esc(part.slice(j + word.length));
  }

  function count(hay, word) {
    var n = 0, i = hay.indexOf(word);
    while (i >= 0 && n < 50) { n++; i = hay.indexOf(word, i + word.length); }
    return n;
  }

  function run(query) {
    var words = query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 1; });
    if (!words.length) { out.innerHTML = ''; return; }
    var hits = [];
    index.forEach(function (e) {
      var score = 0;
      for (var k = 0; k < words.length; k++) {
        var n = count(e.low, words[k]);
        if (!n) return;
        score += n + (e.section.toLowerCase().indexOf(words[k]) >= 0 ? 5 : 0);
      }
      hits.push({ e: e, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    if (!hits.length) { out.innerHTML = '<p>Nothing found for “' + esc(query) + '”.</p>'; return; }
    var html = '<p>' + hits.length + (hits.length === 1 ? ' section' : ' sections') + ' found' +
      (hits.length > 25 ? ', the first 25:' : ':') + '</p><ol>';
    hits.slice(0, 25).forEach(function (h) {
      var e = h.e, href = root + e.page + (e.anchor ? '#' + e.anchor : '');
      html += '<li><a class="ss-hit" href="' + esc(href) + '">' + esc(e.title) + (e.section ? ' › ' + esc(e.section) : '') +
        '</a><span>' + snippet(e.text, words[0]) + '</span></li>';
    });
    out.innerHTML = html + '</ol>';
  }

  if (box && out) {
    var timer = null;
    box.form.addEventListener('submit', function (ev) {  // Enter searches here; it does not reload the page
      ev.preventDefault();
      loadIndex(function () { run(box.value); });
    });
    box.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { loadIndex(function () { run(box.value); }); }, 120);
    });
    box.addEventListener('focus', function () { loadIndex(function () {}); });
    var q = new URLSearchParams(window.location.search).get('q');
    if (q) { box.value = q; loadIndex(function () { run(q); }); }
  }

  // 3. Tables: filter rows by a word, sort by a column (numbers as numbers).
  function cellText(c) { return (c.textContent || '').trim(); }
  function asNumber(t) {
    var s = t.replace(/[,\s]/g, '').replace(/%$/, '');
    return /^[-+−]?\d*\.?\d+(e[-+]?\d+)?$/i.test(s) ? parseFloat(s.replace('−', '-')) : null;
  }

  function enhance(table) {
    var body = table.tBodies[0];
    if (!body || !table.tHead || table.closest('.ss-story')) return;
    var rows = Array.prototype.slice.call(body.rows);
    if (rows.length < 6) return;
    var bar = document.createElement('div');
    bar.className = 'ss-tbar ss-noprint';
    var input = document.createElement('input');
    input.type = 'search';
    input.placeholder = 'Filter rows';
    input.setAttribute('aria-label', 'Filter the rows of this table');
    var info = document.createElement('span');
    info.textContent = rows.length + ' rows';
    bar.appendChild(input);
    bar.appendChild(info);
    table.parentNode.insertBefore(bar, table);
    input.addEventListener('input', function () {
      var q = input.value.toLowerCase().trim(), shown = 0;
      rows.forEach(function (r) {
        var ok = !q || r.textContent.toLowerCase().indexOf(q) >= 0;
        r.hidden = !ok;
        if (ok) shown++;
      });
      info.textContent = q ? shown + ' of ' + rows.length + ' rows' : rows.length + ' rows';
    });

    // Sorting needs one heading per column and no cell spanning rows or columns.
    if (table.querySelector('tbody [rowspan]:not([rowspan="1"]), [colspan]:not([colspan="1"])')) return;
    var width = rows[0].cells.length;
    var heads = Array.prototype.slice.call(table.tHead.rows).filter(function (r) { return r.cells.length === width; });
    if (!heads.length || rows.some(function (r) { return r.cells.length !== width; })) return;
    var head = heads[0];
    Array.prototype.forEach.call(head.cells, function (th, col) {
      var label = cellText(th);
      if (!label) return;
      var btn = document.createElement('button');
      btn.type = 'button';
      btn.className = 'ss-sort';
      btn.textContent = label;
      btn.setAttribute('aria-label', 'Sort by ' + label);
      th.textContent = '';
      th.appendChild(btn);
      btn.addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        Array.prototype.forEach.call(head.cells, function (o) { o.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        var keyed = rows.map(function (r, i) {
          var t = cellText(r.cells[col]);
          return { r: r, i: i, t: t, n: asNumber(t) };
        });
        var numeric = keyed.every(function (k) { return k.n !== null || k.t === '' || k.t === 'NaN'; });
        keyed.sort(function (a, b) {
          var c = numeric ? ((a.n === null ? -Infinity : a.n) - (b.n === null ? -Infinity : b.n))
                          : a.t.localeCompare(b.t, undefined, { numeric: true, sensitivity: 'base' });
          return c * dir || a.i - b.i;
        });
        keyed.forEach(function (k) { body.appendChild(k.r); });
      });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.jp-OutputArea-output table, table.ss-table'), enhance);
})();
