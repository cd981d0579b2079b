package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Bounds of `storybot loadgen`: a load test here is bounded in count and
// time and stops by itself.
const (
	loadgenMaxN           = 1_000_000
	loadgenMaxConcurrency = 256
	loadgenMaxDuration    = 10 * time.Minute
	loadgenDefaultAppID   = "1180000000000000001"
)

// loadgenQuestions are the /ask questions loadgen sends, about the built-in
// story; loadgenTopics its topic commands.
var (
	loadgenQuestions = []string{
		"how much crude oil can North Korea import?",
		"who vetoes the resolution?",
		"what did the spokesman say?",
		"when was the military parade?",
		"which countries sit on the security council?",
		"what does the draft resolution ban?",
		"did china and russia support the sanctions?",
		"how many ICBM launches were there?",
		"what exports are banned?",
		"what did Trump say about meeting Kim?",
	}
	loadgenTopics = []string{"who-vetoes", "oil-cap", "parade", "us-talks", "security-council", "exports"}
)

// loadgenConfig is a parsed loadgen command line.
type loadgenConfig struct {
	url         string
	key         ed25519.PrivateKey
	n           int
	concurrency int
	duration    time.Duration
	members     int
	askShare    float64
	appID       string
	seed        uint64
	jsonOut     bool
}

// checkLoadgenURL refuses every target but this machine's loopback over
// plain HTTP: a load test never leaves the machine.
func checkLoadgenURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" || u.Host == "" {
		return fmt.Errorf("--url %q: want http://127.0.0.1:PORT/interactions or http://localhost:PORT/interactions", raw)
	}
	switch u.Hostname() {
	case "127.0.0.1", "localhost", "::1":
		return nil
	}
	return fmt.Errorf("--url %q: loadgen only targets 127.0.0.1, localhost or [::1], not %q", raw, u.Hostname())
}

// loadgenKey reads --key-seed (32 bytes, hex) or --private-key (64 bytes, hex).
func loadgenKey(seed, priv string) (ed25519.PrivateKey, error) {
	switch {
	case seed != "" && priv != "":
		return nil, errors.New("give --key-seed or --private-key, not both")
	case seed != "":
		b, err := hex.DecodeString(strings.TrimSpace(seed))
		if err != nil || len(b) != ed25519.SeedSize {
			return nil, errors.New("--key-seed is not 64 hex digits (a 32-byte Ed25519 seed)")
		}
		return ed25519.NewKeyFromSeed(b), nil
	case priv != "":
		b, err := hex.DecodeString(strings.TrimSpace(priv))
		if err != nil || len(b) != ed25519.PrivateKeySize {
			return nil, errors.New("--private-key is not 128 hex digits (a 64-byte Ed25519 private key)")
		}
		return ed25519.PrivateKey(b), nil
	}
	return nil, errors.New("--key-seed or --private-key is required (the key whose public half is the server's DISCORD_PUBLIC_KEY)")
}

