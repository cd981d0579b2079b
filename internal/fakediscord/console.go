package fakediscord

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Console lets a person act as a Discord user: it reads lines from in and
// prints the bot's replies to out, one reply after another, until in ends
// (nil), ctx ends (its error) or a line says "quit". Lines:
//
//	/ask question: how much oil        a slash command; an option's value runs
//	                                   until the next " name:" of an option
//	/ask how much oil                  text before any "name:" goes to the
//	                                   first string option not given
//	/config set key: value             subcommands (and groups) by name
//	/upload file: ./notes.txt          attachment options take a local file
//	click CUSTOM_ID                    press a button of the last reply
//	as admin | as mod | as user        act with administrator, Manage Server
//	                                   or no permissions (the default)
//	help                               list the synced commands
//
// Options are typed by the synced command definitions: integer, number and
// boolean values are converted, and a choice may be given by its name.
// Each reply is awaited up to the console timeout (WithConsoleTimeout).
// The goroutine reading in ends when in does: for os.Stdin, at exit.
func (s *Server) Console(ctx context.Context, in io.Reader, out io.Writer) error {
	lines := make(chan string)
	stop := make(chan struct{})
	defer close(stop)
	readErr := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-stop:
				return
			}
		}
		readErr <- sc.Err()
		close(lines)
	}()
	c := &console{s: s, out: out, as: WithMember(DefaultUserID, 0)}
	fmt.Fprintln(out, "fake Discord: type /command option: value, click BUTTON_ID, as admin|mod|user, help or quit")
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case line, ok := <-lines:
			if !ok {
				return <-readErr
			}
			if c.run(ctx, line) {
				return nil
			}
		}
	}
}

type console struct {
	s    *Server
	out  io.Writer
	as   InteractionOption
	last *Exchange
}

// run handles one line and reports whether to quit.
func (c *console) run(ctx context.Context, line string) bool {
	line = strings.TrimSpace(line)
	switch {
	case line == "":
	case line == "quit" || line == "exit":
		return true
	case line == "help" || line == "?":
		c.help()
	case line == "click" || strings.HasPrefix(line, "click "):
		c.click(ctx, strings.TrimSpace(strings.TrimPrefix(line, "click")))
	case strings.HasPrefix(line, "as "):
		c.setAs(strings.TrimSpace(strings.TrimPrefix(line, "as ")))
	case strings.HasPrefix(line, "/"):
		c.command(ctx, line[1:])
	default:
		fmt.Fprintln(c.out, "? commands start with / (type help)")
	}
	return false
}

// setAs switches the acting user's permissions.
func (c *console) setAs(who string) {
	switch who {
	case "admin":
		c.as = WithMember(DefaultUserID, discordgo.PermissionAdministrator)
	case "mod", "moderator":
		c.as = WithMember(DefaultUserID, discordgo.PermissionManageGuild)
	case "user":
		c.as = WithMember(DefaultUserID, 0)
	default:
		fmt.Fprintln(c.out, "? as admin, as mod or as user")
		return
	}
	fmt.Fprintln(c.out, "now acting as", who)
}

// commands returns the synced chat commands of the default guild and global
// scope, by name.
func (c *console) commands() map[string]*discordgo.ApplicationCommand {
	out := map[string]*discordgo.ApplicationCommand{}
	for _, scope := range []string{"", c.s.cfg.guildID} {
		for _, cmd := range c.s.Commands(scope) {
			if cmd.Type == discordgo.ChatApplicationCommand {
				out[cmd.Name] = cmd
			}
		}
	}
	return out
}

func (c *console) help() {
	cmds := c.commands()
	if len(cmds) == 0 {
		fmt.Fprintln(c.out, "no commands synced yet: is the bot running against this fake?")
		return
	}
	for _, name := range sortedKeys(cmds) {
		cmd := cmds[name]
		fmt.Fprintf(c.out, "/%s%s  %s\n", name, optionUsage(cmd.Options), cmd.Description)
	}
	fmt.Fprintln(c.out, "click BUTTON_ID, as admin|mod|user, quit")
}

// optionUsage describes options as " name:<type> [name:<type>]".
func optionUsage(opts []*discordgo.ApplicationCommandOption) string {
	var b strings.Builder
	for _, o := range opts {
		switch o.Type {
		case discordgo.ApplicationCommandOptionSubCommand, discordgo.ApplicationCommandOptionSubCommandGroup:
			fmt.Fprintf(&b, " %s…", o.Name)
			continue
		}
		t := strings.ToLower(o.Type.String())
		if o.Required {
			fmt.Fprintf(&b, " %s:<%s>", o.Name, t)
		} else {
			fmt.Fprintf(&b, " [%s:<%s>]", o.Name, t)
		}
	}
	return b.String()
}

