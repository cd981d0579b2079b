package fakediscord

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Defaults of a new Server. The bot user's ID is the application ID, as for
// every application created on Discord since 2020.
const (
	// DefaultToken is the bot token the fake expects unless WithToken.
	DefaultToken = "test-token"
	// DefaultApplicationID is the application's and the bot user's ID.
	DefaultApplicationID = "1180000000000000001"
	// DefaultGuildID is the guild interactions come from unless told.
	DefaultGuildID = "1180000000000000002"
	// DefaultChannelID is the channel interactions come from unless told.
	DefaultChannelID = "1180000000000000003"
	// DefaultUserID is the member who sends interactions unless told.
	DefaultUserID = "1180000000000000004"
	// DefaultBotName is the bot user's username.
	DefaultBotName = "storybot-fake"
	// DefaultHeartbeatInterval is Discord's heartbeat interval.
	DefaultHeartbeatInterval = 41250 * time.Millisecond
	// DefaultInteractionDeadline is Discord's time limit for the first callback.
	DefaultInteractionDeadline = 3 * time.Second
	// DefaultConsoleTimeout is how long Console waits for a reply.
	DefaultConsoleTimeout = 30 * time.Second
)

// ErrClosed is returned by waits that end because the Server was closed.
var ErrClosed = errors.New("fakediscord: server closed")

// ErrNoGateway is returned by SendInteraction when no bot has identified on
// the gateway, so Discord would have nobody to deliver the interaction to.
var ErrNoGateway = errors.New("fakediscord: no bot session on the gateway")

// Option configures a Server.
type Option func(*config)

type config struct {
	addr          string
	token         string
	appID         string
	guildID       string
	channelID     string
	botName       string
	heartbeat     time.Duration
	deadline      time.Duration
	consoleWait   time.Duration
	logf          func(format string, args ...any)
	maxSessionLog int
}

// WithAddr sets the address to listen on, such as "127.0.0.1:8080". The
// default is "127.0.0.1:0", a free port.
func WithAddr(addr string) Option { return func(c *config) { c.addr = addr } }

// WithToken sets the bot token the fake expects, without the "Bot " prefix.
// The default is DefaultToken.
func WithToken(token string) Option { return func(c *config) { c.token = token } }

// WithApplicationID sets the application ID, which is also the bot user's ID.
func WithApplicationID(id string) Option { return func(c *config) { c.appID = id } }

// WithGuild sets the guild and channel that interactions come from unless
// they say otherwise.
func WithGuild(guildID, channelID string) Option {
	return func(c *config) { c.guildID, c.channelID = guildID, channelID }
}

// WithBotName sets the bot user's username.
func WithBotName(name string) Option { return func(c *config) { c.botName = name } }

// WithHeartbeatInterval sets the heartbeat interval announced in HELLO. The
// default is Discord's 41.25 s; discordgo sends one heartbeat at once and then
// one per interval.
func WithHeartbeatInterval(d time.Duration) Option {
	return func(c *config) { c.heartbeat = d }
}

// WithInteractionDeadline sets how long after dispatch the first callback of
// an interaction is accepted; later ones get 404 "Unknown interaction" as on
// Discord. The default is Discord's 3 seconds; 0 or less turns the check off.
func WithInteractionDeadline(d time.Duration) Option {
	return func(c *config) { c.deadline = d }
}

// WithConsoleTimeout sets how long Console waits for each reply.
func WithConsoleTimeout(d time.Duration) Option {
	return func(c *config) { c.consoleWait = d }
}

// WithLogf makes the fake log what it rejects and what it does on the
// gateway, for example with t.Logf or log.Printf. With t.Logf, close the
// discordgo session and the Server before the test ends (t.Cleanup does):
// testing panics on logs after that.
func WithLogf(logf func(format string, args ...any)) Option {
	return func(c *config) { c.logf = logf }
}

// Request is one HTTP request the fake received.
type Request struct {
	Method string
	Path   string
	// Status is the HTTP status the fake answered (101 for the gateway
	// websocket); 0 while the request is still being answered.
	Status int
}

