// Package synth makes a synthetic hub: a project folder (site.yaml and
// content/) of any number of briefs, for measuring the build as the hub
// grows. The same Options always give byte-identical files, so two runs
// measure the same work.
//
//	files := synth.Hub(synth.Options{Briefs: 5000})   // path -> bytes
//	err := synth.Write(dir, files)                     // then copy layouts/
//
// Each brief reads like a real one to the build: 600 to 1,000 words under
// level-2 and level-3 headings, bullet and numbered lists, a table,
// footnotes, 3 to 5 links to other briefs (some to a heading), glossary
// terms in the text, 1 or 2 functions, 1 or 2 priorities, 2 to 4 topics
// named in site.yaml, audiences, dates and sources. The hub passes
// "alongside check" with no errors. Hugo gives the same corpus as a
// minimal Hugo site, for comparison.
//
// The text is made from a fixed vocabulary by a seeded generator: it is
// meant to cost what real prose costs to parse and render, not to be read.
package synth

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Options say what hub to make.
type Options struct {
	Briefs int    // how many briefs
	Seed   uint64 // another seed gives another hub of the same shape
}

// Functions are the slugs of the four function pages of the hub.
var Functions = []string{"stewardship", "financing", "capacity", "producing-and-using-research"}

// Priorities are the slugs of the priority pages.
var Priorities = []string{"better-lives", "economic-case", "outcomes-that-matter", "prevention-and-advocacy",
	"alternative-settings", "health-social-care-interface", "primary-care-interface"}

// Topics are the topic slugs the synthetic site.yaml names.
var Topics = []string{"social-determinants", "housing", "employment-and-money", "social-isolation",
	"racial-equity", "amhp-and-mental-health-act", "s117-aftercare", "unpaid-carers",
	"lived-experience-research", "co-production", "strengths-based-practice",
	"least-restrictive-practice", "safeguarding-and-risk", "personalisation", "crisis-support",
	"workforce", "integration-and-commissioning", "multiple-disadvantage",
	"families-and-young-people", "recovery", "inclusive-research"}

var audiences = []string{"public", "lived-experience", "practitioners", "researchers", "commissioners"}

// glossary is the synthetic glossary: title, abbreviation (may be empty).
var glossary = [][2]string{
	{"Approved mental health professional", "AMHP"}, {"Care Act 2014", ""}, {"Community mental health team", "CMHT"},
	{"Co-production", ""}, {"Direct payments", ""}, {"Integrated care board", "ICB"},
	{"Joint strategic needs assessment", "JSNA"}, {"Least restrictive practice", ""},
	{"Mental Capacity Act", "MCA"}, {"Mental Health Act", "MHA"}, {"Parity of esteem", ""},
	{"Personal budget", ""}, {"Safeguarding", ""}, {"Section 117 aftercare", "S117"},
	{"Social prescribing", ""}, {"Strengths-based practice", ""}, {"Unpaid carer", ""},
	{"Voluntary sector", "VCFSE"}, {"Advocacy", ""}, {"Recovery college", ""},
	{"Peer support worker", ""}, {"Supported housing", ""}, {"Crisis house", ""},
	{"Personalisation", ""}, {"Social determinants", ""}, {"Health and wellbeing board", "HWB"},
	{"Lived experience", ""}, {"Care coordinator", ""}, {"Needs assessment", ""}, {"Respite care", ""},
}

// words is the vocabulary of the body text.
var words = strings.Fields(`people support care social work mental health services local council
community family carers housing money benefits employment recovery evidence research study
studies found report reports practice practitioners teams hospital discharge home friends
relationships choice control rights law duty assessment needs plan plans review outcomes
quality safety risk trust time staff training funding budget costs value savings prevention
early help crisis listening respect dignity culture language access barriers waiting
difficult useful clear simple better worse more less many some most often rarely always
sometimes where when how why what who which because although while after before during
between across within without about around through national regional small large new older
younger adults children young advice information leaflets online phone visits meetings
groups peer volunteers charities partners commissioners leaders managers policy guidance
standards data measures survey interviews experience stories voices lives goals hopes`)

var titleStarts = strings.Fields(`Advocacy Benefits Carers Choice Community Crisis Debt Discharge Early
Evidence Families Funding Getting Housing Integration Joining Keeping Listening Loneliness
Measuring Money Neighbourhood Outcomes Peer Planning Quality Recovery Rights Safeguarding
Training Understanding Voices Waiting Work Young`)

