package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const domainSiteYAML = "title: Test Hub\nbase_url: https://example.org/hub\ncustom_domain: hub.example.org\ntopics:\n  unpaid-carers: Unpaid carers and families\n"

var (
	pageURL = regexp.MustCompile(`(?:rel="canonical" href|property="og:url" content)="(https?://[^"]+)"`)
	feedURL = regexp.MustCompile(`(?:href="|<loc>|<id>|<uri>)(https?://[^"<]+)`)
)

// TestCustomDomainBuild builds for a site on a domain of its own, as the
// Pages workflow does once the domain is set: CNAME names the domain,
// robots.txt is written (the site is at the host's root), and every
// canonical link, feed and sitemap address is on the domain.
func TestCustomDomainBuild(t *testing.T) {
	root := fixture(t, "site", map[string]string{"site.yaml": domainSiteYAML})
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCLI(t, "build", "-root", root, "-out", out, "-base-url", "https://hub.example.org", "-date", "2026-11-23")
	if code != 0 || stderr != "" || !summary.MatchString(stdout) {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Errorf("%s: %v", p, err)
		}
		return string(b)
	}
	if got := read("CNAME"); got != "hub.example.org\n" {
		t.Errorf("CNAME = %q", got)
	}
	if got := read("robots.txt"); got != "User-agent: *\nAllow: /\nSitemap: https://hub.example.org/sitemap.xml\n" {
		t.Errorf("robots.txt = %q", got)
	}
	if got := read("briefs/what-is/index.html"); !strings.Contains(got, `<link rel="canonical" href="https://hub.example.org/briefs/what-is/">`) {
		t.Error("the brief's canonical link is not on the custom domain")
	}
	checked := 0
	for _, p := range append(htmlFiles(t, out), "feed.xml", "sitemap.xml", "functions/stewardship/feed.xml") {
		re := pageURL
		if !strings.HasSuffix(p, ".html") {
			re = feedURL
		}
		for _, m := range re.FindAllStringSubmatch(read(p), -1) {
			u := m[1]
			if strings.HasPrefix(u, "http://www.w3.org/") || strings.HasPrefix(u, "http://www.sitemaps.org/") {
				continue
			}
			checked++
			if !strings.HasPrefix(u, "https://hub.example.org/") {
				t.Errorf("%s: %s is not on the custom domain", p, u)
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d absolute addresses checked", checked)
	}
	if sm := read("sitemap.xml"); !strings.Contains(sm, "<loc>https://hub.example.org/briefs/what-is/</loc>") {
		t.Errorf("sitemap:\n%s", sm)
	}
	if feed := read("feed.xml"); !strings.Contains(feed, `href="https://hub.example.org/briefs/what-is/"`) {
		t.Errorf("feed:\n%s", feed)
	}
}

// TestCustomDomainMistakes: a domain with a scheme or path is an error; a
// base URL on another host is a warning, since links would point there.
func TestCustomDomainMistakes(t *testing.T) {
	root := fixture(t, "site", map[string]string{"site.yaml": strings.Replace(domainSiteYAML, "hub.example.org", "https://hub.example.org/", 1)})
	code, _, stderr := runCLI(t, "check", "-root", root, "-date", "2026-11-23")
	want := `site.yaml:3:16: error: custom_domain "https://hub.example.org/" is not a domain name
    hint: write the domain name alone, like: custom_domain: hub.example.org
`
	if code != 1 || stderr != want {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	root = fixture(t, "site", map[string]string{"site.yaml": domainSiteYAML})
	code, _, stderr = runCLI(t, "check", "-root", root, "-date", "2026-11-23")
	want = `site.yaml:3:16: warning: the base URL "https://example.org/hub/" is not on the custom domain "hub.example.org"
    hint: make base_url https://hub.example.org/, and set the same domain in the repository's Settings, Pages
`
	if code != 0 || stderr != want {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}
