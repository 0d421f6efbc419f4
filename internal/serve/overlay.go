package serve

import (
	"bytes"
	"fmt"
	"html"
	"strconv"

	"github.com/alongside-hub/alongside/internal/content"
)

// Paths under which serve answers with its own files. No page of a build
// can take them: content and layouts never make a folder whose name
// starts with "_".
const (
	ownPrefix = "/_alongside/"
	reloadJS  = ownPrefix + "reload.js"
	ownCSS    = ownPrefix + "serve.css"
	eventsURL = ownPrefix + "events"
)

// reloadScript listens for new builds and reloads the page at the same
// scroll position. It also moves focus to the problems overlay and closes
// it with Escape. It is a file of its own, never inline, so that a page's
// Content-Security-Policy that allows only the site's own scripts lets it
// run; and it is only ever added by serve.
const reloadScript = `(function () {
  "use strict";
  var me = document.currentScript;
  var gen = me ? me.getAttribute("data-build") : "";
  var key = "alongside-scroll:" + location.pathname;
  try {
    var saved = sessionStorage.getItem(key);
    if (saved !== null) {
      sessionStorage.removeItem(key);
      var xy = saved.split(",");
      window.scrollTo(+xy[0] || 0, +xy[1] || 0);
    }
  } catch (e) {}
  var overlay = document.getElementById("alongside_problems");
  if (overlay) {
    overlay.focus();
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && !overlay.hidden) {
        overlay.hidden = true;
        var main = document.getElementById("main_content");
        if (main) main.focus();
      }
    });
    var close = document.getElementById("alongside_problems_close");
    if (close) {
      close.hidden = false;
      close.addEventListener("click", function () { overlay.hidden = true; });
    }
  }
  if (!window.EventSource) return;
  var es = new EventSource("` + eventsURL + `");
  es.addEventListener("build", function (ev) {
    if (ev.data === gen) return;
    es.close();
    try { sessionStorage.setItem(key, window.scrollX + "," + window.scrollY); } catch (e) {}
    location.reload();
  });
})();
`

// serveCSS styles the problems overlay and the draft banner, at 7:1
// contrast in both colour schemes, readable from 320 px wide.
const serveCSS = `.alongside-problems {
  position: fixed; inset: 0; z-index: 1000; overflow: auto; margin: 0; max-width: none;
  padding: 1rem; background: #fff; color: #0b0c0c; border: .5rem solid #a4000f;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
}
.alongside-problems[hidden] { display: none; }
.alongside-problems:focus { outline: 3px solid #0b0c0c; outline-offset: -3px; }
.alongside-problems h2 { margin: 0 0 .5rem; font-size: 1.5rem; line-height: 1.25; }
.alongside-problems ol { margin: 0 0 1rem; padding-left: 1.5rem; }
.alongside-problems li { margin: 0 0 1rem; max-width: 50em; overflow-wrap: anywhere; }
.alongside-problems code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-weight: 700; }
.alongside-problems .alongside-hint { display: block; padding-left: 1rem; }
.alongside-problems button {
  font: inherit; min-height: 44px; padding: .5rem 1rem; cursor: pointer;
  background: #0b0c0c; color: #fff; border: 2px solid #0b0c0c; border-radius: .25rem;
}
.alongside-problems button:focus { outline: 3px solid #fd0; outline-offset: 2px; }
.alongside-draft {
  margin: 0 0 1rem; padding: .75rem 1rem; background: #fff4c2; color: #0b0c0c;
  border-left: .5rem solid #0b0c0c; font-weight: 700;
}
@media (prefers-color-scheme: dark) {
  .alongside-problems { background: #121314; color: #f3f2f1; border-color: #ff8c8c; }
  .alongside-problems:focus { outline-color: #f3f2f1; }
  .alongside-problems button { background: #f3f2f1; color: #121314; border-color: #f3f2f1; }
  .alongside-draft { background: #3a2f00; color: #f3f2f1; border-color: #f3f2f1; }
}
`

