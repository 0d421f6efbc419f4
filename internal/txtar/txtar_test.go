package txtar

import "testing"

func TestRoundTrip(t *testing.T) {
	in := "comment line\n-- a.md --\nhello\n-- dir/b --\n-- c --\nlast\n"
	a := Parse([]byte(in))
	if string(a.Comment) != "comment line\n" || len(a.Files) != 3 {
		t.Fatalf("parsed %q with %d files", a.Comment, len(a.Files))
	}
	if a.Files[1].Name != "dir/b" || len(a.Files[1].Data) != 0 || string(a.Files[2].Data) != "last\n" {
		t.Fatalf("files: %+v", a.Files)
	}
	if got := string(Format(a)); got != in {
		t.Fatalf("Format = %q, want %q", got, in)
	}
}
