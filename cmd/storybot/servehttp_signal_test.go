package main

import (
	"crypto/ed25519"
	"encoding/hex"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/internal/fakediscord"
)

// TestServeHTTPStopsOnSIGTERM runs the built binary in HTTP mode and stops
// it with a real signal while a reindex is in flight: the deferred reply is
// still edited in, and it exits 0.
func TestServeHTTPStopsOnSIGTERM(t *testing.T) {
	bin := binary(t)
	srv := fakediscord.New(fakediscord.WithToken(fakeToken))
	t.Cleanup(srv.Close)
	pub, key, _ := ed25519.GenerateKey(nil)
	cmd := exec.Command(bin, "serve", "--http", "127.0.0.1:0")
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "STORYBOT_CORPUS=", "STORYBOT_INDEX=", "DISCORD_PUBLIC_KEY="+hex.EncodeToString(pub))
	for k, v := range discordEnv(srv) {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == ""; time.Sleep(20 * time.Millisecond) {
		if m := addrRE.FindStringSubmatch(stderr.String()); m != nil {
			base = "http://" + m[1]
		} else if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("not listening in 30s:\n%s", stderr.String())
		}
	}
	h := &httpServed{srv: srv, key: key, base: base}
	ex := h.deliver(t, fakediscord.SlashCommand("reindex"), fakediscord.WithMember("700000000000000002", discordgo.PermissionManageGuild))
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit: %v\n%s", err, stderr.String())
	}
	if m := ex.Original(); m == nil || !strings.Contains(fakediscord.FormatMessage(m), "Index rebuilt") {
		t.Errorf("the reindex in flight was cut off: %v\n%s", m, stderr.String())
	}
	if !strings.Contains(stderr.String(), "stopped") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}
