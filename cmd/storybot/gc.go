package main

import "github.com/storybot/storybot/internal/gcfloor"

// gcFloor is the heap a serving process grows to before Go's collector
// runs (internal/gcfloor). The bot's own heap is a few MiB, the index being
// memory-mapped: with Go's default the collector ran every 30-40 questions
// at 100,000 passages, and the questions that met it were the slowest
// hundredth. With 32 MiB, 1,200 questions met 6 collections instead of 22
// and their p99 was 2.4-3.3 ms instead of 3.4 ms (the first 400: 2.7-3.6
// instead of 4.8-5.6). A floor of 64 MiB cut collections further but made
// every question slower at 10,000 passages (bench p50 0.95 ms against
// 0.55-0.60), its allocations spread over more memory than the caches hold.
const gcFloor = 32 << 20

// keepGCFloor keeps the floor until the returned function is called,
// unless GOGC is set, which the runtime then follows as it is.
func keepGCFloor(env func(string) string) (stop func()) {
	if env("GOGC") != "" {
		return func() {}
	}
	return gcfloor.Keep(gcFloor, 100)
}
