package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// HTTPConfig configures the HTTP interactions endpoint.
type HTTPConfig struct {
	// PublicKey is the application's public key, from the Developer
	// Portal's General Information page. Required.
	PublicKey ed25519.PublicKey
	// REST is the session for everything after the first response: edits
	// of deferred replies, follow-ups, audit posts. Required.
	REST Session
	// MaxBody caps a request body; 64 KiB when 0.
	MaxBody int64
	// MaxSkew is how far a request's timestamp may be from now; 5 minutes
	// when 0.
	MaxSkew time.Duration
	// Wait is how long a request waits for the bot's first response before
	// giving up (Discord gives up after 3 s); 3 s when 0.
	Wait time.Duration
	// Now tells the time; time.Now when nil.
	Now func() time.Time
	// Metrics, when set, counts the endpoint's answers by HTTP status.
	Metrics *Metrics
}

// InteractionsHandler serves Discord's HTTP interactions (the Interactions
// Endpoint URL) through the same dispatcher as the gateway: Bot.Handle.
// Every request is verified against the public key; the bot's first
// response becomes the HTTP response body, and everything later (edits of
// a deferred reply, follow-ups) goes through the REST session.
type InteractionsHandler struct {
	bot *Bot
	cfg HTTPConfig
	log *slog.Logger
	ctx context.Context // handlers run with it, past the HTTP request

	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup // interactions being answered, body sent or not
}

// NewInteractionsHandler returns the handler. Interactions are answered
// with ctx, which should outlive shutdown so deferred work can finish; see
// Drain.
func (b *Bot) NewInteractionsHandler(ctx context.Context, cfg HTTPConfig) (*InteractionsHandler, error) {
	if len(cfg.PublicKey) != ed25519.PublicKeySize {
		return nil, errors.New("bot: the interactions endpoint needs the application's public key")
	}
	if cfg.REST == nil {
		return nil, errors.New("bot: the interactions endpoint needs a REST session")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 64 << 10
	}
	if cfg.MaxSkew <= 0 {
		cfg.MaxSkew = 5 * time.Minute
	}
	if cfg.Wait <= 0 {
		cfg.Wait = 3 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &InteractionsHandler{bot: b, cfg: cfg, log: b.log, ctx: ctx}, nil
}

// Drain refuses new interactions and waits until those being answered
// (including deferred work still editing its reply) are done, or ctx ends.
func (h *InteractionsHandler) Drain(ctx context.Context) error {
	h.mu.Lock()
	h.closed = true
	h.mu.Unlock()
	done := make(chan struct{})
	go func() { h.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (h *InteractionsHandler) start() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false
	}
	h.wg.Add(1)
	return true
}

// ServeHTTP verifies and answers one interaction.
func (h *InteractionsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	code := h.serve(w, r)
	if h.cfg.Metrics != nil {
		h.cfg.Metrics.HTTPStatus(code)
	}
}

func (h *InteractionsHandler) serve(w http.ResponseWriter, r *http.Request) int {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		return httpError(w, http.StatusMethodNotAllowed, "method not allowed")
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.cfg.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return httpError(w, http.StatusRequestEntityTooLarge, "request body too large")
		}
		return httpError(w, http.StatusBadRequest, "cannot read the request body")
	}
	if !h.verify(r, body) {
		return httpError(w, http.StatusUnauthorized, "invalid request signature")
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		h.log.Warn("undecodable interaction", "err", err)
		return httpError(w, http.StatusBadRequest, "invalid interaction")
	}
	if i.Type == discordgo.InteractionPing {
		return writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
	}
	if !h.start() {
		return httpError(w, http.StatusServiceUnavailable, "shutting down")
	}
	s := &httpSession{Session: h.cfg.REST, id: i.ID, first: make(chan *discordgo.InteractionResponse), written: make(chan error, 1), gone: make(chan struct{})}
	go func() {
		defer h.wg.Done()
		defer s.abandon()
		h.bot.Handle(h.ctx, s, &i)
	}()
	timer := time.NewTimer(h.cfg.Wait)
	defer timer.Stop()
	select {
	case resp := <-s.first:
		code := writeJSON(w, resp)
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		s.written <- nil
		return code
	case <-s.gone:
	case <-timer.C:
	case <-r.Context().Done():
	}
	s.giveUp()
	h.log.Error("no response in time", "interaction", i.ID, "command", interactionName(&i))
	return httpError(w, http.StatusInternalServerError, "no response")
}

// verify checks the timestamp's age and the signature over timestamp+body.
func (h *InteractionsHandler) verify(r *http.Request, body []byte) bool {
	ts, err := strconv.ParseInt(r.Header.Get("X-Signature-Timestamp"), 10, 64)
	if err != nil {
		return false
	}
	if skew := h.cfg.Now().Sub(time.Unix(ts, 0)); skew > h.cfg.MaxSkew || skew < -h.cfg.MaxSkew {
		return false
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return discordgo.VerifyInteraction(r, h.cfg.PublicKey)
}

func writeJSON(w http.ResponseWriter, v any) int {
	b, err := json.Marshal(v)
	if err != nil {
		return httpError(w, http.StatusInternalServerError, "cannot encode the response")
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	w.Write(b)
	return http.StatusOK
}

func httpError(w http.ResponseWriter, code int, msg string) int {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	io.WriteString(w, msg+"\n")
	return code
}

// httpSession is the Session one HTTP interaction is answered through: the
// first InteractionRespond for it becomes the HTTP response body; every
// other call goes to the REST session.
type httpSession struct {
	Session
	id      string
	first   chan *discordgo.InteractionResponse // taken by the HTTP handler
	written chan error                          // the body was written
	gone    chan struct{}                       // closed when either side gives up

	mu      sync.Mutex
	used    bool // the first response was handed over (or the handler gave up)
	gaveUp  bool
	goneSet bool
}

var errNoHTTPResponse = errors.New("bot: the HTTP request ended before the first response")

// InteractionRespond hands the first response for the interaction to the
// HTTP handler and returns once it is written; later ones fail as on Discord.
func (s *httpSession) InteractionRespond(i *discordgo.Interaction, r *discordgo.InteractionResponse, options ...discordgo.RequestOption) error {
	if i.ID != s.id {
		return s.Session.InteractionRespond(i, r, options...)
	}
	s.mu.Lock()
	if s.used {
		gaveUp := s.gaveUp
		s.mu.Unlock()
		if gaveUp {
			return errNoHTTPResponse
		}
		return errors.New("bot: interaction has already been acknowledged")
	}
	s.used = true
	s.mu.Unlock()
	select {
	case s.first <- r:
		return <-s.written
	case <-s.gone:
		return errNoHTTPResponse
	}
}

// giveUp is called by the HTTP handler when it stops waiting.
func (s *httpSession) giveUp() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.used, s.gaveUp = true, true
	if !s.goneSet {
		s.goneSet = true
		close(s.gone)
	}
}

// abandon is called when the dispatcher returns: a handler still waiting
// stops at once (the dispatcher sent nothing).
func (s *httpSession) abandon() { s.giveUp() }
