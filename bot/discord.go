package bot

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// NewDiscordSession returns a discordgo session for the bot token, not yet
// opened. The token may be given with or without its "Bot " prefix.
//
// The session identifies with no gateway intents at all: slash commands,
// buttons and autocomplete arrive as INTERACTION_CREATE whatever the intents,
// and READY needs none, so the bot asks for nothing it does not use.
//
// When apiBase is empty the session talks to Discord. Otherwise apiBase must be
// an http or https URL with a host and nothing else (no path, query, fragment
// or credentials), such as the base of a fake Discord; every REST request then
// goes to that host with its path (/api/v9/...) kept. The gateway needs no
// rewriting: discordgo dials the websocket URL that GET /api/v9/gateway
// returns, which a fake answers with its own ws:// address. Mind that the bot
// token is sent to apiBase, in the clear when its scheme is http.
//
// Errors never contain the token.
func NewDiscordSession(token, apiBase string) (*discordgo.Session, error) {
	token = strings.TrimPrefix(strings.TrimSpace(token), "Bot ")
	if token == "" {
		return nil, errors.New("discord: empty bot token")
	}
	var base *url.URL
	if apiBase != "" {
		u, err := parseAPIBase(apiBase, token)
		if err != nil {
			return nil, err
		}
		base = u
	}
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("discord: new session: %s", redact(err.Error(), token))
	}
	s.Identify.Intents = discordgo.IntentsNone
	if base != nil {
		s.Client = &http.Client{
			Transport: RewriteTransport(base, http.DefaultTransport),
			Timeout:   20 * time.Second,
		}
	}
	return s, nil
}

// parseAPIBase checks an API base URL. Its errors show the base with the token
// and any credentials blanked out.
func parseAPIBase(apiBase, token string) (*url.URL, error) {
	shown := redact(apiBase, token)
	u, err := url.Parse(apiBase)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // url.Error repeats the whole input
		}
		return nil, fmt.Errorf("discord: invalid API base %q: %s", shown, redact(err.Error(), token))
	}
	if u.User != nil {
		// url.URL.Redacted hides only the password; hide the user too.
		return nil, fmt.Errorf("discord: invalid API base: credentials in the URL are not allowed")
	}
	var problem string
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		problem = "scheme must be http or https"
	case u.Host == "" || u.Opaque != "":
		problem = "a host is required, as in http://127.0.0.1:8080"
	case u.Path != "" && u.Path != "/":
		problem = "no path allowed: give only scheme and host (the client adds /api/v9/...)"
	case u.RawQuery != "" || u.ForceQuery:
		problem = "no query allowed"
	case u.Fragment != "":
		problem = "no fragment allowed"
	}
	if problem != "" {
		return nil, fmt.Errorf("discord: invalid API base %q: %s", shown, problem)
	}
	return &url.URL{Scheme: u.Scheme, Host: u.Host}, nil
}

// redact replaces every occurrence of the token in s.
func redact(s, token string) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, token, "[token]")
}

// RewriteTransport returns a RoundTripper that sends every request to base's
// scheme and host (setting the Host header to match) and passes it on to next,
// keeping the request's path and query. base's path, if any, is ignored. The
// request given to RoundTrip is not changed: a clone is sent. When next is nil,
// http.DefaultTransport is used.
func RewriteTransport(base *url.URL, next http.RoundTripper) http.RoundTripper {
	if next == nil {
		next = http.DefaultTransport
	}
	return &rewriteTransport{scheme: base.Scheme, host: base.Host, next: next}
}

type rewriteTransport struct {
	scheme, host string
	next         http.RoundTripper
}

// RoundTrip sends a rewritten clone of req.
func (t *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	r.URL.Scheme = t.scheme
	r.URL.Host = t.host
	r.Host = t.host
	return t.next.RoundTrip(r)
}
