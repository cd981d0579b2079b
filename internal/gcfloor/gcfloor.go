// Package gcfloor keeps Go's garbage collector from running while the heap
// is small.
//
// The collector starts a cycle when the heap has grown by GOGC percent of
// what the last cycle left live. A bot's live heap is a few MiB (the index
// is memory-mapped, not on the heap), so with the default of 100 a cycle
// ran every 30-40 questions at 100,000 passages, and the questions that
// met one were the slowest hundredth. Keep raises GOGC after every cycle
// so that the next one waits until the heap reaches a floor, and leaves
// it at its base value once the live heap alone is that large: memory is
// spent only up to the floor.
package gcfloor

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Keep keeps the collector's heap goal at floor bytes or more, with GOGC
// at percent or more, until stop is called, which sets GOGC back to
// percent. It is for a process that has nobody else setting GOGC: the
// caller leaves it out when the user set GOGC.
func Keep(floor uint64, percent int) (stop func()) {
	t := &tuner{floor: floor, percent: percent}
	t.adjust()
	t.arm()
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		t.stopped = true
		debug.SetGCPercent(t.percent)
	}
}

type tuner struct {
	floor   uint64
	percent int

	mu      sync.Mutex
	stopped bool
}

// sentinel is an object the tuner lets go of, so that a cleanup runs after
// each collection; it holds a pointer, so the tiny allocator does not pack
// it with other objects that may live on.
type sentinel struct {
	_ *int
	_ [8]byte
}

// arm makes the tuner adjust GOGC after the next collection.
func (t *tuner) arm() {
	runtime.AddCleanup(new(sentinel), func(t *tuner) {
		if t.adjust() {
			t.arm()
		}
	}, t)
}

// adjust sets GOGC for the live heap the last collection left; it reports
// false once stopped.
func (t *tuner) adjust() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return false
	}
	debug.SetGCPercent(Percent(liveHeap(), t.floor, t.percent))
	return true
}

// Percent is the GOGC that puts the heap goal (live + live * GOGC / 100)
// at floor or above, and is never below percent; with nothing live yet it
// is percent.
func Percent(live, floor uint64, percent int) int {
	if live == 0 || live >= floor {
		return percent
	}
	need := (floor - live) * 100 / live
	return max(percent, int(min(need, 1<<20)))
}

func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
