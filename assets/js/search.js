/* warta search: answers queries from the index that `warta build` writes
 * into assets/search/<version>/ (see internal/search). Every index file is
 * a script that pushes its part onto self.wartaSearch, so the index loads
 * with <script> elements, which work from file:// as well as from a host.
 * A query loads the word shards of its words and the fragments of the
 * results it shows, nothing else. The word rules (fold, stop words, the
 * Snowball Indonesian stemmer, prefix on the last word) are those of the
 * Go side, word for word; the tests hold them to the same output. */
(function () {
  'use strict';

  function vowel(c) { return !!c && 'aeiou'.indexOf(c) >= 0; }

  // first: remove_first_order_prefix → [word, cursor, prefix kind].
  function first(w) {
    var p = w.slice(0, 4), k;
    if (p === 'meng') return [w.slice(4), 0, 1];
    if (p === 'meny' && vowel(w[4])) return ['s' + w.slice(4), 1, 1];
    if (p === 'peng') return [w.slice(4), 0, 3];
    if (p === 'peny' && vowel(w[4])) return ['s' + w.slice(4), 1, 3];
    p = w.slice(0, 3);
    if (p === 'men' || p === 'ter') return [w.slice(3), 0, 1];
    if (p === 'pen') return [w.slice(3), 0, 3];
    if (p === 'mem' || p === 'pem') {
      k = p === 'mem' ? 1 : 3;
      return vowel(w[3]) ? ['p' + w.slice(3), 2, k] : [w.slice(3), 0, k];
    }
    p = w.slice(0, 2);
    if (p === 'di' || p === 'me') return [w.slice(2), 0, 1];
    if (p === 'ke') return [w.slice(2), 0, 3];
  }

  // second: remove_second_order_prefix at cursor c → [word, cursor, kind, removed].
  function second(w, c, k) {
    var h = w.slice(0, c), s = w.slice(c);
    if (s.slice(0, 7) === 'pelajar') return [h + 'ajar' + s.slice(7), c + 4, k, 1];
    if (s.slice(0, 7) === 'belajar') return [h + 'ajar' + s.slice(7), c + 4, 4, 1];
    if (s.slice(0, 3) === 'per') return [h + s.slice(3), c, 2, 1];
    if (s.slice(0, 3) === 'ber') return [h + s.slice(3), c, 4, 1];
    if (s.slice(0, 2) === 'pe') return [h + s.slice(2), c, 2, 1];
    if (s.slice(0, 2) === 'be' && s.length >= 5 && !vowel(s[2]) && s.slice(3, 5) === 'er') return [h + s.slice(2), c, 4, 1];
    return [w, c, k, 0];
  }

  // suffix: remove_suffix, looking no further left than lim.
  function suffix(w, k, lim) {
    var n = w.length, e = w.slice(-3);
    if (e === 'kan' && n - 3 >= lim && k !== 3 && k !== 2) return w.slice(0, -3);
    if (e.slice(-2) === 'an' && n - 2 >= lim && k !== 1) return w.slice(0, -2);
    if (e.slice(-1) === 'i' && n - 1 >= lim && k <= 2 && !(n - 2 >= lim && w[n - 2] === 's')) return w.slice(0, -1);
  }

  function stem(w) {
    var m = 0, i, f, s, e;
    for (i = 0; i < w.length; i++) if (vowel(w[i])) m++;
    if (m <= 2) return w;
    e = w.slice(-3);
    if (e === 'kah' || e === 'lah' || e === 'pun') { w = w.slice(0, -3); m--; }
    if (m <= 2) return w;
    e = w.slice(-3);
    if (e === 'nya') { w = w.slice(0, -3); m--; } else if (e.slice(-2) === 'ku' || e.slice(-2) === 'mu') { w = w.slice(0, -2); m--; }
    if (m <= 2) return w;
    f = first(w);
    if (f) {
      w = f[0]; m--;
      if (m > 2 && (s = suffix(w, f[2], f[1])) !== undefined) {
        w = s; m--;
        if (m > 2) w = second(w, f[1], f[2])[0];
      }
      return w;
    }
    f = second(w, 0, 0);
    if (f[3]) m--;
    s = m > 2 ? suffix(f[0], f[2], f[1]) : undefined;
    return s === undefined ? f[0] : s;
  }

  // words folds text (no accents, lower case) into words, leaving out stop words.
  function words(text, stop) {
    return text.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC').toLowerCase()
      .split(/[^a-z0-9]+/).filter(function (w) { return w && w.length <= 30 && !stop[w]; });
  }

  // terms: the distinct stems of a query, and whether its last one is a prefix.
  function terms(q, stop) {
    var t = [];
    words(q, stop).forEach(function (w) { w = stem(w); if (t.indexOf(w) < 0) t.push(w); });
    return [t, t.length > 0 && /\S$/.test(q) && t[t.length - 1].length >= 3];
  }

  // shard: the number of the word shard that would hold s (-1: none).
  function shard(meta, s) {
    var lo = 0, hi = meta.w.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (meta.w[mid] > s) hi = mid; else lo = mid + 1; }
    return lo - 1;
  }

  // need lists the word shards a query reads.
  function need(meta, t, pre) {
    var out = [];
    t.forEach(function (s, i) {
      var to = pre && i === t.length - 1 ? shard(meta, s + '\x7f') : shard(meta, s);
      for (var n = Math.max(shard(meta, s), 0); n <= to; n++) if (out.indexOf(n) < 0) out.push(n);
    });
    return out;
  }

  // rank: the pages that match, best first: most words found, then the
  // highest weight (title 3, fields 2, text 1; doubled for a whole word),
  // then page number (news newest first). Typed arrays and one numeric sort
  // keep this to a few milliseconds on 10,000 pages.
  function rank(shards, t, pre, lo, hi, n) {
    var m = new Uint8Array(n), sum = new Uint16Array(n), best = new Uint8Array(n), hit = [],
      seen, keys, list, term, k, f, i, j, a, b, v, w, id;
    for (a = 0; a < t.length; a++) {
      term = t[a];
      seen = [];
      for (b = 0; b < shards.length; b++) {
        keys = pre && a === t.length - 1 ? Object.keys(shards[b]) : Object.prototype.hasOwnProperty.call(shards[b], term) ? [term] : [];
        for (k = 0; k < keys.length; k++) {
          if (keys[k].slice(0, term.length) !== term) continue;
          list = shards[b][keys[k]];
          f = keys[k] === term ? 2 : 1;
          for (i = 0, j = 0; j < list.length; j++) {
            v = list[j];
            i += (v / 3) | 0;
            if (i < lo || i >= hi) continue;
            w = (v % 3 + 1) * f;
            if (best[i] === 0) seen.push(i);
            if (best[i] < w) best[i] = w;
          }
        }
      }
      for (j = 0; j < seen.length; j++) {
        id = seen[j];
        if (m[id] === 0) hit.push(id);
        m[id]++;
        sum[id] += best[id];
        best[id] = 0;
      }
    }
    // One number per page orders it: words found, weight, then the page
    // number backwards (pages stay below a million).
    keys = new Float64Array(hit.length);
    for (j = 0; j < hit.length; j++) { id = hit[j]; keys[j] = m[id] * 1e10 + sum[id] * 1e6 + (999999 - id); }
    keys.sort();
    list = new Array(keys.length);
    for (j = 0; j < keys.length; j++) list[j] = 999999 - keys[keys.length - 1 - j] % 1e6;
    return list;
  }

  var core = { stem: stem, words: words, terms: terms, need: need, rank: rank };
  if (typeof module === 'object' && module.exports) module.exports = core;
  if (typeof document === 'undefined') return;

  var parts = {}, resolve = {}, base, root, relative, meta, stop = {};
  function got(item) {
    if (resolve[item[0]]) resolve[item[0]](item[1]);
    else parts[item[0]] = Promise.resolve(item[1]);
  }
  var early = self.wartaSearch || [];
  self.wartaSearch = { push: got };
  early.forEach(got);

  function load(id) {
    if (!parts[id]) parts[id] = new Promise(function (ok, fail) {
      resolve[id] = ok;
      var s = document.createElement('script');
      s.src = base + id + '.min.js';
      s.onerror = fail;
      document.head.appendChild(s);
    });
    return parts[id];
  }

  function start() {
    var form = document.querySelector('[data-search]'), index = document.querySelector('script[data-search-index]');
    if (!form || !index) return;
    var input = form.querySelector('input[type=search]'), list = document.getElementById('search-results'),
      status = document.getElementById('search-status'), more = document.getElementById('search-more'),
      shown = 0, order = [], run = 0, page = 10;
    base = index.src.replace(/[^/]*$/, '');
    root = new URL('../../../', index.src).href;
    relative = !/^(\/|[a-z]+:)/i.test(index.getAttribute('src'));

    function say(key, n, q) {
      status.textContent = (status.getAttribute('data-' + key) || '').replace('%d', n).replace('%s', q);
    }
    function filter(name) {
      var el = form.querySelector('input[name=' + name + ']:checked');
      return el ? el.getAttribute('data-k') || '' : '';
    }
    function href(url) { return root + url + (relative && /(^|\/)$/.test(url) ? 'index.html' : ''); }

    function show(n, mine, t0) {
      var ids = order.slice(shown, shown + n);
      var groups = [];
      ids.forEach(function (id) { var g = Math.floor(id / meta.g); if (groups.indexOf(g) < 0) groups.push(g); });
      return Promise.all(groups.map(function (g) { return load('f' + g); })).then(function (frags) {
        if (mine !== run) return;
        var t1 = performance.now();
        ids.forEach(function (id) {
          var f = frags[groups.indexOf(Math.floor(id / meta.g))][id % meta.g];
          var li = document.createElement('li'), a = document.createElement('a'), p;
          li.className = 'result';
          a.href = href(f[0]);
          a.textContent = f[1];
          li.appendChild(document.createElement('h2')).appendChild(a);
          p = li.appendChild(document.createElement('p'));
          p.className = 'meta';
          p.textContent = f[2] + (f[3] ? ' · ' + f[3] : '');
          if (f[4]) li.appendChild(document.createElement('p')).textContent = f[4];
          list.appendChild(li);
        });
        shown += ids.length;
        more.hidden = shown >= order.length;
        list.setAttribute('data-ms', (t0 + performance.now() - t1).toFixed(1));
      });
    }

    function search() {
      var q = input.value, kind = filter('jenis'), level = filter('jenjang'), mine = ++run;
      var url = new URL(location.href);
      url.search = '';
      if (q) url.searchParams.set('q', q);
      form.querySelectorAll('input[type=radio]:checked').forEach(function (r) { if (r.value) url.searchParams.set(r.name, r.value); });
      if (location.protocol !== 'file:') history.replaceState(null, '', url);
      var tp = terms(q, stop), t = tp[0];
      if (!t.length) { list.textContent = ''; status.textContent = ''; more.hidden = true; order = []; return; }
      Promise.all(need(meta, t, tp[1]).map(function (n) { return load('w' + n); })).then(function (shards) {
        if (mine !== run) return;
        var t0 = performance.now(), lo = 0, hi = meta.n;
        [kind, level].forEach(function (k) { var r = k && meta.k[k]; if (k) { lo = Math.max(lo, r ? r[0] : hi); hi = Math.min(hi, r ? r[1] : 0); } });
        order = rank(shards, t, tp[1], lo, hi, meta.n);
        list.textContent = '';
        shown = 0;
        say(order.length ? 'count' : 'none', order.length, q.trim());
        return show(page, mine, performance.now() - t0);
      }).catch(function () { say('error', 0, q); });
    }

    var wait;
    input.addEventListener('input', function () { clearTimeout(wait); wait = setTimeout(search, 80); });
    form.addEventListener('change', function (e) { if (e.target.type === 'radio') search(); });
    form.addEventListener('submit', function (e) { e.preventDefault(); search(); });
    more.addEventListener('click', function () { show(page, run, 0); });
    load('meta').then(function (m) {
      meta = m;
      m.stop.forEach(function (w) { stop[w] = 1; });
      var params = new URLSearchParams(location.search);
      input.value = params.get('q') || '';
      ['jenis', 'jenjang'].forEach(function (name) {
        var r = form.querySelector('input[name=' + name + '][value="' + (params.get(name) || '').replace(/[^a-z]/g, '') + '"]');
        if (r) r.checked = true;
      });
      if (input.value) search(); // a query in the address: nothing else to do on load
    }, function () { say('error', 0, ''); });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
