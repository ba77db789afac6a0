#!/usr/bin/env bash
# Ships a training run into models/mood-densenet121:
#  1. the dev photos' aligned crops, made by the extension's own pipeline (eval:photos);
#  2. choose.py: the checkpoint (epoch, plain or EMA weights) by PublicTest alone,
#     with its calibration (logit offsets + temperature) fitted on PublicTest;
#  3. export as float32, float16 and uint8; each scored on PublicTest by the Node eval (the
#     extension's classifier); the smallest that loses < 0.3 points against float32 under both
#     labelings is shipped;
#  4. the parity fixture (PyTorch on the shipped, dequantised weights), the dev-photo report with
#     face-api.js beside it, and PROVENANCE.json.
#
#   bash training/release.sh training/runs/v2-mix ../shared/fer2013/fer2013.csv.gz ../shared/realphoto-dev
# FROM_EPOCH=k limits the choice to epochs >= k; SELECTED=file.pt ships a checkpoint chosen elsewhere.
set -euo pipefail
run=${1:?run folder}; csv=${2:?FER2013 csv}; photos=${3:?labelled photo folder (labels.csv inside)}
from_epoch=${FROM_EPOCH:-0}
cd "$(dirname "$0")/.."
out=models/mood-densenet121; work=artifacts/release; mkdir -p "$work"
py=/usr/bin/python3
data=training/data/fer5.npz
[ -f "$data" ] || $py training/prepare_data.py "$csv" "$data"

npx tsx src/node/cli/evalPhotos.ts "$photos" "$photos/labels.csv" --border 0.5 --crops-out "$work/dev-crops.json" | tail -1 >/dev/null
if [ -n "${SELECTED:-}" ]; then  # already chosen elsewhere (training/gpu.sh)
  cp "$SELECTED" "$work/selected.pt"
else
  $py training/choose.py "$run" --data "$data" --dev-crops "$work/dev-crops.json" --out "$work/selected.pt" \
    --from-epoch "$from_epoch" | tee "$work/select.log"
fi

for dtype in float32 float16 uint8; do
  $py training/export_tfjs.py "$work/selected.pt" "$work/$dtype" --dtype "$dtype"
  npx tsx src/node/cli/eval.ts --data "$csv" --usage PublicTest --model "$work/$dtype/model.json" | tail -1 >"$work/eval-$dtype.json"
  echo "$dtype: $(cat "$work/eval-$dtype.json")"
done
chosen=$($py - "$work" <<'PY'
import json, pathlib, sys
work = sys.argv[1]
scores = {d: json.loads(pathlib.Path(f"{work}/eval-{d}.json").read_text()) for d in ("float32", "float16", "uint8")}
acc = {d: {k: s["densenet"][k]["accuracy"] for k in ("fer", "ferplus")} for d, s in scores.items()}
rule = "the smallest weight dtype losing < 0.3 points vs float32 on PublicTest under both labelings"
ok = lambda d: all(acc["float32"][k] - acc[d][k] < 0.003 for k in ("fer", "ferplus"))
chosen = next(d for d in ("uint8", "float16", "float32") if ok(d))
pathlib.Path(f"{work}/quantisation.json").write_text(json.dumps({"publicTestAccuracy": acc, "rule": rule, "chosen": chosen}))
print(chosen)
PY
)
echo "shipping $chosen"
rm -rf "$out" && cp -r "$work/$chosen" "$out"
$py training/make_parity_fixture.py "$out" test/fixtures/parity.json
for border in 0 0.5; do
  npx tsx src/node/cli/evalPhotos.ts "$photos" "$photos/labels.csv" --border "$border" --face-api true | tail -1 >"$work/photos-border$border.json"
done
$py training/write_provenance.py "$work/selected.pt" "$out" --run-dir "$run" --node-eval "$work/eval-$chosen.json" \
  --quantisation "$work/quantisation.json" --photos "$work"/photos-border*.json --dtype "$chosen"
