package serve

import (
	"io/fs"
	"strings"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/render"
)

// builder runs the same pipeline as "alongside build", in memory, with
// caches that live as long as the server so that a rebuild redoes only
// what a change can affect.
type builder struct {
	fsys fs.FS
	opt  content.Options
	cc   *content.Cache // nil for a fresh full build
	rc   *render.Cache

	// The Site of the last Load and its problems, which a change to
	// bodies alone patches (content.Cache.Patch), and the pages patched
	// since the site was last rendered.
	site    *content.Site
	diags   content.Diagnostics
	pending content.Patched
	lost    bool // the watcher may have missed changes: read everything next time
	patched bool // the last build patched the one before (for tests)
}

func newBuilder(fsys fs.FS, opt content.Options) *builder {
	return &builder{fsys: fsys, opt: opt, cc: content.NewCache(), rc: render.NewCache()}
}

// result is one build. out is nil when loading found errors.
type result struct {
	out    *render.Output
	drafts map[string]bool // output paths of draft pages
	diags  content.Diagnostics
}

// build builds after the paths changed (slash paths from the root, as the
// watcher reports them; "." for anything). When only the bodies of
// Markdown pages changed, the last Site is patched and only what those
// bodies show is made again (content.Cache.Patch, render.Cache.Patch);
// otherwise the tree is loaded again, reusing what the caches hold.
func (b *builder) build(changed []string) (result, error) {
	if b.lost {
		changed, b.lost = append(changed, "."), false
	}
	site, diags, patched := b.patch(changed)
	b.patched = patched
	if !patched {
		b.site, b.diags, b.pending = nil, nil, content.Patched{}
		opt := b.opt
		opt.Cache = b.cc
		if b.cc != nil {
			b.cc.Changed(changed)
		}
		var err error
		site, diags, err = content.Load(b.fsys, opt)
		if err != nil {
			return result{diags: diags}, err
		}
		if b.cc != nil {
			b.site, b.diags = site, diags
		}
	}
	res := result{diags: diags}
	if diags.HasErrors() {
		return res, nil
	}
	layouts, err := fs.Sub(b.fsys, "layouts")
	if err != nil {
		return res, err
	}
	var out *render.Output
	ok := false
	if patched {
		out, ok, err = b.rc.Patch(site, layouts, b.pending.Pages, b.pending.Linked)
	}
	switch {
	case err != nil:
	case ok:
	case b.rc != nil:
		out, err = b.rc.Render(site, layouts, b.fsys)
	default:
		out, err = renderFull(site, layouts, b.fsys)
	}
	if err != nil {
		return res, err
	}
	b.pending = content.Patched{}
	var checked content.Diagnostics
	if ok { // the output was patched too
		checked, ok = b.rc.CheckPatch(out, site)
	}
	switch {
	case ok:
	case b.rc != nil:
		checked = b.rc.Check(out, site)
	default:
		checked = out.Check(site)
	}
	checked.Sort()
	res.diags = diags.Merge(checked) // diags, as loaded or patched, is sorted
	res.out = out
	res.drafts = map[string]bool{}
	for _, p := range site.Pages {
		if p.Draft {
			res.drafts[content.OutputPath(p.URL)] = true
		}
	}
	return res, nil
}

// patch brings the last Site up to date when only the bodies of Markdown
// pages changed; patched is false when it could not (see
// content.Cache.Patch), and then nothing was changed.
func (b *builder) patch(changed []string) (*content.Site, content.Diagnostics, bool) {
	if b.site == nil || len(changed) == 0 {
		return nil, nil, false
	}
	for _, p := range changed {
		if !strings.HasPrefix(p, "content/") {
			return nil, nil, false // site.yaml, a layout, or everything
		}
	}
	diags, done, ok := b.cc.Patch(b.site, b.diags, changed)
	if !ok {
		return nil, nil, false
	}
	b.diags = diags
	b.pending.Pages = append(b.pending.Pages, done.Pages...)
	b.pending.Linked = append(b.pending.Linked, done.Linked...)
	return b.site, diags, true
}

// renderFull is the pipeline of "alongside build" without any cache.
func renderFull(site *content.Site, layouts, root fs.FS) (*render.Output, error) {
	ls, err := render.LoadLayouts(layouts)
	if err != nil {
		return nil, err
	}
	out, err := render.RenderMinified(site, ls, layouts, root)
	if err != nil {
		return nil, err
	}
	return out, out.Minify()
}