// Hub returns the files of a synthetic project: site.yaml and content/,
// as slash paths. Layouts are not included; copy the real ones beside it.
func Hub(opt Options) map[string][]byte {
	g := newHub(opt)
	files := map[string][]byte{}
	files["site.yaml"] = []byte(g.siteYAML())
	files["content/index.md"] = []byte("---\ntitle: Synthetic hub\nsummary: A hub of made-up briefs for measuring the build.\n---\nThis hub is made up. It is for measuring how long a build takes.\n")
	files["content/pages/help.md"] = []byte("---\ntitle: Help\nsummary: Where to get help now.\n---\nIf you need help now, call 111 or, in an emergency, 999.\n")
	files["content/pages/about.md"] = []byte("---\ntitle: About\nsummary: About this made-up hub.\n---\nEvery brief here is made up.\n")
	for i, f := range Functions {
		files["content/functions/"+f+".md"] = []byte(fmt.Sprintf("---\ntitle: %s\nlabel: The %s function\nsummary: Briefs on %s.\norder: %d\n---\nWhat this function covers.\n",
			humanize(f), humanize(f), humanize(f), i+1))
	}
	for i, p := range Priorities {
		files["content/priorities/"+p+".md"] = []byte(fmt.Sprintf("---\ntitle: %s\nsummary: Briefs on %s.\norder: %d\n---\nWhat this priority covers.\n",
			humanize(p), humanize(p), i+1))
	}
	for _, e := range glossary {
		abbr := ""
		if e[1] != "" {
			abbr = "abbr: " + e[1] + "\n"
		}
		files["content/glossary/"+slug(e[0])+".md"] = []byte(fmt.Sprintf("---\ntitle: %s\n%ssummary: What %s means, in plain words.\n---\nA longer note on %s.\n",
			e[0], abbr, strings.ToLower(e[0]), strings.ToLower(e[0])))
	}
	for i := range g.briefs {
		b := &g.briefs[i]
		files["content/briefs/"+b.slug+".md"] = []byte(g.frontMatter(i) + g.body(i))
	}
	return files
}

// Write writes files under dir, making folders as needed.
func Write(dir string, files map[string][]byte) error {
	for _, name := range slices.Sorted(maps.Keys(files)) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

// MarkdownBytes is the size of the Markdown bodies of the briefs of files
// (front matter left out): what the Markdown parser reads.
func MarkdownBytes(files map[string][]byte) int {
	n := 0
	for name, b := range files {
		if !strings.HasPrefix(name, "content/briefs/") {
			continue
		}
		s := string(b)
		if i := strings.Index(s[3:], "\n---\n"); i >= 0 {
			n += len(s) - (i + 3 + 5)
		}
	}
	return n
}

// brief is what the generator decides about one brief before writing it.
type brief struct {
	slug, title          string
	functions, prios     []string
	topics, auds         []string
	headings             []string // level-2 headings, in order
	published, reviewed  string
	words                int
	seedA, seedB, nlinks uint64
}

type hub struct {
	opt    Options
	briefs []brief
}

func newHub(opt Options) *hub {
	g := &hub{opt: opt, briefs: make([]brief, opt.Briefs)}
	for i := range g.briefs {
		r := g.rng(uint64(i), 1)
		b := &g.briefs[i]
		b.slug = fmt.Sprintf("brief-%05d", i+1)
		b.title = fmt.Sprintf("%s %s and %s, %d", pick(r, titleStarts), pick(r, words), pick(r, words), i+1)
		b.functions = pickN(r, Functions, 1+r.IntN(2))
		b.prios = pickN(r, Priorities, 1+r.IntN(2))
		b.topics = pickN(r, Topics, 2+r.IntN(3))
		b.auds = pickN(r, audiences, 1+r.IntN(2))
		nh := 4 + r.IntN(3)
		for h := 0; h < nh; h++ {
			b.headings = append(b.headings, capitalize(pick(r, words)+" "+pick(r, words)+" "+pick(r, words)))
		}
		pub := 20*365 + r.IntN(6*365) // days after 2000-01-01: 2020 to 2025
		b.published = day(pub)
		b.reviewed = day(max(pub, 26*365+6) + r.IntN(300)) // in 2026, before 1 December
		b.words = 610 + r.IntN(361)
	}
	return g
}

// rng is the generator for one part of one brief, so that each part is
// the same whatever else changes.
func (g *hub) rng(i, part uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.opt.Seed^0x9e3779b97f4a7c15, i*8+part))
}

func (g *hub) siteYAML() string {
	var b strings.Builder
	b.WriteString("title: Synthetic hub\nbase_url: https://example.org/hub/\nlanguage: en-GB\n")
	b.WriteString("description: A hub of made-up briefs for measuring the build.\nreview_interval: 12\ntopics:\n")
	for _, t := range Topics {
		fmt.Fprintf(&b, "  %s: %s\n", t, humanize(t))
	}
	return b.String()
}

func (g *hub) frontMatter(i int) string {
	b := &g.briefs[i]
	r := g.rng(uint64(i), 2)
	var s strings.Builder
	fmt.Fprintf(&s, "---\ntitle: %q\nsummary: >-\n  %s\n", b.title, g.sentence(r, 14)+" "+g.sentence(r, 12))
	list := func(key string, vs []string) {
		if len(vs) > 0 {
			fmt.Fprintf(&s, "%s: [%s]\n", key, strings.Join(vs, ", "))
		}
	}
	list("functions", b.functions)
	list("priorities", b.prios)
	list("topics", b.topics)
	list("audiences", b.auds)
	fmt.Fprintf(&s, "published: %s\nreviewed: %s\nsources:\n", b.published, b.reviewed)
	for k := 0; k < 2; k++ {
		fmt.Fprintf(&s, "  - title: \"%s\"\n    author: \"Research group %d\"\n    year: %d\n    publisher: \"Publisher %d\"\n",
			capitalize(g.sentence(r, 6)), k+1, 2010+k*7, k+1)
	}
	s.WriteString("---\n")
	return s.String()
}

