package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGuideShowsWhatTheCheckSays runs check on the mistakes the contribute
// page shows, and compares its output with the page: the guide must not
// promise words the check does not print.
func TestGuideShowsWhatTheCheckSays(t *testing.T) {
	page, err := os.ReadFile("../../content/pages/contribute.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(page), "## Checking your work")
	if !ok {
		t.Fatal("the contribute page has no section \"Checking your work\"")
	}
	_, block, _ := strings.Cut(after, "```\n")
	want, _, _ := strings.Cut(block, "```")

	brief := "---\ntitle: Housing: what works\nsummary: s\nfunctions: [stewardship]\npublished: 2026-11-01\nreviewed: 2026-11-01\n---\n" +
		"Intro.\n\nMore.\n\nAnd more.\n\nRead about help from [advocacy](advocasy.md).\n"
	root := fixture(t, "site", map[string]string{
		"content/briefs/housing-and-mental-health.md": brief,
		"content/briefs/advocacy.md":                  "---\ntitle: Advocacy\nsummary: s\nfunctions: [stewardship]\npublished: 2026-11-01\nreviewed: 2026-11-01\n---\nText.\n",
	})
	_, stdout, stderr := runCLI(t, "check", "-root", root, "-date", "2026-11-23")
	if got := stderr + stdout; got != want {
		t.Errorf("the contribute page shows:\n%s\ncheck says:\n%s", want, got)
	}
	if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
		t.Error("check wrote public/")
	}
}
