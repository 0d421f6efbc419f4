package markdown

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// Block is the text of one paragraph, list item, heading or table cell,
// as a reader sees it, with a way back to the file for any of its words.
type Block struct {
	Text    string
	Heading bool // a heading: read as one sentence
	Cell    bool // a table cell
	starts  []runStart
	doc     *Doc
}

// runStart says that Text from byte at on was written at src offset off.
// A body that is parsed is at most MaxBody bytes (limits.go), so 32 bits
// hold both, in half the memory: a body has thousands of them.
type runStart struct{ at, off int32 }

// PosAt returns the file position of the byte at offset i of Text.
func (b *Block) PosAt(i int) Pos {
	off := 0
	for _, s := range b.starts {
		if int(s.at) > i {
			break
		}
		off = int(s.off) + (i - int(s.at))
	}
	return b.doc.pos(off)
}

// Sentence is one sentence of the body, where it starts, and its words.
type Sentence struct {
	Text  string
	Pos   Pos
	Words int
}

// Sentences splits the body's blocks into sentences: a sentence ends at a
// word ending in ".", "?", "!" or ":", and at the end of its block, even
// without a full stop, as a list item or heading is read.
func (d *Doc) Sentences() []Sentence {
	var out []Sentence
	for bi := range d.Blocks {
		b := &d.Blocks[bi]
		start, words := -1, 0
		flush := func(end int) {
			if start >= 0 && words > 0 {
				out = append(out, Sentence{Text: strings.TrimSpace(b.Text[start:end]), Pos: b.PosAt(start), Words: words})
			}
			start, words = -1, 0
		}
		for i := 0; i < len(b.Text); {
			for i < len(b.Text) && b.Text[i] == ' ' {
				i++
			}
			j := i
			for j < len(b.Text) && b.Text[j] != ' ' {
				j++
			}
			if j == i {
				break
			}
			w := b.Text[i:j]
			if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
				if start < 0 {
					start = i
				}
				words++
			}
			if c := w[len(w)-1]; words > 0 && (c == '.' || c == '?' || c == '!' || c == ':') {
				flush(j)
			}
			i = j
		}
		flush(len(b.Text))
	}
	return out
}

// collectBlocks fills d.Blocks.
func (d *Doc) collectBlocks() {
	var cur *Block
	var sb strings.Builder
	end := func() {
		if cur != nil {
			cur.Text = sb.String()
			if strings.TrimSpace(cur.Text) != "" {
				d.Blocks = append(d.Blocks, *cur)
			}
		}
		cur = nil
		sb.Reset()
	}
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		leaf := false
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *east.TableCell:
			leaf = true
		}
		if leaf {
			if entering {
				end()
				_, h := n.(*ast.Heading)
				_, c := n.(*east.TableCell)
				cur = &Block{Heading: h, Cell: c, doc: d}
			} else {
				end()
			}
			return ast.WalkContinue, nil
		}
		if !entering || cur == nil {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			cur.starts = append(cur.starts, runStart{at: int32(sb.Len()), off: int32(n.Segment.Start)})
			sb.Write(n.Segment.Value(d.src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				sb.WriteByte(' ')
			}
		case *ast.String:
			sb.Write(n.Value)
		case *ast.RawHTML, *ast.CodeSpan:
			// Code is not prose: not read for the grade, nor for text that
			// looks like a link; it stands for a space.
			sb.WriteByte(' ')
			return ast.WalkSkipChildren, nil
		case *ast.AutoLink:
			if p := n.Pos(); p >= 0 {
				cur.starts = append(cur.starts, runStart{at: int32(sb.Len()), off: int32(p)})
			}
			sb.Write(n.Label(d.src))
		}
		return ast.WalkContinue, nil
	})
	end()
}
