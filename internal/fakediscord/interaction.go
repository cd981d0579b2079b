package fakediscord

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// SlashCommand returns a chat command interaction (type 2) for the command
// with the given name and options, as a user typing "/name ..." sends it.
// SendInteraction fills in the rest: IDs, token, guild, channel, member, the
// command's ID and the types of untyped options.
func SlashCommand(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type: discordgo.InteractionApplicationCommand,
		Data: discordgo.ApplicationCommandInteractionData{
			Name:        name,
			CommandType: discordgo.ChatApplicationCommand,
			Options:     opts,
		},
	}
}

// Autocomplete returns an autocomplete interaction (type 4) for the command:
// the user is typing value into focusedOption, which is marked focused and
// sent as a string, as Discord sends partial input whatever the option's type.
// The other options are what the user has filled in already.
func Autocomplete(name, focusedOption, value string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	all := append([]*discordgo.ApplicationCommandInteractionDataOption{{
		Name: focusedOption, Value: value, Focused: true,
	}}, opts...)
	return &discordgo.Interaction{
		Type: discordgo.InteractionApplicationCommandAutocomplete,
		Data: discordgo.ApplicationCommandInteractionData{
			Name:        name,
			CommandType: discordgo.ChatApplicationCommand,
			Options:     all,
		},
	}
}

// ButtonClick returns a component interaction (type 3) for a click on the
// button with customID on message, which Discord always sends along.
// Exchange.Click is the easier way to click a button of a reply.
func ButtonClick(customID string, message *discordgo.Message) *discordgo.Interaction {
	return &discordgo.Interaction{
		Type:    discordgo.InteractionMessageComponent,
		Message: message,
		Data: discordgo.MessageComponentInteractionData{
			CustomID:      customID,
			ComponentType: discordgo.ButtonComponent,
		},
	}
}

// StringOption returns a string option (type 3).
func StringOption(name, value string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// IntegerOption returns an integer option (type 4). Like Discord's JSON it
// reaches discordgo as a float64, which IntValue converts.
func IntegerOption(name string, value int64) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: value}
}

// BooleanOption returns a boolean option (type 5).
func BooleanOption(name string, value bool) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: value}
}

// NumberOption returns a number option (type 10).
func NumberOption(name string, value float64) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionNumber, Value: value}
}

// UserOption returns a user option (type 6) holding a user ID.
func UserOption(name, userID string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionUser, Value: userID}
}

// AttachmentOption returns an attachment option (type 11) for a file stored
// with AddAttachment, given by the URL AddAttachment returned. SendInteraction
// turns it into the attachment ID plus the resolved attachment, as Discord
// sends it.
func AttachmentOption(name, url string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionAttachment, Value: url}
}

// SubcommandOption returns a subcommand (type 1) with its options. For a
// subcommand group, nest one SubcommandOption in another and set the outer
// one's Type to discordgo.ApplicationCommandOptionSubCommandGroup.
func SubcommandOption(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}
}

// AnyOption returns an untyped option. SendInteraction types it from the
// synced command definition, converting a string value to an integer, number
// or boolean as the definition says; without a definition the type follows
// the Go value (string, bool, integer or float).
func AnyOption(name string, value any) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Value: value}
}

// InteractionOption changes an interaction before it is sent, such as who
// sends it and from where.
type InteractionOption func(*discordgo.Interaction)

// WithMember makes a guild member send the interaction, with the given
// permission bits (as computed for the channel, such as
// discordgo.PermissionManageGuild for a moderator, or 0 for a stranger) and
// role IDs.
func WithMember(userID string, permissions int64, roles ...string) InteractionOption {
	return func(i *discordgo.Interaction) {
		i.User = nil
		i.Member = &discordgo.Member{
			User:        newUser(userID),
			Roles:       append([]string{}, roles...),
			Permissions: permissions,
			JoinedAt:    time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC),
		}
	}
}

// WithDMUser makes the interaction come from a direct message with the bot:
// user is set, and member and guild are absent.
func WithDMUser(userID string) InteractionOption {
	return func(i *discordgo.Interaction) {
		i.Member = nil
		i.User = newUser(userID)
		i.GuildID = ""
		if i.ChannelID == "" {
			i.ChannelID = "dm-" + userID
		}
	}
}

// WithChannel makes the interaction come from a guild channel.
func WithChannel(guildID, channelID string) InteractionOption {
	return func(i *discordgo.Interaction) {
		i.GuildID = guildID
		i.ChannelID = channelID
	}
}

