package markdown

// Unrendered returns a document that Render may still be called on: d
// itself if it has not been rendered, or else the same body parsed again.
// Callers that keep a parsed document between builds use it to render the
// body once more without keeping a second copy of the source.
func (d *Doc) Unrendered() *Doc {
	if !d.rendered {
		return d
	}
	return Parse(d.src, d.line0)
}
