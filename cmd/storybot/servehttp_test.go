package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/internal/fakediscord"
)

// httpServed is `storybot serve --http 127.0.0.1:0` running against a fake
// Discord's REST API.
type httpServed struct {
	srv  *fakediscord.Server
	key  ed25519.PrivateKey
	pub  string // hex
	base string // http://127.0.0.1:PORT
	logs *syncBuffer
	stop func() error
}

var addrRE = regexp.MustCompile(`msg="serving HTTP interactions" addr=(\S+)`)

// startHTTPServe runs the real serve path in HTTP mode with a fresh key
// pair, and waits until it listens.
func startHTTPServe(t *testing.T, srv *fakediscord.Server, extra ...string) *httpServed {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	env := discordEnv(srv)
	env["DISCORD_PUBLIC_KEY"] = hex.EncodeToString(pub)
	for i := 0; i+1 < len(extra); i += 2 {
		env[extra[i]] = extra[i+1]
	}
	logs, done, stop := runInBackground(t, env, "serve", "--http", "127.0.0.1:0")
	h := &httpServed{srv: srv, key: priv, pub: hex.EncodeToString(pub), logs: logs, stop: stop}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if m := addrRE.FindStringSubmatch(logs.String()); m != nil {
			h.base = "http://" + m[1]
			return h
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended early: %v\n%s", err, logs.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not listen in 20s:\n%s", logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// post sends body to /interactions signed with key at ts.
func (h *httpServed) post(t *testing.T, key ed25519.PrivateKey, ts time.Time, body []byte) (int, string, http.Header) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.base+"/interactions", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	stamp := strconv.FormatInt(ts.Unix(), 10)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", stamp)
	req.Header.Set("X-Signature-Ed25519", fakediscord.Sign(key, stamp, body))
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (int, string, http.Header) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func (h *httpServed) get(t *testing.T, path string) (int, string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, h.base+path, nil)
	return do(t, req)
}

// deliver sends an interaction as Discord does to the endpoint, through the
// fake, which records the answer in the body and the REST calls after it.
func (h *httpServed) deliver(t *testing.T, i *discordgo.Interaction, opts ...fakediscord.InteractionOption) *fakediscord.Exchange {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ex, ans, err := h.srv.PostInteraction(ctx, h.base+"/interactions", h.key, i, opts...)
	if err != nil {
		t.Fatal(err)
	}
	if ans.Status != http.StatusOK || ans.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("answer %d %q: %s", ans.Status, ans.Header.Get("Content-Type"), ans.Body)
	}
	return ex
}

