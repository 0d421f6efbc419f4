//go:build unix

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets a test run this binary as the command itself, in its own
// process, so that it can be killed at an exact step of writing the site:
// ALONGSIDE_TEST_ARGS holds the arguments (separated by newlines);
// ALONGSIDE_TEST_STOP_AT names the step; ALONGSIDE_TEST_WAIT, when set, is
// a file to wait for at that step (after writing it with ".ready"),
// instead of dying there by SIGKILL.
func TestMain(m *testing.M) {
	args := os.Getenv("ALONGSIDE_TEST_ARGS")
	if args == "" {
		os.Exit(m.Run())
	}
	at, wait := os.Getenv("ALONGSIDE_TEST_STOP_AT"), os.Getenv("ALONGSIDE_TEST_WAIT")
	hooks := writeHooks{twoRenames: os.Getenv("ALONGSIDE_TEST_TWO_RENAMES") != ""}
	hooks.step = func(s string) {
		if s != at {
			return
		}
		if wait == "" {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {} // SIGKILL cannot be caught: nothing runs after it
		}
		os.WriteFile(wait+".ready", nil, 0o644)
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if _, err := os.Stat(wait); err == nil {
				return
			}
		}
	}
	ctx := context.WithValue(context.Background(), hooksKey{}, hooks)
	os.Exit(run(ctx, strings.Split(args, "\n"), os.Stdout, os.Stderr))
}

// subBuild starts "alongside build" on root in a process of its own.
func subBuild(t *testing.T, root string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), append(env, "ALONGSIDE_TEST_ARGS=build\n-root\n"+root+"\n-date\n2026-11-23")...)
	return cmd
}

// tree reads every file under dir; nil when dir does not exist.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		return nil
	}
	m := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			m[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return m
}

func sameTree(a, b map[string]string) bool {
	if a == nil || len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// leftovers lists what is beside public/ that a build made.
func leftovers(t *testing.T, root string) []string {
	entries, _ := os.ReadDir(root)
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") {
			out = append(out, e.Name())
		}
	}
	return out
}

const newBrief = "---\ntitle: A new brief\nsummary: Only the new site has it.\nfunctions: [stewardship]\npublished: 2026-11-01\nreviewed: 2026-11-01\n---\nNew text.\n"

// oldAndNew makes a project whose public/ holds the old site and whose
// content now makes the new one, and returns both sites as they should be.
func oldAndNew(t *testing.T) (root string, oldSite, newSite map[string]string) {
	t.Helper()
	root = fixture(t, "site", nil)
	if code, _, stderr := runCLI(t, "build", "-root", root, "-date", "2026-11-23"); code != 0 {
		t.Fatal(stderr)
	}
	oldSite = tree(t, filepath.Join(root, "public"))
	writeFile(t, filepath.Join(root, "content", "briefs", "a-new-brief.md"), newBrief)
	ref := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI(t, "build", "-root", root, "-out", ref, "-date", "2026-11-23"); code != 0 {
		t.Fatal(stderr)
	}
	newSite = tree(t, ref)
	if sameTree(oldSite, newSite) {
		t.Fatal("the old and new sites are the same")
	}
	return root, oldSite, newSite
}

// again makes another project like the one oldAndNew made, with the old
// site written out as a build left it.
func again(t *testing.T, oldSite map[string]string) string {
	t.Helper()
	root := fixture(t, "site", map[string]string{"content/briefs/a-new-brief.md": newBrief})
	for p, data := range oldSite {
		writeFile(t, filepath.Join(root, "public", filepath.FromSlash(p)), data)
	}
	return root
}

