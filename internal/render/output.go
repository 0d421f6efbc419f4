package render

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/tdewolff/minify/v2"
)

// Output is the whole site in memory, or, made by RenderTo, every path
// of it and what Check needs of each page while the bytes go to a Sink.
// Every file is put in through claim (or claimMade), which makes sure
// that no two sources make one file: a content file, an alias, a layout
// asset and a generated file (feeds, sitemap, search data...) each take
// their own address, or Check reports the clash naming both. A file that
// would sit where another needs a folder ("map" and "map/index.html") is
// a clash too, and so are two paths that differ only in case, which are
// one file on Windows and macOS.
type Output struct {
	Files   map[string][]byte // output path ("briefs/x/index.html") -> bytes
	Sources map[string]string // output path -> the source file it came from, if any
	Copied  map[string]bool   // output paths copied from content/ as they are

	owners  map[string]owner // lower-case output path -> who made it
	clashes content.Diagnostics

	index    map[string][]byte    // the search index's files, by output path
	feeds    []feed               // the feeds, as made
	minified map[string]bool      // pages a Cache gave already minified
	facts    map[string]pageFacts // pages a Cache has already scanned, for Check
	interned interner             // one copy of the addresses and ids of the facts stream scans

	// With a sink (RenderTo), files are handed over as they are made and
	// Files holds every path with no bytes; facts then holds every page.
	sink    Sink
	pending []made // files claimed but not yet handed over (flush)
	failed  error  // the first file that could not be minified
	m       *minify.M

	// A Cache's hooks into Check: a page's earlier result, and a new one.
	reuseCheck func(path string) (content.Diagnostics, bool)
	keepCheck  func(path string, ds content.Diagnostics, fragTargets, looked []string)
}

// owner is who made one output file, for messages.
type owner struct {
	path    string      // the output path as made
	what    string      // who made it, as the other side's message names it: "layouts/assets/site.css"
	subject string      // how a message about it starts: "this", or "the alias \"/x/\""
	pos     content.Pos // where in content it comes from; File is "" for layouts and generated files
}

func newOutput() *Output {
	return &Output{Files: map[string][]byte{}, Sources: map[string]string{}, Copied: map[string]bool{}, minified: map[string]bool{}}
}

// claim adds one file, made by who. If another source made that file
// first, the first one stays and the clash is reported. Like the maps it
// fills, it is for one goroutine at a time. With a sink, the file is
// handed over once it is minified (stream) rather than kept.
func (o *Output) claim(outPath string, b []byte, source string, who owner) {
	if !o.take(outPath, source, who) {
		return
	}
	if o.sink == nil {
		o.Files[outPath] = b
		return
	}
	o.stream(outPath, b)
}

// claimMade claims a page that the core that made it has already handed
// to the sink, minified, with what Check needs of it.
func (o *Output) claimMade(outPath string, f pageFacts, source string, who owner) {
	if o.take(outPath, source, who) {
		o.Files[outPath] = nil
		o.facts[outPath] = f
		o.minified[outPath] = true
	}
}

// take notes that who makes outPath, or reports the clash and says no.
func (o *Output) take(outPath string, source string, who owner) bool {
	if o.owners == nil {
		o.owners = map[string]owner{}
	}
	who.path = outPath
	if who.subject == "" {
		who.subject = "this"
	}
	key := strings.ToLower(outPath)
	if prev, taken := o.owners[key]; taken {
		o.clash(who, prev)
		return false
	}
	o.owners[key] = who
	if source != "" {
		o.Sources[outPath] = source
	}
	return true
}

// add adds a file the layouts or the generator made; source is the
// content file it shows, if any.
func (o *Output) add(outPath string, b []byte, source string) {
	who := owner{what: "the generated file /" + outPath}
	if source != "" {
		who = owner{what: source, pos: content.Pos{File: source}}
	}
	o.claim(outPath, b, source, who)
}

// clash reports that a and b make the same file, or that one needs the
// other's place as a folder. It is reported where an editor can act: at
// the side that comes from content/, if either does.
func (o *Output) clash(a, b owner) {
	if !strings.HasPrefix(a.pos.File, "content/") && strings.HasPrefix(b.pos.File, "content/") {
		a, b = b, a
	}
	at := a.pos
	if at.File == "" {
		at.File = "(generated) " + a.path
	}
	msg := fmt.Sprintf("%s makes the file /%s, which %s also makes", a.subject, a.path, b.what)
	if !strings.EqualFold(a.path, b.path) {
		msg = fmt.Sprintf("%s makes the file /%s, but %s makes /%s: one of them would have to be a file and a folder at once",
			a.subject, a.path, b.what, b.path)
	}
	o.clashes = append(o.clashes, content.Diagnostic{Pos: at, Severity: content.Error, Msg: msg,
		Hint: "rename or move one of them so that each file has its own address"})
}

// checkFolders reports each file that sits where another file needs a
// folder: "map" beside "map/index.html".
func (o *Output) checkFolders() {
	for _, p := range o.Paths() {
		for dir := path.Dir(p); dir != "." && dir != "/"; dir = path.Dir(dir) {
			if prev, ok := o.owners[strings.ToLower(dir)]; ok {
				o.clash(o.owners[strings.ToLower(p)], prev)
				break
			}
		}
	}
}

// Paths returns the output paths, sorted.
func (o *Output) Paths() []string {
	ps := make([]string, 0, len(o.Files))
	for p := range o.Files {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	return ps
}
