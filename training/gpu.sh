#!/usr/bin/env bash
# One call on a lent GPU (the `device` tool), under 9 minutes: trains DenseNet-121 at IMG_SIZE px
# (default 96; FER2013's 48x48 faces scaled up, as the exported graph does) with bfloat16
# autocast for as many epochs as fit in BUDGET_S, chooses the checkpoint on PublicTest and the
# dev-photo crops (choose.py), and writes to $OUT the chosen weights in float16 (under 16 MiB,
# the most a file may be to come back) with the training log and the selection.
#
# Prepare here (the tree plus carried files must stay under 64 MiB):
#   python3 training/prepare_data.py ../shared/fer2013/fer2013.csv.gz training/data/fer5-compact.npz --compact
#   npm run eval:photos -- ../shared/realphoto-dev ../shared/realphoto-dev/labels.csv --border 0.5 \
#       --crops-out artifacts/release/dev-crops.json
#   SMOKE=1 DATA=training/data/fer5.npz bash training/gpu.sh   # here, on the CPU, a few batches: the whole path once
# Run there:
#   run(command="bash training/gpu.sh", carry=["training/data/fer5-compact.npz",
#       "artifacts/release/dev-crops.json"], timeout_s=560)
# Then here, to export, score and ship it (the run folder is $OUT, which holds log.jsonl):
#   SELECTED=artifacts/gpu/selected-f16.pt bash training/release.sh artifacts/gpu \
#       ../shared/fer2013/fer2013.csv.gz ../shared/realphoto-dev
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-python3}
out=${OUT:-artifacts/gpu}
run=${RUN_DIR:-/tmp/moodtab-gpu-run}
data=${DATA:-training/data/fer5-compact.npz}
mkdir -p "$out" "$run"
if [ -n "${SMOKE:-}" ]; then
  device=cpu
  budget=(--epochs 1 --max-batches 3 --val-limit 256)
  limit=(--limit 256)
else
  device=cuda
  budget=(--time-budget "${BUDGET_S:-400}" --amp)
  limit=()
fi
$py -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available())"
$py training/train.py --data "$data" --out "$run" --device "$device" --img-size "${IMG_SIZE:-96}" \
  --batch-size "${BATCH:-128}" --lr "${LR:-2e-3}" --threads "${THREADS:-$(nproc)}" --targets mix "${budget[@]}" 2>&1 | grep -v " step " | tee "$out/train.log"
$py training/choose.py "$run" --data "$data" --dev-crops artifacts/release/dev-crops.json \
  --out "$run/selected.pt" --device "$device" "${limit[@]}" | tee "$out/select.log"
$py - "$run/selected.pt" "$out/selected-f16.pt" <<'PY'
import sys, torch
state = torch.load(sys.argv[1], map_location="cpu")
state["model"] = {k: v.half() if v.is_floating_point() else v for k, v in state["model"].items()}
torch.save(state, sys.argv[2])
PY
cp "$run/log.jsonl" "$out/"
ls -la "$out"
