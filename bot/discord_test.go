package bot

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// recordingTransport answers every request with 204 and keeps what it saw.
type recordingTransport struct{ got *http.Request }

func (rt *recordingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rt.got = r
	return &http.Response{StatusCode: http.StatusNoContent, Body: http.NoBody, Request: r}, nil
}

func TestRewriteTransport(t *testing.T) {
	tests := []struct {
		name     string
		base     string
		request  string
		wantURL  string
		wantHost string
	}{
		{
			name:     "discord_api_goes_to_fake_with_path_kept",
			base:     "http://127.0.0.1:8080",
			request:  discordgo.EndpointGateway,
			wantURL:  "http://127.0.0.1:8080/api/v9/gateway",
			wantHost: "127.0.0.1:8080",
		},
		{
			name:     "query_and_escaped_path_kept",
			base:     "https://fake.example:9443",
			request:  "https://discord.com/api/v9/applications/1/commands?with_localizations=true",
			wantURL:  "https://fake.example:9443/api/v9/applications/1/commands?with_localizations=true",
			wantHost: "fake.example:9443",
		},
		{
			name:     "webhook_token_path_kept",
			base:     "http://localhost:1",
			request:  discordgo.EndpointInteractionResponseActions("1", "tok-en_1"),
			wantURL:  "http://localhost:1/api/v9/webhooks/1/tok-en_1/messages/@original",
			wantHost: "localhost:1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, err := url.Parse(tt.base)
			if err != nil {
				t.Fatal(err)
			}
			rec := &recordingTransport{}
			client := &http.Client{Transport: RewriteTransport(base, rec)}
			req, err := http.NewRequest(http.MethodGet, tt.request, nil)
			if err != nil {
				t.Fatal(err)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if got := rec.got.URL.String(); got != tt.wantURL {
				t.Errorf("sent to %s, want %s", got, tt.wantURL)
			}
			if rec.got.Host != tt.wantHost {
				t.Errorf("Host header %q, want %q", rec.got.Host, tt.wantHost)
			}
			if req.URL.String() != tt.request {
				t.Errorf("caller's request changed to %s", req.URL)
			}
		})
	}
}

func TestNewDiscordSessionReachesAPIBase(t *testing.T) {
	var gotPath, gotAuth string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotPath, gotAuth = r.URL.Path, r.Header.Get("Authorization")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"1","username":"fake","bot":true}`))
	}))
	defer srv.Close()

	s, err := NewDiscordSession("Bot secret-token", srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if s.Identify.Intents != discordgo.IntentsNone {
		t.Errorf("intents %d, want none", s.Identify.Intents)
	}
	u, err := s.User("@me")
	if err != nil {
		t.Fatal(err)
	}
	if u.Username != "fake" || gotPath != "/api/v9/users/@me" || gotAuth != "Bot secret-token" {
		t.Errorf("got user %q at %q with %q", u.Username, gotPath, gotAuth)
	}
}

func TestNewDiscordSessionRejectsBadAPIBase(t *testing.T) {
	const token = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs"
	tests := []struct {
		name    string
		token   string
		apiBase string
		wantErr string
	}{
		{"rejects_empty_token", "", "http://127.0.0.1:1", "empty bot token"},
		{"rejects_ws_scheme", token, "ws://127.0.0.1:1", "scheme"},
		{"rejects_missing_scheme", token, "127.0.0.1:8080", "API base"},
		{"rejects_missing_host", token, "http://", "host"},
		{"rejects_path", token, "http://127.0.0.1:1/api/v9", "no path"},
		{"rejects_query", token, "http://127.0.0.1:1?x=1", "no query"},
		{"rejects_fragment", token, "http://127.0.0.1:1#x", "no fragment"},
		{"rejects_credentials", token, "http://user:" + token + "@127.0.0.1:1", "credentials"},
		{"rejects_token_pasted_as_base", token, token, "API base"},
		{"rejects_token_in_path", token, "http://127.0.0.1:1/" + token, "no path"},
		{"rejects_unparsable_with_token", token, "http://[" + token, "API base"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewDiscordSession(tt.token, tt.apiBase)
			if err == nil {
				t.Fatalf("accepted %q (session %v)", tt.apiBase, s != nil)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not mention %q", err, tt.wantErr)
			}
			if tt.token != "" && strings.Contains(err.Error(), tt.token) {
				t.Errorf("error leaks the token: %q", err)
			}
		})
	}
}

func TestNewDiscordSessionWithoutAPIBaseTalksToDiscord(t *testing.T) {
	s, err := NewDiscordSession("abc", "")
	if err != nil {
		t.Fatal(err)
	}
	if s.Token != "Bot abc" {
		t.Errorf("token %q, want the Bot prefix once", s.Token)
	}
	if s.Client.Transport != nil {
		t.Errorf("transport %T set without an API base", s.Client.Transport)
	}
}