func parseLoadgen(args []string, stdout, stderr io.Writer) (loadgenConfig, bool, error) {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c loadgenConfig
	fs.StringVar(&c.url, "url", "", "the `URL` of the interactions endpoint: http://127.0.0.1:PORT/interactions (loopback only)")
	seed := fs.String("key-seed", "", "Ed25519 seed, 64 `HEX` digits, to sign with")
	priv := fs.String("private-key", "", "Ed25519 private key, 128 `HEX` digits, to sign with")
	pub := fs.Bool("public-key", false, "print the public key (hex, for DISCORD_PUBLIC_KEY) of the signing key and exit")
	fs.IntVar(&c.n, "n", 1000, "interactions to send in all (at most 1000000)")
	fs.IntVar(&c.concurrency, "concurrency", 8, "requests in flight at once (at most 256)")
	fs.DurationVar(&c.duration, "duration", time.Minute, "stop after this long even if -n is not reached (at most 10m)")
	fs.IntVar(&c.members, "members", 10000, "distinct random members the interactions come from")
	fs.Float64Var(&c.askShare, "ask", 0.6, "share of /ask questions; the rest are topic commands")
	fs.StringVar(&c.appID, "app-id", loadgenDefaultAppID, "application ID put in the interactions")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed of the mix")
	fs.BoolVar(&c.jsonOut, "json", false, "print the summary as one JSON object")
	if words, err := parseFlags(fs, args); err != nil {
		return c, false, err
	} else if len(words) > 0 {
		return c, false, &usageError{fmt.Sprintf("loadgen: unexpected argument %q", words[0])}
	}
	key, err := loadgenKey(*seed, *priv)
	if err != nil {
		return c, false, &usageError{"loadgen: " + err.Error()}
	}
	c.key = key
	if *pub {
		fmt.Fprintln(stdout, hex.EncodeToString(key.Public().(ed25519.PublicKey)))
		return c, true, nil
	}
	if err := checkLoadgenURL(c.url); err != nil {
		return c, false, &usageError{"loadgen: " + err.Error()}
	}
	switch {
	case c.n < 1 || c.n > loadgenMaxN:
		return c, false, &usageError{fmt.Sprintf("loadgen: --n is not from 1 to %d", loadgenMaxN)}
	case c.concurrency < 1 || c.concurrency > loadgenMaxConcurrency:
		return c, false, &usageError{fmt.Sprintf("loadgen: --concurrency is not from 1 to %d", loadgenMaxConcurrency)}
	case c.duration <= 0 || c.duration > loadgenMaxDuration:
		return c, false, &usageError{fmt.Sprintf("loadgen: --duration is not from 1ns to %s", loadgenMaxDuration)}
	case c.members < 1:
		return c, false, &usageError{"loadgen: --members is below 1"}
	case c.askShare < 0 || c.askShare > 1:
		return c, false, &usageError{"loadgen: --ask is not from 0 to 1"}
	}
	return c, false, nil
}

// loadgenResult is what loadgen measured.
type loadgenResult struct {
	Sent       int            `json:"sent"`
	OK         int            `json:"ok"`
	Errors     int            `json:"errors"`
	Seconds    float64        `json:"seconds"`
	Throughput float64        `json:"throughput_per_s"`
	P50ms      float64        `json:"p50_ms"`
	P99ms      float64        `json:"p99_ms"`
	Maxms      float64        `json:"max_ms"`
	Statuses   map[string]int `json:"statuses"`
	Replies    map[string]int `json:"replies"`
	ErrorKinds map[string]int `json:"error_kinds,omitempty"`
}

// interaction builds the JSON of the i-th interaction.
func (c loadgenConfig) interaction(r *rand.Rand, i int) []byte {
	member := strconv.FormatUint(700000000000000000+uint64(r.IntN(c.members)), 10)
	data := map[string]any{"type": 1}
	if r.Float64() < c.askShare {
		data["id"], data["name"] = "1190000000000000001", "ask"
		data["options"] = []map[string]any{{"name": "question", "type": 3, "value": loadgenQuestions[r.IntN(len(loadgenQuestions))]}}
	} else {
		data["id"], data["name"] = "1190000000000000002", loadgenTopics[r.IntN(len(loadgenTopics))]
	}
	b, _ := json.Marshal(map[string]any{
		"id":             strconv.FormatUint(1300000000000000000+uint64(i), 10),
		"application_id": c.appID,
		"type":           2,
		"token":          fmt.Sprintf("loadgen-%d-%d", c.seed, i),
		"version":        1,
		"guild_id":       "1100000000000000001",
		"channel_id":     "1100000000000000002",
		"locale":         "en-US",
		"member": map[string]any{
			"user":        map[string]any{"id": member, "username": "member" + member[len(member)-4:]},
			"roles":       []string{},
			"permissions": "2048",
		},
		"data": data,
	})
	return b
}

// replyKind names an answer body: "answer", "deferred", "busy", "cooldown"
// or "other".
func replyKind(body []byte) string {
	var resp struct {
		Type int `json:"type"`
		Data struct {
			Content string `json:"content"`
		} `json:"data"`
	}
	if json.Unmarshal(body, &resp) != nil {
		return "unparsed"
	}
	content := strings.ToLower(resp.Data.Content)
	switch {
	case resp.Type == 5:
		return "deferred"
	case strings.Contains(content, "busy"):
		return "busy"
	case strings.Contains(content, "wait"):
		return "cooldown"
	case resp.Type == 4:
		return "answer"
	}
	return "type " + strconv.Itoa(resp.Type)
}

