package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/internal/fakediscord"
)

func TestReadShardConfig(t *testing.T) {
	tests := []struct {
		id, count string
		want      shardConfig
		err       string // the key the error must name; "" for none
	}{
		{"", "", shardConfig{}, ""},
		{"0", "1", shardConfig{id: 0, count: 1}, ""},
		{"0", "2", shardConfig{id: 0, count: 2}, ""},
		{" 3 ", "4", shardConfig{id: 3, count: 4}, ""},
		{"1", "", shardConfig{}, envShardID + " is set but " + envShardCount + " is not"},
		{"", "2", shardConfig{}, envShardCount + " is set but " + envShardID + " is not"},
		{"0", "0", shardConfig{}, envShardCount},
		{"0", "-1", shardConfig{}, envShardCount},
		{"0", "two", shardConfig{}, envShardCount},
		{"0", "5000", shardConfig{}, envShardCount},
		{"2", "2", shardConfig{}, envShardID},
		{"-1", "2", shardConfig{}, envShardID},
		{"x", "2", shardConfig{}, envShardID},
	}
	for _, tt := range tests {
		env := map[string]string{envShardID: tt.id, envShardCount: tt.count}
		got, err := readShardConfig(func(k string) string { return env[k] })
		if tt.err == "" {
			if err != nil || got != tt.want {
				t.Errorf("id %q count %q: %+v, %v; want %+v", tt.id, tt.count, got, err, tt.want)
			}
			continue
		}
		if err == nil || !strings.HasPrefix(err.Error(), tt.err) || strings.Contains(err.Error(), "\n") {
			t.Errorf("id %q count %q: err %v, want one line starting %q", tt.id, tt.count, err, tt.err)
		}
	}
}

// TestServeShardsIdentify runs the gateway serve path as shard 0 and then
// shard 1 of 2 against the fake Discord: IDENTIFY carries the shard pair,
// shard 0 syncs the commands and shard 1 does not.
func TestServeShardsIdentify(t *testing.T) {
	srv := fakediscord.New(fakediscord.WithToken(fakeToken))
	t.Cleanup(srv.Close)

	s0 := startServe(t, srv, envShardID, "0", envShardCount, "2")
	id, ok := srv.LastIdentify()
	if !ok || id.Shard == nil || *id.Shard != [2]int{0, 2} {
		t.Fatalf("IDENTIFY shard = %v (ok %v), want [0 2]", id.Shard, ok)
	}
	if len(srv.Commands(srv.GuildID())) == 0 {
		t.Fatal("shard 0 synced no commands")
	}
	if err := s0.stop(); err != nil {
		t.Fatal(err)
	}

	env := discordEnv(srv)
	env[envShardID], env[envShardCount] = "1", "2"
	ctx, cancel := context.WithCancel(context.Background())
	logs := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"storybot", "serve"}, func(k string) string { return env[k] }, strings.NewReader(""), &bytes.Buffer{}, logs)
	}()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("shard 1: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Error("shard 1 did not stop within 20s")
		}
	}()
	before := len(srv.Requests())
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(logs.String(), "only shard 0 syncs") {
		if time.Now().After(deadline) {
			t.Fatalf("shard 1 did not connect in 20s:\n%s", logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	id, ok = srv.LastIdentify()
	if !ok || id.Shard == nil || *id.Shard != [2]int{1, 2} {
		t.Fatalf("IDENTIFY shard = %v (ok %v), want [1 2]", id.Shard, ok)
	}
	for _, r := range srv.Requests()[before:] {
		if strings.Contains(r.Path, "/commands") {
			t.Errorf("shard 1 called the commands API: %v", r)
		}
	}
	// Shard 1 still answers the interactions routed to it.
	ex := send(t, srv, fakediscord.SlashCommand("help"), fakediscord.WithMember("700000000000000001", discordgo.PermissionSendMessages))
	fctx, fcancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer fcancel()
	if _, err := ex.Final(fctx); err != nil {
		t.Fatal(err)
	}
}