// String returns "METHOD PATH STATUS".
func (r Request) String() string {
	return r.Method + " " + r.Path + " " + strconv.Itoa(r.Status)
}

// Server is a fake Discord. Its methods are safe for concurrent use.
type Server struct {
	cfg       config
	ln        net.Listener
	srv       *http.Server
	router    *http.ServeMux
	url       string
	serveDone chan struct{}
	closed    chan struct{}
	closeOnce sync.Once
	wg        sync.WaitGroup // gateway handlers and writers
	idSeq     atomic.Uint64

	mu       sync.Mutex
	isClosed bool
	changed  chan struct{} // closed and replaced on every recorded event
	requests []Request
	unknown  []Request
	botUser  *discordgo.User

	// commands, by scope: "" for global, else the guild ID.
	commands   map[string][]*discordgo.ApplicationCommand
	overwrites int

	// gateway
	conns         map[*gwConn]struct{}
	sessions      map[string]*gwSession
	activeSeq     int64
	identifies    int
	identifyLog   []discordgo.Identify
	resumes       int
	resumesAtDrop int
	heartbeats    int

	// interactions
	exchanges map[string]*Exchange // by interaction ID
	byToken   map[string]*Exchange // by interaction token
	order     []*Exchange

	channelMsgs map[string][]*msgState
	attachments map[string]attachment // by ID
}

type attachment struct {
	id, filename, contentType string
	data                      []byte
}

// New starts a fake Discord and panics if it cannot listen, like
// httptest.NewServer. Use Start to get the error instead. Close it when done.
func New(opts ...Option) *Server {
	s, err := Start(opts...)
	if err != nil {
		panic(err)
	}
	return s
}

// Start starts a fake Discord, listening on 127.0.0.1 at a free port unless
// WithAddr says otherwise.
func Start(opts ...Option) (*Server, error) {
	cfg := config{
		addr:          "127.0.0.1:0",
		token:         DefaultToken,
		appID:         DefaultApplicationID,
		guildID:       DefaultGuildID,
		channelID:     DefaultChannelID,
		botName:       DefaultBotName,
		heartbeat:     DefaultHeartbeatInterval,
		deadline:      DefaultInteractionDeadline,
		consoleWait:   DefaultConsoleTimeout,
		maxSessionLog: 1000,
	}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.heartbeat < time.Millisecond {
		cfg.heartbeat = time.Millisecond
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return nil, fmt.Errorf("fakediscord: listen: %w", err)
	}
	s := &Server{
		cfg:         cfg,
		ln:          ln,
		serveDone:   make(chan struct{}),
		closed:      make(chan struct{}),
		changed:     make(chan struct{}),
		commands:    map[string][]*discordgo.ApplicationCommand{},
		conns:       map[*gwConn]struct{}{},
		sessions:    map[string]*gwSession{},
		exchanges:   map[string]*Exchange{},
		byToken:     map[string]*Exchange{},
		channelMsgs: map[string][]*msgState{},
		attachments: map[string]attachment{},
		botUser: &discordgo.User{
			ID:            cfg.appID,
			Username:      cfg.botName,
			Discriminator: "0",
			Bot:           true,
			Verified:      true,
		},
	}
	s.url = "http://" + urlHost(ln.Addr())
	s.srv = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          nil,
	}
	s.routes()
	go func() {
		defer close(s.serveDone)
		_ = s.srv.Serve(ln)
	}()
	return s, nil
}

// urlHost returns host:port for a URL, with an unspecified listen address
// (0.0.0.0 or ::) replaced by the loopback address.
func urlHost(a net.Addr) string {
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	ip := ta.IP
	if ip == nil || ip.IsUnspecified() {
		ip = net.IPv4(127, 0, 0, 1)
	}
	return net.JoinHostPort(ip.String(), strconv.Itoa(ta.Port))
}

