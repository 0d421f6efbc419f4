package content

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"
)

// File names. A page's file name is its address, so it must be a slug. An
// editor's file manager hides much of what can go wrong: a ".txt" added
// after ".md", capital letters, a look-alike letter from another
// alphabet, an invisible space. Each is named, and the hint gives a name
// that is free in the folder.

// markdownExts are endings of Markdown files that are not ".md".
var markdownExts = []string{".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext", ".rmd", ".qmd"}

// wordExts are documents that should have been pasted into a page.
var wordExts = []string{".docx", ".doc", ".odt", ".rtf", ".pages"}

// notAPage reports a file that looks like a page but would be published
// as it is: "housing.md.txt", "housing.MD", "housing.markdown", a Word
// document among the briefs. It returns true when the file is reported
// and must not be published.
func (l *loader) notAPage(p, name string) bool {
	lower := strings.ToLower(strings.TrimRight(name, " .\u00a0"))
	dir := path.Dir(p)
	stem, ending := "", ""
	switch {
	case strings.HasSuffix(lower, ".md") && !strings.HasSuffix(name, ".md"):
		stem, ending = lower[:len(lower)-3], name[len(lower)-3:]
		if strings.HasSuffix(strings.ToLower(name), ".md") {
			ending = name[len(name)-3:]
		}
	case strings.Contains(lower, ".md."):
		i := strings.LastIndex(lower, ".md.")
		stem, ending = lower[:i], name[i+3:]
	default:
		for _, e := range markdownExts {
			if strings.HasSuffix(lower, e) {
				stem, ending = lower[:len(lower)-len(e)], name[len(lower)-len(e):]
			}
		}
		if stem == "" && strings.HasSuffix(lower, ".txt") && l.startsWithFrontMatter(p) {
			stem, ending = lower[:len(lower)-4], name[len(lower)-4:]
		}
	}
	if stem != "" {
		want := l.freeName(dir, name, slugOrDefault(stem))
		l.diags(p).errorf(0, 0, fmt.Sprintf("rename it %q", want),
			"the file %q ends in %q, not \".md\", so it is not a page: it would be published as it is, front matter and all", name, ending)
		return true
	}
	if _, pages := folderWhat[dir]; pages {
		for _, e := range wordExts {
			if strings.HasSuffix(lower, e) {
				want := l.freeName(dir, name, slugOrDefault(lower[:len(lower)-len(e)]))
				l.diags(p).errorf(0, 0, fmt.Sprintf("copy its text into %q (alongside new brief makes one), and keep the document outside content/", want),
					"%q is a document, not a page: it would be published as a download", name)
				return true
			}
		}
	}
	return false
}

func (l *loader) startsWithFrontMatter(p string) bool {
	f, err := l.fsys.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	var b [8]byte
	n, _ := f.Read(b[:])
	return strings.HasPrefix(strings.TrimPrefix(string(b[:n]), "\uFEFF"), "---")
}

func slugOrDefault(s string) string {
	var fixed strings.Builder
	for _, r := range s {
		if c, ok := lookalike(r); ok {
			r = c
		}
		fixed.WriteRune(r)
	}
	if want := Slugify(fixed.String()); want != "" {
		return want
	}
	return "my-page"
}

// freeName returns slug+".md", or slug-2.md, slug-3.md, ... when another
// file of the folder has that name, ignoring case as some computers do.
func (l *loader) freeName(dir, self, slug string) string {
	entries, _ := fs.ReadDir(l.fsys, dir)
	taken := func(n string) bool {
		for _, e := range entries {
			if e.Name() != self && strings.HasSuffix(e.Name(), ".md") && strings.EqualFold(e.Name(), n) {
				return true
			}
		}
		return false
	}
	want := slug + ".md"
	for i := 2; taken(want); i++ {
		want = fmt.Sprintf("%s-%d.md", slug, i)
	}
	return want
}

// badPageName reports a Markdown file whose name is not a slug, saying
// what is wrong with it and a free name to use.
func (l *loader) badPageName(p string) {
	name := path.Base(p)
	dir := path.Dir(p)
	d := l.diags(p)
	stem := strings.TrimSuffix(name, ".md")
	want := l.freeName(dir, name, slugOrDefault(stem))
	rename := fmt.Sprintf("rename it %q", want)
	for _, r := range stem {
		if c, ok := lookalike(r); ok {
			d.errorf(0, 0, rename+", typing the name again on your keyboard",
				"the file name %q has %s, so links typed on a keyboard never reach it", name, describeConfusable(r, c))
			return
		}
		if n, ok := invisibleName(r); ok || r == ' ' {
			if r == ' ' {
				n = "a space"
			}
			d.errorf(0, 0, rename+": use hyphens between words",
				"the file name %s has %s in it", quote(name), n)
			return
		}
	}
	if lowerName := strings.ToLower(name); lowerName != name && Slugify(strings.TrimSuffix(lowerName, ".md")) == strings.TrimSuffix(lowerName, ".md") {
		if entries, _ := fs.ReadDir(l.fsys, dir); hasName(entries, lowerName) {
			d.errorf(0, 0, fmt.Sprintf("if it is the same page as %q, keep one of the two; if not, %s, a name that is free", lowerName, rename),
				"the file name %q differs from %q only in capital letters; some computers cannot keep both", name, lowerName)
			return
		}
		d.errorf(0, 0, rename+": file names are in lower case, because they are the page's address",
			"the file name %q has capital letters", name)
		return
	}
	if utf8.RuneCountInString(stem) > 0 && strings.IndexFunc(stem, func(r rune) bool { return r >= 0x80 }) >= 0 {
		d.errorf(0, 0, rename+": file names use the letters a to z, digits and hyphens",
			"the file name %q has letters outside a to z", name)
		return
	}
	d.errorf(0, 0, rename+": lower-case letters, digits and single hyphens",
		"the file name %q is not a valid page name", name)
}

func hasName(entries []fs.DirEntry, n string) bool {
	for _, e := range entries {
		if e.Name() == n {
			return true
		}
	}
	return false
}
