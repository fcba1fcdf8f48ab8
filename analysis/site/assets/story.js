/* Same Story: the story view (story.html). Plain script over the page's own HTML; every text it
   shows was escaped when the page was written.
   - the layer boxes switch the marks on and off (quotes, contested wordings, frame cues, shared passages);
   - the article boxes choose the articles shown (two at a time on a phone);
   - a story element, selected, lights its sentences in every article, scrolls each article to it
     and says which articles tell it and which leave it out;
   - a mark, selected (click or Enter), shows what it is: a quote's speaker and verb, a wording,
     a cue, the other article of a shared passage;
   - story.html#element-N, #q3 (a mark) and #at-ARTICLE-START-END (characters of an article)
     open with that element, mark or passage selected. */
(function () {
  'use strict';
  var story = document.getElementById('ss-story');
  if (!story) return;
  var columns = document.getElementById('ss-columns');
  var panel = document.getElementById('ss-panel');
  var info = document.getElementById('ss-info');
  var phone = window.matchMedia('(max-width: 700px)');
  var order = [];  // articles in the order they were ticked, for the two-at-a-time rule

  function all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  // Layers.
  all('input[data-layer]', story).forEach(function (box) {
    function apply() { columns.classList.toggle('show-' + box.getAttribute('data-layer'), box.checked); }
    box.addEventListener('change', apply);
    apply();
  });

  // Articles shown.
  var picks = all('input[data-article]', story);
  function showArticles() {
    picks.forEach(function (p) {
      var col = document.getElementById('col-' + p.getAttribute('data-article'));
      if (col) col.hidden = !p.checked;
    });
  }
  function limit() {
    if (!phone.matches) return;
    var ticked = order.filter(function (p) { return p.checked; });
    while (ticked.length > 2) { ticked.shift().checked = false; }
    order = ticked;
  }
  picks.forEach(function (p, i) {
    if (phone.matches && i >= 2) p.checked = false;
    if (p.checked) order.push(p);
    p.addEventListener('change', function () {
      order = order.filter(function (q) { return q !== p; });
      if (p.checked) order.push(p);
      limit();
      showArticles();
    });
  });
  showArticles();
  var pickNote = document.getElementById('ss-pick-note');
  if (pickNote && phone.matches) pickNote.hidden = false;

  function scrollColumn(col, target) {
    var box = col.querySelector('.ss-text');
    if (box && target) box.scrollTop = Math.max(0, target.offsetTop - box.offsetTop - 24);
  }

  function show(html, label) {
    panel.innerHTML = html;
    panel.setAttribute('aria-label', label);
  }

  // Story elements.
  var current = null;
  function selectElement(btn) {
    all('.ss-on', columns).forEach(function (s) { s.classList.remove('ss-on'); });
    all('.ss-el[aria-pressed="true"]', story).forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
    all('.ss-col-status', columns).forEach(function (s) { s.textContent = ''; s.className = 'ss-col-status'; });
    if (current === btn) { current = null; show(panel.getAttribute('data-empty'), 'selection'); return; }
    current = btn;
    btn.setAttribute('aria-pressed', 'true');
    var id = btn.getAttribute('data-el');
    var told = (btn.getAttribute('data-told') || '').split(' ');
    all('.ss-col', columns).forEach(function (col) {
      var hits = all('.ss-s[data-el~="' + id + '"]', col);
      hits.forEach(function (s) { s.classList.add('ss-on'); });
      var status = col.querySelector('.ss-col-status');
      var tells = told.indexOf(col.getAttribute('data-article')) >= 0;
      status.textContent = tells ? 'Tells element ' + id + ' (' + hits.length + (hits.length === 1 ? ' sentence)' : ' sentences)') : 'Leaves element ' + id + ' out';
      status.className = 'ss-col-status ' + (tells ? 'ss-tells' : 'ss-leaves');
      scrollColumn(col, hits[0]);
    });
    var detail = document.getElementById('elinfo-' + id);
    show(detail ? detail.innerHTML : '', 'story element ' + id);
  }
  all('.ss-el', story).forEach(function (btn) {
    btn.addEventListener('click', function () { selectElement(btn); });
  });

  // Marks: quotes, wordings, cues, shared passages.
  function selectMark(seg) {
    all('.ss-sel', columns).forEach(function (s) { s.classList.remove('ss-sel'); });
    var ids = (seg.getAttribute('data-m') || '').split(' ').filter(Boolean);
    var html = '';
    ids.forEach(function (m) {
      all('[data-m~="' + m + '"]', columns).forEach(function (s) { s.classList.add('ss-sel'); });
      var block = document.getElementById('info-' + m.replace(/[ab]$/, ''));
      if (block) html += block.innerHTML;
    });
    show(html, 'marked passage');
  }
  columns.addEventListener('click', function (ev) {
    var seg = ev.target.closest('.ss-m');
    if (seg) selectMark(seg);
  });
  columns.addEventListener('keydown', function (ev) {
    var seg = ev.target.closest('.ss-m');
    if (seg && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); selectMark(seg); }
  });

  // Links to a sentence (s-ARTICLE-N) scroll its article's column, not the page.
  story.addEventListener('click', function (ev) {
    var a = ev.target.closest('a[href^="#s-"]');
    if (!a) return;
    var target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
    var col = target && target.closest('.ss-col');
    if (!col) return;
    ev.preventDefault();
    if (col.hidden) {
      var pick = story.querySelector('input[data-article="' + col.getAttribute('data-article') + '"]');
      if (pick) { pick.checked = true; order.push(pick); limit(); showArticles(); }
    }
    scrollColumn(col, target);
    target.classList.add('ss-on');
  });

  // Speakers: select all the quotes of one speaker.
  all('.ss-spkbtn', story).forEach(function (btn) {
    btn.addEventListener('click', function () {
      var k = btn.getAttribute('data-spk');
      all('.ss-sel', columns).forEach(function (s) { s.classList.remove('ss-sel'); });
      var segs = all('.ss-m.who-' + k, columns);
      segs.forEach(function (s) { s.classList.add('ss-sel'); });
      all('.ss-col', columns).forEach(function (col) { scrollColumn(col, col.querySelector('.ss-m.who-' + k)); });
      var block = document.getElementById('spkinfo-' + k);
      show(block ? block.innerHTML : '', 'speaker');
    });
  });

  // Characters of one article (a row of a table elsewhere on the site): light their sentences.
  function showChars(aid, start, end) {
    var col = document.getElementById('col-' + aid);
    if (!col) return;
    var pick = story.querySelector('input[data-article="' + aid + '"]');
    if (pick && !pick.checked) { pick.checked = true; order.push(pick); limit(); showArticles(); }
    all('.ss-on', columns).forEach(function (s) { s.classList.remove('ss-on'); });
    var hits = all('.ss-s', col).filter(function (s) {
      return +s.getAttribute('data-a') < end && +s.getAttribute('data-b') > start;
    });
    hits.forEach(function (s) { s.classList.add('ss-on'); });
    scrollColumn(col, hits[0]);
    var p = document.createElement('p');
    p.textContent = 'Characters ' + start + '–' + end + ' of ' + col.getAttribute('aria-label') + ': ' +
      (hits.length ? 'the sentence' + (hits.length > 1 ? 's' : '') + ' lit in its column.' : 'outside the sentences.');
    panel.innerHTML = '';
    panel.appendChild(p);
    col.scrollIntoView({ block: 'nearest' });
  }

  // Links into the view: #element-N, #q3 (any mark id).
  function fromHash() {
    var h = decodeURIComponent(window.location.hash.slice(1));
    if (!h) return;
    var at = /^at-(.+)-(\d+)-(\d+)$/.exec(h);
    if (at) { showChars(at[1], +at[2], +at[3]); return; }
    var m = /^element-(.+)$/.exec(h);
    if (m) {
      var btn = story.querySelector('.ss-el[data-el="' + m[1] + '"]');
      if (btn) { current = null; selectElement(btn); btn.scrollIntoView({ block: 'nearest' }); }
      return;
    }
    var seg = columns.querySelector('[data-m~="' + h + '"]');
    if (seg) {
      var col = seg.closest('.ss-col');
      var pick = story.querySelector('input[data-article="' + col.getAttribute('data-article') + '"]');
      if (pick && !pick.checked) { pick.checked = true; order.push(pick); limit(); showArticles(); }
      selectMark(seg);
      scrollColumn(col, seg);
    }
  }
  window.addEventListener('hashchange', fromHash);
  fromHash();
  if (info) info.hidden = true;
})();
