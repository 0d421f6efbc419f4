package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alongside-hub/alongside/internal/render"
)

// TestCheckAgreesWithBuild runs check and build on the same bad (and
// good) inputs: check fails exactly when build fails, a failed build
// leaves the output folder as it was, and nothing from outside content/
// reaches it.
func TestCheckAgreesWithBuild(t *testing.T) {
	brief := func(front, body string) string {
		return "---\ntitle: Hostile\nsummary: x\nfunctions: [stewardship]\npublished: 2026-01-01\nreviewed: 2026-01-01\n" + front + "---\n" + body
	}
	entry := func(title string) string { return "---\ntitle: " + title + "\nsummary: S.\n---\n" }
	tests := []struct {
		name  string
		files map[string]string
		links map[string]string // link name -> target, made with os.Symlink
		ok    bool
	}{
		{"alias to another host", map[string]string{"content/briefs/h.md": brief("aliases: [//evil.example/]\n", "x\n")}, nil, false},
		{"alias with a dot", map[string]string{"content/briefs/h.md": brief("aliases: [/map/.]\n", "x\n")}, nil, false},
		{"alias over the stylesheet", map[string]string{"content/briefs/h.md": brief("aliases: [/assets/site.css]\n", "x\n")}, nil, false},
		{"file over the stylesheet", map[string]string{"content/assets/site.css": "body{}"}, nil, false},
		{"file where a folder goes", map[string]string{"content/glossary.txt": "x", "content/map": "x"}, nil, false},
		{"external image", map[string]string{"content/briefs/h.md": brief("", "![A chart](https://tracker.example/p.png)\n")}, nil, false},
		{"pathological emphasis", map[string]string{"content/briefs/h.md": brief("", strings.Repeat("*a_", 150000))}, nil, false},
		{"pathological links", map[string]string{"content/briefs/h.md": brief("", strings.Repeat("[a](", 50000))}, nil, false},
		{"link out through an ignored folder", nil, map[string]string{"content/_private": "/etc", "content/leak.txt": "_private/hostname"}, false},
		{"glossary titles with a digit and an accent", map[string]string{"content/glossary/crisis.md": entry("24-hour crisis line"), "content/glossary/equipe.md": entry("Équipe mobile")}, nil, true},
		{"topic name with an accent", map[string]string{"site.yaml": "title: Test Hub\nbase_url: https://example.org/hub/\ntopics:\n  egalite: Égalité\n",
			"content/briefs/h.md": brief("topics: [egalite]\n", "x\n")}, nil, true},
		{"lone carriage returns", map[string]string{"content/briefs/h.md": strings.ReplaceAll(brief("", "Text.\n\nMore.\n"), "\n", "\r")}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fixture(t, "site", tt.files)
			for name, target := range tt.links {
				if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(t.TempDir(), "public")
			writeFile(t, filepath.Join(out, "index.html"), "the published site")
			writeFile(t, filepath.Join(out, render.Marker), "") // as if an earlier build wrote it
			check, _, checkErr := runCLI(t, "check", "-root", root, "-date", "2026-11-23")
			build, _, buildErr := runCLI(t, "build", "-root", root, "-out", out, "-date", "2026-11-23")
			if check != build || (build == 0) != tt.ok {
				t.Fatalf("check exit %d, build exit %d, want both %v\ncheck:\n%s\nbuild:\n%s", check, build, tt.ok, checkErr, buildErr)
			}
			if checkErr != buildErr {
				t.Errorf("check and build say different things:\ncheck:\n%s\nbuild:\n%s", checkErr, buildErr)
			}
			for _, line := range strings.Split(buildErr, "\n") {
				if strings.Contains(line, ": error: ") && !strings.HasPrefix(line, "content/") && !strings.HasPrefix(line, "site.yaml") {
					t.Errorf("an error that names no content file: %s", line)
				}
			}
			b, _ := os.ReadFile(filepath.Join(out, "index.html"))
			if !tt.ok && string(b) != "the published site" {
				t.Errorf("a failed build changed the output folder")
			}
			if _, err := os.Stat(filepath.Join(out, "leak.txt")); err == nil {
				t.Errorf("published a file from outside content/")
			}
		})
	}
}
