package render

import (
	"strconv"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
)

// Pages that list briefs stay within the page-weight budget however big
// the hub grows (the accessibility suite holds every page to 14 KB of
// HTML and CSS, gzipped, so that a phone on a slow connection can open
// it). The rules:
//
//   - A list of more than PerPage briefs is split into pages of PerPage:
//     the first at the list's own address, the others at page/2/, page/3/
//     ... below it, each linking to the previous and next page and saying
//     "page 2 of 5". A list of PerPage or fewer stays one page, as before.
//   - "All briefs" split this way also goes A to Z: each page heads its
//     briefs by their first letter, and every page links to the page
//     where each letter starts.
//   - The map lists the briefs of each cell on the map page while all the
//     cells together hold at most MapInline; past that, each cell's briefs
//     get a page of their own (/map/<function>/<priority>/, split like any
//     list) and the table links to it.
const (
	PerPage   = 50
	MapInline = 150
)

// Pager is where a page stands in a list split over several pages.
type Pager struct {
	Number, Count int    // this page, from 1, and how many there are
	Prev, Next    string // site paths of the pages either side; "" at the ends
	Letters       []Letter
	Groups        []LetterGroup // the briefs of this page by first letter (All briefs only)
}

// Letter is one link of an A to Z: the page (and heading) where the
// briefs starting with that letter begin.
type Letter struct {
	Letter, URL string
}

// LetterGroup is the briefs of one page that start with one letter.
type LetterGroup struct {
	Letter, ID string
	Briefs     []*content.Page
}

// pageURL is the address of page n (from 1) of the list at base.
func pageURL(base string, n int) string {
	if n == 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// split makes the views of a list: make returns the view of one page
// given its briefs; split sets its URL and Pager. A short list is one
// view with no Pager.
func split(base string, list []*content.Page, make func(n int, briefs []*content.Page) *View) []*View {
	if len(list) <= PerPage {
		v := make(1, list)
		v.URL = base
		return []*View{v}
	}
	count := (len(list) + PerPage - 1) / PerPage
	var vs []*View
	for n := 1; n <= count; n++ {
		chunk := list[(n-1)*PerPage : min(n*PerPage, len(list))]
		v := make(n, chunk)
		v.URL = pageURL(base, n)
		v.Pager = &Pager{Number: n, Count: count}
		if n > 1 {
			v.Pager.Prev = pageURL(base, n-1)
		}
		if n < count {
			v.Pager.Next = pageURL(base, n+1)
		}
		vs = append(vs, v)
	}
	return vs
}

// letterOf is the A to Z heading of a title: its first letter, or "#".
func letterOf(title string) string {
	l := strings.ToUpper(title[:min(1, len(title))])
	if l < "A" || l > "Z" {
		return "#"
	}
	return l
}

func letterID(l string) string {
	if l == "#" {
		return "letter_other"
	}
	return "letter_" + strings.ToLower(l)
}

// azPages adds the A to Z to the pages of All briefs, when it is split.
func azPages(vs []*View, briefs []*content.Page) {
	if len(vs) < 2 {
		return
	}
	var letters []Letter
	for i, b := range briefs {
		l := letterOf(b.Title)
		if len(letters) == 0 || letters[len(letters)-1].Letter != l {
			letters = append(letters, Letter{Letter: l, URL: vs[i/PerPage].URL + "#" + letterID(l)})
		}
	}
	for _, v := range vs {
		v.Pager.Letters = letters
		for _, b := range v.List {
			l := letterOf(b.Title)
			gs := v.Pager.Groups
			if len(gs) == 0 || gs[len(gs)-1].Letter != l {
				v.Pager.Groups = append(gs, LetterGroup{Letter: l, ID: letterID(l)})
			}
			g := &v.Pager.Groups[len(v.Pager.Groups)-1]
			g.Briefs = append(g.Briefs, b)
		}
	}
}

// continued is the title of page n of a list called title.
func continued(title string, n, count int) string {
	if n == 1 {
		return title
	}
	return title + ": page " + strconv.Itoa(n) + " of " + strconv.Itoa(count)
}

// pageCount is how many pages a list of n briefs takes.
func pageCount(n int) int {
	if n <= PerPage {
		return 1
	}
	return (n + PerPage - 1) / PerPage
}
