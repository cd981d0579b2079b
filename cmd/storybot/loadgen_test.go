package main

import (
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/storybot/storybot/internal/fakediscord"
)

func TestLoadgenRefusesOtherTargets(t *testing.T) {
	seed := strings.Repeat("ab", 32)
	for _, u := range []string{"http://10.0.0.1:8080/interactions", "https://127.0.0.1/interactions", "http://example.com/interactions", "http://192.168.1.1/interactions", "127.0.0.1:8080", ""} {
		_, _, err := runCmd(t, nil, "", "loadgen", "--url", u, "--key-seed", seed, "--n", "1")
		if err == nil || !strings.Contains(err.Error(), "--url") {
			t.Errorf("--url %q: err %v, want a refusal", u, err)
		}
	}
	for _, args := range [][]string{
		{"--url", "http://127.0.0.1:1/interactions"},
		{"--url", "http://127.0.0.1:1/interactions", "--key-seed", "abc"},
		{"--url", "http://127.0.0.1:1/interactions", "--key-seed", seed, "--n", "0"},
		{"--url", "http://127.0.0.1:1/interactions", "--key-seed", seed, "--concurrency", "1000"},
		{"--url", "http://127.0.0.1:1/interactions", "--key-seed", seed, "--duration", "1h"},
	} {
		if _, _, err := runCmd(t, nil, "", append([]string{"loadgen"}, args...)...); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
	out, _, err := runCmd(t, nil, "", "loadgen", "--key-seed", seed, "--public-key")
	if err != nil || len(strings.TrimSpace(out)) != 64 {
		t.Errorf("--public-key: %q, %v", out, err)
	}
}

// TestLoadgenAgainstServeHTTP runs a small load against `serve --http` on
// 127.0.0.1: every interaction is answered 200.
func TestLoadgenAgainstServeHTTP(t *testing.T) {
	srv := fakediscord.New(fakediscord.WithToken(fakeToken))
	t.Cleanup(srv.Close)
	h := startHTTPServe(t, srv, "STORYBOT_MAX_SEARCHES", "0")
	out, stderr, err := runCmd(t, nil, "", "loadgen", "--url", h.base+"/interactions",
		"--private-key", hex.EncodeToString(h.key), "--app-id", srv.ApplicationID(),
		"--n", "60", "--concurrency", "4", "--duration", "30s", "--json")
	if err != nil {
		t.Fatalf("loadgen: %v\n%s", err, stderr)
	}
	var res loadgenResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if res.Sent != 60 || res.OK != 60 || res.Errors != 0 || res.Statuses["200"] != 60 {
		t.Fatalf("result %+v\nserve logs:\n%s", res, h.logs.String())
	}
	if res.Replies["answer"]+res.Replies["deferred"] != 60 || res.P50ms <= 0 || res.P99ms < res.P50ms || res.Throughput <= 0 {
		t.Errorf("result %+v", res)
	}
	// The text summary names the figures.
	out, _, err = runCmd(t, nil, "", "loadgen", "--url", h.base+"/interactions",
		"--private-key", hex.EncodeToString(h.key), "--n", "5", "--concurrency", "2")
	if err != nil || !strings.Contains(out, "sent 5 in") || !strings.Contains(out, "p99") || !strings.Contains(out, "statuses: 200=5") {
		t.Errorf("text summary %q, %v", out, err)
	}
}