func (c *console) command(ctx context.Context, text string) {
	name, rest, _ := strings.Cut(text, " ")
	cmds := c.commands()
	cmd := cmds[name]
	if cmd == nil {
		if len(cmds) == 0 {
			fmt.Fprintf(c.out, "? unknown command /%s: no commands synced yet\n", name)
			return
		}
		fmt.Fprintf(c.out, "? unknown command /%s; try /%s\n", name, strings.Join(sortedKeys(cmds), ", /"))
		return
	}
	opts, err := parseOptions(cmd.Options, rest)
	if err == nil {
		err = c.uploadFiles(cmd.Options, opts)
	}
	if err != nil {
		fmt.Fprintf(c.out, "? /%s: %v\n", name, err)
		return
	}
	ex, err := c.s.SendInteraction(SlashCommand(name, opts...), c.as)
	if err != nil {
		if errors.Is(err, ErrNoGateway) {
			fmt.Fprintln(c.out, "! no bot is connected to this fake's gateway yet")
			return
		}
		fmt.Fprintf(c.out, "! %v\n", err)
		return
	}
	c.show(ctx, ex)
}

// uploadFiles turns the values of attachment options, local paths, into
// stored attachments.
func (c *console) uploadFiles(defs []*discordgo.ApplicationCommandOption, opts []*discordgo.ApplicationCommandInteractionDataOption) error {
	for _, o := range opts {
		def := findOptionDef(defs, o.Name)
		if def == nil {
			continue
		}
		if len(o.Options) > 0 {
			if err := c.uploadFiles(def.Options, o.Options); err != nil {
				return err
			}
			continue
		}
		if def.Type != discordgo.ApplicationCommandOptionAttachment {
			continue
		}
		path, _ := o.Value.(string)
		data, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("option %s: %w", o.Name, err)
		}
		o.Value = c.s.AddAttachment(filepath.Base(path), data)
	}
	return nil
}

func (c *console) click(ctx context.Context, id string) {
	if id == "" {
		fmt.Fprintln(c.out, "? click BUTTON_ID")
		return
	}
	if c.last == nil {
		fmt.Fprintln(c.out, "? nothing to click yet")
		return
	}
	ex, err := c.last.Click(id, c.as)
	if err != nil {
		fmt.Fprintf(c.out, "? %v\n", err)
		return
	}
	c.show(ctx, ex)
}

// show waits for the reply of ex and prints it.
func (c *console) show(ctx context.Context, ex *Exchange) {
	wctx, cancel := context.WithTimeout(ctx, c.s.cfg.consoleWait)
	defer cancel()
	msg, err := ex.Final(wctx)
	switch {
	case errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil:
		fmt.Fprintf(c.out, "! no reply within %s\n", c.s.cfg.consoleWait)
		for _, r := range ex.Rejections() {
			fmt.Fprintf(c.out, "! the fake rejected %s\n", r)
		}
		return
	case err != nil:
		fmt.Fprintf(c.out, "! %v\n", err)
		return
	}
	c.last = ex
	fmt.Fprint(c.out, FormatMessage(msg))
	for _, f := range ex.Followups() {
		fmt.Fprintln(c.out, "(follow-up)")
		fmt.Fprint(c.out, FormatMessage(f))
	}
}

// FormatMessage renders a message as plain text for a terminal: content,
// then each embed's title, description, fields and footer, then the buttons
// with their custom IDs (what "click" takes). It ends with a newline.
func FormatMessage(m *discordgo.Message) string {
	var b strings.Builder
	if m.Flags&discordgo.MessageFlagsEphemeral != 0 {
		b.WriteString("(only you can see this)\n")
	}
	if m.Content != "" {
		b.WriteString(m.Content)
		b.WriteString("\n")
	}
	for _, e := range m.Embeds {
		if e == nil {
			continue
		}
		if e.Author != nil && e.Author.Name != "" {
			fmt.Fprintf(&b, "  %s\n", e.Author.Name)
		}
		if e.Title != "" {
			fmt.Fprintf(&b, "  ## %s\n", e.Title)
		}
		if e.URL != "" {
			fmt.Fprintf(&b, "  <%s>\n", e.URL)
		}
		if e.Description != "" {
			b.WriteString(indent(e.Description, "  "))
		}
		for _, f := range e.Fields {
			if f == nil {
				continue
			}
			fmt.Fprintf(&b, "  * %s\n", f.Name)
			b.WriteString(indent(f.Value, "    "))
		}
		if e.Footer != nil && e.Footer.Text != "" {
			fmt.Fprintf(&b, "  -- %s\n", e.Footer.Text)
		}
	}
	for _, a := range m.Attachments {
		if a != nil {
			fmt.Fprintf(&b, "  [file] %s %s\n", a.Filename, a.URL)
		}
	}
	var buttons []string
	for _, btn := range Buttons(m) {
		label := btn.Label
		if label == "" && btn.Emoji != nil {
			label = btn.Emoji.Name
		}
		switch {
		case btn.URL != "":
			buttons = append(buttons, fmt.Sprintf("[%s -> %s]", label, btn.URL))
		case btn.Disabled:
			buttons = append(buttons, fmt.Sprintf("[%s (disabled)]", label))
		default:
			buttons = append(buttons, fmt.Sprintf("[%s: click %s]", label, btn.CustomID))
		}
	}
	if len(buttons) > 0 {
		b.WriteString("  " + strings.Join(buttons, " ") + "\n")
	}
	if b.Len() == 0 {
		b.WriteString("(empty message)\n")
	}
	return b.String()
}

