package fakediscord

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Gateway opcodes the fake uses.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opPresenceUpdate = 3
	opVoiceState     = 4
	opResume         = 6
	opRequestMembers = 8
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatACK   = 11
)

// privilegedIntents are the intents a new application has not been granted.
const privilegedIntents = discordgo.IntentGuildMembers | discordgo.IntentGuildPresences | discordgo.IntentMessageContent

// outQueue is how many frames may wait for a slow client before the fake
// drops it.
const outQueue = 1024

var upgrader = websocket.Upgrader{
	CheckOrigin: func(*http.Request) bool { return true },
}

// gwSession is a gateway session: what RESUME resumes.
type gwSession struct {
	id      string
	seq     int64
	events  []gwEvent // dispatched events, oldest first, for replay
	conn    *gwConn   // current connection, nil while disconnected
	invalid bool      // closed by the client: cannot be resumed
	active  int64     // when last identified or resumed, for picking a target
}

type gwEvent struct {
	seq     int64
	payload []byte
}

// gwConn is one gateway websocket.
type gwConn struct {
	ws   *websocket.Conn
	host string
	out  chan outFrame
	done chan struct{}
	once sync.Once

	// guarded by Server.mu
	session *gwSession
	ready   bool // READY or RESUMED sent
}

// outFrame is a text frame, or a close frame when closeCode is set.
type outFrame struct {
	data      []byte
	closeCode int
	closeText string
}

// closeNow closes the connection at once, with no close frame.
func (c *gwConn) closeNow() {
	c.once.Do(func() {
		close(c.done)
		_ = c.ws.Close()
	})
}

// detachLocked forgets a connection. s.mu must be held.
func (s *Server) detachLocked(c *gwConn) {
	delete(s.conns, c)
	if c.session != nil && c.session.conn == c {
		c.session.conn = nil
	}
	c.ready = false
	s.notifyLocked()
}

// enqueueLocked queues a frame for a connection, dropping the connection if
// it does not keep up. s.mu must be held.
func (s *Server) enqueueLocked(c *gwConn, f outFrame) {
	select {
	case <-c.done:
	case c.out <- f:
	default:
		s.logf("gateway client too slow: dropping its connection")
		s.detachLocked(c)
		c.closeNow()
	}
}

// sendLocked queues a JSON payload. s.mu must be held.
func (s *Server) sendLocked(c *gwConn, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		s.logf("cannot encode gateway payload: %v", err)
		return
	}
	s.enqueueLocked(c, outFrame{data: b})
}

// closeWithLocked queues a close frame; the connection ends once it is
// written. s.mu must be held.
func (s *Server) closeWithLocked(c *gwConn, code int, text string) {
	s.logf("closing gateway connection: %d %s", code, text)
	s.enqueueLocked(c, outFrame{closeCode: code, closeText: text})
}

// dispatchLocked sends a dispatch event in a session, keeping it for replay.
// s.mu must be held.
func (s *Server) dispatchLocked(sess *gwSession, typ string, data any) error {
	d, err := json.Marshal(data)
	if err != nil {
		return err
	}
	sess.seq++
	payload, err := json.Marshal(map[string]any{"op": opDispatch, "s": sess.seq, "t": typ, "d": json.RawMessage(d)})
	if err != nil {
		return err
	}
	sess.events = append(sess.events, gwEvent{seq: sess.seq, payload: payload})
	if n := len(sess.events) - s.cfg.maxSessionLog; n > 0 {
		sess.events = append([]gwEvent(nil), sess.events[n:]...)
	}
	if sess.conn != nil {
		s.enqueueLocked(sess.conn, outFrame{data: payload})
	}
	return nil
}

// handleWebsocket serves one gateway connection.
func (s *Server) handleWebsocket(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.isClosed {
		s.mu.Unlock()
		writeError(w, http.StatusServiceUnavailable, 0, "fakediscord: closed")
		return
	}
	s.wg.Add(1)
	s.mu.Unlock()
	defer s.wg.Done()

	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		s.logf("gateway upgrade: %v", err)
		return
	}
	c := &gwConn{ws: ws, host: r.Host, out: make(chan outFrame, outQueue), done: make(chan struct{})}
	s.mu.Lock()
	if s.isClosed {
		s.mu.Unlock()
		_ = ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	go s.writeLoop(c)
	s.sendLocked(c, map[string]any{
		"op": opHello, "s": nil, "t": nil,
		"d": map[string]any{"heartbeat_interval": s.cfg.heartbeat.Milliseconds()},
	})
	s.mu.Unlock()

	s.readLoop(c)

	s.mu.Lock()
	s.detachLocked(c)
	s.mu.Unlock()
	c.closeNow()
}

