package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/alongside-hub/alongside/internal/content"
	"github.com/alongside-hub/alongside/internal/render"
)

const buildUsage = `Usage: alongside %s [options]

%s

Options:
`

// buildFlags are the options of build and check.
type buildFlags struct {
	root, out, baseURL, date, format string
	report                           string
	drafts, strict, timings          bool
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer, write bool) int {
	name, about := "check", "Reads content/ and layouts/ and reports every problem, writing nothing."
	if write {
		name, about = "build", "Reads content/ and layouts/, reports every problem, and when there are no\nerrors replaces the output folder with the new site."
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f buildFlags
	fs.StringVar(&f.root, "root", ".", "the project `folder`, holding site.yaml, content/ and layouts/")
	fs.StringVar(&f.baseURL, "base-url", "", "the `URL` the site is published at, instead of base_url in site.yaml")
	fs.BoolVar(&f.drafts, "drafts", false, "include pages marked draft: true")
	fs.StringVar(&f.date, "date", "", "check review dates as if today were `YYYY-MM-DD`")
	fs.BoolVar(&f.strict, "strict", false, "treat every warning as an error")
	fs.StringVar(&f.format, "format", "text", "how to print problems: text, or github for GitHub Actions (see format.go)")
	fs.BoolVar(&f.timings, "timings", false, "print how long each stage of the build took, and the memory it used")
	if write {
		fs.StringVar(&f.out, "out", "", "the output `folder` (default: public/ in the project folder)")
	} else {
		fs.StringVar(&f.report, "report", "", "also write the editors' report, one web page, to `FILE.html` (never inside content/ or public/)")
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), buildUsage, name, about)
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args, stderr); !ok {
		return code
	}
	opt := content.Options{Drafts: f.drafts, BaseURL: f.baseURL, BuildDate: time.Now(), Strict: f.strict}
	if f.date != "" {
		t, err := time.Parse("2006-01-02", f.date)
		if err != nil {
			fmt.Fprintf(stderr, "alongside %s: -date should look like 2026-11-20, not %q\n", name, f.date)
			return exitUsage
		}
		opt.BuildDate = t
	}
	if !slices.Contains(formats, f.format) {
		fmt.Fprintf(stderr, "alongside %s: -format should be text or github, not %q\n", name, f.format)
		return exitUsage
	}
	if code := checkPlaces(&f, name, write, stderr); code != exitOK {
		return code
	}
	if f.report != "" {
		p, err := reportPath(f.root, f.out, f.report)
		if err != nil {
			fmt.Fprintf(stderr, "alongside %s: %v\n", name, err)
			return exitUsage
		}
		f.report = p
	}
	start := time.Now()
	tuneCollector(os.Getenv)
	if f.timings {
		opt.Trace = func(stage string, took time.Duration) {
			fmt.Fprintf(stderr, "timing: %s: %s\n", stage, took.Round(10*time.Microsecond))
		}
		defer printMemory(stderr)
	}
	// The new site is written beside the output folder as it is made
	// (render.Stage), so that it is never held whole in memory; a check
	// scans each page and keeps nothing. If the folder cannot be staged
	// (another build holds it, say), the site is made in memory and why it
	// was not written is told after the problems, as for any write error.
	hooks, _ := ctx.Value(hooksKey{}).(writeHooks)
	wopt := render.WriteOptions{Root: f.root, Shown: f.out, Step: hooks.step, TwoRenames: hooks.twoRenames}
	var staged *render.Staged
	var stageErr error
	open := func() render.Sink {
		if !write {
			return render.Discard{}
		}
		if staged, stageErr = render.Stage(f.out, wopt); stageErr != nil {
			return nil
		}
		return staged
	}
	out, diags, err := buildSiteTo(f.root, opt, open)
	if staged != nil {
		defer staged.Abort() // unless committed below
	}
	if f.strict {
		strict(diags)
	}
	printDiagnostics(f.format, diags, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "alongside %s: %v\n", name, err)
		return exitProblem
	}
	nerr, _ := diags.Count()
	counts := summary(diags, pages(out))
	summarize := func(failed string) {
		if f.format == "github" {
			if err := writeSummary(name, diags, pages(out), failed); err != nil {
				fmt.Fprintf(stderr, "alongside %s: writing the job summary: %v\n", name, err)
			}
		}
	}
	if nerr > 0 || !write {
		summarize("")
	}
	if f.report != "" {
		if err := report(f.root, opt, f.report, diags, counts); err != nil {
			fmt.Fprintf(stderr, "alongside %s: writing the report: %v\n", name, err)
			return exitProblem
		}
		fmt.Fprintf(stdout, "wrote the editors' report to %s\n", f.report)
	}
	if nerr > 0 {
		if write {
			fmt.Fprintf(stdout, "not built: %s; %s was left as it was\n", counts, f.out)
		} else {
			fmt.Fprintln(stdout, counts)
		}
		return exitProblem
	}
	if !write {
		fmt.Fprintln(stdout, counts)
		return exitOK
	}
	wrote := time.Now()
	if stageErr == nil {
		stageErr = staged.Commit()
	}
	if stageErr != nil {
		summarize(stageErr.Error())
		return printWriteError(stderr, stageErr)
	}
	if opt.Trace != nil {
		opt.Trace("put in place", time.Since(wrote))
	}
	summarize("")
	fmt.Fprintf(stdout, "built %s (%s) in %s: %s\n", plural(pages(out), "page"), plural(len(out.Files), "file"), since(start), builtNote(diags))
	return exitOK
}

