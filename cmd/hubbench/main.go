// Command hubbench measures whole builds of a synthetic hub as it grows,
// beside Hugo when Hugo is installed. "make bench" runs it.
//
//	go run ./cmd/hubbench                      # 1,000, 5,000 and 20,000 briefs
//	go run ./cmd/hubbench -sizes 1000 -runs 5
//	go run ./cmd/hubbench -write DIR -sizes 5000   # only write the hub, to try by hand
//
// For each size it writes the hub made by internal/synth (and the same
// corpus as a Hugo site), checks that "alongside check" finds no errors,
// then builds it in alternating runs (alongside, Hugo, Hugo without related
// lists, alongside, ...), each a separate process measured by the kernel
// (rusage): wall time, CPU time and peak memory. It prints medians, the
// ratios to Hugo, and the time of each stage of the alongside build
// (alongside build -timings). It writes only under a temporary folder,
// removed at the end, unless -write is given.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/alongside-hub/alongside/internal/markdown"
	"github.com/alongside-hub/alongside/internal/synth"
)

func main() {
	sizes := flag.String("sizes", "1000,5000,20000", "comma-separated numbers of briefs")
	runs := flag.Int("runs", 3, "runs of each build at each size, alternating; the median is shown")
	bigRuns := flag.Int("big-runs", 1, "runs at sizes of 10,000 briefs and more")
	hugoLimit := flag.Duration("hugo-limit", 3*time.Minute, "stop a Hugo build that takes longer than this")
	write := flag.String("write", "", "only write the hub (and the Hugo site, in DIR-hugo) to `DIR`, and stop")
	flag.Parse()
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			fail("-sizes: %q is not a number of briefs", s)
		}
		ns = append(ns, n)
	}
	if *write != "" {
		if err := writeHub(*write, *write+"-hugo", ns[0]); err != nil {
			fail("%v", err)
		}
		fmt.Printf("wrote a hub of %d briefs to %s and its Hugo version to %s-hugo\n", ns[0], *write, *write)
		return
	}
	tmp, err := os.MkdirTemp("", "hubbench-")
	if err != nil {
		fail("%v", err)
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "alongside")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/alongside").CombinedOutput(); err != nil {
		fail("building alongside: %v\n%s", err, out)
	}
	hugo, _ := exec.LookPath("hugo")
	if hugo == "" {
		fmt.Println("hugo is not installed, so there is no comparison (apt-get install --no-install-recommends hugo)")
	} else if v, err := exec.Command(hugo, "version").Output(); err == nil {
		fmt.Printf("comparing with %s", v)
	}
	fmt.Printf("%d cores; medians of alternating runs\n\n", runtime.NumCPU())
	for _, n := range ns {
		r := *runs
		if n >= 10000 {
			r = *bigRuns
		}
		if err := measure(tmp, bin, hugo, n, r, *hugoLimit); err != nil {
			fail("%d briefs: %v", n, err)
		}
	}
}

func writeHub(dir, hugoDir string, n int) error {
	opt := synth.Options{Briefs: n}
	if err := synth.Write(dir, synth.Hub(opt)); err != nil {
		return err
	}
	if err := copyDir("layouts", filepath.Join(dir, "layouts")); err != nil {
		return err
	}
	return synth.Write(hugoDir, synth.Hugo(opt))
}

// result is one build, as the kernel measured it.
type result struct {
	wall, cpu time.Duration
	rss       int64 // bytes
	stages    map[string]time.Duration
	order     []string // stages in the order the build gave them
	pages     int
	memory    string // the build's own account: "allocated N bytes in all; garbage collection X% ..."
	failed    string
}

