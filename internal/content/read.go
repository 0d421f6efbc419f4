package content

import "github.com/alongside-hub/alongside/internal/par"

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
	par.Ranges(len(l.markdown), func(first, end int) {
		for i := first; i < end; i++ {
			subs[i] = l.fileLoader()
			f := l.markdown[i]
			errs[i] = subs[i].readMarkdownCached(f.path, f.real, f.info)
			// Until every page is read, only the facts of each document
			// are needed; its tree is made again when it is rendered.
			for _, p := range subs[i].site.Pages {
				p.doc.Release()
			}
			for _, e := range subs[i].site.Glossary {
				e.doc.Release()
			}
		}
	})
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
