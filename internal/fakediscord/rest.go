package fakediscord

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// nameRE is Discord's rule for command and option names.
var nameRE = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// validName reports whether name is a valid command or option name.
func validName(name string) bool { return nameRE.MatchString(name) }

const api = "/api/v9"

// routes builds the router.
func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET "+api+"/gateway", s.handleGateway)
	m.HandleFunc("GET "+api+"/gateway/bot", s.bot(s.handleGatewayBot))
	m.HandleFunc("GET "+api+"/users/@me", s.bot(s.handleUserMe))
	m.HandleFunc("GET "+api+"/applications/@me", s.bot(s.handleApplicationMe))
	m.HandleFunc("GET "+api+"/oauth2/applications/@me", s.bot(s.handleApplicationMe))
	m.HandleFunc("GET "+api+"/applications/{app}/commands", s.bot(s.handleGetCommands))
	m.HandleFunc("PUT "+api+"/applications/{app}/commands", s.bot(s.handlePutCommands))
	m.HandleFunc("GET "+api+"/applications/{app}/guilds/{guild}/commands", s.bot(s.handleGetCommands))
	m.HandleFunc("PUT "+api+"/applications/{app}/guilds/{guild}/commands", s.bot(s.handlePutCommands))
	m.HandleFunc("POST "+api+"/interactions/{id}/{token}/callback", s.handleCallback)
	m.HandleFunc("POST "+api+"/webhooks/{app}/{token}", s.handleFollowup)
	m.HandleFunc("GET "+api+"/webhooks/{app}/{token}/messages/{msg}", s.handleWebhookMessage)
	m.HandleFunc("PATCH "+api+"/webhooks/{app}/{token}/messages/{msg}", s.handleWebhookMessage)
	m.HandleFunc("DELETE "+api+"/webhooks/{app}/{token}/messages/{msg}", s.handleWebhookMessage)
	m.HandleFunc("POST "+api+"/channels/{channel}/messages", s.bot(s.handleChannelMessage))
	m.HandleFunc("GET /attachments/{id}/{name}", s.handleAttachment)
	m.HandleFunc("GET /gateway", s.handleWebsocket)
	m.HandleFunc("GET /gateway/{$}", s.handleWebsocket)
	m.HandleFunc("/", s.handleUnknown)
	s.router = m
}

// bot wraps a route that needs the bot token.
func (s *Server) bot(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bot "+s.cfg.token {
			s.logf("401 for %s %s: wrong or missing bot token", r.Method, r.URL.Path)
			writeError(w, http.StatusUnauthorized, 0, "401: Unauthorized")
			return
		}
		h(w, r)
	}
}

func (s *Server) handleUnknown(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.unknown = append(s.unknown, Request{Method: r.Method, Path: r.URL.Path, Status: http.StatusNotFound})
	s.notifyLocked()
	s.mu.Unlock()
	s.logf("unknown route %s %s", r.Method, r.URL.Path)
	writeError(w, http.StatusNotFound, 0, "404: Not Found")
}

// wsURL returns the gateway URL on the host the client used.
func (s *Server) wsURL(r *http.Request) string {
	host := r.Host
	if host == "" {
		host = strings.TrimPrefix(s.url, "http://")
	}
	return "ws://" + host + "/gateway"
}

func (s *Server) handleGateway(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"url": s.wsURL(r)})
}

func (s *Server) handleGatewayBot(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"url":    s.wsURL(r),
		"shards": 1,
		"session_start_limit": map[string]int{
			"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1,
		},
	})
}

func (s *Server) handleUserMe(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.botUser)
}

func (s *Server) handleApplicationMe(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{
		"id": s.cfg.appID, "name": s.cfg.botName, "description": "", "bot_public": false,
		"bot_require_code_grant": false, "flags": 0, "bot": s.botUser,
	})
}

// commandScope checks the application in the path and returns the scope.
func (s *Server) commandScope(w http.ResponseWriter, r *http.Request) (string, bool) {
	if r.PathValue("app") != s.cfg.appID {
		writeError(w, http.StatusNotFound, 10002, "Unknown Application")
		return "", false
	}
	return r.PathValue("guild"), true
}

func (s *Server) handleGetCommands(w http.ResponseWriter, r *http.Request) {
	scope, ok := s.commandScope(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, s.Commands(scope))
}

