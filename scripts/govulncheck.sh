#!/usr/bin/env bash
# govulncheck offline: vuln.go.dev is not reachable here, so build the
# vulnerability database from the golang.org/x/vulndb module (served by the
# Go module proxy) with its cmd/indexdb, and point govulncheck at it.
# About 1.5 min (the first run also downloads vulndb's dependencies).
# .ci/run runs it under GOTOOLCHAIN=go1.26.10 (go.mod's toolchain line):
# go1.26.8 has 10 standard-library vulnerabilities fixed in go1.26.9/10.
# Exits non-zero when a vulnerability is reachable from the code.
# Usage: GOTOOLCHAIN=go1.26.10 scripts/govulncheck.sh
set -euo pipefail
cd "$(dirname "$0")/.."
vulndb=golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018
dir=$(GOTOOLCHAIN=local go mod download -json "$vulndb" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
db=$(mktemp -d)
(cd "$dir" && GOFLAGS=-mod=mod GOTOOLCHAIN=local go run ./cmd/indexdb -vulns "$dir/data/osv" -out "$db")
go run golang.org/x/vuln/cmd/govulncheck@v1.9.0 -db "file://$db" ./...
