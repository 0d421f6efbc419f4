package render

import (
	"bytes"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/alongside-hub/alongside/internal/content"
)

// kept is a Sink that keeps what it is given.
type kept struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (k *kept) Put(p string, b []byte) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.files == nil {
		k.files = map[string][]byte{}
	}
	k.files[p] = bytes.Clone(b)
}

// streamedToo makes site again as a build writes it (RenderTo) and
// expects what RenderMinified, Check and Minify give in memory: the same
// paths, the same problems and, when there is no error (a site that would
// be written), the same bytes for every file; and that RenderTo let every
// page's body and text go.
func streamedToo(t *testing.T, site *content.Site, fsys fs.FS) {
	t.Helper()
	ls, layouts := projectLayouts(t)
	mem, err := RenderMinified(site, ls, layouts, fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := mem.Check(site)
	if err := mem.Minify(); err != nil {
		t.Fatal(err)
	}
	var sink kept
	out, err := RenderTo(site, ls, layouts, fsys, &sink)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range site.Pages {
		if content.Body(p) != "" || content.PlainText(p) != "" {
			t.Errorf("streamed, %s still holds its body or its text", p.Source)
		}
	}
	got := out.Check(site)
	if err := out.Minify(); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("streamed, Check gave:\n%s\nin memory:\n%s", got, want)
	}
	if !slices.Equal(out.Paths(), mem.Paths()) {
		t.Errorf("streamed, the paths are\n%v\nin memory\n%v", out.Paths(), mem.Paths())
	}
	for p, b := range out.Files {
		if b != nil {
			t.Errorf("streamed, the output kept the bytes of %s", p)
		}
	}
	if want.HasErrors() {
		return
	}
	if len(sink.files) != len(mem.Files) {
		t.Errorf("streamed, the sink got %d files, not %d", len(sink.files), len(mem.Files))
	}
	for p, b := range mem.Files {
		if s, ok := sink.files[p]; !ok || !bytes.Equal(s, b) {
			t.Errorf("streamed, %s differs (given: %v):\n%.300s\nin memory:\n%.300s", p, ok, s, b)
		}
	}
}

// TestStreamedChecksCopiedPages shows that a page copied from content/ as
// it is gets the same checks when the site is written as it is made
// (build compares the two ways).
func TestStreamedChecksCopiedPages(t *testing.T) {
	_, diags := build(t, map[string]string{"content/extra/old.html": "<p>no heading, <a href=\"gone/\">a link</a></p>"})
	want := "content/extra/old.html: error: the page /extra/old.html links to \"gone/\", which does not exist\n" +
		"    hint: this link comes from the layouts; check the template that makes it\n"
	if got := diags.String(); !strings.Contains(got, want) {
		t.Errorf("got:\n%s\nwant among them:\n%s", got, want)
	}
}
