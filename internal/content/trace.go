package content

import "time"

// timer reports the time of each stage to a trace function, if there is one.
type timer struct {
	trace func(string, time.Duration)
	last  time.Time
}

func newTimer(trace func(string, time.Duration)) *timer {
	return &timer{trace: trace, last: time.Now()}
}

// stage reports the time since the last stage ended.
func (t *timer) stage(name string) {
	if t.trace == nil {
		return
	}
	now := time.Now()
	t.trace(name, now.Sub(t.last))
	t.last = now
}
