"""Write models/<name>/PROVENANCE.json: where the model came from, how well it does, file hashes.

    python3 training/write_provenance.py artifacts/release/selected.pt models/mood-densenet121 \
        --run-dir training/runs/v2-mix --node-eval artifacts/release/eval-uint8.json \
        --quantisation artifacts/release/quantisation.json --photos artifacts/release/photos-*.json

The whole training chain is recorded: this run's log and, for a run warm-started from a shipped
model (--init-tfjs), that model's own provenance (init-PROVENANCE.json in the run folder), which
holds its cycles in turn. The sha256 of every file in the model folder is recorded;
test/model/provenance.test.ts checks them.
"""

import argparse
import hashlib
import json
import os

import torch

from model import MIN_STD
from moods import MOODS


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_json(path):
    with open(path) as handle:
        return json.load(handle)


def read_log(run_dir):
    with open(os.path.join(run_dir, "log.jsonl")) as handle:
        return [json.loads(line) for line in handle if line.strip()]


def earlier_model(run_dir):
    """The shipped model a run started from (--init-tfjs), as its own PROVENANCE.json described it."""
    path = os.path.join(run_dir, "init-PROVENANCE.json")
    if not os.path.exists(path):
        return None
    earlier = read_json(path)
    earlier.pop("files", None)
    return earlier


CYCLE_ARGS = ("targets", "fer_weight", "lr", "warmup", "epochs", "time_budget", "img_size", "device")


def warm_start_chain(run_dir, train_args):
    """Earlier cycles this run started from (--init), oldest first, each with its log up to the
    epoch it handed on; and the shipped model at the root of the chain (--init-tfjs), if any."""
    cycles = []
    while train_args.get("init"):
        parent = torch.load(train_args["init"], map_location="cpu")
        run_dir = os.path.dirname(train_args["init"])
        cycles.insert(
            0,
            {
                "run": os.path.basename(run_dir),
                "handed_on": f"epoch {parent['epoch']}, {train_args.get('init_weights', 'model')} weights",
                **{key: parent["args"].get(key) for key in CYCLE_ARGS},
                "log": [r for r in read_log(run_dir) if r["epoch"] <= parent["epoch"]],
            },
        )
        train_args = parent["args"]
    return cycles, earlier_model(run_dir)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("selected", help="checkpoint written by choose.py (weights, calibration, selection)")
    parser.add_argument("model_dir")
    parser.add_argument("--run-dir", required=True, help="training run folder (log.jsonl)")
    parser.add_argument("--node-eval", required=True, help="last-line JSON of `npm run eval` on PublicTest")
    parser.add_argument("--quantisation", help="JSON of PublicTest accuracy per weight dtype")
    parser.add_argument("--photos", nargs="*", default=[], help="last-line JSON of `npm run eval:photos`")
    parser.add_argument("--dtype", required=True)
    args = parser.parse_args(argv)

    selected = torch.load(args.selected, map_location="cpu")
    train_args, selection = selected["args"], selected["selection"]
    log = read_log(args.run_dir)
    cycles, earlier = warm_start_chain(args.run_dir, train_args)
    earlier_epochs = (earlier["training"]["epochs_run"] if earlier else 0) + sum(len(c["log"]) for c in cycles)
    node_eval = read_json(args.node_eval)
    files = {
        name: sha256(os.path.join(args.model_dir, name))
        for name in sorted(os.listdir(args.model_dir))
        if name != "PROVENANCE.json"
    }
    provenance = {
        "model": "DenseNet-121 (torchvision architecture, 1-channel stem), 5 moods",
        "moods": list(MOODS),
        "format": "tfjs graph model; input float32 [N,48,48,1] grey 0..255, output calibrated softmax [N,5]",
        "preprocessing": f"in the graph: per-face standardisation (x - mean) / max(std, {MIN_STD}) (training/model.py)",
        "weights_dtype": args.dtype,
        "data": {
            "source": "FER2013 original pixels with FER+ crowd votes (../shared/fer2013/fer2013.csv.gz)",
            "targets": {
                "fer": "FER2013's label (one-hot)",
                "ferplus": "FER+ five-mood vote distribution",
                "mix": f"{train_args['fer_weight']} x FER2013 label + {1 - train_args['fer_weight']:.2f} x FER+ votes",
            }[train_args["targets"]],
            "trainUsage": "Training",
            "selectUsage": "PublicTest",
            "devPhotos": "../shared/realphoto-dev: reported only, never used to choose, trained or fitted on",
            "heldOut": "PrivateTest (never used)",
        },
        "training": {
            "epochs_run": earlier_epochs + len(log),
            "epochs_this_cycle": len(log),
            "warm_start": train_args.get("init_tfjs") or train_args.get("init"),
            "time_budget_s": train_args.get("time_budget"),
            "targets": train_args["targets"],
            "distill": (
                f"{train_args.get('distill_weight')} x face-api.js expression net soft outputs"
                f" ({train_args['distill']})"
                if train_args.get("distill")
                else None
            ),
            "logit_adjust": train_args.get("logit_adjust"),
            "img_size": train_args["img_size"],
            "batch_size": train_args["batch_size"],
            "optimizer": "adamw, one-cycle",
            "peak_lr": train_args["lr"],
            "weight_decay": train_args["weight_decay"],
            "label_smoothing": train_args["label_smoothing"],
            "ema_decay": train_args["ema"],
            "device": train_args["device"],
            "augmentation": "training/augment.py: flip, rotate +-10 deg, scale +-12%, shift 7%, low resolution, "
            "blur, gamma/gain/offset and a side light, glasses, sensor noise, random erasing",
            "torch": torch.__version__,
            "log": log,
            **({"earlier_cycles": cycles} if cycles else {}),
            **({"earlier_model": earlier} if earlier else {}),
        },
        "selection": {
            "checkpoint": os.path.basename(selection["checkpoint"]),
            "epoch": selection["epoch"],
            "weights": "EMA" if selection["variant"] == "ema" else "plain",
            "rule": "max of the PublicTest decision score (mean of FER and FER+ accuracy and macro recall)"
            " over every epoch's plain and EMA weights; dev photos reported, never used",
            "selection_score": selection["selection_score"],
        },
        "calibration": {
            "fitted_on": "PublicTest",
            "logit_scale": round(selected["calibration"]["scale"], 4),
            "logit_offset": dict(zip(MOODS, selected["calibration"]["offset"])),
            "publicTest_before": selection["uncalibrated"]["publicTest"],
            "publicTest_after": {k: v for k, v in selection["publicTest"].items() if k != "decision_score"},
            "devPhotos_before": selection["uncalibrated"]["devPhotos"],
            "devPhotos_after": selection["devPhotos"],
        },
        "accuracy": {
            "publicTestFlip": node_eval["densenet"]["fer"]["accuracy"],
            "publicTestFerPlusFlip": node_eval["densenet"]["ferplus"]["accuracy"],
            "nodeEvalPublicTest": node_eval,
            "devPhotos": [read_json(path) for path in args.photos],
        },
        **({"quantisation": read_json(args.quantisation)} if args.quantisation else {}),
        "files": files,
    }
    with open(os.path.join(args.model_dir, "PROVENANCE.json"), "w") as handle:
        json.dump(provenance, handle, indent=2)
        handle.write("\n")
    print(f"wrote {args.model_dir}/PROVENANCE.json ({len(files)} files)")


if __name__ == "__main__":
    main()
