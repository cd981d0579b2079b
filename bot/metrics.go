package bot

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the latency histogram.
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// Metrics counts interactions and HTTP requests and writes them in
// Prometheus' text format. Its zero value is ready; it is safe for
// concurrent use. Hang Observe on Config.Observe.
type Metrics struct {
	mu       sync.Mutex
	requests map[[3]string]uint64 // kind, command, outcome
	statuses map[int]uint64       // HTTP status of /interactions answers
	hist     map[string]*histogram
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; one more for +Inf
	sum    float64
	n      uint64
}

// Observe records one interaction answered.
func (m *Metrics) Observe(kind, command, outcome string, took time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.requests == nil {
		m.requests = map[[3]string]uint64{}
		m.hist = map[string]*histogram{}
	}
	m.requests[[3]string{kind, command, outcome}]++
	h := m.hist[kind]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.hist[kind] = h
	}
	s := took.Seconds()
	i, _ := slices.BinarySearch(latencyBuckets, s)
	h.counts[i]++
	h.sum += s
	h.n++
}

// HTTPStatus records the status of one answer of the interactions endpoint.
func (m *Metrics) HTTPStatus(code int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.statuses == nil {
		m.statuses = map[int]uint64{}
	}
	m.statuses[code]++
}

// Gauge is one extra sample written with the metrics, such as the index size.
type Gauge struct {
	Name, Help, Type string // Type: gauge or counter
	Value            float64
}

// WriteTo writes every metric, then the extra samples, in Prometheus' text
// exposition format (version 0.0.4).
func (m *Metrics) WriteTo(w io.Writer, extra ...Gauge) error {
	var b strings.Builder
	m.mu.Lock()
	b.WriteString("# HELP storybot_interactions_total Interactions answered, by kind, command and outcome.\n")
	b.WriteString("# TYPE storybot_interactions_total counter\n")
	keys := slices.Collect(maps.Keys(m.requests))
	slices.SortFunc(keys, func(a, b [3]string) int {
		return strings.Compare(a[0]+"\x00"+a[1]+"\x00"+a[2], b[0]+"\x00"+b[1]+"\x00"+b[2])
	})
	for _, k := range keys {
		fmt.Fprintf(&b, "storybot_interactions_total{kind=%s,command=%s,outcome=%s} %d\n", quote(k[0]), quote(k[1]), quote(k[2]), m.requests[k])
	}
	b.WriteString("# HELP storybot_interaction_duration_seconds Time to answer an interaction, by kind.\n")
	b.WriteString("# TYPE storybot_interaction_duration_seconds histogram\n")
	for _, k := range slices.Sorted(maps.Keys(m.hist)) {
		h := m.hist[k]
		var cum uint64
		for i, le := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(&b, "storybot_interaction_duration_seconds_bucket{kind=%s,le=\"%s\"} %d\n", quote(k), strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		fmt.Fprintf(&b, "storybot_interaction_duration_seconds_bucket{kind=%s,le=\"+Inf\"} %d\n", quote(k), h.n)
		fmt.Fprintf(&b, "storybot_interaction_duration_seconds_sum{kind=%s} %s\n", quote(k), strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(&b, "storybot_interaction_duration_seconds_count{kind=%s} %d\n", quote(k), h.n)
	}
	b.WriteString("# HELP storybot_http_requests_total Requests to /interactions, by HTTP status.\n")
	b.WriteString("# TYPE storybot_http_requests_total counter\n")
	for _, c := range slices.Sorted(maps.Keys(m.statuses)) {
		fmt.Fprintf(&b, "storybot_http_requests_total{code=\"%d\"} %d\n", c, m.statuses[c])
	}
	m.mu.Unlock()
	for _, g := range extra {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n%s %s\n", g.Name, g.Help, g.Name, g.Type, g.Name, strconv.FormatFloat(g.Value, 'g', -1, 64))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// quote writes a label value, escaped as the text format asks.
func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
