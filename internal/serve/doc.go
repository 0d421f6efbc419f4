// Package serve is the editors' live preview, "alongside serve": it builds
// the site in memory with the same pipeline as "alongside build", serves
// it on 127.0.0.1, and reloads every open page when a file is saved.
// Nothing below it knows it exists; it is the only user of fsnotify.
//
//	s := serve.New(serve.Options{Root: ".", Content: opt, Stdout: os.Stdout, Stderr: os.Stderr})
//	ln, err := serve.Listen("127.0.0.1:8080", false)
//	err = s.Run(ctx, ln) // until ctx is done (Ctrl-C)
//
// # Watching and rebuilding
//
// The watcher follows folders, not files: content/ and layouts/ at every
// depth, and the project folder for site.yaml. So a save that writes a new
// file and renames it over the old one (vim, VS Code, gedit), a folder
// made later, and a file deleted or renamed are all seen. Editors' swap
// and backup files are not changes. A batch of events goes once Quiet
// (10 ms) passes without one, at most a second after the first; what is
// saved while a rebuild runs joins the next batch, so a burst (a branch
// checked out) costs a rebuild or two, and one save is rebuilt at once.
// A file read while still being written brings another rebuild with its
// next event.
//
// A rebuild reuses what cannot have changed, through two caches that live
// as long as the server, each in the package that owns the data:
//
//   - content.Cache: for each Markdown file, keyed by its path and the
//     SHA-256 of its bytes, the front matter read and checked, the parsed
//     Markdown and its facts, the file's own problems, and its rendered
//     body, keyed by where its links go and the glossary terms it may link.
//     A file the watcher did not report, whose size, modification time and
//     identity on disk are as before, is not even read (both must agree:
//     two saves in one tick of the clock keep the time, and the report has
//     them; a missed event changes the time). Lost events read every file.
//     The reading grade of each file's body is kept with it, and each
//     brief's related briefs while the briefs, their order by title and
//     their functions, priorities and topics (all that decides them) are
//     the same.
//   - render.Cache: the parsed layouts, keyed by the hash of layouts/; each
//     page's minified bytes, keyed by a fingerprint of everything its
//     layout can read (of other pages, their "cards", which leave out the
//     body; of the Site, the fields the layout's text names), so an edit
//     to a brief's body makes again only its own page and the search page;
//     each brief's citation files, keyed by the facts they are made from;
//     what each document gave the search index (search.Cache: its stems
//     and its file, while every field the index reads of it is the same);
//     and what Check learned from each page: its problems are kept while
//     its bytes, the ids it points into and the presence of each file it
//     links to stay the same.
//
// Why the result stays right: the caches keep only what one file, or one
// page's inputs, decide, and the related briefs keyed by all their inputs.
// Everything else that joins files (sorting, taxonomies, links and their
// problems, backlinks, previous and next, term pages, the map, feeds and
// the sitemap) is worked out again from the per-file facts on every
// rebuild that loads the tree (a patch, below, keeps them), and the search
// index's lists are patched for the documents whose fields changed
// (search.Cache), byte for byte what a fresh index gives. A change to
// site.yaml or the options empties the content cache, a change to any
// layout the render cache. TestIncrementalMatchesFullBuild holds this to
// account: after each of a random series of edits, additions, renames and
// deletions of briefs and glossary entries, the rebuild's files are byte
// for byte those of a fresh build, with the same problems; once more on
// disk, told what changed as the watcher tells it, with saves that keep a
// file's size and time. Entries of files that are gone are dropped on the
// next rebuild, so memory follows the size of the tree, not the number of
// rebuilds
// (BenchmarkRebuildMemory).
//
// # A save that changes a body, its links or a summary
//
// The common save, a brief's text, links or summary edited, is patched
// rather than rebuilt: when every path of the batch is a Markdown page of
// the last build whose front matter reads the same (or differs only in its
// summary, every key where it was) and whose body has the same headings,
// nothing that joins files can have changed but backlinks. Paths that
// cannot change the site are passed over: the temporary file of a save by
// rename (sed -i, gedit), gone by now, and names the site leaves out.
// content.Cache.Patch then changes those pages of the last Site in place
// (their HTML, text, words, reading grade, summary and problems), and the
// backlinks of the pages their old and new links reach, and gives the
// problems a full load would; render.Cache.Patch makes again their pages
// and their aliases', the pages whose backlinks changed, the search page
// and the search index, and, for a changed summary or number of
// backlinks, the pages whose last fingerprint took that page's card and
// whose layout may show what changed of it (read from the parsed layouts),
// the pages that show a list of the Site, the feeds that list it and its
// citation files, and takes every other file from the last build;
// render.Cache.CheckPatch checks again only the pages made again and those
// that look for the search index's files (the only files a patch adds or
// takes away). Anything else (a new, deleted or renamed file, a changed
// heading or other front matter, a glossary entry, layouts, site.yaml,
// lost watcher events) loads the tree again as above. The random-edit
// test includes such saves and counts that some were patched, and
// TestPatchedSaves holds each kind to a full build.
//
// What a full rebuild still does for every file, and so what it costs at
// 5,000 briefs (docs/performance.md): the joins above, the checks of
// prose that read the glossary, and the fingerprint of every page.
// BenchmarkRebuildOneBrief measures a save on disk to the reload event.
//
// # Problems
//
// When a rebuild finds errors, the last good build stays, and every page
// shows an overlay listing every problem in the words of "alongside
// check" (file:line:column, severity, message, hint). It has role="alert",
// takes focus, closes with Escape, fits 320 px and both colour schemes. A
// first build with errors serves, at every address, a page with only the
// overlay. The terminal prints the problems too: for each rebuild, one
// line naming what changed ("content/briefs/housing.md changed:
// rebuilding"), then its problems, then one line of summary ("rebuilt
// ..." or "not rebuilt: ..."), so that an editor's task runner can tell
// one rebuild's problems from the last (.vscode/tasks.json, tested in
// cmd/alongside). With -drafts, draft pages
// carry a "Draft: not published" banner.
//
// # Live reload
//
// Pages are told of new builds by Server-Sent Events on
// /_alongside/events. The script that listens, /_alongside/reload.js, and
// the overlay's stylesheet are files of their own, added to each HTML
// response by serve as it sends it, never inline (so that a page's
// Content-Security-Policy allowing only the site's own scripts lets them
// run) and never part of a build: TestBuildOutputHasNoTraceOfServe.
// The script keeps the scroll position across the reload. At most
// MaxListeners pages may listen at once.
//
// # What it serves
//
//   - Only the files of the current build, from memory: never a file from
//     disk, so nothing outside the build can be reached. Each build is an
//     immutable snapshot swapped in one atomic step, so every response is
//     the bytes of one whole build.
//   - Paths with "." or ".." segments, encoded dots, slashes or
//     backslashes (%2e, %2f, %5c), NUL or other control characters, a
//     backslash, a drive letter or a second leading slash are refused with
//     400. Symbolic links leading out of content/ are refused by the build.
//   - Only GET and HEAD (405 with Allow otherwise). The Content-Type comes
//     from a fixed table, with nosniff; a folder serves its index.html, a
//     folder asked for without its "/" is redirected to it, and a missing
//     path gets the site's 404 page with status 404, as on GitHub Pages.
//   - Pages are served as if the site were at the root of the address, so
//     the 404 page's base-path links work whatever base_url says.
//
// It listens on a loopback address only, unless told -public, since a
// preview shows drafts; then PublicWarning says so before it serves. A
// port in use is one sentence naming another to try. Run stops cleanly
// when its context ends: the event streams are closed, then the server
// shuts down.
package serve
