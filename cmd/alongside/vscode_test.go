package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/alongside-hub/alongside/internal/content"
)

// TestVSCodeTaskReadsEveryProblem holds the problem matcher of
// .vscode/tasks.json to the check's own format: every diagnostic line is
// matched with its file, line, column, severity and message, and the
// hint lines are not taken for problems.
func TestVSCodeTaskReadsEveryProblem(t *testing.T) {
	b, err := os.ReadFile("../../.vscode/tasks.json")
	if err != nil {
		t.Fatal(err)
	}
	b = regexp.MustCompile(`(?m)^\s*//.*$`).ReplaceAll(b, nil) // VS Code allows comments
	var cfg struct {
		Tasks []struct {
			Command        string
			ProblemMatcher struct {
				Pattern []struct {
					Regexp                                string
					File, Line, Column, Severity, Message int
				}
			}
		}
	}
	if err := json.Unmarshal(b, &cfg); err != nil || len(cfg.Tasks) != 1 || len(cfg.Tasks[0].ProblemMatcher.Pattern) != 1 {
		t.Fatalf("tasks.json should hold one task with one pattern: %v %+v", err, cfg)
	}
	if got := cfg.Tasks[0].Command; got != "go run ./cmd/alongside check" {
		t.Errorf("the task runs %q, not the check", got)
	}
	p := cfg.Tasks[0].ProblemMatcher.Pattern[0]
	re := regexp.MustCompile(p.Regexp)
	for _, d := range []content.Diagnostic{
		{Pos: content.Pos{File: "content/briefs/advocacy.md", Line: 14, Col: 22}, Severity: content.Error, Msg: `link to "advocasy.md": there is no such brief`, Hint: `did you mean "advocacy.md"?`},
		{Pos: content.Pos{File: "site.yaml", Line: 7}, Severity: content.Warning, Msg: "the briefs' mean reading grade is 8.3: it should be at most 8"},
	} {
		lines := strings.Split(d.String(), "\n")
		m := re.FindStringSubmatch(lines[0])
		if m == nil {
			t.Errorf("%q is not matched", lines[0])
			continue
		}
		col := ""
		if d.Pos.Col > 0 {
			col = strconv.Itoa(d.Pos.Col)
		}
		if m[p.File] != d.Pos.File || m[p.Column] != col || m[p.Severity] != d.Severity.String() || m[p.Message] != d.Msg {
			t.Errorf("%q is read as %q", lines[0], m)
		}
		if len(lines) > 1 && re.MatchString(lines[1]) {
			t.Errorf("the hint %q is taken for a problem", lines[1])
		}
	}
}
