package bot_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
	"github.com/storybot/storybot/bot/bottest"
	"github.com/storybot/storybot/index"
	"github.com/storybot/storybot/internal/fakediscord"
)

// testKey is a fixed key pair, so fuzzing is reproducible.
var testKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))

func newHandler(t testing.TB, b *bot.Bot) *bot.InteractionsHandler {
	t.Helper()
	h, err := b.NewInteractionsHandler(context.Background(), bot.HTTPConfig{
		PublicKey: testKey.Public().(ed25519.PublicKey),
		REST:      &bottest.Session{},
		Wait:      2 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// signed returns a POST signed with key at time ts.
func signed(key ed25519.PrivateKey, ts time.Time, body []byte) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/interactions", bytes.NewReader(body))
	stamp := strconv.FormatInt(ts.Unix(), 10)
	r.Header.Set("X-Signature-Timestamp", stamp)
	r.Header.Set("X-Signature-Ed25519", fakediscord.Sign(key, stamp, body))
	return r
}

func TestInteractionsHandler(t *testing.T) {
	b := newBot(t, bot.Config{}, nil)
	h := newHandler(t, b)
	_, otherKey, _ := ed25519.GenerateKey(nil)
	ping := []byte(`{"id":"1","type":1,"application_id":"2","token":"t","version":1}`)
	cmd, _ := json.Marshal(command("/who-vetoes", b, asker))
	now := time.Now()
	tests := []struct {
		name     string
		req      *http.Request
		code     int
		contains string
	}{
		{"ping gets pong", signed(testKey, now, ping), 200, `{"type":1}`},
		{"a command is answered in the body", signed(testKey, now, cmd), 200, `**veto power**`},
		{"signed by another key", signed(otherKey, now, ping), 401, ""},
		{"no signature", httptest.NewRequest(http.MethodPost, "/interactions", bytes.NewReader(ping)), 401, ""},
		{"stale timestamp", signed(testKey, now.Add(-6*time.Minute), ping), 401, ""},
		{"timestamp from the future", signed(testKey, now.Add(6*time.Minute), ping), 401, ""},
		{"wrong method", httptest.NewRequest(http.MethodGet, "/interactions", nil), 405, ""},
		{"oversized body", signed(testKey, now, bytes.Repeat([]byte(" "), 65<<10)), 413, ""},
		{"signed garbage", signed(testKey, now, []byte(`{"type":`)), 400, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, tt.req)
			if w.Code != tt.code || !strings.Contains(w.Body.String(), tt.contains) {
				t.Fatalf("got %d %q, want %d with %q", w.Code, w.Body.String(), tt.code, tt.contains)
			}
			if w.Code == 200 && w.Header().Get("Content-Type") != "application/json" {
				t.Errorf("content type %q", w.Header().Get("Content-Type"))
			}
		})
	}
	t.Run("body tampered after signing", func(t *testing.T) {
		r := signed(testKey, now, ping)
		r.Body = http.NoBody
		r.Body = httpBody(bytes.Replace(ping, []byte(`"type":1`), []byte(`"type":2`), 1))
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != 401 {
			t.Errorf("got %d", w.Code)
		}
	})
	t.Run("after Drain new interactions are refused", func(t *testing.T) {
		h := newHandler(t, b)
		if err := h.Drain(context.Background()); err != nil {
			t.Fatal(err)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signed(testKey, now, cmd))
		if w.Code != http.StatusServiceUnavailable {
			t.Errorf("got %d", w.Code)
		}
	})
}

func httpBody(b []byte) *readCloser { return &readCloser{bytes.NewReader(b)} }

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

