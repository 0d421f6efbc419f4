package render

import (
	"strings"
	"testing"

	"github.com/alongside-hub/alongside/internal/content"
)

// TestHostingFiles checks the files for the host at a domain's root, under
// a sub-path and on a custom domain.
func TestHostingFiles(t *testing.T) {
	tests := []struct {
		cfg  content.Config
		want string
	}{
		{content.Config{BaseURL: "https://owner.github.io/hub/"}, ".nojekyll=\n"},
		{content.Config{BaseURL: "https://owner.github.io/"}, ".nojekyll=\nrobots.txt=User-agent: *\nAllow: /\nSitemap: https://owner.github.io/sitemap.xml\n\n"},
		{content.Config{BaseURL: "https://hub.example.org/", CustomDomain: "hub.example.org"},
			".nojekyll=\nCNAME=hub.example.org\n\nrobots.txt=User-agent: *\nAllow: /\nSitemap: https://hub.example.org/sitemap.xml\n\n"},
	}
	for _, tt := range tests {
		out := &Output{Files: map[string][]byte{}, Sources: map[string]string{}}
		addHosting(out, tt.cfg)
		var b strings.Builder
		for _, p := range out.Paths() {
			b.WriteString(p + "=" + string(out.Files[p]) + "\n")
		}
		if b.String() != tt.want {
			t.Errorf("%s:\n%s\nwant:\n%s", tt.cfg.BaseURL, b.String(), tt.want)
		}
	}
}
