"""Write models/<name>/PROVENANCE.json: where the model came from, how well it does, file hashes.

    python3 training/write_provenance.py training/runs/cpu48 models/mood-densenet121 \
        --node-eval artifacts/eval-float16.json [--quantisation artifacts/quantisation.json]

The sha256 of every file in the model folder is recorded; test/model/provenance.test.ts checks them.
"""

import argparse
import hashlib
import json
import os

import torch

from moods import MOODS


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_log(run_dir):
    with open(os.path.join(run_dir, "log.jsonl")) as handle:
        return [json.loads(line) for line in handle if line.strip()]


def warm_start_chain(train_args):
    """Earlier cycles this run started from (--init), oldest first, each with its own log."""
    chain, init = [], train_args.get("init")
    here = os.path.dirname(os.path.abspath(__file__))
    while init:
        # --init is recorded as typed: relative to wherever train.py ran (repo root or training/).
        init = next(p for p in (init, os.path.join(here, init)) if os.path.exists(p))
        parent = torch.load(init, map_location="cpu")
        run_dir = os.path.dirname(init)
        chain.insert(
            0,
            {
                "checkpoint": os.path.relpath(init, os.path.dirname(here)),
                "best_epoch": parent["epoch"],
                "peak_lr": parent["args"]["lr"],
                "log": read_log(run_dir),
            },
        )
        init = parent["args"].get("init")
    return chain


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run_dir", help="training run folder (best.pt, log.jsonl)")
    parser.add_argument("model_dir")
    parser.add_argument("--node-eval", help="last-line JSON of `npm run eval` on PublicTest for the shipped files")
    parser.add_argument("--quantisation", help="JSON of PublicTest accuracy per weight dtype")
    parser.add_argument("--dtype", default="float16")
    args = parser.parse_args(argv)

    best = torch.load(os.path.join(args.run_dir, "best.pt"), map_location="cpu")
    log = read_log(args.run_dir)
    train_args = best["args"]
    cycles = warm_start_chain(train_args)
    node_eval = json.load(open(args.node_eval)) if args.node_eval else None
    files = {
        name: sha256(os.path.join(args.model_dir, name))
        for name in sorted(os.listdir(args.model_dir))
        if name != "PROVENANCE.json"
    }
    provenance = {
        "model": "DenseNet-121 (torchvision architecture, 1-channel stem), 5 moods",
        "moods": list(MOODS),
        "format": "tfjs graph model; input float32 [N,48,48,1] grey 0..255, output softmax [N,5]",
        "weights_dtype": args.dtype,
        "data": {
            "source": "FER2013 CSV (../shared/fer2013/fer2013.csv.gz), five moods (disgust, fear dropped)",
            "trainUsage": "Training",
            "selectUsage": "PublicTest",
            "heldOut": "PrivateTest (never used)",
        },
        "training": {
            "epochs_run": len(log) + sum(len(cycle["log"]) for cycle in cycles),
            "cycles": len(cycles) + 1,
            "epochs_planned": train_args["epochs"],
            "best_epoch": best["epoch"],
            "img_size": train_args["img_size"],
            "batch_size": train_args["batch_size"],
            "optimizer": train_args.get("optimizer", "sgd"),
            "peak_lr": train_args["lr"],
            "weight_decay": train_args["weight_decay"],
            "label_smoothing": train_args["label_smoothing"],
            "device": train_args["device"],
            "augmentation": "flip, rotate +-12 deg, scale 0.9-1.1, shift 8%, brightness/contrast, random erasing",
            "torch": torch.__version__,
            "log": log,
            **({"earlier_cycles": cycles} if cycles else {}),
        },
        "accuracy": {
            "publicTest": round(best["metrics"]["val_acc"], 4),
            "publicTestFlip": round(best["metrics"]["val_acc_flip"], 4),
            **({"nodeEvalPublicTestFlip": node_eval["accuracy"], "nodeEvalMacroF1": node_eval["macro_f1"]} if node_eval else {}),
        },
        **({"quantisation": json.load(open(args.quantisation))} if args.quantisation else {}),
        "files": files,
    }
    with open(os.path.join(args.model_dir, "PROVENANCE.json"), "w") as handle:
        json.dump(provenance, handle, indent=2)
        handle.write("\n")
    print(f"wrote {args.model_dir}/PROVENANCE.json ({len(files)} files)")


if __name__ == "__main__":
    main()
