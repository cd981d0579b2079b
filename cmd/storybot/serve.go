package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
)

// Discord configuration keys.
const (
	envToken   = "DISCORD_TOKEN"
	envAppID   = "DISCORD_APP_ID"
	envGuildID = "DISCORD_GUILD_ID"
	envAPIBase = "DISCORD_API_BASE"
)

const portal = "https://discord.com/developers/applications"

var (
	tokenPattern     = regexp.MustCompile(`^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$`)
	snowflakePattern = regexp.MustCompile(`^[0-9]{17,20}$`)
)

// discordConfig is what talking to Discord needs.
type discordConfig struct {
	token, appID, guildID, apiBase string
}

// readDiscordConfig reads and checks the Discord keys. Errors name the key
// and where to get its value, never the value.
func readDiscordConfig(env func(string) string) (discordConfig, error) {
	c := discordConfig{
		token:   strings.TrimPrefix(strings.TrimSpace(env(envToken)), "Bot "),
		appID:   strings.TrimSpace(env(envAppID)),
		guildID: strings.TrimSpace(env(envGuildID)),
		apiBase: strings.TrimSpace(env(envAPIBase)),
	}
	switch {
	case c.token == "":
		return c, fmt.Errorf("%s is not set: copy the bot token from %s > your application > Bot > Reset Token into .env or the environment", envToken, portal)
	case !tokenPattern.MatchString(c.token):
		return c, fmt.Errorf("%s is malformed (a bot token is three dot-separated parts of letters, digits, - and _): copy it again from %s > your application > Bot", envToken, portal)
	case c.appID == "":
		return c, fmt.Errorf("%s is not set: copy the Application ID from %s > your application > General Information", envAppID, portal)
	case !snowflakePattern.MatchString(c.appID):
		return c, fmt.Errorf("%s is malformed (an ID is 17 to 20 digits): copy the Application ID from %s > your application > General Information", envAppID, portal)
	case c.guildID != "" && !snowflakePattern.MatchString(c.guildID):
		return c, fmt.Errorf("%s is malformed (an ID is 17 to 20 digits): in Discord, turn on Settings > Advanced > Developer Mode, then right-click your server > Copy Server ID; or leave it empty for global commands", envGuildID)
	}
	return c, nil
}

func (c discordConfig) scope() string {
	if c.guildID == "" {
		return "global"
	}
	return "guild " + c.guildID
}

// openDiscord returns a session for the configuration, logging through log.
func openDiscord(c discordConfig, log *slog.Logger) (*discordgo.Session, error) {
	s, err := bot.NewDiscordSession(c.token, c.apiBase)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", envAPIBase, err)
	}
	discordgo.Logger = func(level, _ int, format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if strings.Contains(msg, c.token) {
			msg = strings.ReplaceAll(msg, c.token, "[token]")
		}
		log.Log(context.Background(), slogLevel(level), "discordgo: "+msg)
	}
	return s, nil
}

func slogLevel(discordgoLevel int) slog.Level {
	switch discordgoLevel {
	case discordgo.LogError:
		return slog.LevelError
	case discordgo.LogWarning:
		return slog.LevelWarn
	case discordgo.LogInformational:
		return slog.LevelInfo
	}
	return slog.LevelDebug
}

// inflight counts the interactions being answered, and refuses new ones
// once closed.
type inflight struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

func (f *inflight) start() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return false
	}
	f.wg.Add(1)
	return true
}

func (f *inflight) done() { f.wg.Done() }

// close refuses new interactions and waits up to timeout for the others.
func (f *inflight) close(timeout time.Duration) bool {
	f.mu.Lock()
	f.closed = true
	f.mu.Unlock()
	finished := make(chan struct{})
	go func() { f.wg.Wait(); close(finished) }()
	select {
	case <-finished:
		return true
	case <-time.After(timeout):
		return false
	}
}

// watchEvery is how often serve checks the index store for a version built
// by storybot index.
const watchEvery = 2 * time.Second

// shutdownGrace is how long shutdown waits for interactions in flight.
const shutdownGrace = 10 * time.Second