func (s *Server) handlePutCommands(w http.ResponseWriter, r *http.Request) {
	scope, ok := s.commandScope(w, r)
	if !ok {
		return
	}
	body, _, err := readPayload(w, r)
	if err != nil {
		writeError(w, http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
		return
	}
	var cmds []*discordgo.ApplicationCommand
	if err := json.Unmarshal(body, &cmds); err != nil {
		s.logf("PUT commands: %v", err)
		writeError(w, http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
		return
	}
	var f formErrors
	checkCommands(cmds, &f)
	if !f.empty() {
		s.logf("PUT commands rejected: %s", f.String())
		f.write(w)
		return
	}
	s.mu.Lock()
	old := map[string]*discordgo.ApplicationCommand{}
	for _, c := range s.commands[scope] {
		old[commandKey(c)] = c
	}
	stored := make([]*discordgo.ApplicationCommand, 0, len(cmds))
	for _, c := range cmds {
		c = cloneJSON(c)
		if c.Type == 0 {
			c.Type = discordgo.ChatApplicationCommand
		}
		c.ApplicationID = s.cfg.appID
		c.GuildID = scope
		if prev, ok := old[commandKey(c)]; ok {
			c.ID = prev.ID
			if sameCommand(prev, c) {
				c.Version = prev.Version
			}
		}
		if c.ID == "" {
			c.ID = s.newID()
		}
		if c.Version == "" {
			c.Version = s.newID()
		}
		if c.Options == nil {
			c.Options = []*discordgo.ApplicationCommandOption{}
		}
		stored = append(stored, c)
	}
	s.commands[scope] = stored
	s.overwrites++
	s.notifyLocked()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, s.Commands(scope))
}

// commandKey identifies a command within its scope.
func commandKey(c *discordgo.ApplicationCommand) string {
	t := c.Type
	if t == 0 {
		t = discordgo.ChatApplicationCommand
	}
	return string(rune('0'+t)) + "/" + c.Name
}

// sameCommand reports whether two commands differ only in ID and version.
func sameCommand(a, b *discordgo.ApplicationCommand) bool {
	strip := func(c *discordgo.ApplicationCommand) string {
		c = cloneJSON(c)
		c.ID, c.Version = "", ""
		if c.Options == nil {
			c.Options = []*discordgo.ApplicationCommandOption{}
		}
		b, _ := json.Marshal(c)
		return string(b)
	}
	return strip(a) == strip(b)
}

// cloneJSON deep-copies v through JSON.
func cloneJSON[T any](v T) T {
	var out T
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return v
	}
	return out
}

// Commands returns the commands stored by the last bulk overwrite of a scope:
// guildID "" for global commands. The result is a copy.
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*discordgo.ApplicationCommand, 0, len(s.commands[guildID]))
	for _, c := range s.commands[guildID] {
		out = append(out, cloneJSON(c))
	}
	return out
}

// CommandOverwrites returns how many bulk overwrites (PUT .../commands) of any
// scope succeeded.
func (s *Server) CommandOverwrites() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.overwrites
}

// findCommandLocked returns the chat command with the name, looking in the
// guild's commands first and then the global ones. s.mu must be held.
func (s *Server) findCommandLocked(guildID, name string) *discordgo.ApplicationCommand {
	scopes := []string{""}
	if guildID != "" {
		scopes = []string{guildID, ""}
	}
	for _, scope := range scopes {
		for _, c := range s.commands[scope] {
			if c.Name == name && c.Type == discordgo.ChatApplicationCommand {
				return c
			}
		}
	}
	return nil
}

// reject answers with a Discord error and records it on the exchange.
func (s *Server) reject(ex *Exchange, w http.ResponseWriter, r *http.Request, status int, body apiError, detail string) {
	if detail == "" {
		detail = body.Message
	}
	s.logf("%d for %s %s: %s", status, r.Method, r.URL.Path, detail)
	if ex != nil {
		s.mu.Lock()
		ex.rejections = append(ex.rejections, Rejection{
			Method: r.Method, Path: r.URL.Path, Status: status, Code: body.Code, Message: body.Message, Detail: detail,
		})
		s.notifyLocked()
		s.mu.Unlock()
	}
	writeJSON(w, status, body)
}

