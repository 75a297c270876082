#!/usr/bin/env bash
# Load test for a running `ishowtts serve` on loopback: N requests, C at a time, each a different text
# (so the clip cache cannot answer), through the OpenAI route or the original /api/tts. Prints
# throughput, latency and time-to-first-byte percentiles, and errors by status. Loopback only, bounded.
set -euo pipefail

url="http://127.0.0.1:27121"
requests=40
concurrency=4
endpoint="openai"          # openai | tts | stream
voice=""
format="wav"
text="Thanks for the follow, welcome to the stream! This is message number"
timeout=120
key="${ISHOWTTS_KEY:-}"

usage() {
  cat <<USAGE
usage: bench/load/load.sh [--url URL] [--requests N] [--concurrency C] [--endpoint openai|tts|stream]
                          [--voice ID] [--format wav|pcm|mp3|opus|flac|aac] [--text TEXT] [--timeout SECONDS]
  URL must be loopback (127.0.0.1, localhost, [::1]); N <= 10000, C <= 64.
  An API key, when the server needs one, comes from ISHOWTTS_KEY.
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --url) url="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --endpoint) endpoint="$2"; shift 2 ;;
    --voice) voice="$2"; shift 2 ;;
    --format) format="$2"; shift 2 ;;
    --text) text="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

case "$url" in
  http://127.0.0.1:*|http://127.0.0.1/*|http://127.0.0.1|http://localhost:*|http://localhost|http://\[::1\]:*) ;;
  *) echo "refusing $url: the load script only targets a server on loopback" >&2; exit 2 ;;
esac
url="${url%/}"
[[ "$requests" =~ ^[0-9]+$ && "$requests" -ge 1 && "$requests" -le 10000 ]] || { echo "--requests must be 1..10000" >&2; exit 2; }
[[ "$concurrency" =~ ^[0-9]+$ && "$concurrency" -ge 1 && "$concurrency" -le 64 ]] || { echo "--concurrency must be 1..64" >&2; exit 2; }
[[ "$timeout" =~ ^[0-9]+$ && "$timeout" -ge 1 && "$timeout" -le 3600 ]] || { echo "--timeout must be 1..3600 seconds" >&2; exit 2; }
case "$endpoint" in openai|tts|stream) ;; *) echo "--endpoint must be openai, tts or stream" >&2; exit 2 ;; esac
command -v curl >/dev/null || { echo "needs curl" >&2; exit 2; }

curl -fsS --max-time 5 "$url/health" >/dev/null || { echo "no server answers at $url/health (start it with: ishowtts serve)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export url endpoint voice format text timeout key work

one() {
  local i="$1" body path json_text
  json_text="$(printf '%s %d.' "$text" "$i" | sed 's/\\/\\\\/g; s/"/\\"/g')"
  case "$endpoint" in
    openai)
      path="/v1/audio/speech"
      body="{\"model\":\"tts-1\",\"input\":\"$json_text\",\"response_format\":\"$format\",\"voice\":\"${voice:-alloy}\"}" ;;
    tts)
      path="/api/tts"
      body="{\"text\":\"$json_text\"${voice:+,\"voice_id\":\"$voice\"}}" ;;
    stream)
      path="/api/tts/stream"
      body="{\"text\":\"$json_text\",\"format\":\"$format\"${voice:+,\"voice_id\":\"$voice\"}}" ;;
  esac
  local auth=()
  [ -n "$key" ] && auth=(-H "Authorization: Bearer $key")
  # status, time to first byte, total time, bytes, server-side time to first audio (ms)
  curl -s -o /dev/null --max-time "$timeout" -X POST "$url$path" -H 'Content-Type: application/json' "${auth[@]}" -d "$body" \
    -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download} %header{x-time-to-first-byte-ms}\n' \
    >"$work/$i.out" 2>/dev/null || echo "000 0 0 0 -" >"$work/$i.out"
}
export -f one

echo "load: $requests requests, $concurrency at a time, $endpoint ($format) -> $url"
start_ns=$(date +%s%N)
seq 1 "$requests" | xargs -P "$concurrency" -I{} bash -c 'one {}'
end_ns=$(date +%s%N)
cat "$work"/*.out >"$work/all"
wall=$(awk -v a="$start_ns" -v b="$end_ns" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')

# Percentiles of one column of the successful requests (nearest rank on the sorted values).
percentiles() {
  awk -v col="$1" '$1 == 200 && $col != "-" && $col != "" { print $col * ('"${2:-1}"') }' "$work/all" | sort -g >"$work/col"
  awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a"; exit }
    split("50 90 95 99", ps, " ")
    for (i = 1; i <= 4; i++) { r = int(ps[i] / 100 * NR + 0.999999); if (r < 1) r = 1; printf "p%s %.3f  ", ps[i], v[r] }
    printf "max %.3f\n", v[NR] }' "$work/col"
}

ok=$(awk '$1 == 200' "$work/all" | wc -l)
total=$(wc -l <"$work/all")
echo "wall time       $wall s"
echo "requests        $ok ok, $((total - ok)) failed"
awk -v ok="$ok" -v wall="$wall" 'BEGIN { printf "throughput      %.2f requests/s\n", ok / wall }'
awk '$1 == 200 { b += $4 } END { printf "audio bytes     %d\n", b }' "$work/all"
echo "latency (s)     $(percentiles 3)"
echo "first byte (s)  $(percentiles 2)"
echo "server first audio (s)  $(percentiles 5 0.001)"
echo "by status       $(awk '{ c[$1 == "000" ? "no-answer" : $1]++ } END { for (s in c) printf "%s:%d ", s, c[s] }' "$work/all")"
[ "$ok" -eq "$total" ]