// overlayHTML lists every problem of a failed build in the words of
// "alongside check": file:line:column, severity, message, then the hint.
// first says that no build has worked yet, so there is no page behind it.
func overlayHTML(ds content.Diagnostics, first bool) []byte {
	nerr, _ := ds.Count()
	var b bytes.Buffer
	b.WriteString(`<section id="alongside_problems" class="alongside-problems" role="alert" tabindex="-1" aria-labelledby="alongside_problems_title">`)
	if first {
		fmt.Fprintf(&b, `<h2 id="alongside_problems_title">The site cannot be built yet: %s to fix</h2>`, html.EscapeString(countWords(nerr, "error")))
		b.WriteString(`<p>Fix each problem below and save the file: this page then reloads by itself.</p><ol>`)
	} else {
		fmt.Fprintf(&b, `<h2 id="alongside_problems_title">The site was not rebuilt: %s to fix</h2>`, html.EscapeString(countWords(nerr, "error")))
		b.WriteString(`<p>This page shows the last version that built. Fix each problem below and save the file: the page then reloads by itself.</p><ol>`)
	}
	for _, d := range ds {
		b.WriteString(`<li><code>`)
		b.WriteString(html.EscapeString(d.Pos.String()))
		b.WriteString(`</code>: `)
		b.WriteString(html.EscapeString(d.Severity.String()))
		b.WriteString(`: `)
		b.WriteString(html.EscapeString(d.Msg))
		if d.Hint != "" {
			b.WriteString(`<span class="alongside-hint">hint: `)
			b.WriteString(html.EscapeString(d.Hint))
			b.WriteString(`</span>`)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol><button type="button" id="alongside_problems_close" hidden>Close this list (Escape)</button></section>`)
	return b.Bytes()
}

// draftBanner marks a draft page, shown only when serving with -drafts.
const draftBanner = `<p class="alongside-draft">Draft: not published</p>`

// problemsPage is what a first build with errors serves at every address:
// nothing but the list of problems.
func problemsPage(ds content.Diagnostics, gen uint64) []byte {
	var b bytes.Buffer
	b.WriteString(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Problems to fix – preview</title><meta name="color-scheme" content="light dark"></head><body><main id="main_content" tabindex="-1"><h1>Problems to fix before the site can be built</h1>`)
	b.WriteString(`</main></body></html>`)
	return inject(b.Bytes(), ds, false, true, gen)
}

// inject adds serve's stylesheet and script to a page, the draft banner at
// the start of its main content, and the problems overlay at its end. A
// page without <main> gets them at the start and end of <body>.
func inject(page []byte, ds content.Diagnostics, draft, first bool, gen uint64) []byte {
	head := []byte(`<link rel="stylesheet" href="` + ownCSS + `"><script src="` + reloadJS + `" data-build="` + strconv.FormatUint(gen, 10) + `" defer></script>`)
	var overlay []byte
	if ds.HasErrors() {
		overlay = overlayHTML(ds, first)
	}
	out := make([]byte, 0, len(page)+len(head)+len(overlay)+len(draftBanner))
	i := bytes.Index(page, []byte("</head>"))
	if i < 0 {
		return page
	}
	out = append(out, page[:i]...)
	out = append(out, head...)
	rest := page[i:]
	open, close := afterTag(rest, "<main"), bytes.LastIndex(rest, []byte("</main>"))
	if open < 0 || close < open {
		open, close = afterTag(rest, "<body"), bytes.LastIndex(rest, []byte("</body>"))
	}
	if open < 0 || close < open {
		return append(out, rest...)
	}
	out = append(out, rest[:open]...)
	if draft {
		out = append(out, draftBanner...)
	}
	out = append(out, rest[open:close]...)
	out = append(out, overlay...)
	return append(out, rest[close:]...)
}

// afterTag is the offset just after the first start tag named like tag
// ("<main"), or -1.
func afterTag(b []byte, tag string) int {
	for off := 0; ; {
		i := bytes.Index(b[off:], []byte(tag))
		if i < 0 {
			return -1
		}
		i += off
		if j := i + len(tag); j < len(b) && (b[j] == '>' || b[j] == ' ' || b[j] == '\n' || b[j] == '\t') {
			k := bytes.IndexByte(b[j:], '>')
			if k < 0 {
				return -1
			}
			return j + k + 1
		}
		off = i + len(tag)
	}
}

func countWords(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