// TestServeHTTPEndToEnd drives `storybot serve --http` over real HTTP with
// signed interactions, and the fake Discord's REST API for what follows
// the first response.
func TestServeHTTPEndToEnd(t *testing.T) {
	srv := fakediscord.New(fakediscord.WithToken(fakeToken))
	t.Cleanup(srv.Close)
	h := startHTTPServe(t, srv, "STORYBOT_COOLDOWN", "1m")
	member := fakediscord.WithMember("700000000000000001", discordgo.PermissionSendMessages)
	ping := []byte(`{"id":"1180000000000000100","application_id":"1180000000000000001","type":1,"token":"x","version":1}`)

	t.Run("commands are synced through REST", func(t *testing.T) {
		if n := len(srv.Commands(srv.GuildID())); n != 16 {
			t.Errorf("%d commands synced", n)
		}
		if strings.Contains(h.logs.String(), "connected to Discord") || srv.Identifies() != 0 {
			t.Error("HTTP mode opened the gateway")
		}
	})

	t.Run("ping gets pong", func(t *testing.T) {
		code, body, hdr := h.post(t, h.key, time.Now(), ping)
		if code != 200 || strings.TrimSpace(body) != `{"type":1}` || hdr.Get("Content-Type") != "application/json" {
			t.Errorf("%d %q %q", code, hdr.Get("Content-Type"), body)
		}
	})

	t.Run("a slash command is answered in the body", func(t *testing.T) {
		ex := h.deliver(t, fakediscord.SlashCommand("who-vetoes"), member)
		if r := ex.Response(); r == nil || r.Type != discordgo.InteractionResponseChannelMessageWithSource {
			t.Fatalf("response %+v; rejections %v", r, ex.Rejections())
		}
		m := final(t, ex)
		if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Fields[0].Value, "paragraph 11") || !strings.Contains(m.Embeds[0].Fields[0].Value, "**veto power**") {
			t.Errorf("reply:\n%s", fakediscord.FormatMessage(m))
		}
	})

	t.Run("autocomplete is answered in the body", func(t *testing.T) {
		ex := h.deliver(t, fakediscord.Autocomplete("ask", "question", "crude oi"), member)
		if r := ex.Response(); r == nil || r.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(r.Data.Choices) == 0 {
			t.Errorf("autocomplete %+v", r)
		}
	})

	t.Run("a button pages in place", func(t *testing.T) {
		asker := fakediscord.WithMember("700000000000000005", discordgo.PermissionSendMessages)
		ex := h.deliver(t, fakediscord.SlashCommand("ask", fakediscord.StringOption("question", "North Korea sanctions")), asker)
		m := final(t, ex)
		click := fakediscord.ButtonClick(buttonID(t, m, "More ▶"), ex.Original())
		page2 := final(t, h.deliver(t, click, asker))
		if page2.Embeds[0].Fields[0].Name != "#4" {
			t.Errorf("page 2 starts at %s", page2.Embeds[0].Fields[0].Name)
		}
	})

	t.Run("bad requests are refused", func(t *testing.T) {
		_, otherKey, _ := ed25519.GenerateKey(nil)
		cmd, _ := json.Marshal(fakediscord.SlashCommand("help"))
		for _, tt := range []struct {
			name string
			code int
			send func() (int, string, http.Header)
		}{
			{"bad signature", 401, func() (int, string, http.Header) { return h.post(t, otherKey, time.Now(), ping) }},
			{"stale timestamp", 401, func() (int, string, http.Header) { return h.post(t, h.key, time.Now().Add(-6*time.Minute), cmd) }},
			{"oversized body", 413, func() (int, string, http.Header) {
				return h.post(t, h.key, time.Now(), append(bytes.Repeat([]byte(" "), 70<<10), ping...))
			}},
			{"wrong method", 405, func() (int, string, http.Header) { return h.get(t, "/interactions") }},
			{"no signature", 401, func() (int, string, http.Header) {
				req, _ := http.NewRequest(http.MethodPost, h.base+"/interactions", bytes.NewReader(ping))
				return do(t, req)
			}},
		} {
			if code, body, _ := tt.send(); code != tt.code {
				t.Errorf("%s: %d %q, want %d", tt.name, code, body, tt.code)
			}
		}
	})

	t.Run("cooldown", func(t *testing.T) {
		who := fakediscord.WithMember("700000000000000006", discordgo.PermissionSendMessages)
		final(t, h.deliver(t, fakediscord.SlashCommand("oil-cap"), who))
		m := final(t, h.deliver(t, fakediscord.SlashCommand("ask", fakediscord.StringOption("question", "who vetoes")), who))
		if !strings.Contains(m.Content, "You can ask again in") || m.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("second search within the cooldown:\n%s", fakediscord.FormatMessage(m))
		}
	})

	t.Run("reindex is deferred in the body and edited through REST", func(t *testing.T) {
		ex := h.deliver(t, fakediscord.SlashCommand("reindex"), fakediscord.WithMember("700000000000000002", moderatorPerms))
		if r := ex.Response(); r == nil || r.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
			t.Fatalf("first response %+v", r)
		}
		m := final(t, ex)
		if !strings.Contains(fakediscord.FormatMessage(m), "Index rebuilt") || len(ex.Edits()) == 0 {
			t.Errorf("after %d edits:\n%s", len(ex.Edits()), fakediscord.FormatMessage(m))
		}
		var patched bool
		for _, r := range srv.Requests() {
			patched = patched || (r.Method == "PATCH" && strings.Contains(r.Path, "/webhooks/"+srv.ApplicationID()+"/"+ex.Token()+"/messages/@original") && r.Status == 200)
		}
		if !patched {
			t.Error("no accepted PATCH of @original in the fake's request log")
		}
	})

	t.Run("healthz", func(t *testing.T) {
		code, body, hdr := h.get(t, "/healthz")
		var got struct {
			Status       string `json:"status"`
			IndexVersion string `json:"index_version"`
			Articles     int    `json:"articles"`
			Passages     int    `json:"passages"`
		}
		if err := json.Unmarshal([]byte(body), &got); code != 200 || err != nil || hdr.Get("Content-Type") != "application/json" {
			t.Fatalf("%d %q: %v", code, body, err)
		}
		if got.Status != "ok" || got.IndexVersion == "" || got.Articles != 1 || got.Passages < 5 {
			t.Errorf("healthz %+v", got)
		}
	})

	t.Run("metrics", func(t *testing.T) {
		code, body, hdr := h.get(t, "/metrics")
		if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/plain; version=0.0.4") {
			t.Fatalf("%d %q", code, hdr.Get("Content-Type"))
		}
		for _, want := range []string{
			`storybot_interactions_total{kind="command",command="who-vetoes",outcome="ok"} 1`,
			`storybot_interactions_total{kind="command",command="ask",outcome="cooldown"} 1`,
			`storybot_interactions_total{kind="autocomplete",command="ask",outcome="ok"} 1`,
			`storybot_interactions_total{kind="component",command="",outcome="ok"} 1`,
			`storybot_interaction_duration_seconds_bucket{kind="command",le="+Inf"}`,
			`storybot_http_requests_total{code="200"}`,
			`storybot_http_requests_total{code="401"} 3`,
			`storybot_http_requests_total{code="413"} 1`,
			"\nstorybot_index_passages ",
			"\nstorybot_reindex_total 1\n",
		} {
			if !strings.Contains(body, want) {
				t.Errorf("metrics lack %q:\n%s", want, body)
			}
		}
	})

	t.Run("shutdown lets work in flight finish", func(t *testing.T) {
		ex := h.deliver(t, fakediscord.SlashCommand("reindex"), fakediscord.WithMember("700000000000000002", moderatorPerms))
		if err := h.stop(); err != nil {
			t.Fatalf("serve returned %v\n%s", err, h.logs.String())
		}
		m := ex.Original()
		if m == nil || !strings.Contains(fakediscord.FormatMessage(m), "Index rebuilt") {
			t.Errorf("the reindex in flight did not finish before exit: %v", m)
		}
		logs := h.logs.String()
		if !strings.Contains(logs, "stopped") {
			t.Errorf("logs:\n%s", logs)
		}
		if _, _, err := h.srvGet(); err == nil {
			t.Error("still serving after stop")
		}
	})

	t.Run("no secret in the logs", func(t *testing.T) {
		logs := h.logs.String()
		if strings.Contains(logs, fakeToken) || strings.Contains(strings.ToLower(logs), h.pub) {
			t.Errorf("a secret is in the logs:\n%s", logs)
		}
		if u := srv.UnknownRequests(); len(u) > 0 {
			t.Errorf("requests to routes the fake does not know: %v", u)
		}
	})
}

