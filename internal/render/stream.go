package render

import (
	"fmt"
	"path"

	"github.com/alongside-hub/alongside/internal/par"
	"github.com/tdewolff/minify/v2"
)

// made is one file ready for the sink.
type made struct {
	path string
	b    []byte
}

// needsMinify says whether Minify has still to shrink the file at p: one
// the layouts or the generator made, of a type it minifies, not already
// minified. Files copied from content/ are left as the editor gave them.
func (o *Output) needsMinify(p string) bool {
	return !o.Copied[p] && !o.minified[p] && minifyTypes[path.Ext(p)] != ""
}

// stream readies a claimed file for the sink: minified, and scanned for
// Check if it is a page. Files are handed over in batches on every core
// (flush).
func (o *Output) stream(p string, b []byte) {
	if o.needsMinify(p) {
		small, err := o.minifier().Bytes(minifyTypes[path.Ext(p)], b)
		if err != nil {
			if o.failed == nil {
				o.failed = fmt.Errorf("minifying %s: %w", p, err)
			}
			return
		}
		b = small
	}
	if isHTML(p) {
		if o.interned == nil {
			o.interned = interner{}
		}
		o.facts[p] = scan(b, o.interned)
	}
	o.Files[p] = nil
	o.minified[p] = true
	o.pending = append(o.pending, made{p, b})
	if len(o.pending) >= 1024 {
		o.flush()
	}
}

// flush hands the pending files to the sink, on every core.
func (o *Output) flush() {
	par.Ranges(len(o.pending), func(first, end int) {
		for _, f := range o.pending[first:end] {
			o.sink.Put(f.path, f.b)
		}
	})
	o.pending = o.pending[:0]
}

// minifier is the Output's minifier, made when first needed.
func (o *Output) minifier() *minify.M {
	if o.m == nil {
		o.m = newMinifier()
	}
	return o.m
}
