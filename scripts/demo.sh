#!/usr/bin/env bash
# The main job on the bundled churn models, from a fresh checkout:
# build mlc, compile the 51 per-state XGBoost models into one bundle, inspect it, and predict
# the 1,667 held-out customers routed to their state's model, checked against XGBoost's own
# predictions (committed in tests/fixtures/churn).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p mlc-cli
mlc=target/release/mlc
fx=tests/fixtures/churn
out=target/demo
mkdir -p "$out"

specs=()
for f in "$fx"/models/states/*.json; do s=$(basename "$f" .json); specs+=("$s=$f"); done
echo "== mlc compile: ${#specs[@]} per-state models -> one bundle"
"$mlc" compile "${specs[@]}" -o "$out/churn_states.mlc" | tail -n 3
"$mlc" inspect "$out/churn_states.mlc" --model CA

echo "== mlc predict: each held-out row with its state's model"
: > "$out/predictions.txt"
for s in $(cut -d, -f1 "$fx/heldout.csv" | sort -u); do
  grep -n "^$s," "$fx/heldout.csv" | cut -d: -f1 > "$out/lines_$s"
  grep "^$s," "$fx/heldout.csv" | cut -d, -f2- | "$mlc" predict "$out/churn_states.mlc" --model "$s" > "$out/pred_$s"
  paste -d' ' "$out/lines_$s" "$out/pred_$s" >> "$out/predictions.txt"
done
sort -n "$out/predictions.txt" | cut -d' ' -f2 > "$out/churn_probabilities.txt"
rm -f "$out"/lines_* "$out"/pred_* "$out/predictions.txt"

paste -d, "$out/churn_probabilities.txt" "$fx/expected_per_state.csv" | awk -F, '
  { d = $1 - $3; if (d < 0) d = -d; if (d > max) max = d; if (($1 > 0.5) != ($3 > 0.5)) flips++;
    if ($1 > 0.5) churners++; n++ }
  END { printf "%d customers scored, %d predicted to churn; vs XGBoost (its %%.9g text): max |dprob| = %.3g\n", n, churners, max;
        printf "(that is the 9-digit text rounding; the f32 values are bit-identical, as tests/e2e/churn.rs checks); decisions differ on %d\n", flips + 0 }'
echo "predictions: $out/churn_probabilities.txt"