// indent indents every line of s.
func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return strings.Join(lines, "\n") + "\n"
}

// optionNameRE finds "name:" tokens at the start or after a space.
var optionNameRE = regexp.MustCompile(`(?:^|\s)([-_'\p{L}\p{N}]+):`)

// parseOptions parses console option text against the command's options.
// Values stay strings (or choice values); SendInteraction types them.
func parseOptions(defs []*discordgo.ApplicationCommandOption, text string) ([]*discordgo.ApplicationCommandInteractionDataOption, error) {
	text = strings.TrimSpace(text)
	if hasSubcommands(defs) {
		word, rest, _ := strings.Cut(text, " ")
		def := findOptionDef(defs, word)
		if def == nil || (def.Type != discordgo.ApplicationCommandOptionSubCommand && def.Type != discordgo.ApplicationCommandOptionSubCommandGroup) {
			return nil, fmt.Errorf("choose one of: %s", strings.Join(optionNames(defs), ", "))
		}
		sub, err := parseOptions(def.Options, rest)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", word, err)
		}
		if sub == nil {
			sub = []*discordgo.ApplicationCommandInteractionDataOption{}
		}
		return []*discordgo.ApplicationCommandInteractionDataOption{{Name: def.Name, Type: def.Type, Options: sub}}, nil
	}

	type span struct {
		name             string
		start, valueFrom int
	}
	var spans []span
	for _, m := range optionNameRE.FindAllStringSubmatchIndex(text, -1) {
		name := text[m[2]:m[3]]
		if findOptionDef(defs, name) != nil {
			spans = append(spans, span{name: name, start: m[0], valueFrom: m[1]})
		}
	}
	values := map[string]string{}
	for i, sp := range spans {
		end := len(text)
		if i+1 < len(spans) {
			end = spans[i+1].start
		}
		if _, dup := values[sp.name]; dup {
			return nil, fmt.Errorf("option %s given twice", sp.name)
		}
		values[sp.name] = strings.TrimSpace(text[sp.valueFrom:end])
	}
	lead := text
	if len(spans) > 0 {
		lead = strings.TrimSpace(text[:spans[0].start])
	}
	if lead != "" {
		if m := optionNameRE.FindStringSubmatch(lead); m != nil && strings.HasPrefix(lead, m[1]+":") {
			return nil, fmt.Errorf("unknown option %s; options: %s", m[1], strings.Join(optionNames(defs), ", "))
		}
		target := ""
		for _, d := range defs {
			if _, given := values[d.Name]; !given && d.Type == discordgo.ApplicationCommandOptionString {
				target = d.Name
				break
			}
		}
		if target == "" {
			return nil, fmt.Errorf("cannot tell which option %q is for; write name: value (options: %s)", lead, strings.Join(optionNames(defs), ", "))
		}
		values[target] = lead
	}
	var opts []*discordgo.ApplicationCommandInteractionDataOption
	for _, d := range defs {
		v, ok := values[d.Name]
		if !ok || v == "" {
			if d.Required {
				return nil, fmt.Errorf("missing required option %s", d.Name)
			}
			continue
		}
		var value any = v
		for _, ch := range d.Choices {
			if ch != nil && strings.EqualFold(ch.Name, v) {
				value = ch.Value
			}
		}
		opts = append(opts, &discordgo.ApplicationCommandInteractionDataOption{Name: d.Name, Type: d.Type, Value: value})
	}
	return opts, nil
}

// hasSubcommands reports whether the options are subcommands or groups.
func hasSubcommands(defs []*discordgo.ApplicationCommandOption) bool {
	for _, d := range defs {
		if d.Type == discordgo.ApplicationCommandOptionSubCommand || d.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
			return true
		}
	}
	return false
}

// findOptionDef returns the option definition with the name.
func findOptionDef(defs []*discordgo.ApplicationCommandOption, name string) *discordgo.ApplicationCommandOption {
	for _, d := range defs {
		if d != nil && d.Name == name {
			return d
		}
	}
	return nil
}

// optionNames lists option names, sorted.
func optionNames(defs []*discordgo.ApplicationCommandOption) []string {
	var names []string
	for _, d := range defs {
		if d != nil {
			names = append(names, d.Name)
		}
	}
	sort.Strings(names)
	return names
}
