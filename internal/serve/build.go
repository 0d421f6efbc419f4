package serve

import (
	"io/fs"

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

func (b *builder) build() (result, error) {
	opt := b.opt
	opt.Cache = b.cc
	site, diags, err := content.Load(b.fsys, opt)
	res := result{diags: diags}
	if err != nil || diags.HasErrors() {
		return res, err
	}
	layouts, err := fs.Sub(b.fsys, "layouts")
	if err != nil {
		return res, err
	}
	var out *render.Output
	if b.rc != nil {
		out, err = b.rc.Render(site, layouts, b.fsys)
	} else {
		out, err = renderFull(site, layouts, b.fsys)
	}
	if err != nil {
		return res, err
	}
	if b.rc != nil {
		res.diags = append(res.diags, b.rc.Check(out, site)...)
	} else {
		res.diags = append(res.diags, out.Check(site)...)
	}
	res.diags.Sort()
	res.out = out
	res.drafts = map[string]bool{}
	for _, p := range site.Pages {
		if p.Draft {
			res.drafts[content.OutputPath(p.URL)] = true
		}
	}
	return res, nil
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
