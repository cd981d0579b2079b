package fakediscord_test

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/storybot/storybot/internal/fakediscord"
)

// payload is a gateway payload.
type payload struct {
	Op int             `json:"op"`
	S  int64           `json:"s"`
	T  string          `json:"t"`
	D  json.RawMessage `json:"d"`
}

// rawClient is a hand-driven gateway client.
type rawClient struct {
	t  *testing.T
	ws *websocket.Conn
}

// dial connects to the fake's gateway as discordgo does and reads HELLO.
func dial(t *testing.T, srv *fakediscord.Server) *rawClient {
	t.Helper()
	resp, err := http.Get(srv.URL() + "/api/v9/gateway")
	if err != nil {
		t.Fatal(err)
	}
	var g struct{ URL string }
	err = json.NewDecoder(resp.Body).Decode(&g)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	ws, _, err := websocket.DefaultDialer.Dial(g.URL+"/?v=9&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	c := &rawClient{t: t, ws: ws}
	if hello := c.read(); hello.Op != 10 || !strings.Contains(string(hello.D), "heartbeat_interval") {
		t.Fatalf("first payload %+v, want HELLO", hello)
	}
	return c
}

func (c *rawClient) send(v any) {
	c.t.Helper()
	if err := c.ws.WriteJSON(v); err != nil {
		c.t.Fatal(err)
	}
}

func (c *rawClient) read() payload {
	c.t.Helper()
	p, err := c.tryRead()
	if err != nil {
		c.t.Fatal(err)
	}
	return p
}

func (c *rawClient) tryRead() (payload, error) {
	_ = c.ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	var p payload
	_, b, err := c.ws.ReadMessage()
	if err != nil {
		return p, err
	}
	return p, json.Unmarshal(b, &p)
}

// identify sends IDENTIFY and returns the session ID from READY.
func (c *rawClient) identify(token string) string {
	c.t.Helper()
	c.send(map[string]any{"op": 2, "d": map[string]any{"token": "Bot " + token, "intents": 0, "properties": map[string]string{}}})
	ready := c.read()
	var d struct {
		SessionID        string `json:"session_id"`
		ResumeGatewayURL string `json:"resume_gateway_url"`
	}
	if err := json.Unmarshal(ready.D, &d); err != nil || ready.T != "READY" || ready.S != 1 || d.SessionID == "" {
		c.t.Fatalf("got %+v, want READY with a session", ready)
	}
	if !strings.HasPrefix(d.ResumeGatewayURL, "ws://") {
		c.t.Errorf("resume_gateway_url %q", d.ResumeGatewayURL)
	}
	return d.SessionID
}

// closeCode reads until the connection ends and returns the close code.
func (c *rawClient) closeCode() int {
	c.t.Helper()
	for {
		_, err := c.tryRead()
		var ce *websocket.CloseError
		if errors.As(err, &ce) {
			return ce.Code
		}
		if err != nil {
			c.t.Fatalf("connection ended without a close frame: %v", err)
		}
	}
}

func TestGatewayClosesOnBadInput(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	tests := []struct {
		name     string
		send     func(c *rawClient)
		wantCode int
	}{
		{"bad_json_closes_4002", func(c *rawClient) {
			_ = c.ws.WriteMessage(websocket.TextMessage, []byte("{not json"))
		}, 4002},
		{"payload_without_op_closes_4002", func(c *rawClient) { c.send(map[string]any{"d": 1}) }, 4002},
		{"unknown_opcode_closes_4001", func(c *rawClient) { c.send(map[string]any{"op": 99}) }, 4001},
		{"presence_before_identify_closes_4003", func(c *rawClient) { c.send(map[string]any{"op": 3, "d": map[string]any{}}) }, 4003},
		{"wrong_token_closes_4004", func(c *rawClient) {
			c.send(map[string]any{"op": 2, "d": map[string]any{"token": "Bot nope", "intents": 0}})
		}, 4004},
		{"identify_twice_closes_4005", func(c *rawClient) {
			c.identify(srv.Token())
			c.send(map[string]any{"op": 2, "d": map[string]any{"token": "Bot " + srv.Token(), "intents": 0}})
		}, 4005},
		{"missing_intents_closes_4013", func(c *rawClient) {
			c.send(map[string]any{"op": 2, "d": map[string]any{"token": srv.Token()}})
		}, 4013},
		{"privileged_intents_close_4014", func(c *rawClient) {
			c.send(map[string]any{"op": 2, "d": map[string]any{"token": srv.Token(), "intents": discordgo.IntentMessageContent}})
		}, 4014},
		{"identify_with_wrong_json_types_closes_4002", func(c *rawClient) {
			c.send(map[string]any{"op": 2, "d": map[string]any{"token": 5}})
		}, 4002},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := dial(t, srv)
			tt.send(c)
			if got := c.closeCode(); got != tt.wantCode {
				t.Errorf("closed with %d, want %d", got, tt.wantCode)
			}
		})
	}
}

