package main

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/storybot/storybot/bot"
)

// Configuration keys of the HTTP mode and the limits.
const (
	envPublicKey   = "DISCORD_PUBLIC_KEY"
	envCooldown    = "STORYBOT_COOLDOWN"
	envMaxSearches = "STORYBOT_MAX_SEARCHES"
)

// Defaults of the limits.
const (
	defaultCooldown    = 3 * time.Second
	defaultMaxSearches = 8
)

// readPublicKey reads the application's public key. Errors name the key and
// where to find it, never the value.
func readPublicKey(env func(string) string) (ed25519.PublicKey, error) {
	v := strings.TrimSpace(env(envPublicKey))
	where := "copy the Public Key from " + portal + " > your application > General Information > Public Key"
	if v == "" {
		return nil, fmt.Errorf("%s is not set (serve --http needs it to verify requests): %s", envPublicKey, where)
	}
	b, err := hex.DecodeString(v)
	if err != nil || len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("%s is malformed (64 hex digits): %s", envPublicKey, where)
	}
	return ed25519.PublicKey(b), nil
}

// readLimits reads the cooldown and the cap on concurrent searches.
func readLimits(env func(string) string) (bot.Limits, error) {
	l := bot.Limits{Cooldown: defaultCooldown, MaxSearches: defaultMaxSearches}
	if v := strings.TrimSpace(env(envCooldown)); v != "" {
		d, err := time.ParseDuration(v)
		if v == "0" {
			d, err = 0, nil
		}
		if err != nil || d < 0 || d > time.Hour {
			return l, fmt.Errorf("%s is not a duration from 0 to 1h, such as 3s or 500ms (0 turns the cooldown off)", envCooldown)
		}
		l.Cooldown = d
	}
	if v := strings.TrimSpace(env(envMaxSearches)); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > 10000 {
			return l, fmt.Errorf("%s is not a number from 0 to 10000 (0 takes the cap off)", envMaxSearches)
		}
		l.MaxSearches = n
	}
	return l, nil
}

// observed is what serve counts beside the bot's own metrics.
type observed struct {
	metrics   bot.Metrics
	reindexes atomic.Int64
}

// countReindex wraps a reindex function to count the rebuilds that succeed.
func (o *observed) countReindex(f func(context.Context, func(string)) (string, error)) func(context.Context, func(string)) (string, error) {
	if f == nil {
		return nil
	}
	return func(ctx context.Context, progress func(string)) (string, error) {
		s, err := f(ctx, progress)
		if err == nil {
			o.reindexes.Add(1)
		}
		return s, err
	}
}

// health is the body of /healthz.
type health struct {
	Status       string `json:"status"`
	IndexVersion string `json:"index_version"`
	Articles     int    `json:"articles"`
	Passages     int    `json:"passages"`
	Reindexes    int64  `json:"reindexes"`
}

// httpMux serves /interactions, /healthz and /metrics.
func httpMux(h http.Handler, lib *library, o *observed) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/interactions", h)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		m := lib.Meta()
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(health{Status: "ok", IndexVersion: m.Version, Articles: len(lib.Articles()), Passages: m.Passages, Reindexes: o.reindexes.Load()})
	})
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, r *http.Request) {
		m := lib.Meta()
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		o.metrics.WriteTo(w,
			bot.Gauge{Name: "storybot_index_passages", Help: "Passages in the index served.", Type: "gauge", Value: float64(m.Passages)},
			bot.Gauge{Name: "storybot_index_articles", Help: "Articles in the index served.", Type: "gauge", Value: float64(len(lib.Articles()))},
			bot.Gauge{Name: "storybot_reindex_total", Help: "Successful rebuilds by /reindex and /corpus since start.", Type: "counter", Value: float64(o.reindexes.Load())},
		)
	})
	return mux
}

// serveHTTP answers Discord's HTTP interactions at addr until ctx ends,
// then stops taking requests and lets those in flight finish.
func serveHTTP(ctx context.Context, addr string, key ed25519.PublicKey, b *bot.Bot, s *discordgo.Session, lib *library, o *observed, cfg discordConfig, log *slog.Logger) error {
	h, err := b.NewInteractionsHandler(context.WithoutCancel(ctx), bot.HTTPConfig{PublicKey: key, REST: s, Metrics: &o.metrics})
	if err != nil {
		return err
	}
	wrote, err := b.Sync(s, cfg.appID, cfg.guildID)
	if err != nil {
		return fmt.Errorf("commands: %w", err)
	}
	log.Info("commands synced", "count", len(b.Commands()), "scope", cfg.scope(), "changed", wrote)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("--http %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           httpMux(h, lib, o),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("serving HTTP interactions", "addr", ln.Addr().String(), "path", "/interactions")
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("--http %s: %w", addr, err)
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing interactions in flight")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Warn("HTTP requests still running after the grace period", "grace", shutdownGrace, "err", err)
	}
	if err := h.Drain(sctx); err != nil {
		log.Warn("interactions still running after the grace period", "grace", shutdownGrace)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Warn("HTTP server", "err", err)
	}
	log.Info("stopped")
	return nil
}