// writeLoop writes queued frames until the connection ends.
func (s *Server) writeLoop(c *gwConn) {
	defer s.wg.Done()
	for {
		select {
		case <-c.done:
			return
		case f := <-c.out:
			_ = c.ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
			if f.closeCode != 0 {
				_ = c.ws.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(f.closeCode, f.closeText))
				s.mu.Lock()
				s.detachLocked(c)
				s.mu.Unlock()
				c.closeNow()
				return
			}
			if err := c.ws.WriteMessage(websocket.TextMessage, f.data); err != nil {
				s.mu.Lock()
				s.detachLocked(c)
				s.mu.Unlock()
				c.closeNow()
				return
			}
		}
	}
}

// readLoop handles the client's payloads until the connection ends.
func (s *Server) readLoop(c *gwConn) {
	c.ws.SetReadLimit(1 << 20)
	for {
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) && (ce.Code == websocket.CloseNormalClosure || ce.Code == websocket.CloseGoingAway) {
				// Discord ends a session the client closes with 1000 or 1001.
				s.mu.Lock()
				if c.session != nil {
					c.session.invalid = true
				}
				s.mu.Unlock()
			}
			return
		}
		var p struct {
			Op *int            `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(data, &p); err != nil || p.Op == nil {
			s.mu.Lock()
			s.closeWithLocked(c, 4002, "Error while decoding payload.")
			s.mu.Unlock()
			<-c.done
			return
		}
		s.mu.Lock()
		closing := s.handleOpLocked(c, *p.Op, p.D)
		s.mu.Unlock()
		if closing {
			<-c.done
			return
		}
	}
}

// handleOpLocked handles one client payload and reports whether the
// connection is being closed. s.mu must be held.
func (s *Server) handleOpLocked(c *gwConn, op int, d json.RawMessage) bool {
	switch op {
	case opHeartbeat:
		s.heartbeats++
		s.sendLocked(c, map[string]any{"op": opHeartbeatACK, "s": nil, "t": nil, "d": nil})
		s.notifyLocked()
	case opIdentify:
		return s.identifyLocked(c, d)
	case opResume:
		return s.resumeLocked(c, d)
	case opPresenceUpdate, opVoiceState, opRequestMembers:
		if c.session == nil {
			s.closeWithLocked(c, 4003, "Not authenticated.")
			return true
		}
	default:
		s.closeWithLocked(c, 4001, "Unknown opcode.")
		return true
	}
	return false
}

// tokenOK reports whether an IDENTIFY or RESUME token is the bot's.
func (s *Server) tokenOK(token string) bool {
	return strings.TrimPrefix(token, "Bot ") == s.cfg.token
}

func (s *Server) identifyLocked(c *gwConn, d json.RawMessage) bool {
	// discordgo.Identify does not decode its own JSON (the presence's
	// activity wants created_at), so take the fields that matter.
	var p struct {
		Token          string                       `json:"token"`
		Properties     discordgo.IdentifyProperties `json:"properties"`
		Compress       bool                         `json:"compress"`
		LargeThreshold int                          `json:"large_threshold"`
		Shard          *[2]int                      `json:"shard"`
		Intents        *discordgo.Intent            `json:"intents"`
	}
	if err := json.Unmarshal(d, &p); err != nil {
		s.closeWithLocked(c, 4002, "Error while decoding payload.")
		return true
	}
	if p.Intents == nil {
		s.closeWithLocked(c, 4013, "Invalid intent(s).")
		return true
	}
	id := discordgo.Identify{Token: p.Token, Properties: p.Properties, Compress: p.Compress,
		LargeThreshold: p.LargeThreshold, Shard: p.Shard, Intents: *p.Intents}
	if !s.tokenOK(id.Token) {
		s.closeWithLocked(c, 4004, "Authentication failed.")
		return true
	}
	if c.session != nil {
		s.closeWithLocked(c, 4005, "Already authenticated.")
		return true
	}
	if id.Intents&privilegedIntents != 0 {
		s.closeWithLocked(c, 4014, "Disallowed intent(s).")
		return true
	}
	s.activeSeq++
	sess := &gwSession{id: randomToken(32), conn: c, active: s.activeSeq}
	s.sessions[sess.id] = sess
	c.session = sess
	s.identifies++
	id.Token = "" // keep no secrets in what tests can read
	s.identifyLog = append(s.identifyLog, id)
	ready := map[string]any{
		"v":                  9,
		"user":               s.botUser,
		"guilds":             []any{},
		"session_id":         sess.id,
		"session_type":       "normal",
		"resume_gateway_url": "ws://" + c.host + "/gateway",
		"application":        map[string]any{"id": s.cfg.appID, "flags": 0},
		"private_channels":   []any{},
		"relationships":      []any{},
		"presences":          []any{},
	}
	if id.Shard != nil {
		ready["shard"] = id.Shard
	}
	_ = s.dispatchLocked(sess, "READY", ready)
	c.ready = true
	s.notifyLocked()
	return false
}

func (s *Server) resumeLocked(c *gwConn, d json.RawMessage) bool {
	var rp struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(d, &rp); err != nil {
		s.closeWithLocked(c, 4002, "Error while decoding payload.")
		return true
	}
	if !s.tokenOK(rp.Token) {
		s.closeWithLocked(c, 4004, "Authentication failed.")
		return true
	}
	if c.session != nil {
		s.closeWithLocked(c, 4005, "Already authenticated.")
		return true
	}
	sess := s.sessions[rp.SessionID]
	if sess == nil || sess.invalid || (len(sess.events) > 0 && rp.Seq < sess.events[0].seq-1) {
		s.logf("RESUME of unknown or ended session: invalid session")
		s.sendLocked(c, map[string]any{"op": opInvalidSession, "s": nil, "t": nil, "d": false})
		return false
	}
	if old := sess.conn; old != nil && old != c {
		s.detachLocked(old)
		old.closeNow()
	}
	sess.conn = c
	c.session = sess
	for _, ev := range sess.events {
		if ev.seq > rp.Seq {
			s.enqueueLocked(c, outFrame{data: ev.payload})
		}
	}
	_ = s.dispatchLocked(sess, "RESUMED", map[string]any{})
	s.activeSeq++
	sess.active = s.activeSeq
	s.resumes++
	c.ready = true
	s.notifyLocked()
	return false
}

// targetSessionLocked picks the session an interaction goes to: the most
// recently active one with a live connection, else the most recently active
// one that can still be resumed. s.mu must be held.
func (s *Server) targetSessionLocked() *gwSession {
	var live, resumable *gwSession
	for _, sess := range s.sessions {
		if sess.invalid {
			continue
		}
		if sess.conn != nil && sess.conn.ready && (live == nil || sess.active > live.active) {
			live = sess
		}
		if resumable == nil || sess.active > resumable.active {
			resumable = sess
		}
	}
	if live != nil {
		return live
	}
	return resumable
}

// readyLocked reports whether some connection has had READY or RESUMED.
// s.mu must be held.
func (s *Server) readyLocked() bool {
	for c := range s.conns {
		if c.ready {
			return true
		}
	}
	return false
}

// DropConnections closes every gateway websocket abruptly, with no close
// frame, as a network failure would. The sessions stay resumable: discordgo
// notices, reconnects after about a second and sends RESUME; dispatches sent
// meanwhile are replayed then. It returns how many connections it dropped.
func (s *Server) DropConnections() int {
	s.mu.Lock()
	var conns []*gwConn
	for c := range s.conns {
		s.detachLocked(c)
		conns = append(conns, c)
	}
	s.resumesAtDrop = s.resumes
	s.mu.Unlock()
	for _, c := range conns {
		c.closeNow()
	}
	return len(conns)
}

// Identifies returns how many IDENTIFY payloads were accepted.
func (s *Server) Identifies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.identifies
}

// LastIdentify returns the last accepted IDENTIFY payload, with its token
// blanked, and whether there was one: tests can check the intents.
func (s *Server) LastIdentify() (discordgo.Identify, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.identifyLog) == 0 {
		return discordgo.Identify{}, false
	}
	return s.identifyLog[len(s.identifyLog)-1], true
}

// Resumes returns how many RESUME payloads resumed a session.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// Heartbeats returns how many heartbeats (op 1) the fake acknowledged.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heartbeats
}

// WaitReady waits until a gateway connection has been sent READY (or
// RESUMED) and is still open: from then on interactions reach the bot.
func (s *Server) WaitReady(ctx context.Context) error {
	return s.waitUntil(ctx, func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.readyLocked()
	})
}

// WaitResumed waits until a session has been resumed since the last
// DropConnections and its connection is open.
func (s *Server) WaitResumed(ctx context.Context) error {
	return s.waitUntil(ctx, func() bool {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.resumes > s.resumesAtDrop && s.readyLocked()
	})
}