// newUser returns a user with the ID and a name made from it.
func newUser(id string) *discordgo.User {
	name := id
	if len(name) > 4 {
		name = name[len(name)-4:]
	}
	return &discordgo.User{ID: id, Username: "user" + name, GlobalName: "User " + name, Discriminator: "0"}
}

// SendInteraction sends an interaction to the bot as Discord would, over the
// gateway as INTERACTION_CREATE, and returns the Exchange that records the
// bot's answers. Fields left empty are filled in: ID, application ID, token,
// version 1, locale, guild and channel (the Server's defaults), a member
// (DefaultUserID with permissions "0" and no roles) unless Member or User is
// set, the command ID from the synced commands, option types, attachment
// options, and the channel of a clicked message. opts are applied first. i is
// not changed.
//
// With no bot connected the interaction waits in the resumable session and
// is replayed on RESUME, as Discord does; with no session at all
// SendInteraction returns ErrNoGateway.
func (s *Server) SendInteraction(i *discordgo.Interaction, opts ...InteractionOption) (*Exchange, error) {
	ic, err := s.fillInteraction(i, opts)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if s.isClosed {
		s.mu.Unlock()
		return nil, ErrClosed
	}
	raw, seen, err := s.encodeLocked(ic)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	sess := s.targetSessionLocked()
	if sess == nil {
		s.mu.Unlock()
		return nil, ErrNoGateway
	}
	if _, dup := s.exchanges[ic.ID]; dup {
		s.mu.Unlock()
		return nil, fmt.Errorf("fakediscord: interaction ID %s already sent", ic.ID)
	}
	ex := &Exchange{srv: s, id: ic.ID, token: ic.Token, interaction: seen, sentAt: time.Now()}
	s.exchanges[ex.id] = ex
	s.byToken[ex.token] = ex
	s.order = append(s.order, ex)
	err = s.dispatchLocked(sess, "INTERACTION_CREATE", raw)
	s.notifyLocked()
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return ex, nil
}

// fillInteraction copies i, applies opts and fills in what Discord would.
func (s *Server) fillInteraction(i *discordgo.Interaction, opts []InteractionOption) (*discordgo.Interaction, error) {
	if i == nil {
		return nil, errors.New("fakediscord: nil interaction")
	}
	ic := *i
	if ic.Member != nil {
		m := *ic.Member
		ic.Member = &m
	}
	for _, o := range opts {
		o(&ic)
	}
	switch ic.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete,
		discordgo.InteractionMessageComponent, discordgo.InteractionModalSubmit:
	default:
		return nil, fmt.Errorf("fakediscord: cannot send an interaction of type %d", ic.Type)
	}
	if ic.Type == discordgo.InteractionMessageComponent && ic.Message == nil {
		return nil, errors.New("fakediscord: a component interaction needs the message the component is on")
	}
	if ic.ID == "" {
		ic.ID = s.newID()
	}
	if ic.AppID == "" {
		ic.AppID = s.cfg.appID
	}
	if ic.Token == "" {
		ic.Token = "aW50ZXJhY3Rpb246" + randomToken(96)
	}
	if ic.Version == 0 {
		ic.Version = 1
	}
	if ic.Locale == "" {
		ic.Locale = discordgo.EnglishUS
	}
	dm := ic.User != nil && ic.Member == nil
	if !dm {
		if ic.GuildID == "" {
			ic.GuildID = s.cfg.guildID
		}
		if ic.ChannelID == "" {
			ic.ChannelID = s.cfg.channelID
			if ic.Message != nil && ic.Message.ChannelID != "" {
				ic.ChannelID = ic.Message.ChannelID
			}
		}
		if ic.Member == nil {
			WithMember(DefaultUserID, 0)(&ic)
		}
		if ic.Member.User == nil {
			ic.Member.User = newUser(DefaultUserID)
		}
		if ic.Member.Roles == nil {
			ic.Member.Roles = []string{}
		}
		if ic.GuildLocale == nil {
			l := discordgo.EnglishUS
			ic.GuildLocale = &l
		}
		ic.Context = discordgo.InteractionContextGuild
	} else {
		ic.Context = discordgo.InteractionContextBotDM
	}
	if ic.AppPermissions == 0 {
		ic.AppPermissions = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages |
			discordgo.PermissionEmbedLinks | discordgo.PermissionAttachFiles | discordgo.PermissionReadMessageHistory
	}

	return &ic, nil
}