func measure(tmp, bin, hugo string, n, runs int, hugoLimit time.Duration) error {
	dir := filepath.Join(tmp, strconv.Itoa(n))
	site, hsite := filepath.Join(dir, "site"), filepath.Join(dir, "hugo")
	start := time.Now()
	if err := writeHub(site, hsite, n); err != nil {
		return err
	}
	files := synth.Hub(synth.Options{Briefs: n})
	mdBytes := synth.MarkdownBytes(files)
	fmt.Printf("## %d briefs (%.1f MB of Markdown, written in %s)\n\n", n, float64(mdBytes)/1e6, since(start))
	chk := exec.Command(bin, "check", "-root", site, "-date", "2026-12-01")
	var errb bytes.Buffer
	chk.Stderr = &errb
	out, err := chk.Output()
	if err != nil {
		return fmt.Errorf("alongside check found problems in the synthetic hub: %v\n%s%s", err, out, errb.String())
	}
	fmt.Printf("alongside check: %sload average before the runs: %s\n", out, loadAvg())
	var ours, withRel, noRel []result
	for i := 0; i < runs; i++ {
		ours = append(ours, run(bin, []string{"build", "-root", site, "-out", filepath.Join(dir, "public"), "-date", "2026-12-01", "-timings"}, 0))
		if hugo != "" {
			withRel = append(withRel, run(hugo, []string{"--quiet", "--minify", "-s", hsite, "-d", filepath.Join(dir, "hugo-public")}, hugoLimit))
			noRel = append(noRel, run(hugo, []string{"--quiet", "--minify", "-s", hsite, "-d", filepath.Join(dir, "hugo-public"),
				"--config", filepath.Join(hsite, "hugo.toml") + "," + filepath.Join(hsite, "norelated.toml")}, hugoLimit))
		}
	}
	a := median(ours)
	if a.failed != "" {
		return fmt.Errorf("alongside build failed: %s", a.failed)
	}
	fmt.Printf("\n| build | wall | CPU | peak memory | pages/s | wall per brief |\n|---|---|---|---|---|---|\n")
	row := func(name string, r result) {
		if r.failed != "" {
			fmt.Printf("| %s | %s | | | | |\n", name, r.failed)
			return
		}
		fmt.Printf("| %s | %s | %s | %.0f MiB | %.0f | %.0f µs |\n", name, r.wall.Round(time.Millisecond), r.cpu.Round(time.Millisecond),
			float64(r.rss)/(1<<20), float64(a.pages)/r.wall.Seconds(), float64(r.wall.Microseconds())/float64(n))
	}
	row("alongside", a)
	if hugo != "" {
		h, hn := median(withRel), median(noRel)
		row("Hugo, related on", h)
		row("Hugo, no related list", hn)
		fmt.Println()
		ratio := func(name string, x result, goalWall, goalMem float64) {
			if x.failed != "" {
				fmt.Printf("- against %s: Hugo did not finish (%s)\n", name, x.failed)
				return
			}
			w, m := a.wall.Seconds()/x.wall.Seconds(), float64(a.rss)/float64(x.rss)
			c := a.cpu.Seconds() / x.cpu.Seconds()
			fmt.Printf("- against %s: wall %.3fx (goal %.2fx: %s), CPU %.3fx, peak memory %.2fx (goal %.2fx: %s)\n",
				name, w, goalWall, met(w <= goalWall), c, m, goalMem, met(m <= goalMem))
		}
		// On a busy machine the wall time is mostly waiting for a core;
		// CPU time, which the kernel counts per process, is steadier.
		ratio("Hugo with related", h, 0.05, 0.2)
		ratio("Hugo with no related list", hn, 0.25, 0.2)
	}
	fmt.Printf("\nstages of the alongside build (wall time; %d pages):\n\n", a.pages)
	for _, s := range a.order {
		fmt.Printf("    %-28s %s\n", s, a.stages[s].Round(100*time.Microsecond))
	}
	if a.memory != "" {
		fmt.Printf("\nmemory (one run): %s\n", a.memory)
		var alloc int64
		if _, err := fmt.Sscanf(a.memory, "allocated %d bytes", &alloc); err == nil {
			fmt.Printf("allocated per brief: %.0f KB\n", float64(alloc)/float64(n)/1e3)
		}
	}
	limit := parseRate(files)
	perCore := float64(mdBytes) / 1e6 / a.cpu.Seconds()
	fmt.Printf("\nthe physical limit: goldmark alone parses %.1f MB of these briefs per CPU-second on one core here;\n", limit)
	fmt.Printf("the whole build goes through %.1f MB of Markdown per CPU-second (%.0f%% of that limit), %.1f MB per second of wall time\n",
		perCore, 100*perCore/limit, float64(mdBytes)/1e6/a.wall.Seconds())
	fmt.Printf("load average after the runs: %s\n\n", loadAvg())
	return nil
}

