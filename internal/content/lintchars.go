package content

import (
	"strconv"
	"strings"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// invisibleInBody warns of characters a reader cannot see in the text, and
// makes one in a link's address an error, since the link then leads
// nowhere. A non-breaking space is left alone in the text: it is how an
// editor keeps "10 km" on one line.
func invisibleInBody(d diags, doc *markdown.Doc) {
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		for i, r := range b.Text {
			name, bad := invisibleName(r)
			if !bad || r == '\u00a0' || r == '\u202f' {
				continue
			}
			pos := b.PosAt(i)
			where := "at the start of the line"
			if before := strings.TrimSpace(b.Text[:i]); before != "" {
				where = "after " + strconv.Quote(lastWords(before))
			}
			d.warnf(pos.Line, pos.Col, "delete it: it often comes in when text is pasted from Word or a web page, and it stops search and the glossary finding the word",
				"there is %s %s", name, where)
		}
	}
	for _, lk := range doc.Links {
		for _, r := range lk.Dest {
			if name, bad := invisibleName(r); bad {
				d.errorf(lk.Pos.Line, lk.Pos.Col, "type the address again, or delete the character",
					"the address of this link has %s in it, so it leads nowhere", name)
				break
			}
		}
	}
}
