/* congkhai search: the client of the index built by src/search (see its docs for the format;
 * ranking follows src/search/query.rs step by step). No dependencies; loaded with `defer` on
 * /tra-cuu/ only. Index files are loaded with <script> tags, which also works from file://.
 * Without JavaScript the page is a plain list of every procedure, grouped by field. */
(function () {
  'use strict';
  var app = document.getElementById('tra-cuu');
  var input = document.getElementById('q');
  if (!app || !input || !window.Map || !String.prototype.normalize) return;

  // ---------------------------------------------------------------- constants (query.rs)
  var W = [1, 3, 6, 10];             // class weights: documents, names, keywords, title
  var ANCHOR = 6, MARKS = 15, CODE = 1000, FUZZY_MIN = 5, LONGEST = 64;
  // text::COMMON: words a document may lack, that weigh little beside other words.
  var COMMON = [['thu', 'tuc', 'hanh', 'chinh'], ['thu', 'tuc'], ['tthc'], ['cap']];
  var PAGE = 20, SORTED = 200, NEAREST = 3, FACET_SHORT = 12, FACET_SHOWN = 6, MAX_PREFIX_SHARDS = 3, ANNOUNCE_MS = 700, FETCH_PAUSE_MS = 150, URL_PAUSE_MS = 300;
  // The postings outside titles that a first page did not need are fetched (for the count and
  // the other pages) once typing has paused this long, not for every word on the way.
  var REST_PAUSE_MS = 700;
  var START = '<', END = '>', CODEKEY = '#';
  var ALPHA = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var DIGIT = {};
  for (var a = 0; a < 64; a++) DIGIT[ALPHA.charCodeAt(a)] = a;
  // URL parameter of each facet, in display order; 'linh-vuc' comes from field ranges.
  var FACETS = ['linh-vuc', 'cap', 'co-quan', 'truc-tuyen', 'mien-phi'];

  var $ = function (id) { return document.getElementById(id); };
  var form = input.form;
  var list = $('danh-sach'), status = $('trang-thai'), live = $('thong-bao'),
    pager = $('phan-trang'), filters = $('bo-loc'), all = $('tat-ca'), results = $('ket-qua'),
    none = $('khong-thay'), suggest = $('goi-y');
  var base = app.getAttribute('data-index');
  var root = app.getAttribute('data-root') || '';
  var dir = base.slice(0, base.lastIndexOf('/') + 1);

  // ---------------------------------------------------------------- text (src/search/text.rs)
  var WORDCHAR = /[\p{Alphabetic}\p{N}]/u;
  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  }
  function isDigit(c) { return c >= 48 && c <= 57; }
  function isWordByte(c) { return (c >= 97 && c <= 122) || isDigit(c); }
  // vi::words: runs of [a-z0-9], a dot between two digits included.
  function splitWords(f) {
    var out = [], i = 0, n = f.length;
    while (i < n) {
      while (i < n && !isWordByte(f.charCodeAt(i))) i++;
      if (i >= n) break;
      var s = i;
      while (i < n) {
        var c = f.charCodeAt(i);
        if (isWordByte(c) || (c === 46 && i > s && isDigit(f.charCodeAt(i - 1)) && isDigit(f.charCodeAt(i + 1)))) i++;
        else break;
      }
      out.push(f.slice(s, i));
    }
    return out;
  }
  // text::spelling: a word-final "y" after a consonant is read as "i" ("ký"/"kí", "lý"/"lí",
  // "mỹ"/"mĩ" are both written), in the index and in queries alike.
  function spelling(w) {
    var n = w.length;
    return n >= 2 && w.charCodeAt(n - 1) === 121 && 'bcdghklmnpqrstvx'.indexOf(w[n - 2]) >= 0 ? w.slice(0, n - 1) + 'i' : w;
  }
  function searchWords(f) { return splitWords(f).map(spelling); }
  // text::written: a word's marks as search compares them ("hoà" is "hòa", "thuỷ" "thủy",
  // "ký" "kí").
  var MOVES = { 'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa', 'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe',
    'oẽ': 'õe', 'oẹ': 'ọe', 'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy' };
  var Y_AS_I = { 'y': 'i', 'ỳ': 'ì', 'ý': 'í', 'ỷ': 'ỉ', 'ỹ': 'ĩ', 'ỵ': 'ị' };
  function written(w) {
    var n = w.length, end = w.slice(-2);
    if (n >= 2 && MOVES[end] && !(end[0] === 'u' && w[n - 3] === 'q')) w = w.slice(0, -2) + MOVES[end];
    n = w.length;
    if (n >= 2 && Y_AS_I[w[n - 1]] && 'bcdghklmnpqrstvxđ'.indexOf(w[n - 2]) >= 0) w = w.slice(0, -1) + Y_AS_I[w[n - 1]];
    return w;
  }
  // text::join_code_parts: "1. 001193", "1 001193" are the code "1.001193".
  function joinCodeParts(q) {
    return q.replace(/(\d)\s*\.\s*(?=\d)/g, '$1.').replace(/(^|[^\p{L}\p{N}.])(\d)\s+(\d{6})(?!\d)/gu, '$1$2.$3');
  }
  // text::common_words: which words belong to a COMMON phrase, none when all would.
  function commonWords(ws) {
    var out = ws.map(function () { return false; }), i = 0;
    while (i < ws.length) {
      var phrase = null;
      for (var c = 0; c < COMMON.length && !phrase; c++) {
        var p = COMMON[c];
        if (p.every(function (x, k) { return ws[i + k] === x; })) phrase = p;
      }
      if (phrase) { for (var k = 0; k < phrase.length; k++) out[i + k] = true; i += phrase.length; } else i++;
    }
    if (out.every(Boolean)) out = out.map(function () { return false; });
    return out;
  }
  // Tokens of the original text with their positions: runs of letters and digits (a dot
  // between two digits included).
  var TOKEN = /(?:[\p{Alphabetic}\p{N}]*[0-9]\.(?=[0-9]))*[\p{Alphabetic}\p{N}]+/gu;
  function tokens(text) {
    var out = [], m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text))) out.push({ start: m.index, text: m[0] });
    return out;
  }
  function parse(q) {
    q = joinCodeParts(q.normalize('NFC'));
    var words = [], skipSuffix = false;
    tokens(q).forEach(function (t) {
      var f = fold(t.text), parts = searchWords(f);
      // text::query: "1.004772.000.00.00.H54" (a code with an agency's suffix) is the code.
      if (skipSuffix && /^[a-z][0-9]+$/.test(f)) { skipSuffix = false; return; }
      skipSuffix = false;
      var code = /^([0-9]\.[0-9]{6})\./.exec(f);
      if (code && parts.length === 1) { words.push({ w: code[1], orig: null }); skipSuffix = true; return; }
      var whole = parts.length === 1 && parts[0].length === f.length;
      parts.forEach(function (w) {
        var telex = w.indexOf('dd') >= 0;          // Telex: "dd" is "đ"
        if (telex) w = w.replace(/dd/g, 'd');
        var orig = whole && !telex ? written(t.text.toLowerCase()) : null;
        words.push({ w: w, orig: orig !== w ? orig : null });
      });
    });
    var last = q.slice(-1), prefix = !!last && (WORDCHAR.test(last) || last === '.');
    var common = commonWords(words.map(function (x) { return x.w; }));
    // The word being typed is not common yet ("cap" may become "cap lai").
    if (prefix && common.length) common[common.length - 1] = false;
    words.forEach(function (x, i) { x.common = common[i]; });
    return { words: words, prefix: prefix };
  }
  function oneEdit(a, b) {
    if (a === b) return true;
    var s = a.length <= b.length ? a : b, l = a.length <= b.length ? b : a;
    if (l.length - s.length > 1) return false;
    var p = 0;
    while (p < s.length && s[p] === l[p]) p++;
    if (s.length === l.length) {
      return s.slice(p + 1) === l.slice(p + 1) ||
        (p + 1 < s.length && s[p] === l[p + 1] && s[p + 1] === l[p] && s.slice(p + 2) === l.slice(p + 2));
    }
    return s.slice(p) === l.slice(p + 1);
  }

  // ---------------------------------------------------------------- loading
  // Files assign into one registry, so they may run before this script (the page loads the
  // first one with its own <script defer>) or after (shards, cards, facets).
  var got = window.congkhaiSearch = window.congkhaiSearch || {};
  var loading = {};
  function load(key, url) {
    if (got[key] !== undefined) return Promise.resolve(got[key]);
    if (loading[key]) return loading[key];
    loading[key] = new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = url;
      s.onload = function () { got[key] !== undefined ? resolve(got[key]) : reject(new Error(url)); };
      s.onerror = function () { delete loading[key]; reject(new Error(url)); };
      document.head.appendChild(s);
    });
    return loading[key];
  }

  // ---------------------------------------------------------------- index access
  var I = null;                 // the first file: header, and in the single tier everything
  var sharded = false;
  var groups = Object.create(null); // head -> raw group (string, or [postings, next, variants])
  var sortedHeads = [];         // single tier: every head; sharded: per shard, see shardHeads
  var shardHeads = {};
  var decoded = new Map();      // raw posting string -> {d: Int32Array, c: Uint8Array}
  var fieldStart = [];          // first document of each field
  var facetData = {};           // facet -> Uint16Array of values per document

  function numbers(s, f) {
    var n = 0, mul = 1;
    for (var i = 0; i < s.length; i++) {
      var d = DIGIT[s.charCodeAt(i)];
      if (d >= 32) { n += (d - 32) * mul; mul *= 32; } else { f(n + d * mul); n = 0; mul = 1; }
    }
  }
  function postings(s) {
    var p = decoded.get(s);
    if (p) return p;
    var docs = [], cls = [], prev = -1;
    numbers(s, function (v) { prev += 1 + Math.floor(v / 4); docs.push(prev); cls.push(v % 4); });
    p = { d: docs, c: cls };
    decoded.set(s, p);
    return p;
  }
  function docList(s) {
    var p = decoded.get('~' + s);
    if (p) return p;
    var docs = [], prev = -1;
    numbers(s, function (v) { prev += 1 + v; docs.push(prev); });
    decoded.set('~' + s, docs);
    return docs;
  }
  function own(g) { return typeof g === 'string' ? g : g[0]; }
  // A long posting list of the sharded tier that has postings outside the title is
  // [title postings, the others], the others often the number of a part (x-<head>-<n>.js).
  // Until that part is loaded the list is its title postings: `open` says so.
  function open(h, v) { return typeof v !== 'string' && typeof v[1] === 'number' && got['x-' + h + '-' + v[1]] === undefined; }
  function restKey(h, v) { return typeof v !== 'string' && typeof v[1] === 'number' ? 'x-' + h + '-' + v[1] : null; }
  // The postings of a list: all of them, or with `titles` (or while the rest is not loaded)
  // its title postings only.
  function plist(h, v, titles) {
    if (typeof v === 'string') return titles ? titlesOf(v) : postings(v);
    if (titles || open(h, v)) return postings(v[0]);
    var rest = part(h, v[1]), key = v[0] + ' ' + rest, p = decoded.get(key);
    if (p) return p;
    var a = postings(v[0]), b = postings(rest), d = [], c = [], i = 0, j = 0;
    while (i < a.d.length || j < b.d.length) {
      if (j >= b.d.length || (i < a.d.length && a.d[i] < b.d[j])) { d.push(a.d[i]); c.push(a.c[i++]); } else { d.push(b.d[j]); c.push(b.c[j++]); }
    }
    p = { d: d, c: c };
    decoded.set(key, p);
    return p;
  }
  function titlesOf(s) {
    var key = '^' + s, p = decoded.get(key);
    if (p) return p;
    var all = postings(s), d = [], c = [];
    for (var i = 0; i < all.d.length; i++) if (all.c[i] === 3) { d.push(all.d[i]); c.push(3); }
    p = { d: d, c: c };
    decoded.set(key, p);
    return p;
  }
  // A long follower or variant list of the sharded tier is the number of a file of its own,
  // x-<head>-<n>.js, loaded before ranking by the queries that use it (see partsNeeded).
  function part(h, v) { return typeof v === 'number' ? got['x-' + h + '-' + v] || '' : v; }
  function next(g) { return typeof g === 'string' ? null : g[1]; }
  function variants(g) { return typeof g === 'string' ? null : g[2] || null; }

  function lowerBound(arr, x) { // first index with arr[i] >= x
    var lo = 0, hi = arr.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (arr[m] < x) lo = m + 1; else hi = m; }
    return lo;
  }
  function shardOf(w) { return Math.max(0, lowerBound(I.shards, w + '\u0000') - 1); }
  // Shards a word needs: its own, or for a prefix every shard its words can be in (when few).
  function shardsFor(w, prefix) {
    var lo = shardOf(w);
    if (!prefix) return [lo];
    var hi = shardOf(w + '~');
    if (hi - lo + 1 > MAX_PREFIX_SHARDS) return [lo];
    var out = [];
    for (var i = lo; i <= hi; i++) out.push(i);
    return out;
  }
  function loadShard(i) {
    return load('s' + i, dir + I.dir + i + '.js').then(function (data) {
      if (!shardHeads[i]) {
        var heads = Object.keys(data).sort();
        heads.forEach(function (h) { groups[h] = data[h]; });
        shardHeads[i] = heads;
      }
    });
  }
  // Heads with prefix w among the given sorted lists.
  function prefixed(lists, w) {
    var out = [];
    lists.forEach(function (heads) {
      for (var i = lowerBound(heads, w); i < heads.length && heads[i].lastIndexOf(w, 0) === 0; i++) out.push(heads[i]);
    });
    return out;
  }
  function has(w) { return Object.prototype.hasOwnProperty.call(groups, w); }
  // The heads a query word stands for: itself, or while typed every head it starts.
  function headsFor(w, prefix) {
    if (prefix) {
      var lists = sharded ? [] : [sortedHeads];
      if (sharded) {
        var lo = shardOf(w), hi = shardOf(w + '~');
        // A prefix spread over many shards (one or two letters) stands for the word alone.
        if (hi - lo + 1 <= MAX_PREFIX_SHARDS) for (var i = lo; i <= hi; i++) lists.push(shardHeads[i] || []);
      }
      if (lists.length) return prefixed(lists, w).map(function (h) { return [h, h === w ? 4 : 3]; });
    }
    return has(w) ? [[w, 4]] : [];
  }

  // ---------------------------------------------------------------- ranking (query.rs)
  // Scores live in dense arrays indexed by document (every score is a positive integer, so 0
  // means "not matched"), reset after each use through the list of documents touched.
  var acc = null, tmp = null, gap = null;
  var titleLength = null;        // words of a matched title, from its anchors (0: unknown)
  function dense() {
    if (!acc) { acc = new Float64Array(I.n); tmp = new Float64Array(I.n); gap = new Float64Array(I.n); titleLength = new Uint8Array(I.n); }
  }
  // Best score per document of one word: {d: sorted documents, s: their scores}.
  var wordCache = new Map();
  function wordKey(e) {
    return !e.prefix && !e.fuzzy && e.heads.length ? e.word.w + '\u0001' + (e.word.orig || '') + (e.common ? '\u0003' : '') + (titleOnly(e) ? '\u0004' : '') : null;
  }
  // Whether a word is ranked by its title postings alone (the rest of a list of one of its
  // heads is not loaded): then a document that has it scores its best (title) points for it.
  function titleOnly(e) {
    return e.heads.some(function (hp) { return open(hp[0], own(groups[hp[0]])); });
  }
  function wordScores(e) {
    var key = wordKey(e);
    var best = key && wordCache.get(key);
    if (best) return best;
    best = scoreWord(e);
    if (key) {
      if (wordCache.size > 200) wordCache.clear();
      wordCache.set(key, best);
    }
    return best;
  }
  function scoreWord(e) {
    var touched = [], i, d, titles = titleOnly(e);
    e.heads.forEach(function (hp) {
      var p = plist(hp[0], own(groups[hp[0]]), titles), pd = p.d, pc = p.c, m = hp[1];
      for (i = 0; i < pd.length; i++) {
        var s = m * W[pc[i]], dd = pd[i], o = tmp[dd];
        if (o === 0) { touched.push(dd); tmp[dd] = s; } else if (o < s) tmp[dd] = s;
      }
    });
    e.heads.forEach(function (hp) {
      var n = next(groups[hp[0]]);
      if (n && n[CODEKEY] !== undefined) postings(part(hp[0], n[CODEKEY])).d.forEach(function (d) { if (tmp[d]) tmp[d] += CODE; });
    });
    var orig = e.word.orig;
    if (orig) e.heads.forEach(function (hp) {
      var v = variants(groups[hp[0]]);
      if (v) Object.keys(v).forEach(function (k) {
        if (e.prefix ? k.lastIndexOf(orig, 0) === 0 : k === orig) docList(part(hp[0], v[k])).forEach(function (d) {
          if (tmp[d]) tmp[d] += MARKS;
        });
      });
    });
    var docs = Int32Array.from(touched);
    if (e.heads.length > 1) docs.sort();
    var scores = new Float64Array(docs.length);
    for (i = 0; i < docs.length; i++) { d = docs[i]; scores[i] = tmp[d]; tmp[d] = 0; }
    return { d: docs, s: scores };
  }
  // Documents having every word of `ex` with their summed scores, {d, s}; the words before
  // the one being typed are kept as typing goes on.
  var andKey = null, andWords = null;
  function andOf(ex) {
    if (ex.length === 1) return wordScores(ex[0]);
    var key = ex.map(wordKey).join('\u0002');
    if (key === andKey) return andWords;
    var cur = null, i, d;
    ex.forEach(function (e) {
      var best = wordScores(e), bd = best.d, bs = best.s;
      if (cur === null) {
        cur = bd;
        for (i = 0; i < bd.length; i++) acc[bd[i]] = bs[i];
        return;
      }
      for (i = 0; i < bd.length; i++) tmp[bd[i]] = bs[i];
      var kept = [];
      for (i = 0; i < cur.length; i++) {
        d = cur[i];
        if (tmp[d]) { acc[d] += tmp[d]; kept.push(d); } else acc[d] = 0;
      }
      for (i = 0; i < bd.length; i++) tmp[bd[i]] = 0;
      cur = kept;
    });
    var out = { d: Int32Array.from(cur), s: new Float64Array(cur.length) };
    for (i = 0; i < cur.length; i++) { out.s[i] = acc[cur[i]]; acc[cur[i]] = 0; }
    if (ex.every(wordKey)) { andKey = key; andWords = out; }
    return out;
  }
  function rank(ex, need) {
    dense();
    // Every word but the common ones must match; those then add to the documents they are in.
    var req = ex.filter(function (e) { return !e.common; });
    var opt = ex.filter(function (e) { return e.common; });
    if (!req.length) { req = ex; opt = []; }
    var head = req.length > 1 ? andOf(req.slice(0, -1)) : null;
    var last = wordScores(req[req.length - 1]);
    var cur = [], i, d;
    for (i = 0; i < last.d.length; i++) acc[last.d[i]] = last.s[i];
    if (!head) cur = last.d;
    else {
      for (i = 0; i < head.d.length; i++) {
        d = head.d[i];
        if (acc[d]) { tmp[d] = acc[d] + head.s[i]; cur.push(d); }
      }
      for (i = 0; i < last.d.length; i++) acc[last.d[i]] = 0;
      for (i = 0; i < cur.length; i++) { acc[cur[i]] = tmp[cur[i]]; tmp[cur[i]] = 0; }
    }
    opt.forEach(function (e) {
      var b = wordScores(e);
      for (i = 0; i < b.d.length; i++) if (acc[b.d[i]]) acc[b.d[i]] += b.s[i];
    });
    return finish(ex, cur, need || 0);
  }
  // Adds the best of `bonus` to the scores of matched documents, then clears it.
  function addBest(touched) {
    for (var i = 0; i < touched.length; i++) {
      var d = touched[i];
      if (acc[d]) acc[d] += tmp[d];
      tmp[d] = 0;
    }
  }
  // The words that follow a head somewhere (its `next` keys without the anchors), sorted.
  var followerCache = new Map();
  function followers(h, n) {
    var fs = followerCache.get(h);
    if (!fs) {
      fs = Object.keys(n).filter(function (f) { return f[0] !== START && f[0] !== END && f !== CODEKEY; }).sort();
      followerCache.set(h, fs);
    }
    return fs;
  }
  // The anchor keys of a head of one kind (START or END), kept.
  var anchorCache = new Map();
  function anchors(h, n, kind) {
    var a = anchorCache.get(h);
    if (!a) {
      a = {};
      a[START] = [];
      a[END] = [];
      Object.keys(n).forEach(function (k) { if (k[0] === START || k[0] === END) a[k[0]].push(k); });
      anchorCache.set(h, a);
    }
    return a[kind];
  }
  // The words whose anchors count at one end of the query: the end word, and the first one
  // from that end that is not common.
  function ends(ex, fromStart) {
    var order = fromStart ? ex : ex.slice().reverse(), out = [order[0]];
    for (var i = 0; i < order.length; i++) {
      if (!order[i].common) { if (i > 0) out.push(order[i]); break; }
    }
    return out;
  }
  // `need`: how many of the best results must be right (a page of results and those before
  // it) when some lists are known by their title postings only; 0 when every result must be.
  function finish(ex, cur, need) {
    var incomplete = ex.some(titleOnly), gapped = [];
    for (var k = 0; k + 1 < ex.length; k++) {
      var a = ex[k], b = ex[k + 1], touched = [], unsure = false;
      a.heads.forEach(function (hp) {
        var n = next(groups[hp[0]]);
        if (!n) return;
        var fs = followers(hp[0], n), w = b.word.w;
        for (var j = lowerBound(fs, w); j < fs.length && (b.prefix ? fs[j].lastIndexOf(w, 0) === 0 : fs[j] === w); j++) {
          if (open(hp[0], n[fs[j]])) unsure = true;
          var p = plist(hp[0], n[fs[j]]);
          for (var i = 0; i < p.d.length; i++) {
            var s = 2 * W[p.c[i]], d = p.d[i], o = tmp[d];
            if (o === 0) { touched.push(d); tmp[d] = s; } else if (o < s) tmp[d] = s;
          }
        }
      });
      // A bigram list whose postings outside titles are not loaded may still give a matched
      // document up to 2 × the keyword weight more.
      if (unsure) {
        incomplete = true;
        for (var c = 0; c < cur.length; c++) {
          var dc = cur[c];
          if (tmp[dc] < 2 * W[2]) { if (!gap[dc]) gapped.push(dc); gap[dc] += 2 * W[2] - tmp[dc]; }
        }
      }
      addBest(touched);
    }
    // The title starts with the first word and ends with the last (or the first and last
    // that are not common); the anchors' keys ("<4", ">12") give the title's length.
    var sized = [];
    [[START, ends(ex, true)], [END, ends(ex, false)]].forEach(function (pair) {
      var touched = [];
      pair[1].forEach(function (e) {
        e.heads.forEach(function (hp) {
          var n = next(groups[hp[0]]);
          if (!n) return;
          anchors(hp[0], n, pair[0]).forEach(function (k) {
            var len = +k.slice(1);
            postings(part(hp[0], n[k])).d.forEach(function (d) {
              if (!tmp[d]) touched.push(d);
              tmp[d] = ANCHOR;
              if (acc[d] && !titleLength[d]) { titleLength[d] = len; sized.push(d); }
            });
          });
        });
      });
      addBest(touched);
    });
    // Best score first, then the shorter title, then document order: one numeric sort of
    // packed keys.
    var keys = new Float64Array(cur.length), top = 0, i, unsureBest = 0;
    for (i = 0; i < cur.length; i++) if (acc[cur[i]] > top) top = acc[cur[i]];
    for (i = 0; i < cur.length; i++) {
      var d = cur[i];
      keys[i] = ((top - acc[d]) * (LONGEST + 1) + (titleLength[d] || LONGEST)) * 1048576 + d;
      if (gap[d] && acc[d] + gap[d] > unsureBest) unsureBest = acc[d] + gap[d];
      acc[d] = 0;
    }
    for (i = 0; i < gapped.length; i++) gap[gapped[i]] = 0;
    for (i = 0; i < sized.length; i++) titleLength[sized[i]] = 0;
    // Many matches (a word's first letters): only the first SORTED are put in order now, the
    // rest when a filter or a far page needs them (see ordered()).
    var partial = keys.length > 4 * SORTED;
    if (partial) {
      select(keys, SORTED);
      keys.subarray(0, SORTED).sort();
    } else keys.sort();
    var hits = new Array(cur.length);
    for (i = 0; i < keys.length; i++) hits[i] = keys[i] % 1048576;
    hits.keys = partial ? keys : null;
    if (incomplete) {
      // Ranked with some lists' title postings only: the first `need` results are those of
      // the whole lists when the last of them scores more than any document could that the
      // title postings left out (bestOutside), and more than the matched documents whose
      // score the missing postings could still raise.
      var last = need && need <= Math.min(SORTED, keys.length) ? top - Math.floor(Math.floor(keys[need - 1] / 1048576) / (LONGEST + 1)) : 0;
      if (last && last > bestOutside(ex) && last > unsureBest) hits.first = need;
      else hits.undecided = true;
    }
    return hits;
  }
  // The most a document can score that lacks, among the postings loaded, a required word
  // ranked by its title postings alone: every word at its best, bigrams and anchors included,
  // but one such word outside the title (at most the keyword weight, no code).
  function bestOutside(ex) {
    var req = ex.filter(function (e) { return !e.common; });
    if (!req.length) req = ex;
    var total = 2 * W[3] * (ex.length - 1) + 2 * ANCHOR, drop = Infinity;
    ex.forEach(function (e) {
      var points = 0, codes = 0, marks = 0, orig = e.word.orig;
      e.heads.forEach(function (hp) {
        var g = groups[hp[0]], n = next(g), v = variants(g);
        points = Math.max(points, hp[1]);
        if (n && n[CODEKEY] !== undefined) codes += CODE;
        if (v && orig) Object.keys(v).forEach(function (k) { if (e.prefix ? k.lastIndexOf(orig, 0) === 0 : k === orig) marks += MARKS; });
      });
      total += points * W[3] + codes + marks;
      if (req.indexOf(e) >= 0 && titleOnly(e)) drop = Math.min(drop, points * (W[3] - W[2]) + codes);
    });
    // No such word: every document that has the words is matched.
    return drop === Infinity ? 0 : total - drop;
  }
  // Moves the k smallest values of `a` to its first k places (quickselect).
  function select(a, k) {
    var lo = 0, hi = a.length - 1;
    while (hi > lo) {
      var pivot = a[(lo + hi) >> 1], i = lo, j = hi;
      while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) { var t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
      }
      if (k - 1 <= j) hi = j; else if (k - 1 >= i) lo = i; else break;
    }
  }
  // Puts every hit of a partly ordered list in order.
  function ordered(hits) {
    var keys = hits.keys;
    if (!keys) return hits;
    keys.sort();
    for (var i = 0; i < keys.length; i++) hits[i] = keys[i] % 1048576;
    hits.keys = null;
    return hits;
  }

  // Shards a parsed query needs (sharded tier).
  function shardsNeeded(q) {
    var need = {};
    q.words.forEach(function (wd, i) {
      shardsFor(wd.w, i === q.words.length - 1 && q.prefix).forEach(function (s) { need[s] = true; });
    });
    return Object.keys(need).map(Number).filter(function (s) { return !shardHeads[s]; });
  }
  // Files of parts (see part()) that ranking `ex` reads and that are not loaded yet: the
  // anchors and code of every word, the bigrams of each word with the next one, and the
  // variants of a word typed with its marks.
  function partsNeeded(ex) {
    var need = {};
    function want(h, v) {
      var key = 'x-' + h + '-' + v;
      if (typeof v === 'number' && got[key] === undefined) need[key] = true;
    }
    ex.forEach(function (e, k) {
      var b = ex[k + 1], orig = e.word.orig;
      e.heads.forEach(function (hp) {
        var h = hp[0], g = groups[h], n = next(g), v = variants(g);
        if (n) {
          want(h, n[CODEKEY]);
          anchors(h, n, START).concat(anchors(h, n, END)).forEach(function (a) { want(h, n[a]); });
          if (b) {
            var fs = followers(h, n), w = b.word.w;
            for (var j = lowerBound(fs, w); j < fs.length && (b.prefix ? fs[j].lastIndexOf(w, 0) === 0 : fs[j] === w); j++) want(h, n[fs[j]]);
          }
        }
        if (v && orig) Object.keys(v).forEach(function (x) {
          if (e.prefix ? x.lastIndexOf(orig, 0) === 0 : x === orig) want(h, v[x]);
        });
      });
    });
    return Object.keys(need);
  }
  // Loads the files `needed(ex)` names for each of `lists`, after a pause in typing of `wait`
  // ms (0: at once).
  function loadNeeded(needed, lists, my, wait) {
    var need = {};
    lists.forEach(function (ex) { needed(ex).forEach(function (k) { need[k] = true; }); });
    var keys = Object.keys(need);
    if (!keys.length) return Promise.resolve();
    return (wait ? pause(my, wait) : Promise.resolve()).then(function () {
      return Promise.all(keys.map(function (k) { return load(k, dir + I.dir + k + '.js'); }));
    });
  }
  // Loads the parts ranking needs; like shards, only at a pause in typing (unless a pause
  // for the shards came just before: `paused`).
  function loadParts(lists, my, paused) { return loadNeeded(partsNeeded, lists, my, paused ? 0 : FETCH_PAUSE_MS); }
  function known(ex) { return ex.filter(function (e) { return e.heads.length; }); }
  function expand(q) {
    return q.words.map(function (wd, i) {
      var prefix = i === q.words.length - 1 && q.prefix;
      var heads = headsFor(wd.w, prefix);
      if (wd.common) heads = heads.map(function (hp) { return [hp[0], 1]; });
      return { word: wd, prefix: prefix, heads: heads, fuzzy: false, common: wd.common };
    });
  }
  // The other postings of the lists ranking `ex` reads (see plist()) that are not loaded.
  function restNeeded(ex) {
    var need = {};
    function want(h, v) { var k = restKey(h, v); if (k && got[k] === undefined) need[k] = true; }
    ex.forEach(function (e, k) {
      var b = ex[k + 1];
      e.heads.forEach(function (hp) {
        var h = hp[0], g = groups[h], n = next(g);
        want(h, own(g));
        if (n && b) {
          var fs = followers(h, n), w = b.word.w;
          for (var j = lowerBound(fs, w); j < fs.length && (b.prefix ? fs[j].lastIndexOf(w, 0) === 0 : fs[j] === w); j++) want(h, n[fs[j]]);
        }
      });
    });
    return Object.keys(need);
  }
  function loadRest(lists, my, wait) { return loadNeeded(restNeeded, lists, my, wait); }
  // Ranks `ex` with the postings loaded; when the first `need` results (0: all) are not
  // settled by them, loads the rest of the lists and ranks again.
  function ranked(ex, my, need) {
    var hits = rank(ex, need);
    if (!hits.undecided) return Promise.resolve(hits);
    return loadRest([ex], my, restPause()).then(function () { return rank(ex, 0); });
  }
  // How many results must be right before the rest of the lists is loaded: the pages up to
  // the one shown, while no filter needs every result.
  // While typing, the words on the way ("dang k") do not fetch the rest of the lists: only a
  // longer pause does.
  var typing = false;
  function restPause() { return typing ? REST_PAUSE_MS : 0; }
  function settledNeed() {
    return Object.keys(state.sel).length || filters.open ? 0 : state.page * PAGE;
  }
  // Search: {hits (documents, best first), approximate}; a promise in the sharded tier when files are missing.
  function search(q, my) {
    if (!q.words.length) return Promise.resolve(null);
    var missing = sharded ? shardsNeeded(q) : [];
    var ready = missing.length ? pause(my).then(function () { return Promise.all(missing.map(loadShard)); }) : Promise.resolve();
    var ex;
    return ready.then(function () {
      ex = expand(q);
      // What "did you mean" ranks too: the words the index knows, side by side.
      return sharded ? loadParts([ex, known(ex)], my, missing.length > 0) : null;
    }).then(function () {
      return ranked(ex, my, settledNeed());
    }).then(function (hits) {
      if (hits.length) return { hits: hits, ex: ex, approximate: null };
      return loadRest([ex, known(ex)], my, restPause()).then(function () { return fuzzy(ex, my); });
    });
  }
  // Nothing matched every word: typo tolerance, else the nearest titles.
  function fuzzy(ex, my) {
    {
      var unknown = ex.filter(function (e) {
        return !e.heads.length && !e.common && e.word.w.length >= FUZZY_MIN && /^[a-z]+$/.test(e.word.w);
      });
      if (!unknown.length) return { hits: [], ex: ex, approximate: null, nearest: nearest(ex) };
      return vocabulary().then(function (vocab) {
        var more = [];
        unknown.forEach(function (e) {
          e.fuzzy = true;
          e.cands = vocab.filter(function (h) { return oneEdit(h, e.word.w); });
          e.cands.forEach(function (h) { more = more.concat(sharded ? shardsFor(h, false) : []); });
        });
        return Promise.all(more.filter(function (s) { return !shardHeads[s]; }).map(loadShard)).then(function () {
          unknown.forEach(function (e) {
            e.heads = e.cands.filter(has).map(function (h) { return [h, 3]; });
          });
          return sharded ? loadParts([ex, known(ex)], my, true) : null;
        }).then(function () {
          return loadRest([ex, known(ex)], my, 0);
        }).then(function () {
          var fuzzyHits = rank(ex, 0);
          if (!fuzzyHits.length) return { hits: [], ex: ex, approximate: null, nearest: nearest(ex) };
          var understood = ex.map(function (e) {
            if (!e.fuzzy) return e.word.w;
            var best = null, n = -1;
            e.heads.forEach(function (hp) {
              var c = plist(hp[0], own(groups[hp[0]])).d.length;
              if (c > n) { n = c; best = hp[0]; }
            });
            return best;
          });
          return { hits: fuzzyHits, ex: ex, approximate: understood.join(' ') };
        });
      });
    }
  }
  // When no procedure has every word, for "did you mean": the best results of the words the
  // index knows, or when no procedure has them all, those with the most of them (their best
  // scores next). Nothing when no word is in the index.
  function nearest(ex) {
    dense();
    var touched = [], words = ex.filter(function (e) { return !e.common && e.heads.length; });
    if (ex.length < 2 || !words.length) return [];
    if (words.length < ex.length) {
      var hits = rank(known(ex), 0);
      if (hits.length) return Array.prototype.slice.call(hits, 0, NEAREST);
    }
    words.forEach(function (e) {
      var b = wordScores(e);
      for (var i = 0; i < b.d.length; i++) {
        var d = b.d[i];
        if (!acc[d]) touched.push(d);
        acc[d] += 1e6 + b.s[i];
      }
    });
    touched.sort(function (a, b) { return acc[b] - acc[a] || a - b; });
    var out = touched.slice(0, NEAREST);
    touched.forEach(function (d) { acc[d] = 0; });
    return out;
  }
  function vocabulary() {
    if (!sharded) return Promise.resolve(sortedHeads.filter(function (h) { return /^[a-z]{4,}$/.test(h); }));
    return load('v', dir + I.dir + 'tu-vung.js').then(function (s) { return s ? s.split(' ') : []; });
  }

  // ---------------------------------------------------------------- facets
  var fieldOfDoc = null;       // field number of each document
  function fieldOf(d) {
    if (fieldOfDoc) return fieldOfDoc[d];
    fieldOfDoc = new Uint16Array(I.n);
    for (var f = 0, x = 0; x < I.n; x++) {
      while (f + 1 < fieldStart.length && fieldStart[f + 1] <= x) f++;
      fieldOfDoc[x] = f;
    }
    return fieldOfDoc[d];
  }
  function column(data, width) {
    var n = data.length / width, out = new Uint16Array(n);
    for (var i = 0; i < n; i++) {
      var v = 0, mul = 1;
      for (var k = 0; k < width; k++) { v += DIGIT[data.charCodeAt(i * width + k)] * mul; mul *= 64; }
      out[i] = v;
    }
    return out;
  }
  function facetValues(key) {
    if (key === 'linh-vuc') return I.fields.map(function (f) { return [f[0], f[1]]; });
    if (key === 'mien-phi') return [['1', L('free')]];
    return I.facets[key].values;
  }
  function facetReady(key) { return key === 'linh-vuc' || !!facetData[key]; }
  function loadFacet(key) {
    if (facetReady(key)) return Promise.resolve();
    var f = I.facets[key];
    var data = f.data !== undefined ? Promise.resolve(f.data) : load('f-' + key, dir + I.dir + 'loc-' + key + '.js');
    return data.then(function (s) { facetData[key] = column(s, f.w); });
  }
  // Value index of document d in facet key (for mien-phi, 0 means "free").
  function valueOf(key, d) {
    if (key === 'linh-vuc') return fieldOf(d);
    var v = facetData[key][d];
    return key === 'mien-phi' ? (v === 1 ? 0 : -1) : v;
  }

  // ---------------------------------------------------------------- state and URL
  var state = { q: '', sel: {}, page: 1 };
  function readURL() {
    var p = new URLSearchParams(location.search);
    var sel = {};
    FACETS.forEach(function (k) { var v = p.getAll(k).filter(Boolean); if (v.length) sel[k] = v; });
    return { q: p.get('q') || '', sel: sel, page: Math.max(1, parseInt(p.get('trang'), 10) || 1) };
  }
  function url(s) {
    var p = new URLSearchParams();
    if (s.q) p.set('q', s.q);
    FACETS.forEach(function (k) { (s.sel[k] || []).forEach(function (v) { p.append(k, v); }); });
    if (s.page > 1) p.set('trang', String(s.page));
    var qs = p.toString();
    return location.pathname + (qs ? '?' + qs : '') + location.hash;
  }
  // While typing, the URL is written at a pause in typing (history calls cost several
  // milliseconds of main thread each), or when the box loses focus or the form is sent; any
  // other change writes it at once, after a pending one.
  var urlTimer = 0, urlPush = false;
  function commitSoon(push) {
    urlPush = urlPush || push;
    clearTimeout(urlTimer);
    urlTimer = setTimeout(flushURL, URL_PAUSE_MS);
  }
  function flushURL() {
    if (!urlTimer) return;
    clearTimeout(urlTimer);
    urlTimer = 0;
    var push = urlPush;
    urlPush = false;
    commit(push);
  }
  function commit(push) {
    if (urlTimer) flushURL();
    var u = url(state);
    if (u === location.pathname + location.search + location.hash) return;
    try {
      if (push) history.pushState(null, '', u); else history.replaceState(null, '', u);
    } catch (e) { /* file:// in some browsers: the URL stays as it is */ }
  }

  // ---------------------------------------------------------------- rendering
  function L(key) { var l = I && I.labels && I.labels.search; return (l && l[key]) || app.getAttribute('data-' + key) || key; }
  function fmt(s, v) { return s.replace(/\{(\w+)\}/g, function (m, k) { return k in v ? v[k] : m; }); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // Tokens of a shown text with their folded words, kept: the same cards come back as one types.
  var tokenCache = new Map();
  function wordsOf(text) {
    var t = tokenCache.get(text);
    if (t) return t;
    t = tokens(text);
    t.forEach(function (x) { x.parts = searchWords(fold(x.text)); });
    if (tokenCache.size > 2000) tokenCache.clear();
    tokenCache.set(text, t);
    return t;
  }
  // Which tokens of `text` the query matched, as a string ("" for none).
  function marked(text, marks) {
    var out = '';
    wordsOf(text).forEach(function (t, i) {
      if (t.parts.some(function (w) { return marks[w]; })) out += i + ',';
    });
    return out;
  }
  // Puts `before` and `text` into `node`, the words the query matched in <mark> (one change
  // of the page per text).
  function highlight(node, before, text, marks) {
    var parts = [], at = 0, plain = before;
    wordsOf(text).forEach(function (t) {
      if (!t.parts.some(function (w) { return marks[w]; })) return;
      parts.push(plain + text.slice(at, t.start), el('mark', '', t.text));
      plain = '';
      at = t.start + t.text.length;
    });
    parts.push(plain + text.slice(at));
    if (node.replaceChildren) node.replaceChildren.apply(node, parts);
    else {
      node.textContent = '';
      parts.forEach(function (x) { node.appendChild(typeof x === 'string' ? document.createTextNode(x) : x); });
    }
  }
  // Result cards are copies of one skeleton, filled in; each document's card is kept and only
  // its highlighted words change as one types.
  var skeleton = null;
  function makeSkeleton() {
    var li = el('li', 'card'), h = el('h2', 'card-title'), meta = el('p', 'card-meta'), dl = el('dl', 'card-facts');
    h.appendChild(el('a'));
    li.appendChild(h);
    meta.appendChild(el('span', 'code', ''));
    meta.appendChild(document.createTextNode(''));
    li.appendChild(meta);
    for (var i = 0; i < 2; i++) {
      var div = el('div');
      div.appendChild(el('dt', '', L(i ? 'fee' : 'time')));
      div.appendChild(el('dd', '', ''));
      dl.appendChild(div);
    }
    li.appendChild(dl);
    return li;
  }
  function card(d, c) {
    var li = (skeleton || (skeleton = makeSkeleton())).cloneNode(true);
    var a = li.firstChild.firstChild, meta = li.childNodes[1], dl = li.lastChild;
    if (c[7] && c[7] !== 'active') li.className += ' card-' + c[7];
    // From disk (file://) a folder URL shows a file listing: name the page itself.
    a.href = root + c[2] + (location.protocol === 'file:' && /\/$/.test(c[2]) ? 'index.html' : '');
    meta.lastChild.data = ' · ' + I.fields[fieldOf(d)][1] + ' · ' + I.facets.cap.values[c[3]][1];
    var online = I.facets['truc-tuyen'].values[c[4]];
    // Only a stated level earns a badge: neither "khong" nor "chua-ro" (not stated) is online.
    if (online && (online[0] === 'toan-trinh' || online[0] === 'mot-phan')) {
      meta.appendChild(document.createTextNode(' · '));
      meta.appendChild(el('span', 'badge badge-online-' + (online[0] === 'toan-trinh' ? 'full' : 'partial'),
        (I.labels.online_long || {})[online[0] === 'toan-trinh' ? 'full' : 'partial'] || online[1]));
    }
    if (c[7] === 'upcoming') li.insertBefore(el('p', 'card-status', L('upcoming') + ' ' + (c[8] || '')), dl);
    if (c[7] === 'suspended') li.insertBefore(el('p', 'card-status', L('suspended')), dl);
    [c[5], c[6]].forEach(function (t, i) {
      dl.children[i].lastChild.textContent = t.length > 140 ? t.slice(0, 139) + '…' : t;
    });
    return { li: li, title: a, code: meta.firstChild, c: c, marks: null };
  }
  // Card files the documents need that are not loaded yet (sharded tier).
  function missingCards(docs) {
    if (!sharded) return [];
    var per = I.cardsPerFile, need = {};
    docs.forEach(function (d) { var k = Math.floor(d / per); if (got['c' + k] === undefined) need[k] = true; });
    return Object.keys(need);
  }
  function cardsFor(docs, my) {
    var keys = missingCards(docs);
    if (!keys.length) return Promise.resolve();
    return pause(my).then(function () {
      return Promise.all(keys.map(function (k) { return load('c' + k, dir + I.dir + 'the-' + k + '.js'); }));
    });
  }
  // Before fetching files, wait for a pause in typing: the words typed on the way to a query
  // ("d", "da", "dan") would otherwise each fetch shards and cards nobody looks at.
  var STALE = {};
  function pause(my, ms) {
    return new Promise(function (ok) { setTimeout(ok, ms || FETCH_PAUSE_MS); }).then(function () {
      if (my !== seq) throw STALE;
    });
  }
  function cardOf(d) {
    if (!sharded) return I.cards[d];
    return got['c' + Math.floor(d / I.cardsPerFile)][d % I.cardsPerFile];
  }

  var announceTimer = 0;
  function announce(text, now) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(function () { live.textContent = text; }, now ? 50 : ANNOUNCE_MS);
  }

  // Checkboxes of the filters, built once; counts change in place (no layout shift).
  var boxes = {};
  function buildFilters() {
    var body = filters.querySelector('.filter-body');
    FACETS.forEach(function (key) {
      var values = facetValues(key);
      if (!values.length || (key !== 'mien-phi' && values.length < 2)) return;
      var fs = el('fieldset', 'facet');
      fs.appendChild(el('legend', '', L('facet_' + key.replace('-', '_'))));
      boxes[key] = values.map(function (v, i) {
        var label = el('label'), box = el('input'), count = el('span', 'facet-count');
        box.type = 'checkbox';
        box.name = key;
        box.value = v[0];
        box.addEventListener('change', function () { toggle(key, v[0], box.checked); });
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + v[1] + ' '));
        label.appendChild(count);
        fs.appendChild(label);
        return { box: box, count: count, label: label, i: i };
      });
      // A long list shows its first values and a button with the number of the others; a
      // chosen value stays in sight.
      if (values.length > FACET_SHORT) {
        var more = el('button', 'facet-more', fmt(L('more'), { n: values.length - FACET_SHOWN }));
        more.type = 'button';
        more.setAttribute('aria-expanded', 'false');
        fs.classList.add('collapsed');
        boxes[key].forEach(function (b) { if (b.i >= FACET_SHOWN) b.label.classList.add('facet-rest'); });
        more.addEventListener('click', function () {
          var open = fs.classList.toggle('collapsed') === false;
          more.setAttribute('aria-expanded', String(open));
          more.textContent = open ? L('fewer') : fmt(L('more'), { n: values.length - FACET_SHOWN });
        });
        fs.appendChild(more);
      }
      body.appendChild(fs);
    });
    var clear = el('button', 'clear-filters', L('clear'));
    clear.type = 'button';
    clear.addEventListener('click', function () { state.sel = {}; state.page = 1; commit(true); update(); });
    body.appendChild(clear);
    filters.addEventListener('toggle', function () { if (filters.open) ensureFacets().then(update); });
  }
  function ensureFacets() { return Promise.all(FACETS.map(loadFacet)); }
  function toggle(key, value, on) {
    var cur = (state.sel[key] || []).filter(function (v) { return v !== value; });
    if (on) cur.push(value);
    if (cur.length) state.sel[key] = cur; else delete state.sel[key];
    state.page = 1;
    commit(true);
    update();
  }

  // Applies filters and counts facet values over `base` (document numbers, ranked); counts
  // only while the filters are open (see showCounts).
  function facet(base) {
    var ready = FACETS.filter(function (k) { return boxes[k] && facetReady(k); });
    var active = ready.filter(function (k) { return state.sel[k]; });
    var keys = filters.open ? ready : [];
    if (!keys.length && !active.length) return { kept: base, counts: {} };
    var want = {};
    active.forEach(function (k) {
      var vals = facetValues(k), set = {};
      state.sel[k].forEach(function (v) {
        for (var i = 0; i < vals.length; i++) if (vals[i][0] === v) set[i] = true;
      });
      want[k] = set;
    });
    var counts = {};
    keys.forEach(function (k) { counts[k] = new Uint32Array(facetValues(k).length); });
    var kept = [];
    for (var n = 0; n < base.length; n++) {
      var d = base[n], miss = null, misses = 0;
      for (var a = 0; a < active.length; a++) {
        if (!want[active[a]][valueOf(active[a], d)]) { misses++; miss = active[a]; if (misses > 1) break; }
      }
      if (misses > 1) continue;
      for (var k = 0; k < keys.length; k++) {
        if (misses === 1 && keys[k] !== miss) continue;
        var v = valueOf(keys[k], d);
        if (v >= 0) counts[keys[k]][v]++;
      }
      if (!misses) kept.push(d);
    }
    return { kept: kept, counts: counts };
  }
  // Counts are written while the filters are open (opening them runs update() again).
  function showCounts(counts) {
    Object.keys(boxes).forEach(function (k) {
      var sel = state.sel[k] || [];
      boxes[k].forEach(function (b) {
        var on = sel.indexOf(b.box.value) >= 0;
        if (b.box.checked !== on) b.box.checked = on;
        if (!filters.open) return;
        var c = counts[k];
        var text = c ? '(' + c[b.i] + ')' : '', cls = c && !c[b.i] && !on ? 'empty' : '';
        if (b.i >= FACET_SHOWN && boxes[k].length > FACET_SHORT) cls += (on ? ' chosen' : '') + ' facet-rest';
        if (b.text !== text) b.count.textContent = b.text = text;
        if (b.cls !== cls) b.label.className = b.cls = cls;
      });
    });
  }

  var seq = 0, lastHits = null, lastQuery = null;
  function update() {
    if (!I) return;
    var my = ++seq;
    var q = parse(state.q);
    var filtered = Object.keys(state.sel).length > 0;
    var need = Object.keys(state.sel).map(loadFacet);
    if (filters.open) need.push(ensureFacets());
    // A first page ranked from title postings serves that page only: a filter, or another
    // page, ranks again.
    var reuse = state.q === lastQuery && lastHits && (!lastHits.hits.first || lastHits.hits.first === settledNeed());
    var found = reuse ? Promise.resolve(lastHits) : search(q, my);
    Promise.all([found, Promise.all(need)]).then(function (r) {
      if (my !== seq) return null;
      var res = r[0];
      lastQuery = state.q;
      lastHits = res;
      var base;
      if (res) base = filtered || state.page * PAGE > SORTED ? ordered(res.hits) : res.hits;
      else if (filtered) { base = []; for (var d = 0; d < I.n; d++) base.push(d); }
      else base = null;
      var f = facet(base || allDocs());
      showCounts(f.counts);
      if (!base) return render(null, res, [], 0);
      // Ranked from title postings: the results up to this page are right, not the count.
      var first = res && res.hits.first;
      var pages = first ? 0 : Math.max(1, Math.ceil(f.kept.length / PAGE));
      if (!first && state.page > pages) state.page = pages;
      var shown = f.kept.slice((state.page - 1) * PAGE, state.page * PAGE);
      // The cards on the screen first: those below may wait for their files (see render()).
      return cardsFor(shown.slice(0, screenful()).concat(res && res.nearest || []), my).then(function () {
        if (my !== seq) return null;
        render(shown, res, f.kept, pages);
        // The rest of the lists, for the count and the other pages, once typing pauses.
        if (first) {
          return loadRest([res.ex], my, REST_PAUSE_MS).then(function () {
            if (my !== seq) return;
            lastQuery = null;
            update();
          });
        }
        return null;
      });
    }).catch(function (e) { if (e !== STALE && my === seq) failed(); });
  }
  var everything = null;
  function allDocs() {
    if (!everything) { everything = []; for (var d = 0; d < I.n; d++) everything.push(d); }
    return everything;
  }

  var cards = new Map();        // document -> its card, see card()
  // Puts the cards of `docs` at positions from `at` on; cards already in place stay (their
  // layout is kept), the others are moved there or added.
  // Returns whether anything changed.
  function place(docs, marks, at) {
    var kids = list.children, changed = false;
    docs.forEach(function (d, i) {
      var k = cards.get(d);
      if (!k) cards.set(d, k = card(d, cardOf(d)));
      var sig = signature(k, marks);
      if (k.marks !== sig) {
        k.marks = sig;
        highlight(k.title, '', k.c[0], marks);
        highlight(k.code, L('code') + ': ', k.c[1], marks);
        changed = true;
      }
      if (kids[at + i] !== k.li) {
        list.insertBefore(k.li, kids[at + i] || null);
        changed = true;
      }
    });
    return changed;
  }
  // Which words of the card's title and code the query marks.
  function signature(k, marks) { return marked(k.c[0], marks) + '|' + marked(k.c[1], marks); }
  // Whether the cards of `docs` are in place at the end of the list, from `at` on.
  function inPlace(docs, marks, at) {
    var kids = list.children;
    return kids.length === at + docs.length && docs.every(function (d, i) {
      var k = cards.get(d);
      return k && kids[at + i] === k.li && k.marks === signature(k, marks);
    });
  }
  // Removes the cards left over from the previous results (pushed down from `at` on), so that
  // the list has `n` cards.
  function finishList(n, at) {
    var kids = list.children;
    if (kids.length > n) {
      var r = document.createRange();
      r.setStartBefore(kids[at]);
      r.setEndAfter(kids[at + kids.length - n - 1]);
      r.deleteContents();
    }
    if (list.hasAttribute('aria-busy')) list.removeAttribute('aria-busy');
  }
  // How many cards the screen shows at most, below the top of the list (120 px a card).
  function screenful() {
    return Math.max(3, Math.ceil((window.innerHeight - Math.max(0, listTop)) / 120));
  }
  function afterPaint(f) {
    if (window.requestAnimationFrame) requestAnimationFrame(function () { setTimeout(f, 0); });
    else setTimeout(f, 0);
  }
  function render(shown, res, kept, pages) {
    if (!shown) {
      list.textContent = '';
      list.removeAttribute('aria-busy');
      pager.textContent = pager.shape = '';
      status.textContent = '';
      results.hidden = true;
      all.hidden = false;
      announce('', true);
      return;
    }
    if (results.hidden) results.hidden = false;
    if (!all.hidden) all.hidden = true;
    var marks = Object.create(null);
    if (res) res.ex.forEach(function (e) { e.heads.forEach(function (hp) { marks[hp[0]] = true; }); });
    // The cards a screen can show are put in place with the keystroke, the rest of the page
    // right after that paint; meanwhile the list is marked busy and the cards below may be
    // the previous ones, pushed down.
    var first = Math.min(shown.length, screenful());
    var rest = shown.slice(first);
    if (cards.size > 300) cards.clear();
    var ready = inPlace(rest, marks, first);
    var moved = place(shown.slice(0, first), marks, 0);
    if (ready) finishList(shown.length, first);
    else if (!moved && !missingCards(rest).length) {
      // Nothing to paint first when the top cards stay as they are.
      place(rest, marks, first);
      finishList(shown.length, shown.length);
    } else {
      list.setAttribute('aria-busy', 'true');
      var my = seq;
      afterPaint(function () {
        if (my !== seq) return;
        cardsFor(rest, my).then(function () {
          if (my !== seq) return;
          place(rest, marks, first);
          finishList(shown.length, shown.length);
        }).catch(function (e) { if (e !== STALE && my === seq) failed(); });
      });
    }
    var start = (state.page - 1) * PAGE + 1;
    if (list.start !== start) list.start = start;
    var q = state.q.trim(), msg;
    if (res && res.hits.first) msg = fmt(L('found_first'), { q: q });
    else if (!kept.length) msg = fmt(L(q ? 'none' : 'none_filtered'), { q: q });
    else if (res && res.approximate) msg = fmt(L('approximate'), { q: res.approximate, n: kept.length });
    else msg = fmt(L(q ? 'found' : 'found_filtered'), { q: q, n: kept.length });
    if (status.textContent !== msg) status.textContent = msg;
    if (res && res.hits.first) status.setAttribute('data-counting', '');
    else status.removeAttribute('data-counting');
    if (none) none.hidden = kept.length > 0;
    if (suggest) showNearest(!kept.length && res && res.nearest || []);
    announce(msg, false);
    var shape = pages > 1 ? state.page + '/' + pages : '';
    if (pager.shape !== shape) {
      pager.shape = shape;
      pager.textContent = '';
      if (pages > 1) {
        var ul = el('ul');
        if (state.page > 1) ul.appendChild(pageLink(state.page - 1, L('previous')));
        ul.appendChild(el('li', 'page-of', fmt(L('page_of'), { p: state.page, n: pages })));
        if (state.page < pages) ul.appendChild(pageLink(state.page + 1, L('next')));
        pager.appendChild(ul);
      }
    }
    // The links' addresses follow the query (to open a page in a new tab).
    Array.prototype.forEach.call(pager.getElementsByTagName('a'), function (a) {
      var u = url({ q: state.q, sel: state.sel, page: a.page });
      if (a.getAttribute('href') !== u) a.setAttribute('href', u);
    });
  }
  // "Did you mean": links to the nearest titles.
  var shownNearest = '';
  function showNearest(docs) {
    var sig = docs.join(',');
    if (sig === shownNearest) return;
    shownNearest = sig;
    var ul = suggest.querySelector('ul');
    ul.textContent = '';
    docs.forEach(function (d) {
      var c = cardOf(d), li = el('li'), a = el('a', '', c[0]);
      a.href = root + c[2] + (location.protocol === 'file:' && /\/$/.test(c[2]) ? 'index.html' : '');
      li.appendChild(a);
      ul.appendChild(li);
    });
    suggest.hidden = !docs.length;
  }
  function pageLink(p, text) {
    var li = el('li'), a = el('a', '', text);
    a.page = p;
    a.addEventListener('click', function (ev) {
      ev.preventDefault();
      state.page = p;
      commit(true);
      update();
      status.scrollIntoView({ block: 'start' });
      status.focus();
    });
    li.appendChild(a);
    return li;
  }
  function failed() {
    list.removeAttribute('aria-busy');
    status.textContent = app.getAttribute('data-error');
    announce(status.textContent, true);
    results.hidden = false;
    all.hidden = false;
  }

  // ---------------------------------------------------------------- start
  function restore(keepTyped) {
    state = readURL();
    typing = false;
    // Words typed while the index was loading win over the URL.
    if (keepTyped && input.value !== state.q) state.q = input.value;
    else input.value = state.q;
    update();
  }
  var typedSince = false;
  // Where the list starts on the screen, read while typing (the layout is fresh then).
  var listTop = 0;
  input.addEventListener('input', function () {
    if (!results.hidden) listTop = list.getBoundingClientRect().top;
    state.q = input.value;
    state.page = 1;
    typing = true;
    // The first keystroke after a committed state makes a new history entry; the next ones
    // replace it, so Back leaves the search instead of undoing one letter at a time.
    commitSoon(!typedSince);
    typedSince = true;
    update();
  });
  input.addEventListener('blur', flushURL);
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    state.q = input.value;
    state.page = 1;
    typing = false;
    commit(false);
    typedSince = false;
    update();
    if (status.textContent) announce(status.textContent, true);
  });
  window.addEventListener('popstate', function () {
    clearTimeout(urlTimer);
    urlTimer = 0;
    urlPush = false;
    typedSince = false;
    restore(false);
  });

  status.setAttribute('tabindex', '-1');
  app.hidden = false;
  status.textContent = app.getAttribute('data-loading') || '';
  load('index', base).then(function (index) {
    I = index;
    if (I.v !== 4) throw new Error('format');
    sharded = I.tier === 'sharded';
    var start = 0;
    I.fields.forEach(function (f) { fieldStart.push(start); start += f[2]; });
    if (!sharded) {
      Object.keys(I.groups).forEach(function (h) { groups[h] = I.groups[h]; });
      sortedHeads = Object.keys(groups).sort();
    }
    status.textContent = '';
    buildFilters();
    return (sharded ? Promise.resolve() : ensureFacets()).then(function () {
      if (!sharded && window.matchMedia && matchMedia('(min-width: 60em)').matches) filters.open = true;
      restore(typedSince);
    });
  }).catch(failed);
})();
