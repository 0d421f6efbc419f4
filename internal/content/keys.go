package content

import "slices"

// Keys returns the front matter keys a file of one kind may have, in the
// order the schema lists them. kind is "brief", "function", "priority",
// "glossary" (an entry), "page" (content/pages/ and the home page) or
// "source" (one item of a brief's sources); any other kind has none.
//
// It is for tools that describe the content to editors, such as the web
// form of .pages.yml, so that their lists are checked against the rules
// here rather than copied from them. The slice is the caller's to keep.
func Keys(kind string) []string {
	switch kind {
	case "brief":
		return slices.Clone(briefKeys)
	case string(KindFunction), string(KindPriority):
		return slices.Clone(termKeys)
	case "glossary":
		return slices.Clone(glossaryKeys)
	case string(KindPage), string(KindHome):
		return slices.Clone(pageKeys)
	case "source":
		return slices.Clone(sourceKeys)
	}
	return nil
}
