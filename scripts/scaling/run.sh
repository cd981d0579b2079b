#!/usr/bin/env bash
# Three `storybot serve --http` replicas behind nginx on 127.0.0.1, with the
# fake Discord as DISCORD_API_BASE, under `storybot loadgen`
# (docs/SCALING.md). Everything listens on 127.0.0.1 and stops at the end.
#
#   scripts/scaling/run.sh [steady|kill|term] [N] [CONCURRENCY]
#
# steady: no failure. kill: SIGKILL replica 2 a few seconds into the run.
# term: SIGTERM replica 2 (graceful) instead. NO_POST_RETRY=1 drops
# non_idempotent from nginx's proxy_next_upstream. Needs nginx on PATH.
set -euo pipefail
mode=${1:-steady}
n=${2:-20000}
conc=${3:-16}
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/storybot-scaling.XXXXXX)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	sleep 0.2
}
trap cleanup EXIT

go build -o "$work/storybot" "$repo/cmd/storybot"
sb=$work/storybot
seed=$(printf '5b%.0s' $(seq 32))   # a fixed test key; never a real one
pub=$("$sb" loadgen --key-seed "$seed" --public-key)

# The fake Discord (REST API for commands sync and deferred edits).
"$sb" fake-discord --addr 127.0.0.1:8090 >"$work/fake.log" 2>&1 < <(sleep 600) &
pids+=($!)
export DISCORD_API_BASE=http://127.0.0.1:8090
export DISCORD_TOKEN=ZmFrZS1ib3Q.ZmFrZQ.c3Rvcnlib3QtZmFrZS1kaXNjb3Jk
export DISCORD_APP_ID=1180000000000000001
export DISCORD_GUILD_ID=1180000000000000002
export DISCORD_PUBLIC_KEY=$pub
sleep 1

# Three replicas, each with its own index built by `storybot index`.
for i in 1 2 3; do
	mkdir -p "$work/r$i"
	"$sb" index --index "$work/r$i/index" >"$work/r$i/index.log" 2>&1
	STORYBOT_INDEX=$work/r$i/index "$sb" serve --http 127.0.0.1:808$i >"$work/r$i/serve.log" 2>&1 &
	pids+=($!)
	eval "replica$i=$!"
done
for i in 1 2 3; do
	for _ in $(seq 100); do curl -fs "http://127.0.0.1:808$i/healthz" >/dev/null && break; sleep 0.1; done
done

conf=$work/nginx.conf
cp "$repo/scripts/scaling/nginx.conf" "$conf"
if [ "${NO_POST_RETRY:-}" = 1 ]; then
	sed -i 's/proxy_next_upstream error non_idempotent;/proxy_next_upstream error;/' "$conf"
fi
nginx -p "$work" -c "$conf" &
pids+=($!)
for _ in $(seq 100); do curl -fs http://127.0.0.1:8080/healthz >/dev/null && break; sleep 0.1; done

case $mode in
kill | term)
	sig=KILL
	[ "$mode" = term ] && sig=TERM
	(sleep 3 && echo "== $(date +%T.%N | cut -c1-12) SIG$sig replica 2 (pid $replica2)" && kill -s "$sig" "$replica2") &
	;;
esac
echo "== loadgen: $n interactions, concurrency $conc, through nginx ($mode)"
"$sb" loadgen --url http://127.0.0.1:8080/interactions --key-seed "$seed" \
	--n "$n" --concurrency "$conc" --duration 2m
sleep 0.5
echo "== per replica (storybot_http_requests_total)"
for i in 1 2 3; do
	echo "replica $i: $(curl -fs "http://127.0.0.1:808$i/metrics" 2>/dev/null | grep '^storybot_http_requests_total' | tr '\n' ' ' || echo down)"
done
echo "== nginx errors"
grep -c 'upstream' "$work/nginx-error.log" 2>/dev/null | sed 's/^/upstream lines in nginx-error.log: /' || true
grep 'upstream' "$work/nginx-error.log" 2>/dev/null | sed -E 's/.*\] [0-9#*]+ //; s/, client.*//' | sort | uniq -c | head || true
echo "(work folder: $work)"
