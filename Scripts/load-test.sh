#!/usr/bin/env bash
# Load test of `druglabel serve` with wrk on loopback, bounded in time: a synthetic store of
# LABELS labels (made by `bench search`, kept in WORK_DIR for the next run), then three runs of
# SECONDS each at 64 connections:
#   saturated  /labels?search=发热 as fast as the server answers;
#   paced      the same at about 1,000 requests a second (the issue's target: p99 under 50 ms);
#   distinct   a different query every request (2- and 4-character words of the corpus), so
#              every search is ranked afresh rather than served from the ranking cache.
# wrk runs on the same machine and takes its share of the cores. Any non-2xx answer or socket
# error fails the run; the latencies are reported, not judged (machines differ).
# usage: Scripts/load-test.sh BINARY [LABELS=10000] [SECONDS=20] [WORK_DIR]
set -euo pipefail
bin="$(realpath "$1")"; labels="${2:-10000}"; seconds="${3:-20}"
work="${4:-${TMPDIR:-/tmp}/druglabel-load-$labels}"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$work"
if [ -s "$work/index.sqlite" ] && [ "$(ls "$work/docs" 2>/dev/null | wc -l)" -eq "$labels" ]; then
    echo "reusing the store in $work"
    # An index left by an earlier druglabel is upgraded (its documents parsed again); one of
    # this version is left as it is.
    "$bin" index "$work/docs" --db "$work/index.sqlite" > /dev/null 2> "$work/index.log" || { cat "$work/index.log" >&2; exit 1; }
else
    "$bin" bench search --labels "$labels" --rounds 1 --work-dir "$work" > "$work/bench.txt"
    grep -E '^(corpus|index)' "$work/bench.txt" || true
fi

python3 - "$here/../Corpus" > "$work/queries.txt" <<'PY'
import random, re, sys, urllib.parse, pathlib
words = set()
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.txt")):
    for run in re.findall(r"[\u4e00-\u9fff]{4,}", path.read_text(encoding="utf-8")):
        for i in range(len(run) - 1):
            words.add(run[i:i + 2])
            if i + 4 <= len(run): words.add(run[i:i + 4])
words = sorted(words); random.Random(7).shuffle(words)
print("\n".join(urllib.parse.quote(w) for w in words))
PY

log="$work/serve.log"
(cd "$work" && exec "$bin" serve --db "$work/index.sqlite" --port 0) 2> "$log" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q 'serving' "$log" && break; sleep 0.1; done
port="$(sed -nE 's|.*http://127\.0\.0\.1:([0-9]+)/.*|\1|p' "$log" | head -1)"
[ -n "$port" ] || { cat "$log" >&2; exit 1; }
url="http://127.0.0.1:$port/labels?search=%E5%8F%91%E7%83%AD"
curl -sf "$url" > /dev/null   # the first request loads the label list and a parser

failed=0
run() {
    local name="$1"; shift
    local out; out="$(wrk -t2 -c64 -d"${seconds}s" --latency "$@" 2>&1)"
    local rps p50 p99 errors
    rps="$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
    p50="$(awk '$1 == "50%" {print $2}' <<< "$out")"
    p99="$(awk '$1 == "99%" {print $2}' <<< "$out")"
    errors="$(grep -E 'Non-2xx|Socket errors|\.lua:' <<< "$out" | sort -u || true)"
    printf '%-10s %9s req/s   p50 %9s   p99 %9s   %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-no errors}"
    [ -z "$errors" ] || failed=1
}
echo "wrk, 64 connections, ${seconds} s each, $labels labels"
run saturated "$url"
PAUSE_MS=63 run paced -s "$here/load/paced.lua" "$url"
QUERIES="$work/queries.txt" run distinct -s "$here/load/queries.lua" "http://127.0.0.1:$port"
echo "server log: $(wc -l < "$log") lines (one per request)"
exit $failed
