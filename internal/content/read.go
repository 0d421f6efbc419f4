package content

import (
	"path"

	"github.com/alongside-hub/alongside/internal/par"
)

// readAllMarkdown reads, checks and parses every Markdown file walk found,
// on every core, and gathers the results in walk order, so that pages,
// entries and diagnostics come out exactly as if read one by one.
//
// Each file is read by readMarkdownCached on a loader of its own (see
// fileLoader), so it and what it calls may write only to their loader's
// list, site.Pages, site.Glossary, bySource and drafts, and read the rest
// (the Cache, shared, has its own lock).
func (l *loader) readAllMarkdown() error {
	subs := make([]*loader, len(l.markdown))
	errs := make([]error, len(l.markdown))
	read := func(todo []int) {
		par.Ranges(len(todo), func(first, end int) {
			for _, i := range todo[first:end] {
				subs[i] = l.fileLoader()
				f := l.markdown[i]
				errs[i] = subs[i].readMarkdownCached(f.path, f.real, f.info)
				subs[i].settle()
			}
		})
	}
	// The glossary first: without a Cache, a brief is rendered as soon as
	// it is read (settle), linking the first use of each term.
	var glossary, rest []int
	for i, f := range l.markdown {
		if path.Dir(f.path) == "content/glossary" {
			glossary = append(glossary, i)
		} else {
			rest = append(rest, i)
		}
	}
	read(glossary)
	for _, i := range glossary {
		if errs[i] == nil {
			l.terms0 = append(l.terms0, subs[i].site.Glossary...)
		}
	}
	sortEntries(l.terms0)
	l.briefTerms = newTermsFrom(l.terms0)
	read(rest)
	for i, sub := range subs {
		if errs[i] != nil {
			return errs[i]
		}
		*l.list = append(*l.list, *sub.list...)
		l.site.Pages = append(l.site.Pages, sub.site.Pages...)
		l.site.Glossary = append(l.site.Glossary, sub.site.Glossary...)
		for k, v := range sub.bySource {
			l.bySource[k] = v
		}
		for k, v := range sub.drafts {
			l.drafts[k] = v
		}
		l.broken = append(l.broken, sub.broken...)
		l.brokenEntries = append(l.brokenEntries, sub.brokenEntries...)
	}
	return nil
}

// settle readies what the file gave for the rest of the Load. Until every
// page is read, only the facts of each document are needed: without a
// Cache, a page's body is rendered now, with holes for its links'
// addresses (known once every file is read), and its tree and source let
// go; with one, the tree is let go and made again when the page is
// rendered.
func (l *loader) settle() {
	for _, p := range l.site.Pages {
		if l.opt.Cache == nil {
			p.holed = p.doc.RenderHoled(renderOptions(p, l.briefTerms))
			if p.holed.Alone() {
				p.doc.ForgetSource() // its facts are all that is read of it now
			}
		} else {
			p.doc.Release()
		}
	}
	for _, e := range l.site.Glossary {
		e.doc.Release()
	}
}

// fileLoader is a loader for reading one file: it shares the settings of l
// and has its own lists to write to.
func (l *loader) fileLoader() *loader {
	sub := *l
	sub.list = &Diagnostics{}
	sub.site = &Site{Config: l.site.Config, BuildDate: l.site.BuildDate}
	sub.bySource = map[string]any{}
	sub.drafts = map[string]bool{}
	sub.markdown = nil
	sub.broken, sub.brokenEntries = nil, nil
	return &sub
}