// FuzzInteractionsHandler sends arbitrary bodies and headers: the handler
// never panics, never answers 200 to a request not signed with the key,
// and answers any correctly signed body with a valid status.
func FuzzInteractionsHandler(f *testing.F) {
	f.Add([]byte(`{"id":"1","type":1,"token":"t"}`), "sig", int64(0), true)
	f.Add([]byte(`{"id":"2","type":2,"token":"t","data":{"name":"ask","options":[{"name":"question","type":3,"value":"who vetoes"}]}}`), "", int64(0), true)
	f.Add([]byte(`{"id":"3","type":2,"token":"t","data":{"name":"ask","options":[{"name":"question","type":5,"value":true}]}}`), "", int64(0), true)
	f.Add([]byte(`{"id":"4","type":4,"token":"t","data":{"name":"ask","options":[{"name":"question","type":3,"value":"oil","focused":true}]}}`), "", int64(0), true)
	f.Add([]byte(`{"id":"5","type":3,"token":"t","data":{"custom_id":"p:1:2:3","component_type":2},"message":{"id":"9"}}`), "", int64(0), true)
	f.Add([]byte(`{"type":2,"data":null}`), "00", int64(-400), false)
	b := newBot(f, bot.Config{Engine: &fakeEngine{res: &index.Result{}}}, nil)
	h := newHandler(f, b)
	f.Fuzz(func(t *testing.T, body []byte, sig string, skew int64, sign bool) {
		ts := strconv.FormatInt(time.Now().Unix()+skew, 10)
		r := httptest.NewRequest(http.MethodPost, "/interactions", bytes.NewReader(body))
		r.Header.Set("X-Signature-Timestamp", ts)
		if sign {
			sig = fakediscord.Sign(testKey, ts, body)
		}
		r.Header.Set("X-Signature-Ed25519", sig)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		validSig := sign && (skew <= 300 && skew >= -300)
		if w.Code == 200 && !validSig {
			t.Fatalf("200 for an unsigned or stale request (skew %d): %q", skew, w.Body.String())
		}
		switch w.Code {
		case 200, 400, 401, 413, 500:
		default:
			t.Fatalf("status %d", w.Code)
		}
		if w.Code == 200 {
			var resp discordgo.InteractionResponse
			if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil || resp.Type == 0 {
				t.Fatalf("200 with body %q", w.Body.String())
			}
		}
	})
}

// TestHTTPSlowCommandIsDeferred answers over real HTTP with a search slower
// than DeferAfter: the deferred response is the HTTP body and the reply is
// edited in through the REST API of a fake Discord.
func TestHTTPSlowCommandIsDeferred(t *testing.T) {
	srv := fakediscord.New()
	t.Cleanup(srv.Close)
	rest, err := bot.NewDiscordSession(srv.Token(), srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	story, c := storyEngine(t)
	b := newBot(t, bot.Config{Engine: slowEngine{story, 300 * time.Millisecond}, Topics: c.Topics, DeferAfter: 50 * time.Millisecond}, nil)
	if _, err := b.Sync(rest, srv.ApplicationID(), srv.GuildID()); err != nil {
		t.Fatal(err)
	}
	h, err := b.NewInteractionsHandler(context.Background(), bot.HTTPConfig{PublicKey: testKey.Public().(ed25519.PublicKey), REST: rest})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ex, ans, err := srv.PostInteraction(ctx, ts.URL, testKey, fakediscord.SlashCommand("who-vetoes"))
	if err != nil {
		t.Fatal(err)
	}
	if ans.Status != 200 || !strings.Contains(string(ans.Body), `"type":5`) {
		t.Fatalf("answer %d %s", ans.Status, ans.Body)
	}
	m, err := ex.Final(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Edits()) != 1 || len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Fields[0].Value, "**veto power**") || len(ex.Rejections()) > 0 {
		t.Errorf("edits %d, rejections %v, reply:\n%s", len(ex.Edits()), ex.Rejections(), fakediscord.FormatMessage(m))
	}
	if err := h.Drain(ctx); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkHTTPInteraction answers a signed /who-vetoes in the HTTP body:
// signature check, decoding, dispatch, search of the story and rendering.
func BenchmarkHTTPInteraction(b *testing.B) {
	bt := newBot(b, bot.Config{}, nil)
	h := newHandler(b, bt)
	body, _ := json.Marshal(command("/who-vetoes", bt, asker))
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, signed(testKey, time.Now(), body))
		if w.Code != 200 {
			b.Fatalf("%d %s", w.Code, w.Body)
		}
	}
}
