package serve

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

// editor changes the project the way editors do: edits, new files,
// renames (with the links to the file updated, as an editor would) and
// deletions of briefs and glossary entries, and now and then a mistake
// that is fixed a step later.
type editor struct {
	m      fstest.MapFS
	r      *rand.Rand
	n      int
	broken map[string][]byte // files saved with a mistake, and their good text
}

func (e *editor) files(dir string) []string {
	var out []string
	for p := range e.m {
		if path.Dir(p) == dir && strings.HasSuffix(p, ".md") {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

func (e *editor) pick(dir string) string {
	fs := e.files(dir)
	return fs[e.r.IntN(len(fs))]
}

func (e *editor) get(p string) string { return string(e.m[p].Data) }

func (e *editor) put(p, s string) { e.m[p] = &fstest.MapFile{Data: []byte(s), Mode: 0o644} }

// linkTo matches a link to the file named base, from any folder.
func linkTo(base string) *regexp.Regexp {
	return regexp.MustCompile(`([(/])` + regexp.QuoteMeta(base) + `([)#])`)
}

// referenced says whether any Markdown file links to p.
// deleteUnlinked deletes the first file of dir that no other file links
// to, and says which.
func (e *editor) deleteUnlinked(dir string) string {
	for _, p := range e.files(dir) {
		if !e.referenced(p) {
			delete(e.m, p)
			return "delete " + p
		}
	}
	return "nothing to delete"
}

func (e *editor) referenced(p string) bool {
	re := linkTo(path.Base(p))
	for q, f := range e.m {
		if q != p && strings.HasSuffix(q, ".md") && re.Match(f.Data) {
			return true
		}
	}
	return false
}

func (e *editor) rename(from, to string) {
	e.m[to] = e.m[from]
	delete(e.m, from)
	re := linkTo(path.Base(from))
	for q, f := range e.m {
		if strings.HasSuffix(q, ".md") && re.Match(f.Data) {
			e.put(q, re.ReplaceAllString(string(f.Data), "${1}"+path.Base(to)+"${2}"))
		}
	}
}

func setKey(src, key, value string) string {
	re := regexp.MustCompile(`(?m)^` + key + `:.*$`)
	if re.MatchString(src) {
		return re.ReplaceAllLiteralString(src, key+": "+value)
	}
	return strings.Replace(src, "---\n", "---\n"+key+": "+value+"\n", 1)
}

// step makes one random change and says what it was.
func (e *editor) step() string {
	if len(e.broken) > 0 {
		for p, good := range e.broken {
			e.m[p] = &fstest.MapFile{Data: good, Mode: 0o644}
			delete(e.broken, p)
			return "fix " + p
		}
	}
	e.n++
	briefs, terms := "content/briefs", "content/glossary"
	switch op := e.r.IntN(20); op {
	case 0: // a paragraph that links to another brief and uses glossary terms
		p, q := e.pick(briefs), e.pick(briefs)
		e.put(p, e.get(p)+fmt.Sprintf("\n\nMore on this in [another brief](%s), with the help of an advocate and unpaid carers (%d).\n", path.Base(q), e.n))
		return "link " + p + " to " + q
	case 1:
		p := e.pick(briefs)
		e.put(p, setKey(e.get(p), "title", fmt.Sprintf("A changed title %d", e.n)))
		return "retitle " + p
	case 2:
		p := e.pick(briefs)
		topics := []string{"housing", "recovery", "unpaid-carers", "new-topic-" + fmt.Sprint(e.n%3)}
		e.put(p, setKey(e.get(p), "topics", "["+topics[e.r.IntN(4)]+", "+topics[e.r.IntN(4)]+"]"))
		return "retopic " + p
	case 3:
		p := e.pick(briefs)
		fns := []string{"stewardship", "capacity", "financing", "producing-and-using-research"}
		e.put(p, setKey(e.get(p), "functions", "["+fns[e.r.IntN(4)]+"]"))
		return "refile " + p
	case 4: // a new brief, copied from another
		p := e.pick(briefs)
		q := fmt.Sprintf("%s/new-brief-%d.md", briefs, e.n)
		e.put(q, setKey(e.get(p), "title", fmt.Sprintf("New brief %d", e.n)))
		return "add " + q
	case 5:
		p := e.pick(briefs)
		q := fmt.Sprintf("%s/renamed-%d.md", briefs, e.n)
		e.rename(p, q)
		return "rename " + p + " to " + q
	case 6:
		return e.deleteUnlinked(briefs)
	case 7:
		p := e.pick(terms)
		e.put(p, setKey(e.get(p), "title", fmt.Sprintf("Changed term %d", e.n)))
		return "retitle " + p
	case 8:
		p := e.pick(terms)
		e.put(p, setKey(e.get(p), "also", fmt.Sprintf("[support %d, social care]", e.n)))
		return "also " + p
	case 9:
		q := fmt.Sprintf("%s/new-term-%d.md", terms, e.n)
		e.put(q, fmt.Sprintf("---\ntitle: Brief number %d\nsummary: A new word, number %d.\n---\nIt means something.\n", e.n%5, e.n))
		return "add " + q
	case 10:
		p := e.pick(terms)
		q := fmt.Sprintf("%s/moved-term-%d.md", terms, e.n)
		e.rename(p, q)
		return "rename " + p + " to " + q
	case 11:
		return e.deleteUnlinked(terms)
	case 12: // a paragraph with no link: the body alone changes
		p := e.pick(briefs)
		e.put(p, e.get(p)+fmt.Sprintf("\n\nAn advocate and unpaid carers said more about this (%d).\n", e.n))
		return "add a paragraph to " + p
	case 13: // a paragraph at the top of the body, which moves every line below
		p := e.pick(briefs)
		e.put(p, strings.Replace(e.get(p), "\n---\n", fmt.Sprintf("\n---\nA first line, number %d, which a reader sees first.\n\n", e.n), 1))
		return "add a first paragraph to " + p
	case 14: // an abbreviation no page spells out: a warning in the body
		p := e.pick(briefs)
		e.put(p, e.get(p)+fmt.Sprintf("\n\nThe QXZ%c board met.\n", 'A'+rune(e.n%26)))
		return "add an unknown abbreviation to " + p
	case 15: // the body cut short, which is too few words, fixed a step later
		p := e.pick(briefs)
		e.broken[p] = e.m[p].Data
		src := e.get(p)
		end := strings.Index(src[4:], "\n---\n") + 4 + len("\n---\n")
		e.put(p, src[:end]+"Too short now.\n")
		return "cut the body of " + p
	case 16: // a word changed in a paragraph in the middle of the body
		p := e.pick(briefs)
		lines := strings.Split(e.get(p), "\n")
		for i := len(lines) / 2; i < len(lines); i++ {
			if l := lines[i]; strings.Contains(l, " the ") && !strings.HasPrefix(l, "#") {
				lines[i] = strings.Replace(l, " the ", fmt.Sprintf(" the very %d ", e.n), 1)
				break
			}
		}
		e.put(p, strings.Join(lines, "\n"))
		return "change a word of " + p
	case 17, 18: // a new summary, which every list showing the brief shows
		p := e.pick(briefs)
		if e.r.IntN(3) == 0 {
			p = e.pick("content/functions")
		}
		e.put(p, setKey(e.get(p), "summary", fmt.Sprintf("What the evidence says, summed up again (%d).", e.n)))
		return "resummarise " + p
	default: // a mistake: broken front matter, or a link to a brief that is not there
		p := e.pick(briefs)
		e.broken[p] = e.m[p].Data
		if e.r.IntN(2) == 0 {
			e.put(p, strings.Replace(e.get(p), "title:", "title: \"unclosed", 1))
		} else {
			e.put(p, e.get(p)+"\n\nSee [nothing](no-such-brief.md).\n")
		}
		return "break " + p
	}
}

// TestIncrementalMatchesFullBuild holds the caches to their promise:
// after every change, the rebuild gives the same files, byte for byte,
// and the same problems, as a fresh build of the same tree.
func TestIncrementalMatchesFullBuild(t *testing.T) {
	steps := 16
	if testing.Short() {
		steps = 8
	}
	for _, tc := range []struct {
		name string
		m    fstest.MapFS
		seed uint64
		disk bool // the tree is on disk, and the rebuild is told what changed, as the watcher tells it
	}{
		{"hub", repoFS(t), 1, false},
		{"synthetic", syntheticFS(t, 60), 2, false},
		{"synthetic on disk", syntheticFS(t, 60), 3, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := &editor{m: tc.m, r: rand.New(rand.NewPCG(tc.seed, 11)), broken: map[string][]byte{}}
			// d tells the rebuild what changed, as the watcher tells it;
			// on disk, it also writes the change.
			d := &diskTree{t: t, files: map[string][]byte{}}
			inc := newBuilder(tc.m, testOptions())
			if tc.disk {
				d.root = t.TempDir()
				inc = newBuilder(os.DirFS(d.root), testOptions())
			}
			d.sync(tc.m)
			built, reused, unread, patched := 0, 0, 0, 0
			for i := 0; i <= steps; i++ {
				what, changed := "first build", []string{"."}
				if i > 0 {
					what = e.step()
					if tc.disk {
						// And a save that keeps the file's size, which only
						// the report of what changed can tell.
						p := e.pick("content/briefs")
						if src := e.get(p); strings.Contains(src, "Version ") {
							i := strings.Index(src, "Version ") + len("Version ")
							e.put(p, src[:i]+string('0'+(src[i]-'0'+1)%10)+src[i+1:])
						}
					}
					changed = d.sync(tc.m)
				}
				got, err := inc.build(changed)
				if inc.patched {
					patched++
					t.Logf("patched: %s", what)
				}
				if tc.disk && i > 0 && inc.cc.Unread() > inc.cc.Len()/2 {
					unread++
				}
				if err != nil {
					t.Fatalf("step %d (%s): %v", i, what, err)
				}
				want, err := fullBuild(tc.m, testOptions())
				if err != nil {
					t.Fatalf("step %d (%s): full build: %v", i, what, err)
				}
				if !sameResult(t, got, want, fmt.Sprintf("step %d (%s)", i, what)) {
					continue
				}
				built++
				html := 0
				for _, p := range got.out.Paths() {
					if strings.HasSuffix(p, ".html") {
						html++
					}
				}
				if i > 0 && len(inc.rc.Made()) < html/2 {
					reused++
				}
			}
			if built < steps/2 {
				t.Fatalf("only %d of %d steps built: the test changes too little that can be compared", built, steps)
			}
			if reused < built/2 {
				t.Fatalf("only %d of %d rebuilds reused most pages: the caches are not being tested", reused, built)
			}
			t.Logf("%d of %d rebuilds patched", patched, steps)
			if patched < 2 {
				t.Fatalf("only %d of %d rebuilds patched the last build: patching is not being tested", patched, steps)
			}
			if tc.disk && unread < steps/2 {
				t.Fatalf("only %d of %d rebuilds left most files unread: skipping unchanged files is not being tested", unread, steps)
			}
			if n := inc.cc.Len(); n != len(e.files("content/briefs"))+len(e.files("content/glossary"))+len(e.files("content/functions"))+len(e.files("content/priorities"))+len(e.files("content/pages"))+1 {
				t.Errorf("the content cache holds %d files, not one per Markdown file of the tree", n)
			}
		})
	}
}

// sameResult fails the test unless got and want have the same problems,
// and the same files, byte for byte, and drafts; it says whether they
// have files.
func sameResult(t *testing.T, got, want result, what string) bool {
	t.Helper()
	if g, w := got.diags.String(), want.diags.String(); g != w {
		t.Fatalf("%s: problems differ\nincremental:\n%s\nfull:\n%s", what, g, w)
	}
	if (got.out == nil) != (want.out == nil) {
		t.Fatalf("%s: one build has output and the other not", what)
	}
	if got.out == nil {
		return false
	}
	for _, p := range want.out.Paths() {
		if g, ok := got.out.Files[p]; !ok {
			t.Fatalf("%s: %s is missing from the incremental build", what, p)
		} else if !bytes.Equal(g, want.out.Files[p]) {
			t.Fatalf("%s: %s differs\nincremental:\n%s\nfull:\n%s", what, p, g, want.out.Files[p])
		}
	}
	if len(got.out.Files) != len(want.out.Files) {
		t.Fatalf("%s: the incremental build has %d files, the full build %d", what, len(got.out.Files), len(want.out.Files))
	}
	if fmt.Sprint(got.drafts) != fmt.Sprint(want.drafts) {
		t.Fatalf("%s: drafts differ", what)
	}
	return true
}

// Saves that a patch takes, each held to a full build: a brief's aliases
// show its summary, so a new summary reaches them; its text is shown only
// on its page; a link it gains or loses changes the backlinks that the
// linked brief shows, and a link to nothing is a problem until it goes.
func TestPatchedSaves(t *testing.T) {
	m := syntheticFS(t, 20)
	p := synthPath(3)
	m[p] = &fstest.MapFile{Data: []byte(strings.Replace(string(m[p].Data), "---\n", "---\naliases: [/old/brief-three/]\n", 1))}
	b := newBuilder(m, testOptions())
	if _, err := b.build([]string{"."}); err != nil {
		t.Fatal(err)
	}
	target := path.Base(synthPath(11))
	for _, edit := range []struct {
		what string
		edit func(string) string
	}{
		{"summary", func(s string) string { return setKey(s, "summary", "A summary said another way.") }},
		{"body", func(s string) string { return s + "\nOne more line of text.\n" }},
		{"new link", func(s string) string { return s + "\nSee also [brief eleven](" + target + ").\n" }},
		{"link to nothing", func(s string) string { return s + "\nAnd [nothing](no-such-brief.md).\n" }},
		{"links taken out", func(s string) string { return s[:strings.Index(s, "\nSee also [brief eleven]")] + "\n" }},
		{"new summary of a brief that gains a link", nil},
	} {
		changed := []string{p}
		if edit.edit != nil {
			m[p] = &fstest.MapFile{Data: []byte(edit.edit(string(m[p].Data)))}
		} else {
			// In one batch: brief eleven's summary, and a link to it.
			q := synthPath(11)
			m[q] = &fstest.MapFile{Data: []byte(setKey(string(m[q].Data), "summary", "Brief eleven, summed up again."))}
			m[p] = &fstest.MapFile{Data: []byte(string(m[p].Data) + "\nSee [brief eleven again](" + target + ").\n")}
			changed = []string{p, q}
		}
		got, err := b.build(changed)
		if err != nil {
			t.Fatal(err)
		}
		if !b.patched {
			t.Fatalf("the %s was not patched", edit.what)
		}
		want, err := fullBuild(m, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		sameResult(t, got, want, "a patched "+edit.what)
		switch edit.what {
		case "summary":
			if !bytes.Contains(got.out.Files["old/brief-three/index.html"], []byte("A summary said another way.")) {
				t.Fatalf("the alias page does not give the new summary")
			}
		case "new link":
			if !bytes.Contains(got.out.Files[strings.TrimSuffix(strings.TrimPrefix(synthPath(11), "content/"), ".md")+"/index.html"], []byte("brief-00003/")) {
				t.Fatalf("the linked brief does not show its new backlink")
			}
		case "link to nothing":
			if !got.diags.HasErrors() {
				t.Fatalf("a link to nothing is no problem:\n%s", got.diags)
			}
		}
	}
}

// diskTree keeps a folder on disk the same as an in-memory tree, and
// tells what changed; with no root, it only tells.
type diskTree struct {
	t     *testing.T
	root  string
	files map[string][]byte
}

// sync writes what changed in m to the folder, deletes what is gone, and
// returns the paths it changed, as a watcher of the folder reports them.
func (d *diskTree) sync(m fstest.MapFS) []string {
	var changed []string
	for p, f := range m {
		if old, ok := d.files[p]; ok && bytes.Equal(old, f.Data) {
			continue
		}
		if d.root == "" {
			d.files[p] = f.Data
			changed = append(changed, p)
			continue
		}
		full := filepath.Join(d.root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			d.t.Fatal(err)
		}
		before, statErr := os.Stat(full)
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			d.t.Fatal(err)
		}
		if statErr == nil && before.Size() == int64(len(f.Data)) {
			// Two saves in one tick of the file system's clock: only the
			// report tells them apart.
			if err := os.Chtimes(full, before.ModTime(), before.ModTime()); err != nil {
				d.t.Fatal(err)
			}
		}
		d.files[p] = f.Data
		changed = append(changed, p)
	}
	for p := range d.files {
		if _, ok := m[p]; !ok && d.root == "" {
			delete(d.files, p)
			changed = append(changed, p)
		} else if !ok {
			if err := os.Remove(filepath.Join(d.root, filepath.FromSlash(p))); err != nil {
				d.t.Fatal(err)
			}
			delete(d.files, p)
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	return changed
}