// URL returns the fake's base URL, such as "http://127.0.0.1:41234": what the
// bot takes as its Discord API base. REST lives under URL()+"/api/v9".
func (s *Server) URL() string { return s.url }

// Token returns the bot token the fake expects, without the "Bot " prefix.
func (s *Server) Token() string { return s.cfg.token }

// ApplicationID returns the application ID, also the bot user's ID.
func (s *Server) ApplicationID() string { return s.cfg.appID }

// GuildID returns the guild interactions come from by default.
func (s *Server) GuildID() string { return s.cfg.guildID }

// ChannelID returns the channel interactions come from by default.
func (s *Server) ChannelID() string { return s.cfg.channelID }

// Close closes every gateway connection abruptly, stops the HTTP server and
// waits for the fake's goroutines to end. Waits in progress return ErrClosed.
// Close a discordgo session before its fake: a session whose gateway vanishes
// keeps trying to reconnect.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.isClosed = true
		close(s.closed)
		var conns []*gwConn
		for c := range s.conns {
			s.detachLocked(c)
			conns = append(conns, c)
		}
		s.mu.Unlock()
		for _, c := range conns {
			c.closeNow()
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := s.srv.Shutdown(ctx); err != nil {
			_ = s.srv.Close()
		}
		<-s.serveDone
		s.wg.Wait()
	})
}

// Requests returns every HTTP request received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// UnknownRequests returns the requests that matched no route of the fake
// (answered 404). A bot calling an endpoint the fake does not know is worth a
// look: a test can assert there were none.
func (s *Server) UnknownRequests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.unknown...)
}

// logf logs when WithLogf was given.
func (s *Server) logf(format string, args ...any) {
	if s.cfg.logf != nil {
		s.cfg.logf("fakediscord: "+format, args...)
	}
}

// newID returns a new snowflake.
func (s *Server) newID() string {
	const discordEpoch = 1420070400000
	ms := uint64(time.Now().UnixMilli() - discordEpoch)
	return strconv.FormatUint(ms<<22|(s.idSeq.Add(1)&0x3fffff), 10)
}

// randomToken returns an unguessable URL-safe token of about n characters.
func randomToken(n int) string {
	b := make([]byte, n*3/4)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// notifyLocked wakes every waiter. s.mu must be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// waitUntil waits until cond returns true, re-checking it after every
// recorded event. cond is called without s.mu held.
func (s *Server) waitUntil(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		case <-s.closed:
			if cond() {
				return nil
			}
			return ErrClosed
		}
	}
}

// ServeHTTP serves the fake's routes, recording every request. It is exported
// only because Server is an http.Handler; the fake serves itself.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := &statusRecorder{ResponseWriter: w}
	s.mu.Lock()
	idx := len(s.requests)
	s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path})
	s.mu.Unlock()
	defer func() {
		if p := recover(); p != nil {
			s.logf("panic serving %s %s: %v", r.Method, r.URL.Path, p)
			if rec.status == 0 {
				writeError(rec, http.StatusInternalServerError, 0, "fakediscord: internal error")
			}
		}
		s.mu.Lock()
		s.requests[idx].Status = rec.status
		s.mu.Unlock()
	}()
	s.router.ServeHTTP(rec, r)
}

// statusRecorder remembers the status written and lets the gateway hijack.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the status.
func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

// Write records an implicit 200.
func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

// Hijack hands the connection to the gateway's websocket.
func (r *statusRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	h, ok := r.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("fakediscord: connection cannot be hijacked")
	}
	conn, rw, err := h.Hijack()
	if err == nil {
		r.status = http.StatusSwitchingProtocols
	}
	return conn, rw, err
}

// apiError is Discord's JSON error body.
type apiError struct {
	Message string `json:"message"`
	Code    int    `json:"code"`
	Errors  any    `json:"errors,omitempty"`
}

// writeError answers with a Discord-style JSON error.
func writeError(w http.ResponseWriter, status, code int, message string) {
	writeJSON(w, status, apiError{Message: message, Code: code})
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"message":"fakediscord: cannot encode answer","code":0}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
