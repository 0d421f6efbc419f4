// Full-text search of the briefs and the glossary, on the search page.
//
// The index is made by the generator (internal/search): an entry file
// named in the page's data-index, shards of words by their first letters,
// one small file per brief or glossary entry, and the facet lists. The
// entry is fetched as the page loads; a query then fetches the shards its
// words need and the files of the results it shows; the facet lists only
// when the filters are opened. Words are folded and stemmed exactly as
// the generator does (Porter2, "Snowball English"); the stop words come
// from the index itself. Ranking is described in internal/search/doc.go.
//
// Without JavaScript the page says how to find a brief and lists them, and
// no box is shown: this script makes the form, in a space the style sheet
// keeps for it, so the page does not move. No eval, no inline code,
// nothing from another site: it runs under a Content-Security-Policy that
// allows scripts from the site only.
(function () {
  "use strict";

  // ---- Words: the same rules as internal/search/text.go ----

  function fold(s) {
    return s.normalize("NFKD").replace(/\p{Mn}/gu, "").replace(/[’‘ʼ′`＇ʹ]/g, "'").toLowerCase();
  }
  var WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
  function words(s) { return fold(s).match(WORD) || []; }

  // Porter2 as github.com/kljensen/snowball/english does it, step by step.
  var SPECIAL = {};
  "skis:ski skies:sky dying:die lying:lie tying:tie idly:idl gently:gentl ugly:ugli early:earli only:onli singly:singl sky news howe atlas cosmos bias andes inning innings:inning outing outings:outing canning cannings:canning herring herrings:herring earring earrings:earring proceed proceeds:proceed proceeded:proceed proceeding:proceed exceed exceeds:exceed exceeded:exceed exceeding:exceed succeed succeeds:succeed succeeded:succeed succeeding:succeed"
    .split(" ").forEach(function (p) { p = p.split(":"); SPECIAL[p[0]] = p[1] || p[0]; });
  function map(s) { var m = {}; s.split(" ").forEach(function (p) { p = p.split(":"); m[p[0]] = p[1] || ""; }); return m; }
  var STEP2 = map("ational:ate fulness:ful iveness:ive ization:ize ousness:ous biliti:ble lessli:less tional:tion alism:al aliti:al ation:ate entli:ent fulli:ful iviti:ive ousli:ous anci:ance abli:able alli:al ator:ate enci:ence izer:ize bli:ble ogi li");
  var STEP3 = map("ational:ate tional:tion alize:al icate:ic ative iciti:ic ical:ic ful ness");
  var STEP4 = "ement ance ence able ible ment ent ant ism ate iti ous ive ize ion al er ic".split(" ");

  function stem(word) {
    var r = Array.from(word), r1, r2;
    if (r.length <= 2) return word;
    if (SPECIAL[word]) return SPECIAL[word];
    function v(c) { return "aeiouy".indexOf(c) >= 0; }
    function ends(s) { return r.slice(r.length - s.length).join("") === s && s.length <= r.length; }
    function first(list) { for (var i = 0; i < list.length; i++) if (ends(list[i])) return list[i]; return ""; }
    function cut(n) { r.length -= n; r1 = Math.min(r1, r.length); r2 = Math.min(r2, r.length); }
    function put(s, rep) { r = r.slice(0, r.length - s.length).concat(Array.from(rep)); cut(0); }
    function vnv(start) {
      for (var j = start + 1; j < r.length; j++) if (v(r[j - 1]) && !v(r[j])) return j + 1;
      return r.length;
    }
    function shortSyllable(i) {
      if (i === 2) return v(r[0]) && !v(r[1]);
      if (i < 3) return false;
      var a = r[i - 1];
      return !v(a) && "wxY".indexOf(a) < 0 && v(r[i - 2]) && !v(r[i - 3]);
    }
    while (r[0] === "'") r.shift();
    for (var i = 0; i < r.length; i++) if (r[i] === "y" && (i === 0 || v(r[i - 1]))) r[i] = "Y";
    var w = r.join("");
    var pre = /^(gener|commun|arsen)/.exec(w);
    r1 = pre ? pre[1].length : vnv(0);
    r2 = vnv(r1);
    // Step 0 and 1a.
    var s = first(["'s'", "'s", "'"]);
    if (s) cut(s.length);
    s = first(["sses", "ied", "ies", "us", "ss", "s"]);
    if (s === "sses") put(s, "ss");
    else if (s === "ied" || s === "ies") put(s, r.length > 4 ? "i" : "ie");
    else if (s === "s") { for (i = 0; i < r.length - 2; i++) if (v(r[i])) { cut(1); break; } }
    // Step 1b.
    s = first(["eedly", "ingly", "edly", "ing", "eed", "ed"]);
    if (s === "eed" || s === "eedly") {
      if (s.length <= r.length - r1) put(s, "ee");
    } else if (s) {
      var hasV = false;
      for (i = 0; i < r.length - s.length; i++) if (v(r[i])) { hasV = true; break; }
      if (hasV) {
        var o1 = r1, o2 = r2;
        cut(s.length);
        var t = first(["at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);
        if (!t) {
          if (r1 >= r.length && shortSyllable(r.length)) { r.push("e"); o1 = o2 = r.length; }
        } else if (t.length === 2 && t[0] !== t[1]) put(t, t + "e");
        else cut(1);
        r1 = Math.min(o1, r.length); r2 = Math.min(o2, r.length);
      }
    }
    // Step 1c.
    var n = r.length;
    if (n > 2 && (r[n - 1] === "y" || r[n - 1] === "Y") && !v(r[n - 2])) r[n - 1] = "i";
    // Step 2.
    s = first(Object.keys(STEP2));
    if (s && s.length <= r.length - r1) {
      n = r.length;
      if (s === "li") { if (n >= 3 && "cdeghkmnrt".indexOf(r[n - 3]) >= 0) cut(2); }
      else if (s === "ogi") { if (n >= 4 && r[n - 4] === "l") put(s, "og"); }
      else put(s, STEP2[s]);
    }
    // Step 3.
    s = first(Object.keys(STEP3));
    if (s && s.length <= r.length - r1) {
      if (s === "ative") { if (r.length - r2 >= 5) cut(5); }
      else put(s, STEP3[s]);
    }
    // Step 4.
    s = first(STEP4);
    if (s && s.length <= r.length - r2) {
      n = r.length;
      if (s !== "ion") cut(s.length);
      else if (n >= 4 && "st".indexOf(r[n - 4]) >= 0) cut(3);
    }
    // Step 5.
    var l = r.length - 1;
    if (r1 <= l) {
      if (r[l] === "e") { if (r2 <= l || !shortSyllable(l)) cut(1); }
      else if (r2 <= l && r[l] === "l" && r[l - 1] === "l") cut(1);
    }
    return r.join("").replace(/Y/g, "y");
  }

  // ---- The index ----

  // Searcher answers queries from the index at entryURL; load(url) returns
  // a promise of the parsed JSON file.
  function Searcher(entryURL, load) {
    var entry, shards = {};
    var ready = load(entryURL).then(function (e) { entry = e; entry.stopSet = {}; e.stop.forEach(function (w) { e.stopSet[w] = 1; }); return e; });
    function url(name) { return new URL(name, entryURL).href; }
    // The shards that hold stems starting with p: the one of the longest
    // prefix of p, and those of longer prefixes that start with p.
    function covering(p, whole) {
      var best = null, out = [];
      entry.shards.forEach(function (s) {
        if (p.indexOf(s[0]) === 0 && (!best || s[0].length > best[0].length)) best = s;
        else if (!whole && s[0].indexOf(p) === 0) out.push(s);
      });
      if (best) out.push(best);
      return out;
    }
    function fetchShards(list) {
      return Promise.all(list.map(function (s) {
        if (!shards[s[1]]) shards[s[1]] = load(url(s[1]));
        return shards[s[1]];
      }));
    }
    // terms turns a query into the words to find, each with the stems that
    // count for it. The last word, while it is being typed, also matches
    // the stems it starts (and, if none, those its first letters start).
    function terms(q) {
      var ws = words(q), typing = !/\s$/.test(q), seen = {}, out = [];
      ws.forEach(function (w, i) {
        if (entry.stopSet[w]) return;
        var t = { word: w, stem: stem(w), prefix: typing && i === ws.length - 1 && Array.from(w).length >= 3 };
        if (seen[t.stem] && !t.prefix) return;
        seen[t.stem] = 1;
        out.push(t);
      });
      return out;
    }
    // search fetches the shards of each word's stem; then, for a word being
    // typed that no stem starts, those of its first letters (see rank).
    function search(q) {
      return ready.then(function () {
        var ts = terms(q), need = [];
        ts.forEach(function (t) { need = need.concat(covering(t.stem, !t.prefix)); });
        return fetchShards(need).then(function (parts) {
          var more = [];
          ts.forEach(function (t) {
            var w = Array.from(t.word);
            if (t.prefix && !parts.some(function (p) { for (var k in p) if (k.indexOf(t.stem) === 0) return true; return false; })) {
              more = more.concat(covering(w.slice(0, Math.max(3, w.length - 3)).join(""), false));
            }
          });
          return more.length ? fetchShards(need.concat(more)) : parts;
        }).then(function (parts) { return rank(ts, parts); });
      });
    }
    function rank(ts, parts) {
      var N = entry.docs, docs = {}, marks = {};
      function lookup(pred) {
        var found = [];
        parts.forEach(function (p) { for (var k in p) if (pred(k)) found.push([k, p[k]]); });
        return found;
      }
      ts.forEach(function (t, ti) {
        var hits = lookup(function (k) { return k === t.stem; });
        if (t.prefix) {
          // Stems the word starts; if none and the word is not a stem,
          // those its first letters start, down to three letters and at
          // most three letters fewer ("assessmen" finds "assess").
          var w = Array.from(t.word), p = t.stem, n = w.length, more;
          for (;;) {
            more = lookup(function (k) { return k !== t.stem && k.indexOf(p) === 0; });
            if (more.length || hits.length || --n < Math.max(3, w.length - 3)) break;
            p = w.slice(0, n).join("");
          }
          hits = hits.concat(more);
        }
        hits.forEach(function (h) {
          marks[h[0]] = 1;
          var weight = (h[0] === t.stem ? 1 : 0.5) * Math.log(1 + N / h[1].length), d = 0;
          h[1].forEach(function (x, i) {
            // Flags (internal/search/build.go): the title's different words
            // (0 if not in it), summary, heading, how often in the text.
            d += Math.floor(x / 128);
            var f = x % 128, n = f >> 4;
            var s = weight * ((n ? 8 + 16 / (n + 1) : 0) + (f & 8 ? 6 : 0) + (f & 4 ? 3 : 0) + [0, 1, 1.5, 2][f & 3]);
            if (d >= entry.briefs) s *= 0.5; // a brief on a subject comes before its glossary entry
            var r = docs[d] || (docs[d] = { id: d, best: [], title: [], n: 0 });
            if (!(r.best[ti] >= s)) r.best[ti] = s;
            if (n) { r.title[ti] = 1; r.n = n; }
          });
        });
      });
      var list = Object.keys(docs).map(function (k) {
        var r = docs[k], m = 0, sum = 0;
        r.best.forEach(function (s) { if (s) { m++; sum += s; } });
        var t = r.title.filter(Boolean).length;
        if (r.n && r.n < 7 && t >= r.n && r.id < entry.briefs) sum += 500; // the query names the brief's whole title
        r.score = m * 1000 + sum;
        return r;
      });
      list.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      return { results: list, stems: marks, terms: ts };
    }
    function doc(id) {
      return load(url(id + "." + entry.frags[Math.floor(id / entry.block)] + ".json"));
    }
    function members() {
      return ready.then(function () { return load(url(entry.members)); });
    }
    return { ready: ready, search: search, doc: doc, members: members, entry: function () { return entry; } };
  }

  if (typeof module === "object") { module.exports = { fold: fold, words: words, stem: stem, Searcher: Searcher }; }
  if (typeof document === "undefined") return;

  // ---- The page ----

  var app = document.getElementById("search_app");
  var browse = document.getElementById("search_browse");
  if (!app || !app.dataset.index || !window.fetch) return;
  var cache = {};
  var engine = Searcher(new URL(app.dataset.index, location.href).href, function (u) {
    return cache[u] || (cache[u] = fetch(u).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }));
  });
  var root = app.dataset.root || "";
  var PAGE = 10;

  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    (kids || []).forEach(function (c) { e.append(c); });
    return e;
  }
  var input = el("input", { id: "search_input", type: "search", name: "q", autocomplete: "off", spellcheck: "false" });
  var status = el("p", { id: "search_status", class: "search-status", role: "status", "aria-live": "polite" });
  var form = el("form", { role: "search", class: "search-form", action: "" }, [
    el("label", { for: "search_input" }, ["Words to look for"]), input, status]);
  var filters = el("details", { class: "search-filters", hidden: "" });
  var results = el("ol", { id: "search_results", class: "item-list search-results", hidden: "" });
  var more = el("button", { type: "button", class: "search-more", hidden: "" }, ["Show more results"]);
  app.append(form, filters, results, more);

  var chosen = {}, state = { q: "", found: null, shown: 0 }, token = 0, timer = 0, pushed = 0;

  // marked writes text with the words whose stems were matched in <mark>.
  var TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’‘ʼ][\p{L}\p{N}\p{M}]+)*/gu, stemOf = {};
  function hit(tok, stems) {
    var w = stemOf[tok];
    if (w === undefined) { var f = words(tok)[0] || ""; w = stemOf[tok] = stem(f); }
    return stems[w] === 1;
  }
  function marked(text, stems) {
    var out = [], last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text))) {
      if (!hit(m[0], stems)) continue;
      out.push(text.slice(last, m.index), el("mark", {}, [m[0]]));
      last = m.index + m[0].length;
    }
    out.push(text.slice(last));
    return out;
  }
  // snippet is the 30 words of text with the most matched words.
  function snippet(text, stems) {
    var toks = [], m, SIZE = 30;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text))) toks.push({ at: m.index, end: m.index + m[0].length, hit: hit(m[0], stems) });
    if (!toks.length) return "";
    var best = 0, bestN = -1, n = 0;
    for (var i = 0; i < toks.length; i++) {
      n += toks[i].hit;
      if (i >= SIZE) n -= toks[i - SIZE].hit;
      if (n > bestN && toks[i].hit) { bestN = n; best = Math.max(0, i - SIZE + 1); }
    }
    if (bestN <= 0) best = 0;
    var endTok = toks[Math.min(toks.length, best + SIZE) - 1];
    var s = text.slice(toks[best].at, endTok.end).replace(/\s+/g, " ");
    return (best > 0 ? "… " : "") + s + (endTok !== toks[toks.length - 1] ? " …" : "");
  }

  function passes(id, mem, except) {
    var e = engine.entry();
    return e.facets.every(function (f) {
      if (f.key === except) return true;
      var on = chosen[f.key] || [];
      return !on.length || on.some(function (slug) { return mem[f.key][slug][id]; });
    });
  }
  // memberSets turns the members file into facet -> slug -> set of ids.
  var sets = null;
  function memberSets() {
    if (sets) return Promise.resolve(sets);
    return engine.members().then(function (m) {
      sets = {};
      engine.entry().facets.forEach(function (f) {
        sets[f.key] = {};
        f.values.forEach(function (v, i) {
          var s = sets[f.key][v.slug] = {}, d = 0;
          m[f.key][i].forEach(function (x) { d += x; s[d] = 1; });
        });
      });
      return sets;
    });
  }

  // drawFilters draws the checkboxes, with counts among the results; until
  // the facet lists are fetched (when the filters are first opened, or the
  // address has one), only the summary.
  function drawFilters(found, mem) {
    var open = filters.open;
    filters.textContent = "";
    filters.append(el("summary", {}, ["Filter the results"]));
    if (mem) engine.entry().facets.forEach(function (f) {
      var boxes = [];
      f.values.forEach(function (v) {
        var on = (chosen[f.key] || []).indexOf(v.slug) >= 0, n = 0;
        found.forEach(function (r) { if (mem[f.key][v.slug][r.id] && passes(r.id, mem, f.key)) n++; });
        if (!n && !on) return;
        var id = "filter_" + f.key + "_" + v.slug;
        var box = el("input", { type: "checkbox", id: id, name: f.key, value: v.slug });
        box.checked = on;
        boxes.push(el("div", { class: "search-check" }, [box, el("label", { for: id }, [v.name + " (" + n + ")"])]));
      });
      if (boxes.length) filters.append(el("fieldset", {}, [el("legend", {}, [f.name])].concat(boxes)));
    });
    filters.open = open;
  }

  function describe(n) {
    if (!state.found.terms.length) return "“" + state.q.trim() + "” is too common to search for. Try a word that says more.";
    var on = [];
    engine.entry().facets.forEach(function (f) {
      f.values.forEach(function (v) { if ((chosen[f.key] || []).indexOf(v.slug) >= 0) on.push(v.name); });
    });
    return (n ? n + (n === 1 ? " result" : " results") : "No results") + " for “" + state.q.trim() + "”" +
      (on.length ? ", filtered by " + on.join(", ") : "") +
      (n ? "" : on.length ? ". Try taking a filter off." : ". Try fewer words, or other words.");
  }

  function draw(keepFocus) {
    var found = state.found, mine = ++token;
    if (!found) return;
    var filtering = sets || filters.open || Object.keys(chosen).some(function (k) { return chosen[k].length; });
    (filtering ? memberSets() : Promise.resolve(null)).then(function (mem) {
      if (mine !== token) return;
      var list = mem ? found.results.filter(function (r) { return passes(r.id, mem); }) : found.results;
      drawFilters(found.results, mem);
      filters.hidden = !found.results.length;
      var show = list.slice(0, state.shown);
      return Promise.all(show.map(function (r) { return engine.doc(r.id); })).then(function (ds) {
        if (mine !== token) return;
        var start = keepFocus ? results.children.length : 0;
        if (!keepFocus) results.textContent = "";
        ds.slice(start).forEach(function (d) {
          var kids = [el("a", { href: root + d.u.slice(1) }, marked(d.t, found.stems))];
          if (d.k === "glossary") kids.unshift(el("span", { class: "search-kind" }, ["Glossary: "]));
          kids.push(el("p", {}, marked(d.s, found.stems)));
          var snip = snippet(d.b, found.stems);
          if (snip) kids.push(el("p", { class: "search-snippet" }, marked(snip, found.stems)));
          results.append(el("li", {}, kids));
        });
        results.hidden = !list.length;
        more.hidden = list.length <= state.shown;
        var text = describe(list.length);
        if (status.textContent !== text) status.textContent = text;
        if (keepFocus && results.children[start]) results.children[start].querySelector("a").focus();
      });
    }).catch(failed);
  }
  function failed() {
    status.textContent = "Search is not working at the moment. The lists below still are.";
    if (browse) browse.hidden = false;
  }

  function run(q) {
    state.q = q;
    var active = q.trim() !== "";
    if (browse) browse.hidden = active;
    if (!active) {
      token++;
      state.found = null;
      results.hidden = filters.hidden = more.hidden = true;
      status.textContent = "";
      return;
    }
    var mine = ++token;
    engine.search(q).then(function (found) {
      if (mine !== token) return;
      state.found = found;
      state.shown = PAGE;
      draw(false);
    }).catch(failed);
  }

  // The address holds the query and the filters, so results can be shared
  // and the back button goes back through searches.
  function address() {
    var p = new URLSearchParams();
    if (state.q.trim()) p.set("q", state.q.trim());
    engine.entry() && engine.entry().facets.forEach(function (f) {
      (chosen[f.key] || []).forEach(function (s) { p.append(f.key, s); });
    });
    var s = p.toString();
    return location.pathname + (s ? "?" + s : "");
  }
  function remember(now) {
    var a = address();
    if (a === location.pathname + location.search) return;
    // Typing replaces the entry; a pause of two seconds starts a new one.
    if (now || Date.now() - pushed > 2000) history.pushState(null, "", a);
    else history.replaceState(null, "", a);
    pushed = Date.now();
  }
  function fromAddress() {
    var p = new URLSearchParams(location.search);
    chosen = {};
    engine.ready.then(function (e) {
      // Only values the index knows: an old or edited address is not an error.
      e.facets.forEach(function (f) {
        chosen[f.key] = p.getAll(f.key).filter(function (s) { return f.values.some(function (v) { return v.slug === s; }); });
      });
      if (state.found) draw(false);
    });
    input.value = p.get("q") || "";
    run(input.value);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); remember(false); }, 150);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    run(input.value);
    remember(true);
  });
  filters.addEventListener("change", function (ev) {
    var b = ev.target;
    var on = chosen[b.name] = (chosen[b.name] || []).filter(function (s) { return s !== b.value; });
    if (b.checked) on.push(b.value);
    state.shown = PAGE;
    draw(false);
    remember(true);
    // The boxes are drawn again with new counts: keep focus on this one.
    setTimeout(function () { var again = document.getElementById(b.id); if (again) again.focus(); }, 0);
  });
  filters.addEventListener("toggle", function () {
    if (filters.open && !sets && state.found) {
      var found = state.found;
      memberSets().then(function (mem) { if (state.found === found) drawFilters(found.results, mem); }).catch(failed);
    }
  });
  more.addEventListener("click", function () { state.shown += PAGE; draw(true); });
  window.addEventListener("popstate", fromAddress);
  fromAddress();
})();