// TestKilledBuildLeavesASiteWhole stops a build with SIGKILL at 20 points
// of writing the site, reached by a hook rather than by timing: at each,
// public/ holds the old site whole or the new one whole (with the portable
// swap, killed between its two renames, the old one waits whole beside
// it), and the next build puts the new site in place and leaves nothing
// else behind.
func TestKilledBuildLeavesASiteWhole(t *testing.T) {
	root, oldSite, newSite := oldAndNew(t)
	var steps []string
	ctx := context.WithValue(context.Background(), hooksKey{}, writeHooks{step: func(s string) { steps = append(steps, s) }})
	var stdout, stderr strings.Builder
	if code := run(ctx, []string{"build", "-root", root, "-out", filepath.Join(t.TempDir(), "public"), "-date", "2026-11-23"}, &stdout, &stderr); code != 0 {
		t.Fatal(stderr.String())
	}
	var files []string
	for _, s := range steps {
		if strings.HasPrefix(s, "wrote ") {
			files = append(files, s)
		}
	}
	if len(files) < 12 {
		t.Fatalf("only %d files written: %v", len(files), steps)
	}
	type point struct {
		step       string
		twoRenames bool
	}
	points := []point{{"locked", false}, {"cleaned up", false}, {"started", false}, {"swapped", false}, {"deleted the old site", false},
		{"started", true}, {"moved the old site aside", true}, {"moved the new site in", true}, {"deleted the old site", true}}
	for i := 0; len(points) < 20; i++ {
		points = append(points, point{files[i*(len(files)-1)/10], false})
	}
	for _, p := range points {
		name := fmt.Sprintf("%s (two renames: %v)", p.step, p.twoRenames)
		root := again(t, oldSite)
		env := []string{"ALONGSIDE_TEST_STOP_AT=" + p.step}
		if p.twoRenames {
			env = append(env, "ALONGSIDE_TEST_TWO_RENAMES=1")
		}
		err := subBuild(t, root, env...).Run()
		ws, ok := err.(*exec.ExitError)
		if !ok || !ws.Sys().(syscall.WaitStatus).Signaled() || ws.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Errorf("%s: the build was not killed: %v", name, err)
			continue
		}
		got := tree(t, filepath.Join(root, "public"))
		switch {
		case sameTree(got, oldSite), sameTree(got, newSite):
		case got == nil && p.step == "moved the old site aside":
			whole := false
			for _, l := range leftovers(t, root) {
				whole = whole || strings.HasPrefix(l, ".public.old-") && sameTree(tree(t, filepath.Join(root, l)), oldSite)
			}
			if !whole {
				t.Errorf("%s: public/ is missing and the old site is not whole beside it: %v", name, leftovers(t, root))
			}
		default:
			t.Errorf("%s: public/ holds neither site whole (%d files)", name, len(got))
		}
		if code, _, stderr := runCLI(t, "build", "-root", root, "-date", "2026-11-23"); code != 0 {
			t.Errorf("%s: the next build failed: %s", name, stderr)
		}
		if !sameTree(tree(t, filepath.Join(root, "public")), newSite) {
			t.Errorf("%s: the next build did not put the new site in place", name)
		}
		if l := leftovers(t, root); len(l) > 0 {
			t.Errorf("%s: the next build left %v", name, l)
		}
	}
}

// TestTwoBuildsAtOnce runs a build in its own process and holds it just
// after it started writing; a second build into the same folder says so
// and stops; the first then finishes, and only its site is left.
func TestTwoBuildsAtOnce(t *testing.T) {
	root, _, newSite := oldAndNew(t)
	wait := filepath.Join(t.TempDir(), "go")
	first := subBuild(t, root, "ALONGSIDE_TEST_STOP_AT=started", "ALONGSIDE_TEST_WAIT="+wait)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer first.Process.Kill()
	for deadline := time.Now().Add(20 * time.Second); !fileExists(wait + ".ready"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the first build never started writing")
		}
	}
	out := filepath.Join(root, "public")
	code, stdout, stderr := runCLI(t, "build", "-root", root, "-date", "2026-11-23")
	want := "alongside build: another build is writing " + out + " at this moment; this one stopped and left the folder to it\n" +
		"    hint: wait for the other build to finish, then build again if you need to\n"
	if code != 1 || stderr != want || stdout != "" {
		t.Errorf("second build: exit %d\nstdout %q\nstderr %q", code, stdout, stderr)
	}
	writeFile(t, wait, "")
	if err := first.Wait(); err != nil {
		t.Fatalf("first build: %v", err)
	}
	if !sameTree(tree(t, out), newSite) {
		t.Error("public/ does not hold the first build's site whole")
	}
	if l := leftovers(t, root); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
}

// TestLateErrorLeavesTheOldSite makes the build find its error only once
// the new site is being written (a content file that takes the address of
// the stylesheet is found as the files are made, and a link the layouts
// make to nowhere once all are made): public/ keeps the old site whole,
// nothing is left beside it, and the build says it was not built.
func TestLateErrorLeavesTheOldSite(t *testing.T) {
	for _, tt := range []struct {
		name  string
		files map[string]string
		args  []string
		want  string
	}{
		{"a clash", map[string]string{"content/assets/site.css": "body{}"}, nil, "not built: 1 problem to fix in 1 file; "},
		{"a link the layouts make to nowhere", map[string]string{"layouts/page.html": "{{define \"main\"}}<h1>{{.Title}}</h1><a href=\"nowhere/\">x</a>{{end}}\n"},
			nil, "not built: "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root, oldSite, _ := oldAndNew(t)
			for p, data := range tt.files {
				writeFile(t, filepath.Join(root, filepath.FromSlash(p)), data)
			}
			var steps []string
			ctx := context.WithValue(context.Background(), hooksKey{}, writeHooks{step: func(s string) { steps = append(steps, s) }})
			var stdout, stderr strings.Builder
			code := run(ctx, append([]string{"build", "-root", root, "-date", "2026-11-23"}, tt.args...), &stdout, &stderr)
			if code != 1 || !strings.HasPrefix(stdout.String(), tt.want) || !strings.HasSuffix(stdout.String(), filepath.Join(root, "public")+" was left as it was\n") {
				t.Errorf("exit %d\nstdout %q\nstderr %s", code, stdout.String(), stderr.String())
			}
			if !slices.Contains(steps, "started") {
				t.Errorf("the build never started writing, so this tests nothing: %v", steps)
			}
			if !sameTree(tree(t, filepath.Join(root, "public")), oldSite) {
				t.Error("public/ does not hold the old site whole")
			}
			if l := leftovers(t, root); len(l) > 0 {
				t.Errorf("left behind: %v", l)
			}
		})
	}
}
