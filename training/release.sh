#!/usr/bin/env bash
# Ships a trained run into models/: exports each weight dtype, scores each on PublicTest through
# the Node eval (the extension's classifier), ships float16 if it loses < 0.3 points against
# float32, writes the parity fixture and PROVENANCE.json. uint8 is scored and recorded, but not
# eligible: 8-bit weights cannot meet the 1e-3 PyTorch parity the tests require.
#
#   bash training/release.sh training/runs/cpu48 ../shared/fer2013/fer2013.csv.gz
set -euo pipefail
run=${1:?run folder}; csv=${2:?FER2013 csv}
cd "$(dirname "$0")/.."
out=models/mood-densenet121; work=artifacts/release; mkdir -p "$work"
py=/usr/bin/python3
for dtype in float32 float16 uint8; do
  $py training/export_tfjs.py "$run/best.pt" "$work/$dtype" --dtype "$dtype"
  npx tsx src/node/cli/eval.ts --data "$csv" --usage PublicTest --model "$work/$dtype/model.json" | tail -1 > "$work/eval-$dtype.json"
  echo "$dtype: $(cat "$work/eval-$dtype.json")"
done
chosen=$($py - "$work" <<'PY'
import json, sys
work = sys.argv[1]
acc = {d: json.load(open(f"{work}/eval-{d}.json"))["accuracy"] for d in ("float32", "float16", "uint8")}
rule = "float16 if it loses < 0.3 points vs float32 (uint8 fails the 1e-3 parity test by design)"
json.dump({"publicTestFlipAccuracy": acc, "rule": rule}, open(f"{work}/quantisation.json", "w"))
print("float16" if acc["float32"] - acc["float16"] < 0.003 else "float32")
PY
)
echo "shipping $chosen"
rm -rf "$out" && cp -r "$work/$chosen" "$out"
$py training/make_parity_fixture.py "$run/best.pt" test/fixtures/parity.json
$py training/write_provenance.py "$run" "$out" --node-eval "$work/eval-$chosen.json" --quantisation "$work/quantisation.json" --dtype "$chosen"
