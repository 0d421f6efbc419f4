package content

import (
	"testing"

	"github.com/alongside-hub/alongside/internal/markdown"
)

func TestReadingGrade(t *testing.T) {
	grade := func(s string) Readability { return readability(markdown.Parse([]byte(s), 1), 2) }
	if g := grade("The cat sat on the mat. It was happy.\n"); g.Grade > 2 || g.Sentences != 2 || g.Words != 9 {
		t.Errorf("simple text: %+v", g)
	}
	if g := grade("Interdisciplinary collaboration necessitates comprehensive institutional infrastructure and sustained organisational commitment across heterogeneous stakeholder communities.\n"); g.Grade < 15 {
		t.Errorf("dense text graded %.1f", g.Grade)
	}
	// A list item and a heading end a sentence without a full stop; the
	// longest sentences are named at their lines and columns.
	g := grade("## What helps\n\n- short item\n- a much longer item that goes on for quite a few words here\n\nOne. Then a sentence of six words.\n")
	if g.Sentences != 5 || len(g.Longest) != 2 || g.Longest[0].Pos != (markdown.Pos{Line: 4, Col: 3}) || g.Longest[0].Words != 13 ||
		g.Longest[1].Pos != (markdown.Pos{Line: 6, Col: 6}) {
		t.Errorf("%+v", g)
	}
}
