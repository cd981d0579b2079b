// Package bot is storybot's Discord side: the command table (each slash
// command's definition beside its handler), the dispatcher that talks to the
// Discord session, and the renderer that turns search results into embeds
// within Discord's limits. It reaches Discord only through the small Session
// interface, so tests and the console drive it with a recording fake
// (package bottest), and it searches only through the Engine interface.
package bot
