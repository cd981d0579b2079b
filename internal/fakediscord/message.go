package fakediscord

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// maxBody bounds a request body: Discord's default upload limit.
const maxBody = 25 << 20

// messageFields are the payload fields that become part of a message.
var messageFields = []string{"content", "embeds", "components", "flags", "attachments", "tts", "poll"}

// loadingFlag marks a deferred "is thinking..." message.
const loadingFlag = 1 << 7

// msgState is a message as the fake keeps it: the fields the bot sent, kept as
// raw JSON so that nothing (components in particular) is lost, plus what
// Discord adds.
type msgState struct {
	id        string
	channelID string
	guildID   string
	webhookID string // application ID for interaction responses
	typ       discordgo.MessageType
	fields    map[string]json.RawMessage
	created   time.Time
	edited    time.Time
	deleted   bool
}

// newMsgState returns a message made of the message fields of payload.
func newMsgState(id, channelID, guildID string, payload map[string]json.RawMessage) *msgState {
	m := &msgState{id: id, channelID: channelID, guildID: guildID, fields: map[string]json.RawMessage{}, created: time.Now().UTC()}
	m.patch(payload, true)
	return m
}

// patch applies the message fields present in payload; a JSON null clears a
// field. Flags are taken only when withFlags is set: an edit cannot change them.
func (m *msgState) patch(payload map[string]json.RawMessage, withFlags bool) {
	for _, k := range messageFields {
		v, ok := payload[k]
		if !ok || (k == "flags" && !withFlags) {
			continue
		}
		if string(v) == "null" {
			delete(m.fields, k)
			continue
		}
		m.fields[k] = v
	}
}

// clone returns a deep enough copy: raw values are never changed in place.
func (m *msgState) clone() *msgState {
	c := *m
	c.fields = make(map[string]json.RawMessage, len(m.fields))
	for k, v := range m.fields {
		c.fields[k] = v
	}
	return &c
}

// flags returns the message flags.
func (m *msgState) flags() discordgo.MessageFlags {
	var f discordgo.MessageFlags
	if v, ok := m.fields["flags"]; ok {
		_ = json.Unmarshal(v, &f)
	}
	return f
}

// setFlags sets the message flags.
func (m *msgState) setFlags(f discordgo.MessageFlags) {
	m.fields["flags"] = json.RawMessage(strconv.FormatInt(int64(f), 10))
}

// render returns the message as Discord's JSON.
func (m *msgState) render(bot *discordgo.User) json.RawMessage {
	out := map[string]any{
		"id":               m.id,
		"channel_id":       m.channelID,
		"author":           bot,
		"content":          "",
		"timestamp":        m.created.Format(time.RFC3339Nano),
		"edited_timestamp": nil,
		"tts":              false,
		"mention_everyone": false,
		"mentions":         []any{},
		"mention_roles":    []any{},
		"attachments":      []any{},
		"embeds":           []any{},
		"components":       []any{},
		"pinned":           false,
		"type":             m.typ,
		"flags":            0,
	}
	if m.guildID != "" {
		out["guild_id"] = m.guildID
	}
	if m.webhookID != "" {
		out["webhook_id"] = m.webhookID
		out["application_id"] = m.webhookID
	}
	if !m.edited.IsZero() {
		out["edited_timestamp"] = m.edited.Format(time.RFC3339Nano)
	}
	for k, v := range m.fields {
		out[k] = v
	}
	b, err := json.Marshal(out)
	if err != nil {
		return json.RawMessage(`{}`)
	}
	return b
}

// message returns the message decoded by discordgo.
func (m *msgState) message(bot *discordgo.User) *discordgo.Message {
	var msg discordgo.Message
	if err := json.Unmarshal(m.render(bot), &msg); err != nil {
		return &discordgo.Message{ID: m.id, ChannelID: m.channelID}
	}
	return &msg
}

// encodeMessage returns m as Discord's JSON, with its components: discordgo's
// Message leaves them out of its own JSON.
func encodeMessage(m *discordgo.Message) (json.RawMessage, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		return nil, err
	}
	comps := m.Components
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	if fields["components"], err = json.Marshal(comps); err != nil {
		return nil, err
	}
	return json.Marshal(fields)
}

// upload is a file part of a multipart request.
type upload struct {
	filename, contentType string
	data                  []byte
}

