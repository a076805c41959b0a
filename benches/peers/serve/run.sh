#!/usr/bin/env bash
# `mlc serve` vs MLServer (mlserver-xgboost) on the same all-states churn XGBoost JSON over the same
# Open Inference Protocol v2 REST route, driven by the same generators: `mlc bench --url` and wrk
# (Debian's, with a Lua POST script) — one churn row per request, keep-alive, 1 and 16 connections;
# then the sentiment model (one review as raw text) and the cold first request of a never-loaded
# model through `mlc serve`. A benchmark, not a test: see benches/peers/serve/README.md.
#
#   benches/peers/serve/run.sh            # RUNS=3 DURATION=10 (seconds per measurement)
#   RUNS=5 DURATION=20 SERVER_CPUS=0 CLIENT_CPUS=1 benches/peers/serve/run.sh
#
# Servers are pinned to SERVER_CPUS and generators to CLIENT_CPUS (taskset). Results:
# target/bench-serve/results.tsv (every run) and the medians printed at the end.
set -euo pipefail
cd "$(dirname "$0")/../../.."

RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
SERVER_CPUS=${SERVER_CPUS:-0}
CLIENT_CPUS=${CLIENT_CPUS:-1}
WORK=target/bench-serve
VENV=target/venv-bench
MLC_PORT=18080
MLSERVER_PORT=18081
mkdir -p "$WORK"

if [ ! -x "$VENV/bin/mlserver" ]; then
  python3 -m venv "$VENV"
  # uvloop 0.22+ breaks MLServer 1.7's inference workers ("There is no current event loop").
  "$VENV/bin/pip" install -q mlserver mlserver-xgboost locust "uvloop<0.22"
fi
if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq wrk >/dev/null || { echo "wrk is not installed and apt-get cannot install it" >&2; exit 1; }
fi

