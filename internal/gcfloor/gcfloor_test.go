package gcfloor_test

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/storybot/storybot/internal/gcfloor"
)

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		name                             string
		live, floor                      uint64
		percent, wantAtLeast, wantAtMost int
	}{
		{"small heap: goal raised to the floor", 4 << 20, 64 << 20, 100, 1500, 1500},
		{"heap at half the floor: doubled", 32 << 20, 64 << 20, 100, 100, 100},
		{"heap near the floor: base percent", 60 << 20, 64 << 20, 100, 100, 100},
		{"heap above the floor: base percent", 200 << 20, 64 << 20, 100, 100, 100},
		{"nothing live yet: base percent", 0, 64 << 20, 100, 100, 100},
		{"higher base kept", 40 << 20, 64 << 20, 300, 300, 300},
		{"tiny heap: bounded", 1, 1 << 40, 100, 1 << 20, 1 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := gcfloor.Percent(tc.live, tc.floor, tc.percent)
			if got < tc.wantAtLeast || got > tc.wantAtMost {
				t.Errorf("Percent(%d, %d, %d) = %d, want %d to %d", tc.live, tc.floor, tc.percent, got, tc.wantAtLeast, tc.wantAtMost)
			}
			if tc.live > 0 && tc.live < tc.floor {
				if goal := tc.live + tc.live*uint64(got)/100; goal+tc.live/100+1 < tc.floor && got < 1<<20 {
					t.Errorf("goal %d below the floor %d", goal, tc.floor)
				}
			}
		})
	}
}

func gogc() uint64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestKeepFollowsCollections shows GOGC raised after collections while the
// heap is below the floor, and set back by stop.
func TestKeepFollowsCollections(t *testing.T) {
	stop := gcfloor.Keep(1<<30, 100) // far above this test's heap
	raised := false
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && !raised; {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // cleanups run on their own goroutine
		raised = gogc() > 1000
	}
	stop()
	if !raised {
		t.Fatalf("GOGC %d under a 1 GiB floor, want it raised", gogc())
	}
	if got := gogc(); got != 100 {
		t.Errorf("GOGC %d after stop, want 100", got)
	}
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	if got := gogc(); got != 100 {
		t.Errorf("GOGC %d after a collection past stop, want 100", got)
	}
}
