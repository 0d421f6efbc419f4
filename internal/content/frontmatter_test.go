package content

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/adrg/frontmatter"
)

// libraryFrontMatter is what the library gives for src read whole.
func libraryFrontMatter(src []byte) (raw, body []byte, err error) {
	format := frontmatter.NewFormat("---", "---", func(data []byte, _ any) error {
		raw = data
		return nil
	})
	body, err = frontmatter.Parse(bytes.NewReader(src), nil, format)
	return raw, body, err
}

// sameFrontMatter holds frontMatter to the library reading src whole: the
// same front matter and body, and, once the front matter is closed, a
// body that is the end of src itself.
func sameFrontMatter(t *testing.T, src []byte) {
	t.Helper()
	raw, body, err := frontMatter(src)
	wantRaw, wantBody, wantErr := libraryFrontMatter(src)
	if (err == nil) != (wantErr == nil) || !bytes.Equal(raw, wantRaw) || !bytes.Equal(body, wantBody) {
		t.Fatalf("%q: got %q, %q, %v; the library gives %q, %q, %v", src, raw, body, err, wantRaw, wantBody, wantErr)
	}
	if wantRaw != nil && len(body) > 0 && &body[len(body)-1] != &src[len(src)-1] {
		t.Fatalf("%q: the body is a copy, not the end of the file", src)
	}
}

// TestFrontMatterAsTheLibrary tries front matter that ends before, at and
// after the library's 4,096-byte reads, closed or not, with every kind of
// line end, and 3,000 random files made of front matter lines.
func TestFrontMatterAsTheLibrary(t *testing.T) {
	long := strings.Repeat("k: "+strings.Repeat("v", 60)+"\n", 70) // past 4,096 bytes
	for _, src := range []string{
		"", "---", "---\n", "---\n---", "---\n---\n", "---\n---\nbody", "\n\n---\ntitle: A\n---\nbody\n",
		"---\ntitle: A\n", "---\r\ntitle: A\r\n---\r\nbody\r\n", "---\rtitle: A\r---\rx", " --- \ntitle: A\n --- \nbody",
		"---\ntitle: A\n---\n---\nmore\n---\n", "text first\n---\ntitle: A\n---\n",
		"---\n" + long + "---\nbody\n", "---\n" + long + "---", "---\n" + long, "---\ntitle: A\n---\n" + long,
		"---\n" + strings.Repeat("x", 4091) + "\n---\nbody", "---\n" + strings.Repeat("x", 4092) + "\n---\nbody",
	} {
		sameFrontMatter(t, []byte(src))
	}
	r := rand.New(rand.NewPCG(4, 1))
	lines := []string{"---", " ---", "--- ", "----", "", "title: A", "k: " + strings.Repeat("w", 300), "\r", "a\r\nb"}
	for range 3000 {
		var b strings.Builder
		for n := r.IntN(40); n > 0; n-- {
			b.WriteString(lines[r.IntN(len(lines))])
			b.WriteByte("\n\n\r"[r.IntN(3)])
		}
		sameFrontMatter(t, []byte(b.String()))
	}
}

// FuzzFrontMatterAsTheLibrary is TestFrontMatterAsTheLibrary on any file.
func FuzzFrontMatterAsTheLibrary(f *testing.F) {
	f.Add([]byte("---\ntitle: A\n---\nbody"))
	f.Add([]byte("---\r\ntitle: A\r\n---"))
	f.Fuzz(func(t *testing.T, src []byte) { sameFrontMatter(t, src) })
}