# The device build serves and benches (what runs on a board); the debug build compiles.
cargo build -q --release -p mlc-cli --no-default-features --features serve
cargo build -q -p mlc-cli
MLC=target/release/mlc
mkdir -p "$WORK/models" "$WORK/cold"
target/debug/mlc compile churn=tests/fixtures/churn/models/all_states.json -o "$WORK/models/churn.mlc" >/dev/null
target/debug/mlc compile imdb=tests/fixtures/sentiment/imdb_cnn -o "$WORK/models/imdb.mlc" >/dev/null
specs=(); for f in tests/fixtures/churn/models/states/*.json; do specs+=("$(basename "$f" .json)=$f"); done
target/debug/mlc compile "${specs[@]}" -o "$WORK/cold/states.mlc" >/dev/null

# The same 200 held-out rows for every generator: CSV features (mlc bench), JSON bodies (wrk).
head -n 200 tests/fixtures/churn/heldout.csv | cut -d, -f2- >"$WORK/rows.csv"
python3 - "$WORK/rows.csv" "$WORK/post.lua" <<'PY'
import json, sys
rows = [[float(v) for v in line.split(",")] for line in open(sys.argv[1]).read().split()]
bodies = [json.dumps({"inputs": [{"name": "features", "datatype": "FP32", "shape": [1, 18], "data": r}]}) for r in rows]
with open(sys.argv[2], "w") as f:
    f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nlocal bodies = {\n')
    f.write(",\n".join("  " + json.dumps(b) for b in bodies))
    f.write('\n}\nlocal i = 0\nrequest = function()\n  i = i % #bodies + 1\n'
            '  return wrk.format(nil, nil, nil, bodies[i])\nend\n')
PY

# MLServer: the same JSON, its XGBoost runtime, one inference worker (its default).
rm -rf "$WORK/mlserver" && mkdir -p "$WORK/mlserver/churn"
cp tests/fixtures/churn/models/all_states.json "$WORK/mlserver/churn/model.json"
cat >"$WORK/mlserver/settings.json" <<JSON
{"http_port": $MLSERVER_PORT, "grpc_port": 18082, "metrics_port": 18083, "debug": false}
JSON
cat >"$WORK/mlserver/churn/model-settings.json" <<'JSON'
{"name": "churn", "implementation": "mlserver_xgboost.XGBoostModel", "parameters": {"uri": "./model.json", "version": "v1"}}
JSON

pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_ready() { # URL
  for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "no answer from $1" >&2; exit 1
}

taskset -c "$SERVER_CPUS" "$MLC" serve "$WORK/models" --listen 127.0.0.1:$MLC_PORT \
  >"$WORK/mlc-serve.out" 2>&1 &
pids+=($!)
(cd "$WORK/mlserver" && exec taskset -c "$SERVER_CPUS" "../../../$VENV/bin/mlserver" start . >../mlserver.log 2>&1) &
pids+=($!)
wait_ready "http://127.0.0.1:$MLC_PORT/v2/models/churn/ready"
wait_ready "http://127.0.0.1:$MLSERVER_PORT/v2/models/churn/ready"

# The same request to both: they must agree on the answer (MLServer's is the probability too).
row=$(head -n 1 "$WORK/rows.csv")
req="{\"inputs\":[{\"name\":\"features\",\"datatype\":\"FP32\",\"shape\":[1,18],\"data\":[$row]}]}"
echo "mlc serve: $(curl -s -H 'Content-Type: application/json' -d "$req" http://127.0.0.1:$MLC_PORT/v2/models/churn/infer)"
echo "MLServer:  $(curl -s -H 'Content-Type: application/json' -d "$req" http://127.0.0.1:$MLSERVER_PORT/v2/models/churn/infer)"

RESULTS="$WORK/results.tsv"
printf 'run\tserver\tgenerator\tconnections\treq_per_s\tp50_ms\tp99_ms\n' >"$RESULTS"

bench_mlc() { # RUN SERVER PORT CONNECTIONS
  local json="$WORK/bench-$2-$4.json"
  taskset -c "$CLIENT_CPUS" "$MLC" bench --url "http://127.0.0.1:$3" --protocol oip --model churn \
    --input "$WORK/rows.csv" --users "$4" --duration "$DURATION" --json "$json" >/dev/null
  python3 - "$json" "$1" "$2" "$4" >>"$RESULTS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]
assert r["errors"] == 0, r["errors_by_kind"]
t = r["latency_ms"]["total"]
print(f'{sys.argv[2]}\t{sys.argv[3]}\tmlc-bench\t{sys.argv[4]}\t{r["invocations_per_min"] / 60:.0f}\t{t["p50"]:.4f}\t{t["p99"]:.4f}')
PY
}

bench_wrk() { # RUN SERVER PORT CONNECTIONS
  local out="$WORK/wrk-$2-$4.txt"
  taskset -c "$CLIENT_CPUS" wrk -t1 -c"$4" -d"${DURATION}s" --latency -s "$WORK/post.lua" \
    "http://127.0.0.1:$3/v2/models/churn/infer" >"$out"
  python3 - "$out" "$1" "$2" "$4" >>"$RESULTS" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
if re.search(r"Non-2xx or 3xx responses|Socket errors", text):
    sys.exit(f"wrk saw errors:\n{text}")
ms = lambda v, u: float(v) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[u]
p = {k: ms(v, u) for k, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
print(f'{sys.argv[2]}\t{sys.argv[3]}\twrk\t{sys.argv[4]}\t{rps:.0f}\t{p["50"]:.4f}\t{p["99"]:.4f}')
PY
}

for run in $(seq 1 "$RUNS"); do
  for c in 1 16; do
    for server in mlc mlserver; do
      port=$MLC_PORT; [ $server = mlserver ] && port=$MLSERVER_PORT
      bench_mlc "$run" $server $port $c
      bench_wrk "$run" $server $port $c
    done
  done
  tail -n 8 "$RESULTS"
done

# Sentiment: one review per request, raw text (OIP BYTES), through mlc serve.
for run in $(seq 1 "$RUNS"); do
  taskset -c "$CLIENT_CPUS" "$MLC" bench --url "http://127.0.0.1:$MLC_PORT" --protocol oip --model imdb \
    --input tests/fixtures/sentiment/reviews.txt --users 1 --duration "$DURATION" --json "$WORK/bench-imdb.json" >/dev/null
  python3 - "$WORK/bench-imdb.json" "$run" >>"$RESULTS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]
assert r["errors"] == 0, r["errors_by_kind"]
t, m = r["latency_ms"]["total"], r["latency_ms"]["model"]
print(f'{sys.argv[2]}\tmlc\tmlc-bench sentiment, raw text\t1\t{r["invocations_per_min"] / 60:.0f}\t{t["p50"]:.4f}\t{t["p99"]:.4f}')
print(f'{sys.argv[2]}\tmlc\tmlc-bench sentiment: model (server header)\t1\t\t{m["p50"]:.4f}\t{m["p99"]:.4f}')
PY
done

# Cold: a fresh `mlc serve` on a directory; the first request ever, for a model never loaded
# (its bundle not yet opened either): curl's total time (connection included), and the server's
# own time for it (model + overhead headers: opening the bundle, loading the model, predicting).
for run in $(seq 1 "$RUNS"); do
  taskset -c "$SERVER_CPUS" "$MLC" serve "$WORK/cold" --listen 127.0.0.1:18090 >"$WORK/cold.out" 2>&1 &
  cold=$!
  wait_ready http://127.0.0.1:18090/ping
  taskset -c "$CLIENT_CPUS" curl -s -D "$WORK/cold.headers" -o /dev/null -w '%{time_total}' -H 'Content-Type: text/csv' \
    -H 'X-Amzn-SageMaker-Target-Model: states/AK' --data-binary "$row" http://127.0.0.1:18090/invocations >"$WORK/cold.time"
  kill -TERM $cold; wait $cold || true
  python3 - "$run" "$WORK/cold.time" "$WORK/cold.headers" >>"$RESULTS" <<'PY'
import sys
run, total = sys.argv[1], float(open(sys.argv[2]).read()) * 1e3
h = dict(l.lower().split(": ", 1) for l in open(sys.argv[3]).read().splitlines() if ": " in l)
server = (float(h["mlc-model-latency-us"]) + float(h["mlc-overhead-latency-us"])) / 1e3
print(f"{run}\tmlc\tcold first request: curl total\t1\t\t{total:.4f}\t")
print(f"{run}\tmlc\tcold first request: server model+overhead\t1\t\t{server:.4f}\t")
PY
done

echo
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) CPUs; servers on CPU $SERVER_CPUS, generators on CPU $CLIENT_CPUS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$RESULTS" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
groups = {}
for r in rows:
    groups.setdefault((r["server"], r["generator"], r["connections"]), []).append(r)
med = lambda rs, k: statistics.median(float(r[k]) for r in rs if r[k])
print(f"{'server':9} {'generator':48} {'conns':>5} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}  (medians of {len(next(iter(groups.values())))} runs)")
for (server, gen, conns), rs in groups.items():
    rps = f"{med(rs, 'req_per_s'):.0f}" if rs[0]["req_per_s"] else "-"
    p99 = f"{med(rs, 'p99_ms'):.3f}" if rs[0]["p99_ms"] else "-"
    print(f"{server:9} {gen:48} {conns:>5} {rps:>8} {med(rs, 'p50_ms'):8.3f} {p99:>8}")
# Throughput ratios mlc / MLServer, per run (the same run's figures), then their median.
for gen in ("mlc-bench", "wrk"):
    for conns in ("1", "16"):
        ratios = []
        for run in sorted({r["run"] for r in rows}):
            get = lambda s: [float(r["req_per_s"]) for r in rows if (r["run"], r["server"], r["generator"], r["connections"]) == (run, s, gen, conns)]
            a, b = get("mlc"), get("mlserver")
            if a and b and b[0] > 0:
                ratios.append(a[0] / b[0])
        if ratios:
            print(f"mlc / MLServer throughput, {gen}, {conns} connection(s): median {statistics.median(ratios):.1f}x (runs: {', '.join(f'{x:.1f}' for x in ratios)})")
PY
