#!/usr/bin/env bash
# Fuzzes every parser of untrusted bytes (docs/reliability.md) with cargo-fuzz / libFuzzer under
# AddressSanitizer, one target after the other, and fails if any target crashes, hangs, runs out
# of memory or trips the sanitizer.
#
#   scripts/fuzz.sh                  # every target for 60 s
#   scripts/fuzz.sh 30               # every target for 30 s
#   scripts/fuzz.sh 3600             # every target for an hour (a campaign)
#   scripts/fuzz.sh 600 predict keras
#   MLC_FUZZ_RUNS=10000000 scripts/fuzz.sh 3600   # stop a target at 10 M executions or 1 h
#   MLC_FUZZ_JOBS=2 scripts/fuzz.sh 3600           # two targets at a time (one core each)
#
# Installs what it needs (idempotent): rustup's nightly toolchain and cargo-fuzz. Seeds each
# target's corpus (fuzz/corpus/TARGET, kept between runs, not committed) from the committed
# fixtures and from artifacts compiled from them. Findings go to fuzz/artifacts/TARGET; turn each
# into a regression test in tests/e2e/fuzz_regressions.rs. Prints executions per target and
# writes them to fuzz/target/fuzz-summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SECONDS_PER_TARGET=${1:-60}
shift || true
ALL_TARGETS=(artifact predict xgboost_json xgboost_ubj xgboost_binary xgboost_pickle model_archive keras keras_file tokenizer records transform serve_requests)
TARGETS=("${@:-${ALL_TARGETS[@]}}")
[ $# -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")

# --- tools -------------------------------------------------------------------------------------
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

# --- seeds -------------------------------------------------------------------------------------
SEEDS=$ROOT/fuzz/target/seeds
mkdir -p "$SEEDS"
cargo build -q -p mlc-cli
MLC=$ROOT/target/debug/mlc
FX=$ROOT/tests/fixtures

compile() { # OUT ARGS...: compiles once (the outputs are reproducible, so a cache is exact)
    local out=$SEEDS/$1
    shift
    [ -s "$out" ] || "$MLC" compile "$@" -o "$out" >/dev/null
}
compile churn_al.mlc AL="$FX/churn/models/states/AL.json"
compile churn_al_linked.mlc AL="$FX/churn/models/states/AL.json" --layout linked
compile churn_al_fixed.mlc AL="$FX/churn/models/states/AL.json" --target cortex-m3
compile churn_bundle.mlc AL="$FX/churn/models/states/AL.json" NY="$FX/churn/models/states/NY.ubj" TX="$FX/churn/models/states/TX.json"
compile softprob.mlc "$FX/xgboost/3.2.0/multi_softprob.json"
compile softmax_fixed.mlc "$FX/xgboost/2.0.3/multi_softmax.ubj" --numeric fixed
compile dart.mlc "$FX/xgboost/3.0.5/dart.json"
compile links.mlc hinge="$FX/xgboost/3.2.0/binary_hinge.json" aft="$FX/xgboost/3.2.0/survival_aft.ubj"   # format 1.7 links
compile multi_target.mlc "$FX/xgboost/3.2.0/multi_label.json"
compile categorical.mlc old="$FX/xgboost_categorical/1.6.2/partition.json" new="$FX/xgboost_categorical/3.2.0/onehot.ubj"   # format 1.8 layout
compile categorical_fixed.mlc "$FX/xgboost_categorical/3.2.0/partition.json" --numeric fixed
compile categorical_named.mlc "$FX/xgboost_categorical/3.2.0/named.json"   # format 1.9 category names
compile linear.mlc softprob="$FX/xgboost_linear/3.2.0/multi_softprob.json" poisson="$FX/xgboost_linear/0.90/count_poisson.pkl"   # format 1.10 linear models
compile tiny_text_cnn.mlc tiny="$ROOT/fuzz/seeds/tiny_text_cnn" --numeric float
compile tiny_text_cnn_int8.mlc tiny="$ROOT/fuzz/seeds/tiny_text_cnn" --numeric int8 --calibration "$FX/sentiment/reviews.txt"
compile sentiment_mcu.mlc "$FX/sentiment/imdb_cnn_mcu" --numeric float
compile sentiment_mcu_int8.mlc "$FX/sentiment/imdb_cnn_mcu" --numeric int8 --calibration "$FX/sentiment/reviews.txt"

seed() { # TARGET FILE [NAME]: copies FILE into the target's corpus unless it is there
    local dir=$ROOT/fuzz/corpus/$1
    mkdir -p "$dir"
    cp -n "$2" "$dir/seed-${3:-$(basename "$2")}"
}
REVIEW=$(head -n 1 "$FX/sentiment/reviews.txt")
ROW=$(head -n 1 "$FX/churn/heldout.csv" | cut -d, -f2-)
CATEGORY_ROW=$(sed -n 200p "$FX/xgboost_categorical/3.2.0/inputs.csv")
LINEAR_ROW=$(sed -n 2p "$FX/xgboost_linear/3.2.0/inputs.csv")
for f in "$SEEDS"/*.mlc; do
    seed artifact "$f"
    # predict: the artifact, then the prediction input (a review for text models, else a row).
    name=$(basename "$f")
    if [[ $name == *text* || $name == sentiment* ]]; then
        { cat "$f"; printf '%s' "$REVIEW"; } >"$SEEDS/$name.input"
    elif [[ $name == categorical* ]]; then
        { cat "$f"; printf '%s' "$CATEGORY_ROW"; } >"$SEEDS/$name.input"
    elif [[ $name == linear* ]]; then
        { cat "$f"; printf '%s' "$LINEAR_ROW"; } >"$SEEDS/$name.input"
    else
        { cat "$f"; printf '%s' "$ROW"; } >"$SEEDS/$name.input"
    fi
    seed predict "$SEEDS/$name.input"
done
for f in "$FX"/xgboost/*/*.json "$FX"/xgboost_categorical/*/*.json "$FX"/churn/models/states/{AL,CA,NY,TX}.json; do
    [[ $f == *MANIFEST* ]] || seed xgboost_json "$f" "$(basename "$(dirname "$f")")-$(basename "$f")"
done
for f in "$FX"/xgboost/*/*.ubj "$FX"/xgboost_categorical/*/*.ubj "$FX"/churn/models/states/{AL,CA,NY,TX}.ubj; do
    seed xgboost_ubj "$f" "$(basename "$(dirname "$f")")-$(basename "$f")"
done
for f in "$FX"/xgboost_binary/*/*.model; do
    seed xgboost_binary "$f" "$(basename "$(dirname "$f")")-$(basename "$f")"
done
for f in "$FX"/xgboost_pickle/*/*.pkl "$FX"/xgboost_pickle/*/*.joblib "$FX"/xgboost_pickle/*/*.joblib.z; do
    seed xgboost_pickle "$f" "$(basename "$(dirname "$f")")-$(basename "$f")"
done
# gblinear (format 1.10) in the legacy binary format and pickled.
for v in 0.90 1.5.2 2.0.3; do seed xgboost_binary "$FX/xgboost_linear/$v/multi_softprob.model" "linear-$v-multi_softprob.model"; done
for v in 0.90 1.2.1 3.2.0; do seed xgboost_pickle "$FX/xgboost_linear/$v/count_poisson.pkl" "linear-$v-count_poisson.pkl"; done
for f in "$FX"/xgboost_pickle/*/model.tar.gz; do
    n="$(basename "$(dirname "$f")")-model"
    seed model_archive "$f" "$n.tar.gz"
    [ -s "$SEEDS/$n.tar" ] || gzip -dc "$f" >"$SEEDS/$n.tar"
    seed model_archive "$SEEDS/$n.tar" "$n.tar"
done
SEP=$'\n#--#\n'
for d in "$ROOT/fuzz/seeds/tiny_text_cnn" "$FX/sentiment/imdb_cnn_mcu"; do
    n=$(basename "$d")
    { cat "$d/config.json"; printf '%s' "$SEP"; cat "$d/model.safetensors"; printf '%s' "$SEP"
      cat "$d/vocab.txt"; printf '%s' "$SEP"; cat "$d/vectorizer.json"; } >"$SEEDS/keras-$n"
    { cat "$d/config.json"; printf '%s' "$SEP"; cat "$d/model.safetensors"; } >"$SEEDS/keras-$n-no-tokenizer"
    seed keras "$SEEDS/keras-$n"
    seed keras "$SEEDS/keras-$n-no-tokenizer"
done
# keras_file (fuzz/src/keras_file_input.rs): each Keras-saved archive whole (mode byte 0) and as
# its entries (mode byte 1: config.json, model.weights.h5 and an adapted vocabulary), ...
for f in "$FX"/keras_files/*/model.keras "$FX"/keras_textvec/*/model.keras; do
    n=$(basename "$(dirname "$f")")
    { printf '\x00'; cat "$f"; } >"$SEEDS/keras-file-$n"
    python3 - "$f" "$SEEDS/keras-file-$n-entries" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
parts = [z.read("config.json"), z.read("model.weights.h5")]
parts += [z.read(n) for n in z.namelist() if n.startswith("assets/") and n.endswith("/vocabulary.txt")][:1]
open(sys.argv[2], "wb").write(b"\x01" + b"\n#--#\n".join(parts))
PY
    seed keras_file "$SEEDS/keras-file-$n"
    seed keras_file "$SEEDS/keras-file-$n-entries"
done
# ... and the legacy HDF5 models, whole (mode byte 0).
for f in "$FX"/keras_files/*/model.h5; do
    n=$(basename "$(dirname "$f")")
    { printf '\x00'; cat "$f"; } >"$SEEDS/keras-file-$n-h5"
    seed keras_file "$SEEDS/keras-file-$n-h5"
done
i=0
while IFS= read -r line && [ $i -lt 24 ]; do
    # Modes (first byte): standardisations × output lengths × scratch sizes, and own vocabularies.
    printf "\\x$(printf %02x $(( (i * 37) % 128 )))%s" "$line" >"$SEEDS/review-$i"
    seed tokenizer "$SEEDS/review-$i"
    i=$((i + 1))
done <"$FX/sentiment/reviews.txt"
printf '\xbc\nthe\nmovie\nThe\nthe\n\xc3\xa9t\xc3\xa9\n\0The movie, the MOVIE: \xc3\xa9t\xc3\xa9!' >"$SEEDS/own-vocab"
seed tokenizer "$SEEDS/own-vocab"
head -n 20 "$FX/churn/heldout.csv" >"$SEEDS/heldout-head.csv"
seed records "$SEEDS/heldout-head.csv"
seed records "$FX/churn/edge.csv"
seed records "$FX/libsvm/rows.libsvm"
seed records "$FX/xgboost/3.2.0/multi_softprob.expected.csv"
printf '1.5, -2,,nan,NaN,inf,1e-3\r\n"1,2",x\n0.10000000745058059692382812500001\n' >"$SEEDS/fields.csv"
seed records "$SEEDS/fields.csv"

# transform: first byte = mode (content type, batch size, workers; fuzz_targets/transform.rs).
{ printf '\x0c'; head -n 12 "$FX/churn/heldout.csv" | cut -d, -f2-; } >"$SEEDS/transform-csv"
{ printf '\x27'; head -n 12 "$FX/churn/heldout.csv"; } >"$SEEDS/transform-csv-routed"
{ printf '\x2e'; head -n 6 "$FX/sentiment/reviews.txt"; printf '\r\n\n'; } >"$SEEDS/transform-text"
{ printf '\x11'
  head -n 3 "$FX/churn/heldout.csv" | cut -d, -f2- | sed 's/^/{"model":"AL","features":[/; s/,,/,null,/g; s/$/]}/'
  printf '{"model":"text","text":"%s"}\n{"features":[1,2]}\n[1]\n\n{"model":"NY","features":[' "great movie"
  head -n 1 "$FX/churn/heldout.csv" | cut -d, -f2- | tr -d '\n'; printf ']}'; } >"$SEEDS/transform-jsonl"
{ printf '\x43'; head -n 12 "$FX/churn/heldout.csv" | cut -d, -f2- \
    | awk -F, '{ s = "0"; for (i = 1; i <= NF; i++) if ($i != "") s = s " " (i - 1) ":" $i; print s }'
  printf '1 99:1\n0 2:x\n1\n'; } >"$SEEDS/transform-libsvm"
# The model with category names (`cat`): CSV routed by column 1, and JSON Lines, naming them.
{ printf '\x27'; sed -n 2,9p "$FX/xgboost_categorical/3.2.0/named_inputs.csv" | sed 's/^/cat,/'
  printf 'cat,OR,1,pro,415,2\ncat,TX,1,pro,1,2\n'; } >"$SEEDS/transform-csv-cat"
{ printf '\x11{"model":"cat","features":["TX",100.5,"pro",415,2]}\n{"model":"cat","features":["say \\"hi\\"",1,"basic",null,2]}\n'
  printf '{"model":"cat","features":["OR",1,"pro",415,2]}\n'; } >"$SEEDS/transform-jsonl-cat"
# records: JSON Lines too (its first two bytes set the splitter's limits), and byte order marks.
seed records "$SEEDS/transform-jsonl" records-jsonl
printf '\xef\xbb\xbf1,2\r\n\xef\xbb\xbf{"features": [1, null, 2e-3]}\n\xef\xbb\xbf\n' >"$SEEDS/records-bom"
seed records "$SEEDS/records-bom"
for f in "$SEEDS"/transform-{csv,csv-routed,text,jsonl,libsvm,csv-cat,jsonl-cat}; do
    seed transform "$f"
    # The same input with bit 7 of the mode: also --accept application/json and --on-error fail.
    { printf "\\x$(printf %02x $(( $(od -An -tu1 -N1 "$f") | 0x80 )))"; tail -c +2 "$f"; } >"$f-both"
    seed transform "$f-both"
done

# serve_requests: mode byte, the JSON part's length (u16 LE), then the body (fuzz_targets/serve_requests.rs).
serve_seed() { # NAME MODE JSON_LEN: the body on standard input
    { printf "\\x$(printf %02x "$2")\\x$(printf %02x $(($3 & 255)))\\x$(printf %02x $(($3 >> 8)))"; cat; } >"$SEEDS/serve-$1"
    seed serve_requests "$SEEDS/serve-$1"
}
OIP_JSON='{"id":"r1","inputs":[{"name":"features","datatype":"FP32","shape":[2,3],"data":[[1.5,null,2],[0,-1e-3,7]]}],"outputs":[{"name":"predictions","parameters":{"binary_data":true}},{"name":"margins"}]}'
printf '%s' "$OIP_JSON" | serve_seed oip-json 0 0
OIP_BIN='{"inputs":[{"name":"features","datatype":"FP32","shape":[1,2],"parameters":{"binary_data_size":8}},{"name":"text","datatype":"BYTES","shape":[2],"parameters":{"binary_data_size":13}}],"parameters":{"binary_data_output":true}}'
{ printf '%s' "$OIP_BIN"; printf '\x00\x00\xc0\x3f\x00\x00\x20\x40\x05\x00\x00\x00great\x00\x00\x00\x00'; } | serve_seed oip-binary 1 ${#OIP_BIN}
IDS='{"inputs":[{"name":"input_ids","datatype":"INT64","shape":[1,3],"parameters":{"binary_data_size":24}}]}'
{ printf '%s' "$IDS"; printf '\x07\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff\xff\xff'; } | serve_seed oip-ids 1 ${#IDS}
{ printf 'text/csv\napplication/jsonlines\nAK\n'; head -n 3 "$FX/churn/heldout.csv" | cut -d, -f2-; } | serve_seed sagemaker-csv 0 0
printf 'application/json\n{"model_name": "AK", "url": "/opt/ml/models/AK"}' | serve_seed sagemaker-json 2 0
printf '/v2/models/both%%2FAK/versions/1/infer\n' | serve_seed route 6 0

# Every finding's reproducer (fuzz/regressions/TARGET/) is replayed by every run of its target.
for d in "$ROOT"/fuzz/regressions/*/; do
    for f in "$d"*; do seed "$(basename "$d")" "$f" "regression-$(basename "$f")"; done
done

# --- run ---------------------------------------------------------------------------------------
# Build every target once (AddressSanitizer, debug assertions and overflow checks: cargo-fuzz's
# defaults), then run the binaries: nothing rebuilds between targets.
cd "$ROOT/fuzz"
if ! cargo +nightly fuzz build >"$ROOT/fuzz/target/fuzz-build.log" 2>&1; then
    tail -n 30 "$ROOT/fuzz/target/fuzz-build.log" >&2
    echo "fuzz: build failed (fuzz/target/fuzz-build.log)" >&2
    exit 1
fi
BIN=$ROOT/fuzz/target/x86_64-unknown-linux-gnu/release
SUMMARY=$ROOT/fuzz/target/fuzz-summary.txt
: >"$SUMMARY"
run_target() { # TARGET: fuzzes it, appends its line to the summary, fails on any finding
    local t=$1 log=$ROOT/fuzz/target/fuzz-$1.log status=ok
    local args=(-max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2560 -print_final_stats=1)
    [ -z "${MLC_FUZZ_RUNS:-}" ] || args+=(-runs="$MLC_FUZZ_RUNS")
    # Records and text: short inputs keep executions fast (the seeds set the limit otherwise).
    case $t in records | tokenizer) args+=(-max_len=4096) ;; esac
    echo "== fuzz $t: ${SECONDS_PER_TARGET} s"
    mkdir -p "$ROOT/fuzz/artifacts/$t"
    local start=$SECONDS
    if ! "$BIN/$t" -artifact_prefix="$ROOT/fuzz/artifacts/$t/" "${args[@]}" "$ROOT/fuzz/corpus/$t" >"$log" 2>&1; then
        status=FAILED
        grep -E "ERROR|panicked|SUMMARY|Test unit written|deadly signal" "$log" | head -n 20 || true
    fi
    local execs secs corpus line
    execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1 || true)
    secs=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -n 1 || true)
    corpus=$(find "$ROOT/fuzz/corpus/$t" -type f | wc -l)
    line=$(printf '%-13s %-6s executions %12s  (%s exec/s)  %5d s  corpus %s files  log %s' "$t" "$status" \
        "${execs:-?}" "${secs:-?}" $((SECONDS - start)) "$corpus" "${log#"$ROOT"/}")
    echo "$line"
    echo "$line" >>"$SUMMARY"
    [ "$status" = ok ]
}

# MLC_FUZZ_JOBS=N runs N targets at a time (one core each); the default runs them one by one.
JOBS=${MLC_FUZZ_JOBS:-1}
failed=()
running=0
for t in "${TARGETS[@]}"; do
    if [ "$JOBS" -le 1 ]; then
        run_target "$t" || failed+=("$t")
        continue
    fi
    if [ $running -ge "$JOBS" ]; then
        wait -n || true
        running=$((running - 1))
    fi
    run_target "$t" &
    running=$((running + 1))
done
wait
# Parallel targets report through the summary: each FAILED line names its target.
[ "$JOBS" -le 1 ] || mapfile -t failed < <(awk '$2 == "FAILED" { print $1 }' "$SUMMARY")
echo
cat "$SUMMARY"
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: FAILED: ${failed[*]} (reproducers in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz: ok"
