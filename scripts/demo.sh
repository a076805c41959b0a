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

echo "== mlc transform: each held-out row (state, 18 features) routed by its first column to its state's model"
"$mlc" transform "$out/churn_states.mlc" "$fx/heldout.csv" --route-column 1 --output-dir "$out" --overwrite 2>&1 | sed -n 1p  # the summary's first line
# One answer per input line, in input order: the churn probability.
cp "$out/heldout.csv.out" "$out/churn_probabilities.txt"

paste -d, "$out/churn_probabilities.txt" "$fx/expected_per_state.csv" | awk -F, '
  { d = $1 - $3; if (d < 0) d = -d; if (d > max) max = d; if (($1 > 0.5) != ($3 > 0.5)) flips++;
    if ($1 > 0.5) churners++; n++ }
  END { printf "%d customers scored, %d predicted to churn; vs XGBoost (its %%.9g text): max |dprob| = %.3g\n", n, churners, max;
        printf "(that is the 9-digit text rounding; the f32 values are bit-identical, as tests/e2e/churn.rs checks); decisions differ on %d\n", flips + 0 }'
echo "predictions: $out/churn_probabilities.txt"

raw=../shared/data/churn/mlc_churn.csv
if [ -f "$raw" ]; then
  echo "== the raw churn CSV ($raw): yes/no and area_code_NNN as numbers, the label dropped, the header kept"
  # The one step the models need (docs: README, "The raw churn CSV"): tools/train_churn.py's
  # encoding. The header then maps the columns to the models' feature names.
  awk -F, -v OFS=, 'NR > 1 { sub(/^area_code_/, "", $3); for (i = 4; i <= 5; i++) $i = ($i == "yes") }
                    { NF = NF - 1; print }' "$raw" > "$out/mlc_churn_rows.csv"
  "$mlc" transform "$out/churn_states.mlc" "$out/mlc_churn_rows.csv" --header --route-column 1 --output-dir "$out" --overwrite 2>&1 | sed -n 1p
  tail -n +2 "$raw" | cut -d, -f20 | paste -d, "$out/mlc_churn_rows.csv.out" - | awk -F, '
    { n++; p = ($1 > 0.5); y = ($2 == "yes"); ok += (p == y); churn += p }
    END { printf "%d raw customers scored, %d predicted to churn; agreement with the churn label %.1f%% (rows the models were trained on included)\n", n, churn, 100 * ok / n }'
else
  echo "(no $raw here: the raw-CSV step is skipped)"
fi
