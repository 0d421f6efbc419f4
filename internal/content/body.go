package content

// A page's body and its plain text are the largest things a Site holds.
// They are reached through the functions below, not through fields or
// methods, so that no layout can read them: a layout reaches every page
// through the Site, but shows a body only through the view of its own
// page, and never reads the text, which is for the search index. So a
// build that renders a site once can let each go as soon as it has been
// used (LetGoBody, LetGoPlainText), and no layout can tell that it has gone.

// Body is the rendered HTML of the page's Markdown body; "" once let go.
// A body rendered when it was read is filled in with its links' addresses
// each time it is asked for.
func Body(p *Page) string {
	if p.holed != nil {
		return p.holed.Fill(p.dest)
	}
	return p.body
}

// PlainText is the plain text of the page's body, blocks on lines of their
// own, for the search index; "" once let go.
func PlainText(p *Page) string { return p.text }

// LetGoBody lets the page's body go, for a site rendered once, once its
// page is drawn.
func LetGoBody(p *Page) { p.body, p.holed, p.dest = "", nil, nil }

// LetGoPlainText lets the page's text go, for a site rendered once, once the
// search index has it.
func LetGoPlainText(p *Page) { p.text = "" }
