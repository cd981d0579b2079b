package bottest

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/bwmarrin/discordgo"
)

// Member is who sends the console's interactions.
type Member struct {
	UserID      string
	Username    string
	Permissions int64
	Roles       []string
}

var nextID atomic.Int64

// optionStart finds "name:" at the start or after a space.
var optionStart = regexp.MustCompile(`(?:^|\s)([-_\p{L}\p{N}]{1,32}):(?:\s|$)`)

// ParseCommand turns a console line such as
// "/ask question: how much oil private: true" into the slash-command
// interaction Discord would send for it. Options are typed after the
// command's definition; a command with one required text option also takes
// its value bare ("/ask how much oil"). Errors are one line, for the user.
func ParseCommand(line string, defs []*discordgo.ApplicationCommand, m Member) (*discordgo.Interaction, error) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "/") {
		return nil, fmt.Errorf("commands start with /, as in /help")
	}
	name, rest, _ := strings.Cut(line[1:], " ")
	name = strings.ToLower(name)
	var def *discordgo.ApplicationCommand
	for _, d := range defs {
		if d.Name == name {
			def = d
		}
	}
	if def == nil {
		return nil, fmt.Errorf("unknown command /%s; try /help", name)
	}
	opts, err := parseCommandOptions(def, strings.TrimSpace(rest))
	if err != nil {
		return nil, err
	}
	id := strconv.FormatInt(nextID.Add(1), 10)
	return &discordgo.Interaction{
		ID:        "console-" + id,
		AppID:     "console-app",
		Type:      discordgo.InteractionApplicationCommand,
		Token:     "console-token-" + id,
		GuildID:   "console-guild",
		ChannelID: "console-channel",
		Version:   1,
		Member: &discordgo.Member{
			User:        &discordgo.User{ID: m.UserID, Username: m.Username},
			Permissions: m.Permissions,
			Roles:       m.Roles,
		},
		Data: discordgo.ApplicationCommandInteractionData{
			ID:          "cmd-" + def.Name,
			Name:        def.Name,
			CommandType: discordgo.ChatApplicationCommand,
			Options:     opts,
		},
	}, nil
}

// parseCommandOptions parses the options, or a subcommand and its options.
func parseCommandOptions(def *discordgo.ApplicationCommand, rest string) ([]*discordgo.ApplicationCommandInteractionDataOption, error) {
	var subs []string
	for _, o := range def.Options {
		if o.Type == discordgo.ApplicationCommandOptionSubCommand {
			subs = append(subs, o.Name)
		}
	}
	if len(subs) == 0 {
		return parseOptions(def, rest)
	}
	name, rest, _ := strings.Cut(rest, " ")
	for _, o := range def.Options {
		if o.Name == strings.ToLower(name) && o.Type == discordgo.ApplicationCommandOptionSubCommand {
			opts, err := parseOptions(&discordgo.ApplicationCommand{Name: def.Name + " " + o.Name, Options: o.Options}, strings.TrimSpace(rest))
			if err != nil {
				return nil, err
			}
			return []*discordgo.ApplicationCommandInteractionDataOption{{Name: o.Name, Type: o.Type, Options: opts}}, nil
		}
	}
	return nil, fmt.Errorf("/%s takes a subcommand: %s", def.Name, strings.Join(subs, ", "))
}

func parseOptions(def *discordgo.ApplicationCommand, rest string) ([]*discordgo.ApplicationCommandInteractionDataOption, error) {
	byName := map[string]*discordgo.ApplicationCommandOption{}
	var names []string
	for _, o := range def.Options {
		byName[o.Name] = o
		names = append(names, o.Name)
	}
	values := map[string]string{}
	var order []string
	// Split at "name:" for the command's own option names only, so a colon
	// inside a question stays text.
	var starts [][]int
	for _, m := range optionStart.FindAllStringSubmatchIndex(rest, -1) {
		if _, ok := byName[strings.ToLower(rest[m[2]:m[3]])]; ok {
			starts = append(starts, m)
		}
	}
	if len(starts) == 0 || strings.TrimSpace(rest[:starts[0][0]]) != "" {
		bare := rest
		if len(starts) > 0 {
			bare = rest[:starts[0][0]]
		}
		if bare = strings.TrimSpace(bare); bare != "" {
			o := soleRequiredText(def)
			if o == nil {
				if len(names) == 0 {
					return nil, fmt.Errorf("/%s takes no options", def.Name)
				}
				return nil, fmt.Errorf("write options as name: value; /%s takes %s", def.Name, strings.Join(names, ", "))
			}
			values[o.Name] = bare
			order = append(order, o.Name)
		}
	}
	for k, m := range starts {
		end := len(rest)
		if k+1 < len(starts) {
			end = starts[k+1][0]
		}
		name := strings.ToLower(rest[m[2]:m[3]])
		if _, dup := values[name]; dup {
			return nil, fmt.Errorf("option %s given twice", name)
		}
		values[name] = strings.TrimSpace(rest[m[1]:end])
		order = append(order, name)
	}
	var out []*discordgo.ApplicationCommandInteractionDataOption
	for _, name := range order {
		o := byName[name]
		v, err := typed(o, values[name])
		if err != nil {
			return nil, err
		}
		out = append(out, &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: o.Type, Value: v})
	}
	for _, o := range def.Options {
		if _, ok := values[o.Name]; o.Required && !ok {
			return nil, fmt.Errorf("/%s needs the option %s: as in /%s %s: …", def.Name, o.Name, def.Name, o.Name)
		}
	}
	return out, nil
}

func soleRequiredText(def *discordgo.ApplicationCommand) *discordgo.ApplicationCommandOption {
	var found *discordgo.ApplicationCommandOption
	for _, o := range def.Options {
		if o.Required {
			if found != nil || o.Type != discordgo.ApplicationCommandOptionString {
				return nil
			}
			found = o
		}
	}
	return found
}

// typed converts an option's text to the JSON type Discord sends for it.
func typed(o *discordgo.ApplicationCommandOption, s string) (any, error) {
	switch o.Type {
	case discordgo.ApplicationCommandOptionAttachment:
		return nil, fmt.Errorf("files cannot be attached in the console; use storybot corpus add FILE, or the fake Discord (storybot fake-discord)")
	case discordgo.ApplicationCommandOptionBoolean:
		switch strings.ToLower(s) {
		case "true", "yes", "1", "on":
			return true, nil
		case "false", "no", "0", "off":
			return false, nil
		}
		return nil, fmt.Errorf("option %s takes true or false, not %q", o.Name, s)
	case discordgo.ApplicationCommandOptionInteger:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("option %s takes a whole number, not %q", o.Name, s)
		}
		return float64(n), nil // JSON numbers decode as float64, as from Discord
	case discordgo.ApplicationCommandOptionNumber:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("option %s takes a number, not %q", o.Name, s)
		}
		return f, nil
	default:
		if s == "" {
			return nil, fmt.Errorf("option %s is empty", o.Name)
		}
		if o.MaxLength > 0 && len([]rune(s)) > o.MaxLength {
			return nil, fmt.Errorf("option %s is %d characters long; Discord allows %d", o.Name, len([]rune(s)), o.MaxLength)
		}
		return s, nil
	}
}