// readPayload reads a JSON body, or the payload_json and files[n] parts of a
// multipart one, as discordgo sends when a message carries files.
func readPayload(w http.ResponseWriter, r *http.Request) ([]byte, []upload, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		b, err := io.ReadAll(r.Body)
		return b, nil, err
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, err
	}
	var payload []byte
	var files []upload
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return nil, nil, err
		}
		switch name := p.FormName(); {
		case name == "payload_json":
			payload = data
		case strings.HasPrefix(name, "files["):
			files = append(files, upload{filename: p.FileName(), contentType: p.Header.Get("Content-Type"), data: data})
		}
	}
	if payload == nil {
		payload = []byte(`{}`)
	}
	return payload, files, nil
}

// decodeObject decodes a JSON object into its raw fields.
func decodeObject(b []byte) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, errors.New("not a JSON object")
	}
	return m, nil
}

// formErrors collects Discord's "Invalid Form Body" errors.
type formErrors struct {
	root  map[string]any
	lines []string
}

// add records an error at a dotted path such as "data.embeds.0.title".
func (f *formErrors) add(path, code, message string) {
	if f.root == nil {
		f.root = map[string]any{}
	}
	node := f.root
	if path != "" {
		for _, part := range strings.Split(path, ".") {
			next, ok := node[part].(map[string]any)
			if !ok {
				next = map[string]any{}
				node[part] = next
			}
			node = next
		}
	}
	list, _ := node["_errors"].([]any)
	node["_errors"] = append(list, map[string]string{"code": code, "message": message})
	f.lines = append(f.lines, path+": "+message)
}

// empty reports whether no error was recorded.
func (f *formErrors) empty() bool { return len(f.lines) == 0 }

// String lists the errors, one per line.
func (f *formErrors) String() string { return strings.Join(f.lines, "; ") }

// write answers 400 Invalid Form Body.
func (f *formErrors) write(w http.ResponseWriter) {
	writeJSON(w, http.StatusBadRequest, apiError{Message: "Invalid Form Body", Code: 50035, Errors: f.root})
}

// join joins path parts with dots, skipping empty ones.
func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ".")
}

// maxLen records an error when s has more than max characters.
func (f *formErrors) maxLen(path, s string, max int) {
	if utf8.RuneCountInString(s) > max {
		f.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", max))
	}
}

// lenRange records an error unless s has min to max characters.
func (f *formErrors) lenRange(path, s string, min, max int) {
	if n := utf8.RuneCountInString(s); n < min || n > max {
		f.add(path, "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between %d and %d in length.", min, max))
	}
}

// errEmptyMessage is Discord's answer to a message with nothing in it.
var errEmptyMessage = apiError{Message: "Cannot send an empty message", Code: 50006}

// checkMessage validates a message the bot wants shown against Discord's
// limits. It returns a non-nil apiError for an empty message.
func checkMessage(m *msgState, prefix string, f *formErrors) *apiError {
	raw := m.render(nil)
	var msg discordgo.Message
	if err := json.Unmarshal(raw, &msg); err != nil {
		f.add(prefix, "MESSAGE_INVALID", "Invalid message: "+err.Error())
		return nil
	}
	f.maxLen(join(prefix, "content"), msg.Content, 2000)
	checkEmbeds(msg.Embeds, prefix, f)
	checkComponents(msg.Components, msg.Flags, prefix, f)
	if strings.TrimSpace(msg.Content) == "" && len(msg.Embeds) == 0 && len(msg.Components) == 0 &&
		len(msg.Attachments) == 0 && msg.Poll == nil {
		e := errEmptyMessage
		return &e
	}
	return nil
}