// encodeLocked completes the command data and encodes the interaction; it
// also returns the interaction as the bot sees it, decoded as discordgo
// does. s.mu must be held.
func (s *Server) encodeLocked(ic *discordgo.Interaction) (json.RawMessage, *discordgo.Interaction, error) {
	if err := s.completeDataLocked(ic); err != nil {
		return nil, nil, err
	}
	raw, err := encodeInteraction(ic)
	if err != nil {
		return nil, nil, fmt.Errorf("fakediscord: encode interaction: %w", err)
	}
	var seen discordgo.Interaction
	if err := json.Unmarshal(raw, &seen); err != nil {
		return nil, nil, fmt.Errorf("fakediscord: interaction does not decode: %w", err)
	}
	return raw, &seen, nil
}

// Exchanges returns every exchange sent so far, in order.
func (s *Server) Exchanges() []*Exchange {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*Exchange(nil), s.order...)
}

// completeDataLocked fills the command data: command ID, option types and
// attachments. s.mu must be held.
func (s *Server) completeDataLocked(ic *discordgo.Interaction) error {
	d, ok := ic.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return nil
	}
	if d.CommandType == 0 {
		d.CommandType = discordgo.ChatApplicationCommand
	}
	def := s.findCommandLocked(ic.GuildID, d.Name)
	if d.ID == "" {
		if def != nil {
			d.ID = def.ID
		} else {
			d.ID = s.newID()
		}
	}
	var defOpts []*discordgo.ApplicationCommandOption
	if def != nil {
		defOpts = def.Options
	}
	var err error
	if d.Options, err = s.typeOptionsLocked(d.Options, defOpts, &d, ic.Type == discordgo.InteractionApplicationCommandAutocomplete); err != nil {
		return fmt.Errorf("fakediscord: /%s: %w", d.Name, err)
	}
	ic.Data = d
	return nil
}

// typeOptionsLocked copies options, setting missing types from the
// definitions and converting values to match.
func (s *Server) typeOptionsLocked(opts []*discordgo.ApplicationCommandInteractionDataOption, defs []*discordgo.ApplicationCommandOption, d *discordgo.ApplicationCommandInteractionData, autocomplete bool) ([]*discordgo.ApplicationCommandInteractionDataOption, error) {
	if opts == nil {
		return nil, nil
	}
	out := make([]*discordgo.ApplicationCommandInteractionDataOption, 0, len(opts))
	for _, o := range opts {
		if o == nil {
			continue
		}
		c := *o
		var def *discordgo.ApplicationCommandOption
		for _, dd := range defs {
			if dd != nil && dd.Name == c.Name {
				def = dd
			}
		}
		if c.Type == 0 {
			switch {
			case def != nil:
				c.Type = def.Type
			case c.Options != nil:
				c.Type = discordgo.ApplicationCommandOptionSubCommand
			default:
				c.Type = typeOfValue(c.Value)
			}
		}
		if c.Type == discordgo.ApplicationCommandOptionSubCommand || c.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
			var sub []*discordgo.ApplicationCommandOption
			if def != nil {
				sub = def.Options
			}
			var err error
			if c.Options, err = s.typeOptionsLocked(c.Options, sub, d, autocomplete); err != nil {
				return nil, err
			}
			c.Value = nil
			out = append(out, &c)
			continue
		}
		if c.Focused && autocomplete {
			// Partial input is always a string.
			if c.Value == nil {
				c.Value = ""
			}
			c.Value = fmt.Sprint(c.Value)
			out = append(out, &c)
			continue
		}
		v, err := convertValue(c.Type, c.Value)
		if err != nil {
			return nil, fmt.Errorf("option %s: %w", c.Name, err)
		}
		c.Value = v
		if c.Type == discordgo.ApplicationCommandOptionAttachment {
			u, _ := c.Value.(string)
			a, ok := s.attachmentByURLLocked(u)
			if !ok {
				if _, known := s.attachments[u]; known {
					a, ok = s.attachmentByURLLocked(s.url + "/attachments/" + u + "/")
				}
			}
			if !ok {
				return nil, fmt.Errorf("option %s: %q is not a URL returned by AddAttachment", c.Name, u)
			}
			c.Value = a.ID
			// Copy what the caller gave before adding to it.
			r := discordgo.ApplicationCommandInteractionDataResolved{}
			if d.Resolved != nil {
				r = *d.Resolved
			}
			atts := make(map[string]*discordgo.MessageAttachment, len(r.Attachments)+1)
			for k, v := range r.Attachments {
				atts[k] = v
			}
			atts[a.ID] = &a
			r.Attachments = atts
			d.Resolved = &r
		}
		out = append(out, &c)
	}
	return out, nil
}

