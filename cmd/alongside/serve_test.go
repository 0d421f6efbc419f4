package main

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to write from the command's goroutine
// while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// hubCopy is a copy of the hub's content and layouts in a new folder,
// with siteYAML as its site.yaml.
func hubCopy(t *testing.T, siteYAML string) string {
	t.Helper()
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "site.yaml"), siteYAML)
	copyDir(t, "../../content", filepath.Join(root, "content"))
	copyDir(t, "../../layouts", filepath.Join(root, "layouts"))
	return root
}

// freeAddr is a loopback address with a port no one was listening on.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// The editor runs serve, opens the address it prints, and stops it:
// exactly one line of output, nothing written to public/, exit status 0.
func TestServeStartsAndStops(t *testing.T) {
	root := hubCopy(t, "title: Test hub\nbase_url: https://example.org/hub/\n")
	addr := freeAddr(t)
	ctx, stop := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"serve", "-root", root, "-addr", addr}, &stdout, &stderr) }()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(stdout.String(), "\n") {
		if time.Now().After(deadline) {
			stop()
			t.Fatalf("serve printed nothing in 30s; stderr:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	want := "preview at http://" + addr + "/ (press Ctrl-C to stop)\n"
	if got := stdout.String(); got != want {
		t.Errorf("stdout %q, want %q", got, want)
	}
	res, err := http.Get("http://" + addr + "/briefs/advocacy/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("GET a brief: status %d", res.StatusCode)
	}
	stop()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit status %d after stopping; stderr:\n%s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
	if _, err := os.Stat(filepath.Join(root, "public")); err == nil {
		t.Error("serve wrote public/")
	}
}

func TestServeAddressProblems(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	code, out, errOut := runCLI(t, "serve", "-addr", ln.Addr().String())
	want := "alongside serve: port " + strconv.Itoa(port) + " is in use: try -addr 127.0.0.1:" + strconv.Itoa(port+1) + "\n"
	if code != exitProblem || out != "" || errOut != want {
		t.Errorf("a port in use: exit %d, stdout %q, stderr %q, want %q", code, out, errOut, want)
	}
	code, _, errOut = runCLI(t, "serve", "-addr", "0.0.0.0:0")
	if code != exitProblem || !strings.HasPrefix(errOut, "alongside serve: 0.0.0.0:0 is not a loopback address") {
		t.Errorf("a public address without -public: exit %d, stderr %q", code, errOut)
	}
	// -public lets the address through to the bind (192.0.2.1 is for
	// documentation: no computer has it, so nothing is exposed).
	code, _, errOut = runCLI(t, "serve", "-public", "-addr", "192.0.2.1:0")
	if code != exitProblem || !strings.HasPrefix(errOut, "alongside serve: cannot serve at 192.0.2.1:0: ") || strings.Contains(errOut, "warning") {
		t.Errorf("-public with an address this computer does not have: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = runCLI(t, "serve", "extra")
	if code != exitUsage || !strings.HasPrefix(errOut, `alongside serve: unexpected "extra"`) {
		t.Errorf("an extra argument: exit %d, stderr %q", code, errOut)
	}
}
