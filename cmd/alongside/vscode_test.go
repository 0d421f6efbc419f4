package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
)

// vscodeTask is what the tests read of a task in .vscode/tasks.json.
type vscodeTask struct {
	Label          string
	Command        string
	IsBackground   bool
	ProblemMatcher struct {
		Pattern []struct {
			Regexp                                string
			File, Line, Column, Severity, Message int
		}
		Background struct {
			ActiveOnStart bool
			BeginsPattern string
			EndsPattern   string
		}
	}
}

func vscodeTasks(t *testing.T) map[string]vscodeTask {
	t.Helper()
	b, err := os.ReadFile("../../.vscode/tasks.json")
	if err != nil {
		t.Fatal(err)
	}
	b = regexp.MustCompile(`(?m)^\s*//.*$`).ReplaceAll(b, nil) // VS Code allows comments
	var cfg struct{ Tasks []vscodeTask }
	if err := json.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	tasks := map[string]vscodeTask{}
	for _, task := range cfg.Tasks {
		if len(task.ProblemMatcher.Pattern) != 1 {
			t.Fatalf("the task %q should have one pattern: %+v", task.Label, task)
		}
		tasks[task.Label] = task
	}
	return tasks
}

// TestVSCodeTaskReadsEveryProblem holds the problem matcher of both tasks
// in .vscode/tasks.json to the check's own format: every diagnostic line
// is matched with its file, line, column, severity and message, and the
// hint lines are not taken for problems.
func TestVSCodeTaskReadsEveryProblem(t *testing.T) {
	tasks := vscodeTasks(t)
	if got := tasks["Check the hub"].Command; got != "go run ./cmd/alongside check" {
		t.Errorf("the check task runs %q, not the check", got)
	}
	if got := tasks["Preview the hub"].Command; got != "go run ./cmd/alongside serve" {
		t.Errorf("the preview task runs %q, not the preview", got)
	}
	for _, label := range []string{"Check the hub", "Preview the hub"} {
		p := tasks[label].ProblemMatcher.Pattern[0]
		re := regexp.MustCompile(p.Regexp)
		for _, d := range []content.Diagnostic{
			{Pos: content.Pos{File: "content/briefs/advocacy.md", Line: 14, Col: 22}, Severity: content.Error, Msg: `link to "advocasy.md": there is no such brief`, Hint: `did you mean "advocacy.md"?`},
			{Pos: content.Pos{File: "site.yaml", Line: 7}, Severity: content.Warning, Msg: "the briefs' mean reading grade is 8.3: it should be at most 8"},
		} {
			lines := strings.Split(d.String(), "\n")
			m := re.FindStringSubmatch(lines[0])
			if m == nil {
				t.Errorf("%s: %q is not matched", label, lines[0])
				continue
			}
			col := ""
			if d.Pos.Col > 0 {
				col = strconv.Itoa(d.Pos.Col)
			}
			if m[p.File] != d.Pos.File || m[p.Line] != strconv.Itoa(d.Pos.Line) || m[p.Column] != col || m[p.Severity] != d.Severity.String() || m[p.Message] != d.Msg {
				t.Errorf("%s: %q is read as %q", label, lines[0], m)
			}
			if len(lines) > 1 && re.MatchString(lines[1]) {
				t.Errorf("%s: the hint %q is taken for a problem", label, lines[1])
			}
		}
	}
}

// TestVSCodePreviewTaskFollowsServe runs the preview as the task does and
// reads its output as VS Code's background matcher does: the first build
// ends at the address line; each save starts a rebuild at the line naming
// what changed, and ends at its summary; and the problems of a rebuild
// come between the two, so each rebuild's underlines replace the last.
func TestVSCodePreviewTaskFollowsServe(t *testing.T) {
	task := vscodeTasks(t)["Preview the hub"]
	bg := task.ProblemMatcher.Background
	if !task.IsBackground || !bg.ActiveOnStart {
		t.Fatalf("the preview task should be a background task, active on start: %+v", task)
	}
	begins, ends := regexp.MustCompile(bg.BeginsPattern), regexp.MustCompile(bg.EndsPattern)
	problem := regexp.MustCompile(task.ProblemMatcher.Pattern[0].Regexp)

	site, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	root, addr := hubCopy(t, string(site)), freeAddr(t)
	ctx, stop := context.WithCancel(context.Background())
	var out syncBuffer // stdout and stderr together, as in the task's terminal
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "-root", root, "-addr", addr}, &out, &out) }()
	defer func() {
		stop()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	// cycles waits for n lines the end pattern matches, and returns the
	// output cut into cycles, each from just after the line the begin
	// pattern matched (or the start) to the end line, inclusive.
	cycles := func(n int) [][]string {
		deadline := time.Now().Add(60 * time.Second)
		for {
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			var all [][]string
			var cur []string
			for _, l := range lines {
				if begins.MatchString(l) {
					cur = nil
					continue
				}
				cur = append(cur, l)
				if ends.MatchString(l) {
					all, cur = append(all, cur), nil
				}
			}
			if len(all) >= n {
				return all
			}
			if time.Now().After(deadline) {
				t.Fatalf("waited for %d rebuilds; output:\n%s", n, out.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	problems := func(cycle []string) []string {
		var ps []string
		for _, l := range cycle {
			if problem.MatchString(l) {
				ps = append(ps, l)
			}
		}
		return ps
	}
	// The hub has no errors; warnings (a review falling due) may come
	// with the calendar.
	first := cycles(1)[0]
	if last := first[len(first)-1]; last != "preview at http://"+addr+"/ (press Ctrl-C to stop)" || strings.Contains(strings.Join(problems(first), "\n"), ": error: ") {
		t.Fatalf("the first build: %q", first)
	}
	brief := filepath.Join(root, "content", "briefs", "advocacy.md")
	good, err := os.ReadFile(brief)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(good), "\ntitle: ", "\ntitle: Broken: ", 1)
	writeFile(t, brief, broken)
	second := cycles(2)[1]
	if ps := problems(second); len(ps) != len(problems(first))+1 || !strings.Contains(strings.Join(ps, "\n"), "content/briefs/advocacy.md:2:") ||
		!strings.HasPrefix(second[len(second)-1], "not rebuilt: 1 error") {
		t.Errorf("a save that breaks the front matter: %q", second)
	}
	if !strings.Contains(out.String(), "\ncontent/briefs/advocacy.md changed: rebuilding\n") {
		t.Errorf("no line names the file that changed:\n%s", out.String())
	}
	writeFile(t, brief, string(good))
	third := cycles(3)[2]
	if ps := problems(third); len(ps) != len(problems(first)) || !strings.HasPrefix(third[len(third)-1], "rebuilt ") {
		t.Errorf("the save that fixes it: %q", third)
	}
}
