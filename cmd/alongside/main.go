// Command alongside builds the Mental Health Social Care Knowledge Hub:
// Markdown briefs in content/, layouts in layouts/, a static site in public/.
//
//	alongside build    load, check, render, minify, write public/
//	alongside check    the same checks, writing nothing
//	alongside serve    preview in the browser, rebuilt on every save
//	alongside new      start a new brief from a template
//	alongside version  print the version
//
// Rules for everything it prints: problems in the content go to standard
// error as "file:line:column: severity: message" with an indented hint, in
// plain English, lower case, no final period; the one-line summary goes to
// standard output. Exit status: 0 when there are no errors (warnings are
// allowed), 1 when the content has errors or the build failed, 2 when the
// command was used wrongly: an unknown flag, a missing -root, a bad
// -base-url, or an -out folder the build may not replace (see
// render.CheckOutDir).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// Version is the version of alongside.
const Version = "0.1.0"

const usage = `alongside builds the Mental Health Social Care Knowledge Hub.

Usage:

  alongside build [-base-url URL] [-drafts] [-format text|github] [-out DIR] [-root DIR]
  alongside check [-base-url URL] [-drafts] [-format text|github] [-root DIR]
  alongside serve [-addr 127.0.0.1:8080] [-drafts] [-public] [-root DIR]
  alongside new brief "Title of the brief"
  alongside version

Run "alongside COMMAND -h" to read about one command.
`

// exit codes
const (
	exitOK      = 0
	exitProblem = 1
	exitUsage   = 2
)

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(ctx, args[1:], stdout, stderr, true)
	case "check":
		return runBuild(ctx, args[1:], stdout, stderr, false)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "alongside %s\n", Version)
		return exitOK
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "alongside: %q is not a command\n\n%s", args[0], usage)
	return exitUsage
}