func TestGatewayProtocol(t *testing.T) {
	t.Parallel()
	srv := startFake(t)

	t.Run("heartbeat_gets_ack", func(t *testing.T) {
		c := dial(t, srv)
		c.send(map[string]any{"op": 1, "d": nil})
		if p := c.read(); p.Op != 11 {
			t.Errorf("got op %d, want 11", p.Op)
		}
	})

	t.Run("resume_of_unknown_session_gets_invalid_session", func(t *testing.T) {
		c := dial(t, srv)
		c.send(map[string]any{"op": 6, "d": map[string]any{"token": "Bot " + srv.Token(), "session_id": "nope", "seq": 3}})
		p := c.read()
		if p.Op != 9 || string(p.D) != "false" {
			t.Errorf("got %+v, want op 9 with false", p)
		}
		// discordgo identifies on the same connection after op 9.
		c.identify(srv.Token())
	})

	t.Run("resume_replays_missed_dispatches", func(t *testing.T) {
		c := dial(t, srv)
		session := c.identify(srv.Token())
		first, err := srv.SendInteraction(fakediscord.SlashCommand("one"))
		if err != nil {
			t.Fatal(err)
		}
		if p := c.read(); p.T != "INTERACTION_CREATE" || p.S != 2 {
			t.Fatalf("got %+v", p)
		}
		srv.DropConnections()
		second, err := srv.SendInteraction(fakediscord.SlashCommand("two"))
		if err != nil {
			t.Fatalf("send while disconnected: %v", err)
		}

		c2 := dial(t, srv)
		c2.send(map[string]any{"op": 6, "d": map[string]any{"token": "Bot " + srv.Token(), "session_id": session, "seq": 2}})
		replay := c2.read()
		var i struct{ ID string }
		_ = json.Unmarshal(replay.D, &i)
		if replay.T != "INTERACTION_CREATE" || replay.S != 3 || i.ID != second.ID() || i.ID == first.ID() {
			t.Errorf("replayed %s seq %d id %s, want the second interaction at seq 3", replay.T, replay.S, i.ID)
		}
		if p := c2.read(); p.T != "RESUMED" || p.S != 4 {
			t.Errorf("got %+v, want RESUMED at seq 4", p)
		}
		if srv.Resumes() != 1 {
			t.Errorf("%d resumes", srv.Resumes())
		}
		ctx := testCtx(t)
		if err := srv.WaitResumed(ctx); err != nil {
			t.Error(err)
		}
	})

	t.Run("interaction_json_is_what_discord_sends", func(t *testing.T) {
		c := dial(t, srv)
		c.identify(srv.Token())
		url := srv.AddAttachment("notes.txt", []byte("hello"))
		ex, err := srv.SendInteraction(fakediscord.SlashCommand("ask",
			fakediscord.StringOption("question", "oil"),
			fakediscord.IntegerOption("limit", 3),
			fakediscord.AttachmentOption("file", url)))
		if err != nil {
			t.Fatal(err)
		}
		p := c.read()
		var raw map[string]any
		if err := json.Unmarshal(p.D, &raw); err != nil {
			t.Fatal(err)
		}
		member := raw["member"].(map[string]any)
		if raw["type"] != 2.0 || raw["version"] != 1.0 || raw["token"] != ex.Token() || raw["guild_id"] != srv.GuildID() ||
			member["permissions"] != "0" || raw["application_id"] != srv.ApplicationID() {
			t.Errorf("interaction %v", raw)
		}
		if _, ok := raw["user"]; ok {
			t.Errorf("guild interaction has a user field")
		}
		data := raw["data"].(map[string]any)
		opts := data["options"].([]any)
		if len(opts) != 3 || opts[1].(map[string]any)["value"] != 3.0 || opts[1].(map[string]any)["type"] != 4.0 {
			t.Errorf("options %v", opts)
		}
		var i discordgo.InteractionCreate
		if err := json.Unmarshal(p.D, &i); err != nil {
			t.Fatal(err)
		}
		d := i.ApplicationCommandData()
		id := d.GetOption("file").Value.(string)
		a := d.Resolved.Attachments[id]
		if a == nil || a.Filename != "notes.txt" {
			t.Fatalf("resolved attachments %v", d.Resolved)
		}
		resp, err := http.Get(a.URL)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(body) != "hello" {
			t.Errorf("attachment serves %q", body)
		}
	})
}

func TestSendInteractionWithoutBotFails(t *testing.T) {
	t.Parallel()
	srv := startFake(t)
	if _, err := srv.SendInteraction(fakediscord.SlashCommand("ask")); !errors.Is(err, fakediscord.ErrNoGateway) {
		t.Errorf("got %v, want ErrNoGateway", err)
	}
	if _, err := srv.SendInteraction(fakediscord.ButtonClick("x", nil)); err == nil {
		t.Errorf("a click without its message was sent")
	}
}

func TestCloseEndsEveryGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	srv := fakediscord.New()
	c := dial(t, srv)
	c.identify(srv.Token())
	c2 := dial(t, srv) // one that never identifies
	if _, err := srv.SendInteraction(fakediscord.SlashCommand("ask")); err != nil {
		t.Fatal(err)
	}
	srv.Close()
	c.ws.Close()
	c2.ws.Close()
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines before, %d after Close:\n%s", before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
	ctx := testCtx(t)
	if err := srv.WaitReady(ctx); !errors.Is(err, fakediscord.ErrClosed) {
		t.Errorf("WaitReady after Close: %v", err)
	}
}