// typeOfValue returns the option type for a Go value.
func typeOfValue(v any) discordgo.ApplicationCommandOptionType {
	switch v.(type) {
	case bool:
		return discordgo.ApplicationCommandOptionBoolean
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return discordgo.ApplicationCommandOptionInteger
	case float32, float64:
		return discordgo.ApplicationCommandOptionNumber
	default:
		return discordgo.ApplicationCommandOptionString
	}
}

// convertValue converts a value, a string in particular, to the option type.
func convertValue(t discordgo.ApplicationCommandOptionType, v any) (any, error) {
	s, isString := v.(string)
	switch t {
	case discordgo.ApplicationCommandOptionInteger:
		if isString {
			n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("%q is not an integer", s)
			}
			return n, nil
		}
		if f, ok := v.(float64); ok && f != float64(int64(f)) {
			return nil, fmt.Errorf("%v is not an integer", f)
		}
	case discordgo.ApplicationCommandOptionNumber:
		if isString {
			f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil {
				return nil, fmt.Errorf("%q is not a number", s)
			}
			return f, nil
		}
	case discordgo.ApplicationCommandOptionBoolean:
		if isString {
			switch strings.ToLower(strings.TrimSpace(s)) {
			case "true", "yes", "y", "1", "on":
				return true, nil
			case "false", "no", "n", "0", "off":
				return false, nil
			}
			return nil, fmt.Errorf("%q is not true or false", s)
		}
	case discordgo.ApplicationCommandOptionUser, discordgo.ApplicationCommandOptionChannel,
		discordgo.ApplicationCommandOptionRole, discordgo.ApplicationCommandOptionMentionable:
		if isString {
			s = strings.TrimSpace(s)
			s = strings.TrimSuffix(strings.TrimLeft(s, "<@!#&"), ">")
			return s, nil
		}
	}
	return v, nil
}

// encodeInteraction returns the interaction as Discord's JSON: absent fields
// left out rather than null, and the message with its components.
func encodeInteraction(i *discordgo.Interaction) (json.RawMessage, error) {
	b, err := json.Marshal(i)
	if err != nil {
		return nil, err
	}
	m, err := decodeObject(b)
	if err != nil {
		return nil, err
	}
	for k, v := range m {
		if string(v) == "null" || (k == "guild_id" && string(v) == `""`) {
			delete(m, k)
		}
	}
	if i.Message != nil {
		if m["message"], err = encodeMessage(i.Message); err != nil {
			return nil, err
		}
	}
	if i.Entitlements == nil {
		m["entitlements"] = json.RawMessage(`[]`)
	}
	if i.GuildID != "" {
		m["authorizing_integration_owners"] = mustJSON(map[string]string{"0": i.GuildID})
		m["guild"] = mustJSON(map[string]any{"id": i.GuildID, "locale": "en-US", "features": []string{}})
	} else if i.User != nil {
		m["authorizing_integration_owners"] = mustJSON(map[string]string{"1": i.User.ID})
	}
	channelType := discordgo.ChannelTypeGuildText
	if i.GuildID == "" {
		channelType = discordgo.ChannelTypeDM
	}
	m["channel"] = mustJSON(map[string]any{"id": i.ChannelID, "type": channelType})
	var data map[string]any
	switch d := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		data = map[string]any{"id": d.ID, "name": d.Name, "type": d.CommandType}
		if len(d.Options) > 0 {
			data["options"] = d.Options
		}
		if d.Resolved != nil {
			data["resolved"] = d.Resolved
		}
		if d.TargetID != "" {
			data["target_id"] = d.TargetID
		}
	case discordgo.MessageComponentInteractionData:
		data = map[string]any{"custom_id": d.CustomID, "component_type": d.ComponentType}
		if d.ComponentType != discordgo.ButtonComponent {
			values := d.Values
			if values == nil {
				values = []string{}
			}
			data["values"] = values
		}
	case discordgo.ModalSubmitInteractionData:
		comps := d.Components
		if comps == nil {
			comps = []discordgo.MessageComponent{}
		}
		data = map[string]any{"custom_id": d.CustomID, "components": comps}
	}
	if data != nil {
		if m["data"], err = json.Marshal(data); err != nil {
			return nil, err
		}
	}
	return json.Marshal(m)
}