// body writes brief i: an opening paragraph, then sections of paragraphs,
// a list, a table, and footnotes, until it has the brief's word count.
func (g *hub) body(i int) string {
	b := &g.briefs[i]
	r := g.rng(uint64(i), 3)
	var s bytes.Buffer
	n := 0
	// para writes sentences until it has about budget words.
	para := func(budget int) {
		for k := 0; budget > 3; k++ {
			if k > 0 {
				s.WriteByte(' ')
			}
			st := g.sentence(r, min(9+r.IntN(10), budget))
			w := len(strings.Fields(st))
			s.WriteString(st)
			n += w
			budget -= w
		}
		s.WriteString("\n\n")
	}
	para(45)
	links := 3 + r.IntN(3)
	notes := 0
	per := (b.words - 70) / len(b.headings)
	for h, title := range b.headings {
		fmt.Fprintf(&s, "## %s\n\n", title)
		n += 3
		goal := n + per
		for part := 0; goal-n > 3; part++ {
			switch {
			case part == 1 && h%3 == 0:
				for k := 0; k < 3+r.IntN(3); k++ {
					st := g.sentence(r, 5+r.IntN(6))
					fmt.Fprintf(&s, "- %s\n", st)
					n += len(strings.Fields(st))
				}
				s.WriteString("\n")
			case part == 1 && h%3 == 1:
				for k := 0; k < 3; k++ {
					st := g.sentence(r, 6+r.IntN(5))
					fmt.Fprintf(&s, "%d. %s\n", k+1, st)
					n += len(strings.Fields(st))
				}
				s.WriteString("\n")
			case part == 2 && h == 1:
				s.WriteString("| What | How many | Notes |\n|---|---:|---|\n")
				for k := 0; k < 4; k++ {
					fmt.Fprintf(&s, "| %s | %d | %s |\n", capitalize(pick(r, words)), 10+r.IntN(900), g.phrase(r, 4))
					n += 6
				}
				n += 5
				s.WriteString("\n")
			case part == 2 && h == 2:
				fmt.Fprintf(&s, "### %s\n\n", capitalize(g.phrase(r, 3)))
				n += 3
			default:
				para(min(goal-n, 30+r.IntN(40)))
				if links > 0 {
					j := (i + 1 + r.IntN(max(len(g.briefs)-1, 1))) % len(g.briefs)
					t := &g.briefs[j]
					target := t.slug + ".md"
					if r.IntN(3) == 0 {
						target += "#" + slug(t.headings[r.IntN(len(t.headings))])
					}
					s.Truncate(s.Len() - 2)
					fmt.Fprintf(&s, " See [%s](%s).\n\n", strings.ToLower(g.phrase(r, 3)), target)
					links--
					n += 4
				}
				if notes < 2 && r.IntN(3) == 0 {
					notes++
					s.Truncate(s.Len() - 2)
					fmt.Fprintf(&s, "[^%d]\n\n", notes)
				}
			}
		}
	}
	for k := 1; k <= notes; k++ {
		fmt.Fprintf(&s, "[^%d]: %s\n", k, g.sentence(r, 10))
	}
	return s.String()
}

// sentence is n words starting with a capital and ending with a full stop.
// About one sentence in four uses a glossary term.
func (g *hub) sentence(r *rand.Rand, n int) string {
	ws := make([]string, 0, n+4)
	for k := 0; k < n; k++ {
		ws = append(ws, pick(r, words))
	}
	if n > 6 && r.IntN(4) == 0 {
		e := glossary[r.IntN(len(glossary))]
		term := strings.ToLower(e[0])
		if e[1] != "" && r.IntN(2) == 0 {
			term = e[1]
		}
		ws[n/2] = term
	}
	return capitalize(strings.Join(ws, " ")) + "."
}

func (g *hub) phrase(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for k := range ws {
		ws[k] = pick(r, words)
	}
	return strings.Join(ws, " ")
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// pickN picks n different items, in the order of list.
func pickN(r *rand.Rand, list []string, n int) []string {
	idx := r.Perm(len(list))[:n]
	sort.Ints(idx)
	out := make([]string, n)
	for k, i := range idx {
		out[k] = list[i]
	}
	return out
}

func day(n int) string {
	// days after 2000-01-01, without time zones: the calendar is enough.
	y, d := 2000, n
	for {
		yl := 365
		if y%4 == 0 {
			yl = 366
		}
		if d < yl {
			break
		}
		d -= yl
		y++
	}
	months := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if y%4 == 0 {
		months[1] = 29
	}
	m := 0
	for d >= months[m] {
		d -= months[m]
		m++
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m+1, d+1)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func humanize(slug string) string { return capitalize(strings.ReplaceAll(slug, "-", " ")) }

// slug is the slug of text made only of ASCII letters, digits, spaces and
// hyphens, as the site makes it.
func slug(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "-", " "))), "-")
}