// loadgen sends the interactions and measures them.
func loadgen(ctx context.Context, c loadgenConfig) loadgenResult {
	ctx, cancel := context.WithTimeout(ctx, c.duration)
	defer cancel()
	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConns: c.concurrency, MaxIdleConnsPerHost: c.concurrency, IdleConnTimeout: 30 * time.Second},
	}
	defer client.CloseIdleConnections()
	var next atomic.Int64
	type sample struct {
		d      time.Duration
		status string
		reply  string
		err    string
	}
	samples := make([][]sample, c.concurrency)
	start := time.Now()
	var wg sync.WaitGroup
	for w := range c.concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(c.seed, uint64(w)))
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= c.n {
					return
				}
				body := c.interaction(r, i)
				stamp := strconv.FormatInt(time.Now().Unix(), 10)
				sig := ed25519.Sign(c.key, append([]byte(stamp), body...))
				req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
				if err != nil {
					samples[w] = append(samples[w], sample{err: "request: " + err.Error()})
					continue
				}
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-Signature-Timestamp", stamp)
				req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(sig))
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					if ctx.Err() != nil {
						return // the duration ran out mid-request: not counted
					}
					samples[w] = append(samples[w], sample{d: time.Since(t0), status: "error", err: shortErr(err)})
					continue
				}
				b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
				resp.Body.Close()
				s := sample{d: time.Since(t0), status: strconv.Itoa(resp.StatusCode)}
				if resp.StatusCode == http.StatusOK {
					s.reply = replyKind(b)
				}
				samples[w] = append(samples[w], s)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	res := loadgenResult{Statuses: map[string]int{}, Replies: map[string]int{}, ErrorKinds: map[string]int{}, Seconds: elapsed.Seconds()}
	var lat []time.Duration
	for _, ws := range samples {
		for _, s := range ws {
			res.Sent++
			res.Statuses[s.status]++
			if s.reply != "" {
				res.Replies[s.reply]++
			}
			if s.status == "200" {
				res.OK++
			} else {
				res.Errors++
				if s.err != "" {
					res.ErrorKinds[s.err]++
				}
			}
			if s.status != "" && s.status != "error" {
				lat = append(lat, s.d)
			}
		}
	}
	slices.Sort(lat)
	res.Throughput = float64(res.Sent) / elapsed.Seconds()
	res.P50ms, res.P99ms = ms(percentile(lat, 50)), ms(percentile(lat, 99))
	if len(lat) > 0 {
		res.Maxms = ms(lat[len(lat)-1])
	}
	return res
}

// shortErr names a transport error without its changing parts.
func shortErr(err error) string {
	msg := err.Error()
	for _, k := range []string{"connection refused", "connection reset", "EOF", "timeout", "deadline exceeded", "broken pipe"} {
		if strings.Contains(msg, k) {
			return k
		}
	}
	if len(msg) > 80 {
		msg = msg[:80]
	}
	return msg
}

// percentile is the nearest-rank p-th percentile of sorted durations.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (p*len(sorted)+99)/100 - 1
	return sorted[max(0, min(i, len(sorted)-1))]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// runLoadgen handles `storybot loadgen`.
func runLoadgen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, done, err := parseLoadgen(args, stdout, stderr)
	if err != nil || done {
		return err
	}
	res := loadgen(ctx, c)
	if c.jsonOut {
		return json.NewEncoder(stdout).Encode(res)
	}
	fmt.Fprintf(stdout, "sent %d in %.2fs: %.1f/s, %d ok, %d errors\n", res.Sent, res.Seconds, res.Throughput, res.OK, res.Errors)
	fmt.Fprintf(stdout, "latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", res.P50ms, res.P99ms, res.Maxms)
	fmt.Fprintf(stdout, "statuses: %s\n", countsLine(res.Statuses))
	fmt.Fprintf(stdout, "replies: %s\n", countsLine(res.Replies))
	if len(res.ErrorKinds) > 0 {
		fmt.Fprintf(stdout, "errors: %s\n", countsLine(res.ErrorKinds))
	}
	return nil
}

func countsLine(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%d", k, m[k])
	}
	return strings.Join(parts, " ")
}
