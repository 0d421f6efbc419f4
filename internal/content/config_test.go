package content

import (
	"testing"
	"testing/fstest"
)

// TestSiteYAMLWithByteOrderMark: Notepad saves UTF-8 with a byte-order
// mark first, which is not a mistake in site.yaml.
func TestSiteYAMLWithByteOrderMark(t *testing.T) {
	fsys := fstest.MapFS{
		"site.yaml":        {Data: []byte("\uFEFFtitle: T\nbase_url: https://example.org/\n")},
		"content/index.md": {Data: []byte("---\ntitle: Home\nsummary: Home.\n---\n")},
	}
	site, diags, err := Load(fsys, Options{BuildDate: today})
	if err != nil || len(diags) > 0 || site.Config.Title != "T" {
		t.Errorf("err %v, title %q, diagnostics:\n%s", err, site.Config.Title, diags)
	}
}