func (h *httpServed) srvGet() (int, string, error) {
	c := &http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get(h.base + "/healthz")
	if err != nil {
		return 0, "", err
	}
	resp.Body.Close()
	return resp.StatusCode, "", nil
}

// TestSecretsNeverShown checks that the bot token and the public key
// appear in no error and no log line: config errors, a REST failure and a
// full run at debug level.
func TestSecretsNeverShown(t *testing.T) {
	token := "c2VjcmV0LXRva2Vu.c2VjcmV0.bm90LWEtcmVhbC10b2tlbi1hdC1hbGw"
	pub, _, _ := ed25519.GenerateKey(nil)
	key := hex.EncodeToString(pub)
	// REST failures: the fake expects another token, so sync gets 401.
	wrongFake := fakediscord.New()
	t.Cleanup(wrongFake.Close)
	base := map[string]string{"DISCORD_TOKEN": token, "DISCORD_APP_ID": "1180000000000000001", "DISCORD_PUBLIC_KEY": key, "STORYBOT_LOG_LEVEL": "debug"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"no public key", with("DISCORD_PUBLIC_KEY", ""), "DISCORD_PUBLIC_KEY is not set"},
		{"public key not hex", with("DISCORD_PUBLIC_KEY", key[:60]+"zz"+token), "DISCORD_PUBLIC_KEY is malformed"},
		{"public key too short", with("DISCORD_PUBLIC_KEY", key[:62]), "General Information > Public Key"},
		{"token malformed", with("DISCORD_TOKEN", token+" "+key), "DISCORD_TOKEN is malformed"},
		{"bad cooldown", with("STORYBOT_COOLDOWN", key), "STORYBOT_COOLDOWN"},
		{"bad search cap", with("STORYBOT_MAX_SEARCHES", token), "STORYBOT_MAX_SEARCHES"},
		{"REST refuses the token", with("DISCORD_API_BASE", wrongFake.URL()), "commands"},
		{"API base with the token in it", with("DISCORD_API_BASE", "http://"+token+"@127.0.0.1:1/"+key), "DISCORD_API_BASE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(t.TempDir()) // no .env
			_, stderr, err := runCmd(t, tt.env, "", "serve", "--http", "127.0.0.1:0")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			for _, secret := range []string{token, key, strings.ToUpper(key)} {
				if strings.Contains(err.Error(), secret) || strings.Contains(stderr, secret) {
					t.Errorf("a secret leaked:\nerr: %v\nstderr: %s", err, stderr)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
	t.Run("a full run at debug level", func(t *testing.T) {
		srv := fakediscord.New(fakediscord.WithToken(fakeToken))
		t.Cleanup(srv.Close)
		h := startHTTPServe(t, srv, "STORYBOT_LOG_LEVEL", "debug")
		final(t, h.deliver(t, fakediscord.SlashCommand("who-vetoes")))
		h.post(t, h.key, time.Now().Add(-time.Hour), []byte(`{"type":1}`))
		if err := h.stop(); err != nil {
			t.Fatal(err)
		}
		logs := h.logs.String()
		if !strings.Contains(logs, "stopped") {
			t.Fatalf("logs:\n%s", logs)
		}
		if strings.Contains(logs, fakeToken) || strings.Contains(strings.ToLower(logs), h.pub) {
			t.Errorf("a secret is in the logs:\n%s", logs)
		}
	})
}
