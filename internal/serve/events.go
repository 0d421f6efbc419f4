package serve

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// MaxListeners is how many pages may wait for reload events at once; more
// are told to try again, so that a runaway tab cannot exhaust the server.
const MaxListeners = 1000

// hub hands the number of each new build to every waiting page.
type hub struct {
	mu   sync.Mutex
	subs map[chan uint64]struct{}
}

func (h *hub) subscribe() (chan uint64, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs == nil {
		h.subs = map[chan uint64]struct{}{}
	}
	if len(h.subs) >= MaxListeners {
		return nil, false
	}
	c := make(chan uint64, 1)
	h.subs[c] = struct{}{}
	return c, true
}

func (h *hub) unsubscribe(c chan uint64) {
	h.mu.Lock()
	delete(h.subs, c)
	h.mu.Unlock()
}

// publish tells every page about build gen. A page that has not read the
// previous number yet gets only the newest: it needs to reload once.
func (h *hub) publish(gen uint64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.subs {
		select {
		case <-c:
		default:
		}
		c <- gen
	}
}

func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// events is the Server-Sent Events stream: "build" events carrying the
// number of the build being served, the current one first.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	c, ok := s.hub.subscribe()
	if !ok {
		w.Header().Set("Retry-After", "5")
		http.Error(w, "too many open pages", http.StatusServiceUnavailable)
		return
	}
	defer s.hub.unsubscribe(c)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	send := func(gen uint64) bool {
		_, err := fmt.Fprintf(w, "retry: 500\nevent: build\ndata: %s\n\n", strconv.FormatUint(gen, 10))
		fl.Flush()
		return err == nil
	}
	if !send(s.snap.Load().gen) {
		return
	}
	tick := time.NewTicker(25 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case gen := <-c:
			if !send(gen) {
				return
			}
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": still here\n\n"); err != nil {
				return
			}
			fl.Flush()
		}
	}
}
