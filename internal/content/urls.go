package content

import (
	"path"
	"strings"

	"github.com/alongside-hub/alongside/internal/markdown"
)

// Slugify makes a slug of free text: lower-case ASCII letters, digits and
// single hyphens. "Unpaid carers" gives "unpaid-carers".
func Slugify(s string) string { return markdown.Slug(s) }

// validSlug reports whether s is already a slug.
func validSlug(s string) bool { return s != "" && Slugify(s) == s }

// RelURL returns the URL of target (a site path, maybe with "#fragment")
// relative to the page at from, so that the site works at any base path.
// Both paths start with "/"; a page path ends with "/" or a file name.
func RelURL(from, target string) string {
	frag := ""
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	if target == "" {
		return frag
	}
	fromDir := from[:strings.LastIndexByte(from, '/')+1]
	if target == from && frag != "" {
		return frag
	}
	return relPath(fromDir, target) + frag
}

// relPath is the way from the folder fromDir to target, a path from the
// root: the folders of fromDir and the parts of target (its last part a
// file name or "") are walked side by side while they are the same.
// Every page's links pass through here, so nothing is split into lists.
func relPath(fromDir, target string) string {
	dirs, parts := strings.Trim(fromDir, "/"), strings.TrimPrefix(target, "/")
	ndirs := strings.Count(dirs, "/") + 1
	if fromDir == "/" {
		ndirs = 0
	}
	nparts := strings.Count(parts, "/") + 1
	i := 0
	for i < ndirs && i < nparts-1 {
		d, dirsRest, _ := strings.Cut(dirs, "/")
		t, partsRest, _ := strings.Cut(parts, "/")
		if d != t {
			break
		}
		dirs, parts = dirsRest, partsRest
		i++
	}
	if ndirs == i && parts == "" {
		return "./"
	}
	var b strings.Builder
	b.Grow(3*(ndirs-i) + len(parts))
	for range ndirs - i {
		b.WriteString("../")
	}
	b.WriteString(parts)
	return b.String()
}

// outputPath is the file a site path is written to: "/a/" -> "a/index.html".
func outputPath(sitePath string) string {
	p := strings.TrimPrefix(sitePath, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}

// OutputPath is exported for the renderer: the file for a site path.
func OutputPath(sitePath string) string { return outputPath(sitePath) }

// pageURL gives the URL of a Markdown source under content/, and its kind.
// ok is false for a Markdown file outside the folders the site knows.
func pageURL(rel string) (url string, kind Kind, ok bool) {
	dir, file := path.Split(rel)
	slug := strings.TrimSuffix(file, ".md")
	switch dir {
	case "":
		if file == "index.md" {
			return "/", KindHome, true
		}
	case "briefs/":
		return "/briefs/" + slug + "/", KindBrief, true
	case "functions/":
		return "/functions/" + slug + "/", KindFunction, true
	case "priorities/":
		return "/priorities/" + slug + "/", KindPriority, true
	case "pages/":
		return "/" + slug + "/", KindPage, true
	}
	return "", "", false
}

// CiteFiles are the citation files made beside each brief's page, for
// reference managers: RIS (EndNote, Zotero, Mendeley), BibTeX and CSL-JSON.
var CiteFiles = []string{"cite.ris", "cite.bib", "cite.json"}
