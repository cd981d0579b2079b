package main

import (
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

func gogcNow() uint64 {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestGCFloorLeavesUsersGOGC shows the floor raising GOGC in a process with
// a small heap, and leaving it alone when the user set GOGC.
func TestGCFloorLeavesUsersGOGC(t *testing.T) {
	for _, tc := range []struct {
		name   string
		gogc   string
		raised bool
	}{
		{"no GOGC: raised", "", true},
		{"GOGC set: left as it is", "100", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runtime.GC()
			live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
			metrics.Read(live)
			if live[0].Value.Uint64() > gcFloor/2 {
				t.Skipf("the test's own heap (%d bytes) is near the floor", live[0].Value.Uint64())
			}
			before := gogcNow()
			stop := keepGCFloor(func(k string) string {
				if k == "GOGC" {
					return tc.gogc
				}
				return ""
			})
			defer stop()
			raised := false
			for range 20 {
				runtime.GC()
				time.Sleep(5 * time.Millisecond)
				if raised = gogcNow() > before; raised {
					break
				}
			}
			if raised != tc.raised {
				t.Errorf("GOGC %d after collections (was %d), want raised %v", gogcNow(), before, tc.raised)
			}
		})
	}
}
