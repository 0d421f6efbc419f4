package content

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var goString = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

// problemCalls returns the last string of each call in src that sets a
// yaml.v3 error: its problem text.
func problemCalls(src string) []string {
	var out []string
	lines := strings.Split(src, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.Contains(l, "_error(parser") && !strings.Contains(l, "_error_context(parser") &&
			!strings.Contains(l, "failf(") && !strings.Contains(l, "problem = ") {
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(l), "func ") {
			continue
		}
		call := l
		for depth := strings.Count(l, "(") - strings.Count(l, ")"); depth > 0 && i+1 < len(lines); {
			i++
			call += lines[i]
			depth += strings.Count(lines[i], "(") - strings.Count(lines[i], ")")
		}
		if strs := goString.FindAllStringSubmatch(call, -1); len(strs) > 0 {
			out = append(out, strs[len(strs)-1][1])
		}
	}
	return out
}

// TestEveryYAMLProblemIsReworded reads yaml.v3's own source and checks
// that every problem it can report has plain words of its own, not the
// fallback that quotes yaml.v3.
func TestEveryYAMLProblemIsReworded(t *testing.T) {
	out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "list", "-m", "-f", "{{.Dir}}", "gopkg.in/yaml.v3").Output()
	if err != nil {
		t.Fatalf("finding yaml.v3's source: %v", err)
	}
	dir := strings.TrimSpace(string(out))
	seen := 0
	for _, name := range []string{"scannerc.go", "parserc.go", "readerc.go", "decode.go"} {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, problem := range problemCalls(string(src)) {
			if problem == "" || strings.HasPrefix(problem, "while ") || strings.HasPrefix(problem, "+++") {
				continue
			}
			problem = strings.SplitN(problem, "%", 2)[0] // "exceeded max depth of %d"
			if problem == "" {
				continue
			}
			seen++
			if text, _ := explainYAML(problem); strings.HasPrefix(text, "YAML cannot read this line") {
				t.Errorf("%s: yaml.v3's problem %q has no plain words in yamlProblems", name, problem)
			}
		}
	}
	if seen < 60 {
		t.Errorf("found %d problems in yaml.v3's source; expected more than 60, so the search is broken", seen)
	}
}

// TestYAMLPlainWordsFromYAMLItself checks that the errors yaml.v3 still
// finds after the line checks are reworded, with their line.
func TestYAMLErrorsAfterTheLineChecks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a: b\n- c\n", "x.md:3:1: error: this list item does not belong to a key: the line above it has a value already\n    hint: put a list under a key with nothing after its colon, each item on its own line, like:\n      topics:\n        - housing\n"},
		{"a: b\n  c: d\n", "x.md:3:4: error: this line goes on from the a above it, and has a colon in it, after \"c\"\n    hint: if the line is part of the a, put the whole a in straight quotation marks; if it is a new key, take away the spaces before it\n"},
		{"a: [b, c]\nd: {e\n", "x.md:3:4: error: the list after \"d:\" is not closed\n    hint: end it with }, like: d: {e}\n"},
		{"a: b\n? c\n", "x.md:3:1: error: this line has no key: \"? c\"\n    hint: start it with a key and a colon, like  title: My page; if it goes on from the line above, indent it with two spaces\n"},
		{"a: [b, {c]\n", "x.md:2:1: error: the front matter: a group in curly brackets is not closed\n    hint: end it with }, or write each value on its own line\n"},
		{"a: \"b\\q\"\n", "x.md:2:6: error: the a has a backslash that YAML reads as the start of a code: \\q\n    hint: write \\\\ for a backslash, or use single quotation marks around the value\n"},
		{"  a: b\nc: d\n", "x.md:2:1: error: this line is indented, but no line above it holds it\n    hint: take away the spaces before it: the first key starts at the beginning of its line\n"},
		// A line the checks repair (a space put after a colon, the
		// indentation, a tab) keeps the columns of the line as written.
		{"topics:\n  housing: g\n recovery:y:\n", "x.md:4:1: error: this line does not line up with the lines above it\n    hint: indent it with 2 spaces, to line up with \"housing: g\" above\n" +
			"x.md:4:10: error: there is no space after the colon in \"recovery:y:\"\n    hint: write it as: recovery: y:\n" +
			"x.md:4:12: error: the recovery has a colon in it, after \"y\"\n    hint: put the whole recovery in straight quotation marks: recovery: \"y:\"\n"},
		{"a:b:\n", "x.md:2:2: error: there is no space after the colon in \"a:b:\"\n    hint: write it as: a: b:\n" +
			"x.md:2:4: error: the a has a colon in it, after \"b\"\n    hint: put the whole a in straight quotation marks: a: \"b:\"\n"},
		{"\ta: b: c\n", "x.md:2:1: error: this line is indented with a tab, which YAML does not allow\n    hint: indent with spaces, not a tab: delete the tab and type spaces\n" +
			"x.md:2:1: error: this line is indented, but no line above it holds it\n    hint: take away the spaces before it: the first key starts at the beginning of its line\n" +
			"x.md:2:6: error: the a has a colon in it, after \"b\"\n    hint: put the whole a in straight quotation marks: a: \"b: c\"\n"},
	}
	for _, tt := range tests {
		var list Diagnostics
		decodeYAML([]byte(tt.in), 2, diags{list: &list, file: "x.md"}, "the front matter")
		if got := list.String(); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestKeyLinesAsTheExpressions holds keyLine and noSpaceLine to the
// regular expressions they are written out from, on lines made at random
// of the characters that decide them, and on some written by hand.
func TestKeyLinesAsTheExpressions(t *testing.T) {
	keyRe := regexp.MustCompile(`^( *)(- +)?([A-Za-z_][A-Za-z0-9_ -]*?):([ \t]+|$)(.*)$`)
	noSpaceRe := regexp.MustCompile(`^( *)(- +)?([a-z_]+):([^\s:/].*)$`)
	lines := []string{"", "title: Housing", "  - name: x", "title:Housing", "- - a: b", "-a: b", "a b: c", "a:b: c",
		"key:", "key:\t", "  -   key:  v", "url: https://x", "title:/x", "title::x", "Title:x", "_k:é", "k:\xff", "k: a\nb", "k:a\nb"}
	chars := []string{" ", " ", "-", ":", ":", "a", "z", "B", "_", "0", "\t", "/", "#", "é", "\r", "\n", "\f", "\xff", "x"}
	r := rand.New(rand.NewPCG(7, 0))
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := r.IntN(12); k > 0; k-- {
			b.WriteString(chars[r.IntN(len(chars))])
		}
		lines = append(lines, b.String())
	}
	for _, s := range lines {
		if got, want := keyLine(s), keyRe.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Fatalf("keyLine(%q) = %q, want %q", s, got, want)
		}
		if got, want := noSpaceLine(s), noSpaceRe.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Fatalf("noSpaceLine(%q) = %q, want %q", s, got, want)
		}
	}
}
