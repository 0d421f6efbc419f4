package markdown

import (
	"bytes"
	"fmt"
)

// Limits that keep Parse fast on any input.
//
// goldmark is quick on ordinary text, but some shapes of input make it do
// work that grows with the square of their size (profiled on v1.8.7):
//
//   - emphasis: each closing "*", "_" or "~" looks back at every earlier
//     one in its paragraph (parser.ProcessDelimiters), so "*a_" repeated
//     150,000 times runs for minutes;
//   - links: each "](" reads the address that follows to the end of the
//     line (parseLinkDestination), so "[a](" repeated 50,000 times on one
//     line takes 13 s; each "]" also looks back at every open "[";
//   - nesting: each line is matched against every open blockquote and
//     list, so 100,000 ">" take 10 s, and each level is a node;
//   - footnotes and link definitions: each is compared with the others;
//   - tables: every row gets as many cells as the header has, so a wide
//     header over many short rows makes millions of cells (a 4.9 MB table
//     took 2.4 GB).
//
// Before goldmark sees a body, scanLimits measures each of these in one
// linear pass, counting generously (code counts too, and a paragraph runs
// to the next blank line), and Parse refuses a body over any limit. The
// work that grows with the square is then at most the limit for one
// paragraph times the limit for the body (1000 x 20,000 emphasis marks):
// a few times the cost of ordinary prose. A body over a limit is not
// parsed: the document is left empty and Doc.TooComplex says where and
// why, so that the caller reports it. Under the limits the
// worst case for a body of MaxBody bytes is measured by BenchmarkHostile
// in limits_test.go, against ordinary prose of the same size.
const (
	MaxBody            = 256 << 10 // bytes of Markdown; the longest brief is about 6 KB
	MaxNesting         = 10        // blockquotes and lists inside each other, on one line
	MaxContainers      = 20000     // the nesting of every line, added up
	MaxDelimiters      = 1000      // runs of "*", "_" and "~" in one paragraph
	MaxBrackets        = 2000      // "[" and "]" in one paragraph
	MaxDelimitersTotal = 20000     // runs of "*", "_" and "~" in the whole body
	MaxBracketsTotal   = 20000     // "[" and "]" in the whole body
	MaxLinkWork        = 4 << 20   // bytes read after every "](" up to a space, in the whole body
	MaxFootnotes       = 500       // "[^" in the whole body
	MaxDefinitions     = 2000      // lines that may define a link ("[label]: address")
	MaxTableCells      = 50000     // header columns times rows, all tables together
)

// Complexity is a limit a body went over.
type Complexity struct {
	Pos   Pos
	Kind  string // which limit: "size", "nesting", "containers", "delimiters", "brackets", "delimiters-total", "brackets-total", "link-work", "footnotes", "definitions", "table-cells"
	What  string // what was counted: "emphasis marks (*, _ or ~) in one paragraph"
	Count int    // how many, when the limit was passed (Count > Max)
	Max   int
}

func (c Complexity) String() string {
	return fmt.Sprintf("%d:%d: %d %s, the most is %d", c.Pos.Line, c.Pos.Col, c.Count, c.What, c.Max)
}

// limitScan measures one body; offsets are bytes into it.
type limitScan struct {
	src  []byte
	over *Complexity // the first limit passed; nil if none
	at   int         // its byte offset
}

func (s *limitScan) fail(off int, kind, what string, count, max int) {
	if s.over == nil {
		s.over, s.at = &Complexity{Kind: kind, What: what, Count: count, Max: max}, off
	}
}