// checkEmbeds validates embeds.
func checkEmbeds(embeds []*discordgo.MessageEmbed, prefix string, f *formErrors) {
	if len(embeds) > 10 {
		f.add(join(prefix, "embeds"), "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
	}
	total := 0
	for i, e := range embeds {
		if e == nil {
			continue
		}
		p := join(prefix, "embeds", strconv.Itoa(i))
		f.maxLen(join(p, "title"), e.Title, 256)
		f.maxLen(join(p, "description"), e.Description, 4096)
		total += utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
		if len(e.Fields) > 25 {
			f.add(join(p, "fields"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		for j, fl := range e.Fields {
			if fl == nil {
				continue
			}
			fp := join(p, "fields", strconv.Itoa(j))
			f.lenRange(join(fp, "name"), fl.Name, 1, 256)
			f.lenRange(join(fp, "value"), fl.Value, 1, 1024)
			total += utf8.RuneCountInString(fl.Name) + utf8.RuneCountInString(fl.Value)
		}
		if e.Footer != nil {
			f.maxLen(join(p, "footer", "text"), e.Footer.Text, 2048)
			total += utf8.RuneCountInString(e.Footer.Text)
		}
		if e.Author != nil {
			f.maxLen(join(p, "author", "name"), e.Author.Name, 256)
			total += utf8.RuneCountInString(e.Author.Name)
		}
	}
	if total > 6000 {
		f.add(join(prefix, "embeds"), "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")
	}
}

// checkComponents validates message components.
func checkComponents(comps []discordgo.MessageComponent, flags discordgo.MessageFlags, prefix string, f *formErrors) {
	seen := map[string]bool{}
	customID := func(path, id string) {
		if id == "" {
			return
		}
		f.lenRange(join(path, "custom_id"), id, 1, 100)
		if seen[id] {
			f.add(join(path, "custom_id"), "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated")
		}
		seen[id] = true
	}
	v2 := flags&discordgo.MessageFlagsIsComponentsV2 != 0
	if !v2 && len(comps) > 5 {
		f.add(join(prefix, "components"), "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
	}
	var walk func(path string, c discordgo.MessageComponent, top bool)
	walk = func(path string, c discordgo.MessageComponent, top bool) {
		switch c := c.(type) {
		case *discordgo.ActionsRow:
			if len(c.Components) > 5 {
				f.add(join(path, "components"), "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
			}
			if len(c.Components) == 0 {
				f.add(join(path, "components"), "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.")
			}
			for i, sub := range c.Components {
				walk(join(path, "components", strconv.Itoa(i)), sub, false)
			}
		case *discordgo.Button:
			if top && !v2 {
				f.add(path, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "Buttons must be in an action row")
			}
			f.maxLen(join(path, "label"), c.Label, 80)
			switch c.Style {
			case discordgo.LinkButton:
				if c.URL == "" {
					f.add(join(path, "url"), "BASE_TYPE_REQUIRED", "This field is required")
				}
				if c.CustomID != "" {
					f.add(join(path, "custom_id"), "COMPONENT_INVALID_FIELD", "A link button cannot have a custom id")
				}
			case discordgo.PrimaryButton, discordgo.SecondaryButton, discordgo.SuccessButton, discordgo.DangerButton:
				if c.CustomID == "" {
					f.add(join(path, "custom_id"), "BASE_TYPE_REQUIRED", "This field is required")
				}
				customID(path, c.CustomID)
			case discordgo.PremiumButton:
			default:
				f.add(join(path, "style"), "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be one of (1, 2, 3, 4, 5, 6), got %d.", c.Style))
			}
			if c.Label == "" && c.Emoji == nil && c.Style != discordgo.PremiumButton {
				f.add(join(path, "label"), "BASE_TYPE_REQUIRED", "A button needs a label or an emoji")
			}
		case *discordgo.SelectMenu:
			if top && !v2 {
				f.add(path, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "Select menus must be in an action row")
			}
			customID(path, c.CustomID)
			if c.CustomID == "" {
				f.add(join(path, "custom_id"), "BASE_TYPE_REQUIRED", "This field is required")
			}
			if len(c.Options) > 25 {
				f.add(join(path, "options"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
			}
		case *discordgo.Section:
			for i, sub := range c.Components {
				walk(join(path, "components", strconv.Itoa(i)), sub, false)
			}
			if c.Accessory != nil {
				walk(join(path, "accessory"), c.Accessory, false)
			}
		case *discordgo.Container:
			for i, sub := range c.Components {
				walk(join(path, "components", strconv.Itoa(i)), sub, false)
			}
		default:
			if top && !v2 {
				f.add(path, "COMPONENT_TYPE_INVALID", "Only action rows may be at the top level without the IS_COMPONENTS_V2 flag")
			}
		}
	}
	for i, c := range comps {
		walk(join(prefix, "components", strconv.Itoa(i)), c, true)
	}
}

// checkCommands validates a bulk overwrite as Discord does, for the limits a
// bot is likely to hit.
func checkCommands(cmds []*discordgo.ApplicationCommand, f *formErrors) {
	if len(cmds) > 100 {
		f.add("", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
	}
	type key struct {
		typ  discordgo.ApplicationCommandType
		name string
	}
	seen := map[key]bool{}
	for i, c := range cmds {
		p := strconv.Itoa(i)
		if c == nil {
			f.add(p, "BASE_TYPE_REQUIRED", "This field is required")
			continue
		}
		typ := c.Type
		if typ == 0 {
			typ = discordgo.ChatApplicationCommand
		}
		if typ == discordgo.ChatApplicationCommand {
			checkName(join(p, "name"), c.Name, f)
			f.lenRange(join(p, "description"), c.Description, 1, 100)
			checkOptions(p, c.Options, 0, f)
			if n := commandChars(c); n > 8000 {
				f.add(p, "APPLICATION_COMMAND_TOO_LARGE", fmt.Sprintf("Command exceeds maximum size (8000), has %d", n))
			}
		} else {
			f.lenRange(join(p, "name"), c.Name, 1, 32)
			if c.Description != "" {
				f.add(join(p, "description"), "APPLICATION_COMMAND_INVALID_DESCRIPTION", "Context menu commands cannot have a description")
			}
		}
		k := key{typ, c.Name}
		if seen[k] {
			f.add(join(p, "name"), "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
		}
		seen[k] = true
	}
}

// commandChars counts what Discord counts toward a command's 8,000 characters.
func commandChars(c *discordgo.ApplicationCommand) int {
	n := utf8.RuneCountInString(c.Name) + utf8.RuneCountInString(c.Description)
	var walk func([]*discordgo.ApplicationCommandOption)
	walk = func(opts []*discordgo.ApplicationCommandOption) {
		for _, o := range opts {
			if o == nil {
				continue
			}
			n += utf8.RuneCountInString(o.Name) + utf8.RuneCountInString(o.Description)
			for _, ch := range o.Choices {
				if ch != nil {
					n += utf8.RuneCountInString(ch.Name)
					if s, ok := ch.Value.(string); ok {
						n += utf8.RuneCountInString(s)
					}
				}
			}
			walk(o.Options)
		}
	}
	walk(c.Options)
	return n
}

// checkName validates a chat command or option name.
func checkName(path, name string, f *formErrors) {
	if !validName(name) {
		f.add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		return
	}
	if strings.ToLower(name) != name {
		f.add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name must be lowercase")
	}
}

// checkOptions validates command options at a nesting depth (0 for the
// command's own options).
func checkOptions(prefix string, opts []*discordgo.ApplicationCommandOption, depth int, f *formErrors) {
	if len(opts) > 25 {
		f.add(join(prefix, "options"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
	}
	names := map[string]bool{}
	optionalSeen := false
	for i, o := range opts {
		p := join(prefix, "options", strconv.Itoa(i))
		if o == nil {
			f.add(p, "BASE_TYPE_REQUIRED", "This field is required")
			continue
		}
		checkName(join(p, "name"), o.Name, f)
		f.lenRange(join(p, "description"), o.Description, 1, 100)
		if names[o.Name] {
			f.add(join(p, "name"), "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique")
		}
		names[o.Name] = true
		switch o.Type {
		case discordgo.ApplicationCommandOptionSubCommand, discordgo.ApplicationCommandOptionSubCommandGroup:
			if depth >= 2 || (depth == 1 && o.Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
				f.add(join(p, "type"), "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Sub-commands cannot be nested this deep")
			}
			checkOptions(p, o.Options, depth+1, f)
			continue
		case 0:
			f.add(join(p, "type"), "BASE_TYPE_REQUIRED", "This field is required")
		}
		if o.Type > discordgo.ApplicationCommandOptionAttachment {
			f.add(join(p, "type"), "BASE_TYPE_CHOICES", fmt.Sprintf("Value must be one of 1 to 11, got %d.", o.Type))
		}
		if o.Required && optionalSeen {
			f.add(join(p, "required"), "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
		}
		if !o.Required {
			optionalSeen = true
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			f.add(join(p, "autocomplete"), "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID", "Autocomplete cannot be set with choices")
		}
		if len(o.Choices) > 25 {
			f.add(join(p, "choices"), "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		for j, ch := range o.Choices {
			cp := join(p, "choices", strconv.Itoa(j))
			if ch == nil {
				f.add(cp, "BASE_TYPE_REQUIRED", "This field is required")
				continue
			}
			f.lenRange(join(cp, "name"), ch.Name, 1, 100)
			if s, ok := ch.Value.(string); ok {
				f.lenRange(join(cp, "value"), s, 1, 100)
			}
		}
	}
}

// checkChoices validates an autocomplete answer.
func checkChoices(choices []*discordgo.ApplicationCommandOptionChoice, f *formErrors) {
	if len(choices) > 25 {
		f.add("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
	}
	for i, ch := range choices {
		p := join("data", "choices", strconv.Itoa(i))
		if ch == nil {
			f.add(p, "BASE_TYPE_REQUIRED", "This field is required")
			continue
		}
		f.lenRange(join(p, "name"), ch.Name, 1, 100)
		if s, ok := ch.Value.(string); ok {
			f.maxLen(join(p, "value"), s, 100)
		}
	}
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
