package fakediscord

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// HTTPAnswer is what a bot's interactions endpoint answered to a POST.
type HTTPAnswer struct {
	Status int
	Header http.Header
	Body   []byte
}

// Sign returns the X-Signature-Ed25519 header value Discord sends: the
// hex-encoded signature of timestamp followed by body.
func Sign(key ed25519.PrivateKey, timestamp string, body []byte) string {
	return hex.EncodeToString(ed25519.Sign(key, append([]byte(timestamp), body...)))
}

// PostInteraction delivers an interaction as Discord does to an
// application's Interactions Endpoint URL: its JSON is POSTed to endpoint
// with X-Signature-Timestamp (now) and X-Signature-Ed25519 (signed with
// key). Fields are filled in as by SendInteraction, and the returned
// Exchange records the bot's answers: a 200 answer's body is taken as the
// first callback and checked like one (within the interaction deadline);
// later edits and follow-ups come through the REST API as usual. A 202
// answer means the bot calls the callback route itself. The HTTP answer is
// returned too; an error means the request could not be made.
func (s *Server) PostInteraction(ctx context.Context, endpoint string, key ed25519.PrivateKey, i *discordgo.Interaction, opts ...InteractionOption) (*Exchange, *HTTPAnswer, error) {
	ic, err := s.fillInteraction(i, opts)
	if err != nil {
		return nil, nil, err
	}
	s.mu.Lock()
	if s.isClosed {
		s.mu.Unlock()
		return nil, nil, ErrClosed
	}
	raw, seen, err := s.encodeLocked(ic)
	if err != nil {
		s.mu.Unlock()
		return nil, nil, err
	}
	if _, dup := s.exchanges[ic.ID]; dup {
		s.mu.Unlock()
		return nil, nil, fmt.Errorf("fakediscord: interaction ID %s already sent", ic.ID)
	}
	ex := &Exchange{srv: s, id: ic.ID, token: ic.Token, interaction: seen, sentAt: time.Now(), httpAnswered: make(chan struct{})}
	s.exchanges[ex.id] = ex
	s.byToken[ex.token] = ex
	s.order = append(s.order, ex)
	s.notifyLocked()
	s.mu.Unlock()
	defer close(ex.httpAnswered)

	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(raw))
	if err != nil {
		return ex, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", Sign(key, ts, raw))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return ex, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return ex, nil, err
	}
	ans := &HTTPAnswer{Status: resp.StatusCode, Header: resp.Header, Body: body}
	if resp.StatusCode == http.StatusOK {
		s.acceptHTTPBody(ex, endpoint, body)
	}
	return ex, ans, nil
}

// acceptHTTPBody takes an endpoint's 200 answer as the first callback.
func (s *Server) acceptHTTPBody(ex *Exchange, endpoint string, body []byte) {
	record := func(status int, e apiError, detail string) {
		if detail == "" {
			detail = e.Message
		}
		s.logf("%d for the HTTP answer of %s: %s", status, endpoint, detail)
		s.mu.Lock()
		ex.rejections = append(ex.rejections, Rejection{Method: "POST", Path: endpoint, Status: status, Code: e.Code, Message: e.Message, Detail: "HTTP answer: " + detail})
		s.notifyLocked()
		s.mu.Unlock()
	}
	var raw struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		record(http.StatusBadRequest, apiError{Message: "The request body contains invalid JSON.", Code: 50109}, err.Error())
		return
	}
	data := map[string]json.RawMessage{}
	var err error
	if len(raw.Data) > 0 && string(raw.Data) != "null" {
		if data, err = decodeObject(raw.Data); err != nil {
			record(http.StatusBadRequest, apiError{Message: "Invalid Form Body", Code: 50035}, "data: Only dictionaries may be used in a ModelType")
			return
		}
	}
	resp, err := decodeResponse(raw.Type, raw.Data)
	if err != nil {
		record(http.StatusBadRequest, apiError{Message: "Invalid Form Body", Code: 50035}, "data: "+err.Error())
		return
	}
	s.mu.Lock()
	rej, f := s.acceptCallbackLocked(ex, raw.Type, data, resp, nil)
	s.mu.Unlock()
	switch {
	case !f.empty():
		record(http.StatusBadRequest, apiError{Message: "Invalid Form Body", Code: 50035}, "Invalid Form Body: "+f.String())
	case rej != nil:
		record(rej.status, rej.body, rej.detail)
	}
}

// awaitHTTPAnswer holds a REST call about an interaction delivered over
// HTTP until its HTTP answer has been taken in, as the bot may edit its
// deferred reply the moment the answer leaves it.
func (e *Exchange) awaitHTTPAnswer(ctx context.Context) {
	if e.httpAnswered == nil {
		return
	}
	select {
	case <-e.httpAnswered:
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
	}
}