func runServe(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var src source
	addSourceFlags(fs, env, &src)
	httpAddr := fs.String("http", "", "serve Discord's HTTP interactions at `ADDR`/interactions (with /healthz and /metrics) instead of the gateway")
	if words, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(words) > 0 {
		return &usageError{fmt.Sprintf("serve: unexpected argument %q", words[0])}
	}
	cfg, err := readDiscordConfig(env)
	if err != nil {
		return err
	}
	var publicKey []byte
	if *httpAddr != "" {
		if publicKey, err = readPublicKey(env); err != nil {
			return err
		}
	}
	limits, err := readLimits(env)
	if err != nil {
		return err
	}
	shard, err := readShardConfig(env)
	if err != nil {
		return err
	}
	log := newLogger(stderr, env)
	defer keepGCFloor(env)()
	lib, err := openLibrary(ctx, src, log)
	if err != nil {
		return err
	}
	defer lib.Close()
	s, err := openDiscord(cfg, log)
	if err != nil {
		return err
	}
	var o observed
	b, err := wireBot(lib, src, env, log, func(bc *bot.Config) {
		bc.HTTPClient = s.Client
		bc.Limits, bc.Observe, bc.Reindex = limits, o.metrics.Observe, o.countReindex(bc.Reindex)
	}, func(b *bot.Bot) error {
		if _, err := b.Sync(s, cfg.appID, cfg.guildID); err != nil {
			return err
		}
		log.Info("commands synced", "count", len(b.Commands()), "scope", cfg.scope(), "changed", true)
		return nil
	})
	if err != nil {
		return err
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go lib.watch(watchCtx, watchEvery)
	if *httpAddr != "" {
		return serveHTTP(ctx, *httpAddr, publicKey, b, s, lib, &o, cfg, log)
	}

	// Handlers answer with a context that outlives the shutdown signal, so
	// interactions in flight finish.
	handlerCtx := context.WithoutCancel(ctx)
	var work inflight
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
		log.Info("connected to Discord", "user", r.User.Username, "id", r.User.ID, "guilds", len(r.Guilds))
	})
	s.AddHandler(func(ds *discordgo.Session, ic *discordgo.InteractionCreate) {
		if !work.start() {
			log.Info("interaction refused: shutting down", "interaction", ic.ID)
			return
		}
		defer work.done()
		b.Handle(handlerCtx, ds, ic.Interaction)
	})
	if shard.sharded() {
		s.ShardID, s.ShardCount = shard.id, shard.count
		log.Info("gateway shard", "shard", shard.id, "shards", shard.count)
	}
	if err := s.Open(); err != nil {
		return fmt.Errorf("connect to Discord: %w", err)
	}
	if shard.syncs() {
		wrote, err := b.Sync(s, cfg.appID, cfg.guildID)
		if err != nil {
			s.Close()
			return fmt.Errorf("commands: %w", err)
		}
		log.Info("commands synced", "count", len(b.Commands()), "scope", cfg.scope(), "changed", wrote)
	} else {
		log.Info("commands not synced: only shard 0 syncs them", "shard", shard.id)
	}

	<-ctx.Done()
	log.Info("shutting down: finishing interactions in flight")
	if !work.close(shutdownGrace) {
		log.Warn("interactions still running after the grace period", "grace", shutdownGrace)
	}
	if err := s.Close(); err != nil && !errors.Is(err, discordgo.ErrWSNotFound) {
		log.Warn("closing the gateway", "err", err)
	}
	log.Info("stopped")
	return nil
}

// runCommands handles `storybot commands sync`.
func runCommands(ctx context.Context, args []string, env func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "sync" {
		return &usageError{"commands: usage: storybot commands sync [--corpus DIR] [--index PATH]"}
	}
	fs := flag.NewFlagSet("commands sync", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var src source
	addSourceFlags(fs, env, &src)
	if _, err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	cfg, err := readDiscordConfig(env)
	if err != nil {
		return err
	}
	log := newLogger(stderr, env)
	lib, err := openLibrary(ctx, src, log)
	if err != nil {
		return err
	}
	defer lib.Close()
	b, err := wireBot(lib, src, env, log, nil, nil)
	if err != nil {
		return err
	}
	s, err := openDiscord(cfg, log)
	if err != nil {
		return err
	}
	wrote, err := b.Sync(s, cfg.appID, cfg.guildID)
	if err != nil {
		return fmt.Errorf("commands: %w", err)
	}
	state := "unchanged, nothing written"
	if wrote {
		state = "written"
	}
	fmt.Fprintf(stdout, "%d commands (%s): %s\n", len(b.Commands()), cfg.scope(), state)
	return nil
}