// scanLimits reports the first limit src goes over, and where, or nil.
func scanLimits(src []byte) (*Complexity, int) {
	s := &limitScan{src: src}
	if len(src) > MaxBody {
		s.fail(0, "size", "bytes of Markdown", len(src), MaxBody)
		return s.over, s.at
	}
	var (
		delims, brackets int // in the current paragraph
		allDelims        int
		allBrackets      int
		linkWork         int
		footnotes        int
		definitions      int
		cells            int
		containers       int
		tableCols        int // columns of the table being read, 0 outside one
	)
	for start := 0; start < len(src) && s.over == nil; {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		line := src[start:end]
		body, depth := containerPrefix(line)
		if depth > MaxNesting {
			s.fail(start, "nesting", "blockquotes and lists inside each other", depth, MaxNesting)
		}
		if containers += depth; containers > MaxContainers {
			s.fail(start, "containers", "lines of lists and quotes, counting each level", containers, MaxContainers)
		}
		if blank(line) {
			delims, brackets, tableCols = 0, 0, 0
		} else {
			if tableCols > 0 {
				cells += tableCols
				if cells > MaxTableCells {
					s.fail(start, "table-cells", "table cells", cells, MaxTableCells)
				}
			}
			if n := delimiterRow(line[body:]); n > 0 {
				tableCols = n
				cells += 2 * n // the header row and the delimiter row
			}
			if rest := line[body:]; len(rest) > 1 && rest[0] == '[' && rest[1] != '^' {
				if definitions++; definitions > MaxDefinitions {
					s.fail(start, "definitions", "lines that define a link", definitions, MaxDefinitions)
				}
			}
		}
		// A list marker or a line like "***" is not emphasis.
		rule := thematicBreak(line)
		for i := 0; i < len(line) && s.over == nil; i++ {
			switch c := line[i]; c {
			case '*', '_', '~':
				if i >= body && !rule && (i == body || line[i-1] != c) {
					if delims++; delims > MaxDelimiters {
						s.fail(start+i, "delimiters", "emphasis marks (*, _ or ~) in one paragraph", delims, MaxDelimiters)
					}
					if allDelims++; allDelims > MaxDelimitersTotal {
						s.fail(start+i, "delimiters-total", "emphasis marks (*, _ or ~)", allDelims, MaxDelimitersTotal)
					}
				}
			case '[', ']':
				if brackets++; brackets > MaxBrackets {
					s.fail(start+i, "brackets", "square brackets in one paragraph", brackets, MaxBrackets)
				}
				if allBrackets++; allBrackets > MaxBracketsTotal {
					s.fail(start+i, "brackets-total", "square brackets", allBrackets, MaxBracketsTotal)
				}
				if c == '[' && i+1 < len(line) && line[i+1] == '^' {
					if footnotes++; footnotes > MaxFootnotes {
						s.fail(start+i, "footnotes", "footnotes", footnotes, MaxFootnotes)
					}
				}
				if c == ']' && i+1 < len(line) && line[i+1] == '(' {
					linkWork += addressLength(line[i+2:])
					if linkWork > MaxLinkWork {
						s.fail(start+i, "link-work", "bytes of link addresses", linkWork, MaxLinkWork)
					}
				}
			}
		}
		start = end + 1
	}
	return s.over, s.at
}

// addressLength is how far goldmark may read for the address of a link
// that starts at rest: to the first space (an address has none), or for
// "<address>" to the ">", at most to the end of the line.
func addressLength(rest []byte) int {
	angle := len(rest) > 0 && rest[0] == '<'
	for i, c := range rest {
		if angle && c == '>' || !angle && (c == ' ' || c == '\t') {
			return i + 1
		}
	}
	return len(rest) + 1
}

// containerPrefix measures the blockquote, list and footnote markers at
// the start of a line, generously: each ">", list marker and "[^x]:" is
// one level, and so is every two columns of indentation before the first. It returns where the
// rest of the line starts.
func containerPrefix(line []byte) (rest, depth int) {
	indent, i := 0, 0
	leading := true
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ':
			if leading {
				indent++
			}
			i++
		case c == '\t':
			if leading {
				indent += 4
			}
			i++
		case c == '>':
			depth++
			leading = false
			i++
		case (c == '-' || c == '+' || c == '*') && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
			depth++
			leading = false
			i++
		case c == '[' && i+1 < len(line) && line[i+1] == '^':
			// A footnote's text is a container too: "[^1]: - - a".
			j := bytes.Index(line[i:], []byte("]:"))
			if j < 0 {
				return i, depth + indent/2
			}
			depth++
			leading = false
			i += j + 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j < len(line) && (line[j] == '.' || line[j] == ')') && (j+1 == len(line) || line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				leading = false
				i = j + 1
				continue
			}
			return i, depth + indent/2
		default:
			return i, depth + indent/2
		}
	}
	return i, depth + indent/2
}

// delimiterRow returns the number of columns if line could be the row
// under a table's header ("| --- | :-: |"), counting every "|" as the
// start of a column, or 0.
func delimiterRow(line []byte) int {
	pipes, dashes := 0, 0
	for _, c := range line {
		switch c {
		case '|':
			pipes++
		case '-':
			dashes++
		case ':', ' ', '\t', '\r':
		default:
			return 0
		}
	}
	if dashes == 0 {
		return 0
	}
	return pipes + 1
}

// thematicBreak reports whether line is a thematic break ("***",
// "- - -"): at most three spaces, then three or more of one of "*", "-"
// and "_", and spaces. Such a line is never emphasis.
func thematicBreak(line []byte) bool {
	n, indent := 0, 0
	var mark byte
	for _, c := range line {
		switch {
		case c == ' ' && n == 0:
			if indent++; indent > 3 {
				return false
			}
		case c == ' ' || c == '\t' && n > 0 || c == '\r':
		case (c == '*' || c == '-' || c == '_') && (mark == 0 || c == mark):
			mark = c
			n++
		default:
			return false
		}
	}
	return n >= 3
}

func blank(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}
