package fakediscord_test

import (
	"context"
	"crypto/ed25519"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/internal/fakediscord"
)

func TestPostInteraction(t *testing.T) {
	srv := fakediscord.New()
	t.Cleanup(srv.Close)
	pub, key, _ := ed25519.GenerateKey(nil)
	var mu sync.Mutex
	answer := `{"type":4,"data":{"content":"hello"}}`
	status := http.StatusOK
	set := func(a string, st int) { mu.Lock(); answer, status = a, st; mu.Unlock() }
	endpoint := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !discordgo.VerifyInteraction(r, pub) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		io.ReadAll(r.Body)
		mu.Lock()
		answer, status := answer, status
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		if status == http.StatusOK {
			io.WriteString(w, answer)
		}
	}))
	t.Cleanup(endpoint.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	ex, ans, err := srv.PostInteraction(ctx, endpoint.URL, key, fakediscord.SlashCommand("hello"))
	if err != nil || ans.Status != 200 {
		t.Fatalf("%v %+v", err, ans)
	}
	m, err := ex.Final(ctx)
	if err != nil || m.Content != "hello" || !ex.Complete() {
		t.Fatalf("final %+v, %v", m, err)
	}

	set(`{"type":4,"data":{"content":""}}`, http.StatusOK)
	ex, _, err = srv.PostInteraction(ctx, endpoint.URL, key, fakediscord.SlashCommand("hello"))
	if err != nil || len(ex.Rejections()) != 1 || ex.Response() != nil {
		t.Errorf("an empty message in the body: rejections %v, response %+v, %v", ex.Rejections(), ex.Response(), err)
	}

	_, wrongKey, _ := ed25519.GenerateKey(nil)
	_, ans, err = srv.PostInteraction(ctx, endpoint.URL, wrongKey, fakediscord.SlashCommand("hello"))
	if err != nil || ans.Status != http.StatusUnauthorized {
		t.Errorf("signed with another key: %+v, %v", ans, err)
	}

	set("", http.StatusAccepted)
	ex, ans, err = srv.PostInteraction(ctx, endpoint.URL, key, fakediscord.SlashCommand("hello"))
	if err != nil || ans.Status != http.StatusAccepted || ex.Response() != nil || len(ex.Rejections()) != 0 {
		t.Errorf("202: %+v %+v %v", ans, ex.Rejections(), err)
	}
}
