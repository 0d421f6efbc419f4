package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// writeProject writes the repository's site into a new folder.
func writeProject(t *testing.T) string {
	root := t.TempDir()
	for p, f := range repoFS(t) {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

var buildAttr = regexp.MustCompile(`data-build="(\d+)"`)

// TestLoad: 200 clients read pages and hold reload connections while 20
// edits land. No request fails, every response is the bytes of one whole
// build, and once the clients leave and the server stops, goroutines and
// memory are back where they were.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("the load test takes a few seconds")
	}
	root := writeProject(t)
	brief := filepath.Join(root, "content", "briefs", "advocacy.md")
	orig, err := os.ReadFile(brief)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	goroutines := runtime.NumGoroutine()

	var mu sync.Mutex
	snaps := map[uint64]*snapshot{}
	s := New(Options{Root: root, Content: testOptions()})
	s.record = func(snap *snapshot) { mu.Lock(); snaps[snap.gen] = snap; mu.Unlock() }
	ln, err := Listen("127.0.0.1:0", false)
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- s.Run(ctx, ln) }()
	base := "http://" + ln.Addr().String()
	for s.snap.Load().gen == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	const clients, edits, reads = 200, 20, 25
	tr := &http.Transport{MaxIdleConnsPerHost: clients, DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext}
	client := &http.Client{Transport: tr, Timeout: 20 * time.Second}
	paths := []string{"/briefs/advocacy/", "/briefs/", "/", "/glossary/", "/assets/site.css", "/no-such-page/"}
	errs := make(chan error, clients*(reads+2))
	var wg sync.WaitGroup
	clientCtx, leave := context.WithCancel(context.Background())
	var connected sync.WaitGroup
	connected.Add(clients)
	for c := 0; c < clients; c++ {
		wg.Add(2)
		go func() { // the page's reload connection, held until the clients leave
			defer wg.Done()
			req, _ := http.NewRequestWithContext(clientCtx, "GET", base+eventsURL, nil)
			res, err := client.Do(req)
			if err != nil {
				connected.Done()
				errs <- err
				return
			}
			defer res.Body.Close()
			r := bufio.NewReader(res.Body)
			if _, err := r.ReadString('\n'); err != nil {
				errs <- fmt.Errorf("event stream: %v", err)
			}
			connected.Done()
			io.Copy(io.Discard, r)
		}()
		go func(c int) {
			defer wg.Done()
			for i := 0; i < reads; i++ {
				p := paths[(c+i)%len(paths)]
				res, err := client.Get(base + p)
				if err != nil {
					errs <- err
					return
				}
				b, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil {
					errs <- err
					return
				}
				if want := map[bool]int{true: 404, false: 200}[p == "/no-such-page/"]; res.StatusCode != want {
					errs <- fmt.Errorf("GET %s: status %d", p, res.StatusCode)
					return
				}
				if err := whole(&mu, snaps, p, b); err != nil {
					errs <- err
					return
				}
				time.Sleep(time.Duration(c%7) * 10 * time.Millisecond)
			}
		}(c)
	}
	connected.Wait()
	if n := s.hub.count(); n != clients {
		t.Errorf("%d reload connections are open, not %d", n, clients)
	}
	for e := 1; e <= edits; e++ {
		// A new last paragraph, so the edit does not depend on the brief's wording.
		text := append(append([]byte(nil), orig...), fmt.Sprintf("\nA line added by (edit %d).\n", e)...)
		if err := os.WriteFile(brief, text, 0o644); err != nil {
			t.Fatal(err)
		}
		// Each edit lands once the one before it is being served.
		mark := []byte(fmt.Sprintf("(edit %d)", e))
		waitFor(t, fmt.Sprintf("edit %d to be built", e), func() bool {
			return bytes.Contains(s.snap.Load().files["briefs/advocacy/index.html"], mark)
		})
	}
	leave()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := len(snaps); n < edits+1 {
		t.Errorf("only %d builds while 20 edits landed", n)
	}
	tr.CloseIdleConnections()
	waitFor(t, "the reload connections to close", func() bool { return s.hub.count() == 0 })

	// Memory: the caches and one snapshot, as before the clients came.
	mu.Lock()
	snaps = nil
	mu.Unlock()
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 16<<20 {
		t.Errorf("the heap grew by %d MB over the test", grown>>20)
	}

	// Ctrl-C: Run returns, and nothing it started is left running.
	stop()
	select {
	case err := <-ran:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop")
	}
	waitFor(t, "goroutines to end", func() bool { return runtime.NumGoroutine() <= goroutines })
	if _, err := http.Get(base + "/"); err == nil {
		t.Error("the server still answers after it stopped")
	}
}

// whole checks that b is the bytes of path in one build: the build the
// page names for HTML, any build for other files.
func whole(mu *sync.Mutex, snaps map[uint64]*snapshot, urlPath string, b []byte) error {
	mu.Lock()
	defer mu.Unlock()
	if m := buildAttr.FindSubmatch(b); m != nil {
		gen, _ := strconv.ParseUint(string(m[1]), 10, 64)
		snap := snaps[gen]
		if snap == nil {
			return fmt.Errorf("GET %s: build %d was never made", urlPath, gen)
		}
		_, name, page := snap.lookup(urlPath)
		if want := inject(page, snap.diags, snap.drafts[name], false, gen); !bytes.Equal(b, want) {
			return fmt.Errorf("GET %s: the response is not the page of build %d", urlPath, gen)
		}
		return nil
	}
	if strings.HasSuffix(urlPath, "/") {
		return fmt.Errorf("GET %s: the page does not name its build", urlPath)
	}
	for _, snap := range snaps {
		if _, _, f := snap.lookup(urlPath); bytes.Equal(f, b) {
			return nil
		}
	}
	return fmt.Errorf("GET %s: the response is no build's file", urlPath)
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10s for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
	runtime.GC()
}