func met(ok bool) string {
	if ok {
		return "met"
	}
	return "not met"
}

// run runs one build as its own process and reads the kernel's account of
// it. A build that takes longer than limit (if not zero) is stopped.
func run(bin string, args []string, limit time.Duration) result {
	cmd := exec.Command(bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return result{failed: err.Error()}
	}
	var timer *time.Timer
	if limit > 0 {
		timer = time.AfterFunc(limit, func() { cmd.Process.Kill() })
	}
	err := cmd.Wait()
	wall := time.Since(start)
	if timer != nil && !timer.Stop() {
		return result{failed: "did not finish in " + limit.String()}
	}
	if err != nil {
		return result{failed: fmt.Sprintf("%v: %s", err, firstLines(stderr.String()+stdout.String(), 5))}
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	r := result{wall: wall, rss: ru.Maxrss * 1024, stages: map[string]time.Duration{},
		cpu: time.Duration(ru.Utime.Nano() + ru.Stime.Nano())}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if m, ok := strings.CutPrefix(line, "memory: "); ok {
			r.memory = m
		}
		// alongside build -timings: "timing: <stage>: <duration>"
		rest, ok := strings.CutPrefix(line, "timing: ")
		if !ok {
			continue
		}
		i := strings.LastIndex(rest, ": ")
		if i < 0 {
			continue
		}
		if d, err := time.ParseDuration(rest[i+2:]); err == nil {
			r.stages[rest[:i]] = d
			r.order = append(r.order, rest[:i])
		}
	}
	if f := strings.Fields(stdout.String()); len(f) > 1 && f[0] == "built" {
		r.pages, _ = strconv.Atoi(f[1])
	}
	return r
}

// median takes the median of each measure separately.
func median(rs []result) result {
	var ok []result
	for _, r := range rs {
		if r.failed == "" {
			ok = append(ok, r)
		}
	}
	if len(ok) == 0 {
		if len(rs) == 0 {
			return result{failed: "not run"}
		}
		return rs[0]
	}
	mid := func(get func(result) int64) int64 {
		v := make([]int64, len(ok))
		for i, r := range ok {
			v[i] = get(r)
		}
		sort.Slice(v, func(i, j int) bool { return v[i] < v[j] })
		return v[len(v)/2]
	}
	m := result{
		wall:   time.Duration(mid(func(r result) int64 { return int64(r.wall) })),
		cpu:    time.Duration(mid(func(r result) int64 { return int64(r.cpu) })),
		rss:    mid(func(r result) int64 { return r.rss }),
		pages:  ok[0].pages,
		order:  ok[0].order,
		memory: ok[len(ok)/2].memory,
		stages: map[string]time.Duration{},
	}
	for s := range ok[0].stages {
		m.stages[s] = time.Duration(mid(func(r result) int64 { return int64(r.stages[s]) }))
	}
	return m
}

// parseRate is how many MB of brief bodies goldmark parses per CPU-second
// on one core: the best of three passes over at most 1,000 briefs.
func parseRate(files map[string][]byte) float64 {
	var bodies [][]byte
	size := 0
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasPrefix(name, "content/briefs/") || len(bodies) == 1000 {
			continue
		}
		b := files[name]
		if i := bytes.Index(b[3:], []byte("\n---\n")); i >= 0 {
			bodies = append(bodies, b[i+3+5:])
			size += len(b) - (i + 3 + 5)
		}
	}
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	// CPU time, not wall time: on a busy machine a pass waits for a core.
	best := time.Duration(1 << 62)
	for pass := 0; pass < 3; pass++ {
		runtime.GC()
		start := cpuTime()
		for _, b := range bodies {
			markdown.Parse(b, 1)
		}
		best = min(best, cpuTime()-start)
	}
	return float64(size) / 1e6 / best.Seconds()
}

// cpuTime is the CPU time this process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(to, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, " / ")
}

func since(t time.Time) string { return time.Since(t).Round(time.Millisecond).String() }

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "hubbench: "+format+"\n", args...)
	os.Exit(1)
}