// rejectForm answers 400 Invalid Form Body and records it.
func (s *Server) rejectForm(ex *Exchange, w http.ResponseWriter, r *http.Request, f *formErrors) {
	s.reject(ex, w, r, http.StatusBadRequest, apiError{Message: "Invalid Form Body", Code: 50035, Errors: f.root}, "Invalid Form Body: "+f.String())
}

var errUnknownInteraction = apiError{Message: "Unknown interaction", Code: 10062}

func (s *Server) handleCallback(w http.ResponseWriter, r *http.Request) {
	id, token := r.PathValue("id"), r.PathValue("token")
	s.mu.Lock()
	ex := s.exchanges[id]
	s.mu.Unlock()
	if ex == nil || ex.token != token {
		s.reject(nil, w, r, http.StatusNotFound, errUnknownInteraction, "")
		return
	}
	body, files, err := readPayload(w, r)
	if err != nil {
		s.reject(ex, w, r, http.StatusBadRequest, apiError{Message: "The request body contains invalid JSON.", Code: 50109}, err.Error())
		return
	}
	var raw struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err := json.Unmarshal(body, &raw); err != nil {
		s.reject(ex, w, r, http.StatusBadRequest, apiError{Message: "The request body contains invalid JSON.", Code: 50109}, err.Error())
		return
	}
	data := map[string]json.RawMessage{}
	if len(raw.Data) > 0 && string(raw.Data) != "null" {
		if data, err = decodeObject(raw.Data); err != nil {
			var f formErrors
			f.add("data", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType")
			s.rejectForm(ex, w, r, &f)
			return
		}
	}
	resp, err := decodeResponse(raw.Type, raw.Data)
	if err != nil {
		var f formErrors
		f.add("data", "MODEL_TYPE_CONVERT", err.Error())
		s.rejectForm(ex, w, r, &f)
		return
	}

	s.mu.Lock()
	rej, f := s.acceptCallbackLocked(ex, raw.Type, data, resp, files)
	s.mu.Unlock()
	switch {
	case !f.empty():
		s.rejectForm(ex, w, r, f)
	case rej != nil:
		s.reject(ex, w, r, rej.status, rej.body, rej.detail)
	default:
		w.WriteHeader(http.StatusNoContent)
	}
}

// rejection is an error answer decided under the lock and sent after it.
type rejection struct {
	status int
	body   apiError
	detail string
}

// acceptCallbackLocked checks an interaction callback and, when it is
// acceptable, records it. s.mu must be held.
func (s *Server) acceptCallbackLocked(ex *Exchange, typ discordgo.InteractionResponseType, data map[string]json.RawMessage, resp *discordgo.InteractionResponse, files []upload) (*rejection, *formErrors) {
	f := &formErrors{}
	if ex.response != nil {
		return &rejection{http.StatusBadRequest, apiError{Message: "Interaction has already been acknowledged.", Code: 40060}, ""}, f
	}
	if d := s.cfg.deadline; d > 0 && time.Since(ex.sentAt) > d {
		late := time.Since(ex.sentAt).Round(time.Millisecond)
		return &rejection{http.StatusNotFound, errUnknownInteraction, "first callback came " + late.String() + " after dispatch, past the " + d.String() + " deadline"}, f
	}
	it := ex.interaction.Type
	allowed := map[discordgo.InteractionType][]discordgo.InteractionResponseType{
		discordgo.InteractionPing:                           {discordgo.InteractionResponsePong},
		discordgo.InteractionApplicationCommand:             {4, 5, 9},
		discordgo.InteractionMessageComponent:               {4, 5, 6, 7, 9},
		discordgo.InteractionApplicationCommandAutocomplete: {8},
		discordgo.InteractionModalSubmit:                    {4, 5, 6, 7},
	}[it]
	if !slices.Contains(allowed, typ) {
		f.add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Response type "+strconv.Itoa(int(typ))+" is not valid for an interaction of type "+it.String())
		return nil, f
	}
	var orig *msgState
	var emptyErr *apiError
	chanID, guildID := ex.interaction.ChannelID, ex.interaction.GuildID
	switch typ {
	case discordgo.InteractionResponseChannelMessageWithSource:
		orig = newMsgState(s.newID(), chanID, guildID, data)
		s.attachUploadsLocked(orig, files)
		emptyErr = checkMessage(orig, "data", f)
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		flags := resp.Data.Flags
		if flags&^discordgo.MessageFlagsEphemeral != 0 {
			f.add("data.flags", "INTERACTION_RESPONSE_FLAGS_INVALID", "Only the ephemeral flag may be set on a deferred response")
		}
		orig = newMsgState(s.newID(), chanID, guildID, nil)
		orig.setFlags(flags&discordgo.MessageFlagsEphemeral | loadingFlag)
	case discordgo.InteractionResponseDeferredMessageUpdate, discordgo.InteractionResponseUpdateMessage:
		orig = s.componentMessageLocked(ex)
		if orig == nil {
			f.add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "No message to update")
			break
		}
		if typ == discordgo.InteractionResponseUpdateMessage {
			orig.patch(data, false)
			s.attachUploadsLocked(orig, files)
			orig.edited = time.Now().UTC()
			emptyErr = checkMessage(orig, "data", f)
		}
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		checkChoices(resp.Data.Choices, f)
	case discordgo.InteractionResponseModal:
		f.lenRange("data.custom_id", resp.Data.CustomID, 1, 100)
		f.lenRange("data.title", resp.Data.Title, 1, 45)
		if n := len(resp.Data.Components); n < 1 || n > 5 {
			f.add("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
		}
	}
	if !f.empty() {
		return nil, f
	}
	if emptyErr != nil {
		return &rejection{http.StatusBadRequest, *emptyErr, ""}, f
	}
	if orig != nil && typ != discordgo.InteractionResponseDeferredMessageUpdate && typ != discordgo.InteractionResponseUpdateMessage {
		orig.webhookID = s.cfg.appID
		orig.typ = discordgo.MessageTypeChatInputCommand
	}
	ex.response = resp
	ex.original = orig
	if typ != discordgo.InteractionResponseDeferredChannelMessageWithSource && typ != discordgo.InteractionResponseDeferredMessageUpdate {
		ex.complete = true
	}
	s.notifyLocked()
	return nil, f
}

// componentMessageLocked returns the message a component interaction was on,
// as a message state.
func (s *Server) componentMessageLocked(ex *Exchange) *msgState {
	m := ex.interaction.Message
	if m == nil {
		return nil
	}
	b, err := encodeMessage(m)
	if err != nil {
		return nil
	}
	fields, err := decodeObject(b)
	if err != nil {
		return nil
	}
	st := newMsgState(m.ID, m.ChannelID, m.GuildID, fields)
	if m.ChannelID == "" {
		st.channelID = ex.interaction.ChannelID
	}
	st.webhookID = m.WebhookID
	st.typ = m.Type
	if !m.Timestamp.IsZero() {
		st.created = m.Timestamp
	}
	return st
}

// attachUploadsLocked stores uploaded files and lists them as the message's
// attachments.
func (s *Server) attachUploadsLocked(m *msgState, files []upload) {
	if len(files) == 0 {
		return
	}
	list := make([]discordgo.MessageAttachment, 0, len(files))
	for _, f := range files {
		a := s.addAttachmentLocked(f.filename, f.contentType, f.data)
		list = append(list, a)
	}
	b, err := json.Marshal(list)
	if err == nil {
		m.fields["attachments"] = b
	}
}

// decodeResponse decodes an interaction callback as discordgo types; the
// components need help, as discordgo cannot decode its own
// InteractionResponseData.
func decodeResponse(t discordgo.InteractionResponseType, data json.RawMessage) (*discordgo.InteractionResponse, error) {
	resp := &discordgo.InteractionResponse{Type: t}
	if len(data) == 0 || string(data) == "null" {
		resp.Data = &discordgo.InteractionResponseData{}
		return resp, nil
	}
	var d struct {
		TTS             bool                                        `json:"tts"`
		Content         string                                      `json:"content"`
		Components      []json.RawMessage                           `json:"components"`
		Embeds          []*discordgo.MessageEmbed                   `json:"embeds"`
		AllowedMentions *discordgo.MessageAllowedMentions           `json:"allowed_mentions"`
		Attachments     *[]*discordgo.MessageAttachment             `json:"attachments"`
		Poll            *discordgo.Poll                             `json:"poll"`
		Flags           discordgo.MessageFlags                      `json:"flags"`
		Choices         []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		CustomID        string                                      `json:"custom_id"`
		Title           string                                      `json:"title"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, err
	}
	rd := &discordgo.InteractionResponseData{
		TTS: d.TTS, Content: d.Content, Embeds: d.Embeds, AllowedMentions: d.AllowedMentions,
		Attachments: d.Attachments, Poll: d.Poll, Flags: d.Flags, Choices: d.Choices,
		CustomID: d.CustomID, Title: d.Title,
	}
	for _, c := range d.Components {
		mc, err := discordgo.MessageComponentFromJSON(c)
		if err != nil {
			return nil, err
		}
		rd.Components = append(rd.Components, mc)
	}
	resp.Data = rd
	return resp, nil
}

// webhookExchange finds the interaction of a webhook route.
func (s *Server) webhookExchange(w http.ResponseWriter, r *http.Request) (*Exchange, bool) {
	if r.PathValue("app") != s.cfg.appID {
		s.reject(nil, w, r, http.StatusNotFound, apiError{Message: "Unknown Webhook", Code: 10015}, "")
		return nil, false
	}
	s.mu.Lock()
	ex := s.byToken[r.PathValue("token")]
	s.mu.Unlock()
	if ex == nil {
		s.reject(nil, w, r, http.StatusUnauthorized, apiError{Message: "Invalid Webhook Token", Code: 50027}, "")
		return nil, false
	}
	ex.awaitHTTPAnswer(r.Context())
	return ex, true
}

var errUnknownMessage = apiError{Message: "Unknown Message", Code: 10008}

func (s *Server) handleWebhookMessage(w http.ResponseWriter, r *http.Request) {
	ex, ok := s.webhookExchange(w, r)
	if !ok {
		return
	}
	var payload map[string]json.RawMessage
	var files []upload
	if r.Method == http.MethodPatch {
		body, up, err := readPayload(w, r)
		if err == nil {
			payload, err = decodeObject(body)
		}
		if err != nil {
			s.reject(ex, w, r, http.StatusBadRequest, apiError{Message: "The request body contains invalid JSON.", Code: 50109}, err.Error())
			return
		}
		files = up
	}
	msgID := r.PathValue("msg")
	s.mu.Lock()
	isOriginal := ex.original != nil && (msgID == "@original" || msgID == ex.original.id)
	var target *msgState
	followup := -1
	if isOriginal {
		target = ex.original
	} else {
		for i, m := range ex.followups {
			if m.id == msgID {
				target, followup = m, i
			}
		}
	}
	if target == nil || target.deleted {
		s.mu.Unlock()
		s.reject(ex, w, r, http.StatusNotFound, errUnknownMessage, "no such message (yet) for this interaction: "+msgID)
		return
	}
	switch r.Method {
	case http.MethodGet:
		out := target.render(s.botUser)
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, out)
	case http.MethodDelete:
		target.deleted = true
		if isOriginal {
			ex.complete = true
		}
		s.notifyLocked()
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	case http.MethodPatch:
		next := target.clone()
		next.patch(payload, false)
		s.attachUploadsLocked(next, files)
		next.setFlags(next.flags() &^ loadingFlag)
		next.edited = time.Now().UTC()
		var f formErrors
		emptyErr := checkMessage(next, "", &f)
		if !f.empty() || emptyErr != nil {
			s.mu.Unlock()
			if !f.empty() {
				s.rejectForm(ex, w, r, &f)
			} else {
				s.reject(ex, w, r, http.StatusBadRequest, *emptyErr, "")
			}
			return
		}
		if isOriginal {
			ex.original = next
			var edit discordgo.Message
			if err := json.Unmarshal(mustJSON(payload), &edit); err == nil {
				ex.edits = append(ex.edits, &edit)
			}
			ex.complete = true
		} else {
			ex.followups[followup] = next
		}
		out := next.render(s.botUser)
		s.notifyLocked()
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, out)
	default:
		s.mu.Unlock()
		writeError(w, http.StatusMethodNotAllowed, 0, "405: Method Not Allowed")
	}
}

// mustJSON encodes v, which cannot fail for raw fields.
func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

func (s *Server) handleFollowup(w http.ResponseWriter, r *http.Request) {
	ex, ok := s.webhookExchange(w, r)
	if !ok {
		return
	}
	body, files, err := readPayload(w, r)
	var payload map[string]json.RawMessage
	if err == nil {
		payload, err = decodeObject(body)
	}
	if err != nil {
		s.reject(ex, w, r, http.StatusBadRequest, apiError{Message: "The request body contains invalid JSON.", Code: 50109}, err.Error())
		return
	}
	s.mu.Lock()
	if ex.response == nil {
		s.mu.Unlock()
		s.reject(ex, w, r, http.StatusNotFound, apiError{Message: "Unknown Webhook", Code: 10015}, "follow-up before the interaction was acknowledged")
		return
	}
	m := newMsgState(s.newID(), ex.interaction.ChannelID, ex.interaction.GuildID, payload)
	m.webhookID = s.cfg.appID
	m.typ = discordgo.MessageTypeChatInputCommand
	s.attachUploadsLocked(m, files)
	var f formErrors
	emptyErr := checkMessage(m, "", &f)
	if !f.empty() || emptyErr != nil {
		s.mu.Unlock()
		if !f.empty() {
			s.rejectForm(ex, w, r, &f)
		} else {
			s.reject(ex, w, r, http.StatusBadRequest, *emptyErr, "")
		}
		return
	}
	ex.followups = append(ex.followups, m)
	out := m.render(s.botUser)
	s.notifyLocked()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleChannelMessage(w http.ResponseWriter, r *http.Request) {
	body, files, err := readPayload(w, r)
	var payload map[string]json.RawMessage
	if err == nil {
		payload, err = decodeObject(body)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
		return
	}
	channel := r.PathValue("channel")
	s.mu.Lock()
	m := newMsgState(s.newID(), channel, "", payload)
	s.attachUploadsLocked(m, files)
	var f formErrors
	emptyErr := checkMessage(m, "", &f)
	if !f.empty() || emptyErr != nil {
		s.mu.Unlock()
		if !f.empty() {
			s.logf("POST channel message rejected: %s", f.String())
			f.write(w)
		} else {
			writeJSON(w, http.StatusBadRequest, *emptyErr)
		}
		return
	}
	s.channelMsgs[channel] = append(s.channelMsgs[channel], m)
	out := m.render(s.botUser)
	s.notifyLocked()
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, out)
}

// ChannelMessages returns the messages the bot posted to a channel with
// POST /channels/{id}/messages, in order.
func (s *Server) ChannelMessages(channelID string) []*discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*discordgo.Message
	for _, m := range s.channelMsgs[channelID] {
		out = append(out, m.message(s.botUser))
	}
	return out
}

// AddAttachment stores a file and returns the URL the fake serves it at, on
// its own host, as Discord's CDN would. Pass the URL to AttachmentOption to
// send it as an attachment option of a slash command.
func (s *Server) AddAttachment(filename string, data []byte) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addAttachmentLocked(filename, "", data).URL
}

// addAttachmentLocked stores a file. s.mu must be held.
func (s *Server) addAttachmentLocked(filename, contentType string, data []byte) discordgo.MessageAttachment {
	if filename == "" {
		filename = "file"
	}
	if contentType == "" {
		contentType = http.DetectContentType(data)
	}
	id := s.newID()
	s.attachments[id] = attachment{id: id, filename: filename, contentType: contentType, data: append([]byte(nil), data...)}
	u := s.url + "/attachments/" + id + "/" + url.PathEscape(filename)
	return discordgo.MessageAttachment{ID: id, URL: u, ProxyURL: u, Filename: filename, ContentType: contentType, Size: len(data)}
}

// attachmentByURL returns the stored attachment served at u. s.mu must be
// held.
func (s *Server) attachmentByURLLocked(u string) (discordgo.MessageAttachment, bool) {
	rest, ok := strings.CutPrefix(u, s.url+"/attachments/")
	if !ok {
		return discordgo.MessageAttachment{}, false
	}
	id, _, _ := strings.Cut(rest, "/")
	a, ok := s.attachments[id]
	if !ok {
		return discordgo.MessageAttachment{}, false
	}
	full := s.url + "/attachments/" + id + "/" + url.PathEscape(a.filename)
	return discordgo.MessageAttachment{ID: id, URL: full, ProxyURL: full, Filename: a.filename, ContentType: a.contentType, Size: len(a.data)}, true
}

func (s *Server) handleAttachment(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	a, ok := s.attachments[r.PathValue("id")]
	s.mu.Unlock()
	if !ok || a.filename != r.PathValue("name") {
		writeError(w, http.StatusNotFound, 0, "404: Not Found")
		return
	}
	w.Header().Set("Content-Type", a.contentType)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(a.data)
}
