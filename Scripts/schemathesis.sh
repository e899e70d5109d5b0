#!/usr/bin/env bash
# The OpenAPI document against the server it describes: schemathesis (PyPI, pinned) generates
# requests from the /openapi.json a `druglabel serve` on the corpus serves, valid and invalid,
# with every check on, and fails on any disagreement (an undocumented status, a response off
# its schema, valid data refused, invalid data accepted, a method not answered 405 …).
# Bounded: `timeout 300` around the run. The run is required (issue 14): when the virtual
# environment or the package cannot be had, it fails, unless SCHEMATHESIS_OPTIONAL=1 asks to
# skip it (a machine without network, where the suite's own API tests still run).
# usage: Scripts/schemathesis.sh BINARY
set -uo pipefail
bin="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
venv="${SCHEMATHESIS_VENV:-/tmp/druglabel-st-venv}"
version="4.32.5"

if ! "$venv/bin/st" --version 2>/dev/null | grep -q "$version"; then
    unavailable() {
        if [ "${SCHEMATHESIS_OPTIONAL:-0}" = 1 ]; then echo "skipped: $1"; exit 0; fi
        echo "schemathesis: $1 (set SCHEMATHESIS_OPTIONAL=1 to skip this check)" >&2; exit 1
    }
    python3 -m venv "$venv" > /dev/null 2>&1 || unavailable "cannot make a Python virtual environment in $venv"
    "$venv/bin/pip" install --quiet "schemathesis==$version" > /dev/null 2>&1 \
        || unavailable "pip cannot install schemathesis==$version (no network?)"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/druglabel-st.XXXXXX")"
server=""
cleanup() {
    [ -n "$server" ] && kill "$server" 2> /dev/null && wait "$server" 2> /dev/null
    rm -rf "$work"
}
trap cleanup EXIT

"$bin" index "$here/../Corpus" --db "$work/index.sqlite" > /dev/null || { echo "schemathesis: cannot index the corpus" >&2; exit 1; }
# Started from another folder than the corpus's: the server answers from the index alone.
(cd "$work" && exec "$bin" serve --db "$work/index.sqlite" --port 0) 2> "$work/serve.log" &
server=$!
port=""
for _ in $(seq 100); do
    port="$(sed -nE 's|.*serving .* at http://127\.0\.0\.1:([0-9]+)/.*|\1|p' "$work/serve.log" | head -1)"
    [ -n "$port" ] && break
    kill -0 "$server" 2> /dev/null || break
    sleep 0.1
done
[ -n "$port" ] || { echo "schemathesis: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

# Its cache (.hypothesis/) goes to the work folder, not the checkout.
(cd "$work" && timeout 300 "$venv/bin/st" --no-color --config-file "$here/schemathesis.toml" run "http://127.0.0.1:$port/openapi.json" --checks all --max-examples 50)
status=$?
[ $status -eq 124 ] && echo "schemathesis: did not finish within 300 s" >&2
exit $status