// buildSite runs the pipeline in memory: load, render, check, minify. The
// output is nil when loading found errors, since rendering half a site
// would only add confusing follow-on problems.
func buildSite(root string, opt content.Options) (*render.Output, content.Diagnostics, error) {
	return buildSiteTo(root, opt, func() render.Sink { return nil })
}

// buildSiteTo is buildSite with each file handed, as soon as it is made,
// to the sink that open gives once the content loaded with no errors; a
// nil sink keeps the files in the output.
func buildSiteTo(root string, opt content.Options, open func() render.Sink) (*render.Output, content.Diagnostics, error) {
	// Reading through os.Root keeps every read inside the project folder,
	// even if a link is swapped in while the build runs; content.Load
	// then keeps every published file inside content/.
	var fsys fs.FS = os.DirFS(root)
	if r, err := os.OpenRoot(root); err == nil {
		defer r.Close()
		fsys = r.FS()
	}
	site, diags, err := content.Load(fsys, opt)
	if err != nil || diags.HasErrors() {
		return nil, diags, err
	}
	last := time.Now()
	stage := func(name string) {
		if opt.Trace != nil {
			opt.Trace(name, time.Since(last))
			last = time.Now()
		}
	}
	layoutFS, err := subFS(fsys, "layouts")
	if err != nil {
		return nil, diags, err
	}
	ls, err := render.LoadLayouts(layoutFS)
	if err != nil {
		return nil, diags, err
	}
	var out *render.Output
	if sink := open(); sink != nil {
		out, err = render.RenderTo(site, ls, layoutFS, fsys, sink)
	} else {
		out, err = render.RenderMinified(site, ls, layoutFS, fsys)
	}
	if err != nil {
		return nil, diags, err
	}
	stage("templates, minify, write")
	diags = append(diags, out.Check(site)...)
	stage("check links")
	if err := out.Minify(); err != nil {
		return nil, diags, err
	}
	stage("minify")
	diags.Sort()
	return out, diags, nil
}

func pages(out *render.Output) int {
	if out == nil {
		return 0
	}
	n := 0
	for _, p := range out.Paths() {
		if filepath.Ext(p) == ".html" {
			n++
		}
	}
	return n
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func since(t time.Time) string {
	return time.Since(t).Round(time.Millisecond).String()
}

// parseFlags parses a command's options and refuses anything left over.
// When it returns ok=false, the command exits with code: 0 after -h, 2
// for a usage error, which the flag package or this function has printed.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "alongside %s: unexpected %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return exitUsage, false
	}
	return exitOK, true
}
