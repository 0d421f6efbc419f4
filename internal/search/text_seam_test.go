package search

import (
	"sync"

	"github.com/alongside-hub/alongside/internal/content"
)

// Tests of edits give briefs new text, which only content can set; they
// keep it here, and textOf reads it first.
var testTexts sync.Map // *content.Page -> string

func init() {
	textOf = func(p *content.Page) string {
		if s, ok := testTexts.Load(p); ok {
			return s.(string)
		}
		return content.PlainText(p)
	}
}

// setText gives p the text s.
func setText(p *content.Page, s string) { testTexts.Store(p, s) }

// copyPage is a copy of p, with the text it has.
func copyPage(p *content.Page) *content.Page {
	cp := *p
	setText(&cp, textOf(p))
	return &cp
}
