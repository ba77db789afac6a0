"""Choose the checkpoint to ship from a run: on PublicTest alone (3,000+ faces).

    npm run eval:photos -- ../shared/realphoto-dev ../shared/realphoto-dev/labels.csv \
        --border 0.5 --crops-out artifacts/dev-crops.json
    python3 training/choose.py training/runs/v2-mix --data training/data/fer5.npz \
        --dev-crops artifacts/dev-crops.json --out training/runs/v2-mix/selected.pt

For each epoch-<k>.pt (plain and EMA weights) it computes flip logits on PublicTest and on the
aligned dev-photo crops (made by the extension's own pipeline, so the model is scored on what it
will be fed), fits the calibration (calibrate.py) on PublicTest alone, and ranks by the
PublicTest decision score (calibrate.decision_score). The dev photos are reported, never used to
choose: picking among many candidates on 186 photos fits their noise (it overstated the v2 model
by about 7 points on photos it had not seen). Writes the chosen weights with their calibration
to --out, and a table to stdout.
"""

import argparse
import glob
import json
import os

import numpy as np
import torch

import calibrate
from model import build_densenet121, preprocess
from moods import MOODS, ferplus_majority
from prepare_data import load_arrays


@torch.no_grad()
def flip_logits(model, images255, img_size, device, batch=512):
    model.eval()
    plain, mirrored = [], []

    def run(x):
        return model(preprocess(x.to(device), img_size).contiguous(memory_format=torch.channels_last)).float().cpu()

    for start in range(0, len(images255), batch):
        x = images255[start : start + batch]
        plain.append(run(x))
        mirrored.append(run(torch.flip(x, dims=[3])))
    return torch.cat(plain).numpy().astype(np.float64), torch.cat(mirrored).numpy().astype(np.float64)


def load_public_test(path):
    data = load_arrays(path)
    mask = data["usage"] == "PublicTest"
    images = torch.from_numpy(data["images"][mask]).float().unsqueeze(1)
    ferplus = np.array([ferplus_majority(v, o) for v, o in zip(data["votes"][mask], data["other_votes"][mask])])
    return images, data["labels"][mask], ferplus


def load_dev_crops(path):
    with open(path) as handle:
        crops = json.load(handle)["crops"]
    images = torch.tensor([c["pixels"] for c in crops], dtype=torch.float32).view(-1, 1, 48, 48)
    return images, np.array([MOODS.index(c["mood"]) for c in crops])


def candidate_logits(path, variant, test_images, dev_images, device):
    cache = f"{path[:-3]}-{variant}-logits.npz"
    if os.path.exists(cache) and os.path.getmtime(cache) > os.path.getmtime(path):
        cached = np.load(cache)
        if len(cached["dev_plain"]) == len(dev_images):
            return {k: cached[k] for k in cached.files}
    state = torch.load(path, map_location="cpu")
    model = build_densenet121()
    model.load_state_dict(state[variant])
    model = model.to(device, memory_format=torch.channels_last)
    img_size = state["args"]["img_size"]
    test_plain, test_mirrored = flip_logits(model, test_images, img_size, device)
    dev_plain, dev_mirrored = flip_logits(model, dev_images, img_size, device)
    result = dict(test_plain=test_plain, test_mirrored=test_mirrored, dev_plain=dev_plain, dev_mirrored=dev_mirrored)
    np.savez(cache, **result)
    return result


def evaluate_candidate(logits, fer, ferplus, dev_truth):
    scale, offset = calibrate.fit(logits["test_plain"], logits["test_mirrored"], fer, ferplus)
    test_prob = calibrate.flip_probabilities(logits["test_plain"], logits["test_mirrored"], scale, offset)
    dev_prob = calibrate.flip_probabilities(logits["dev_plain"], logits["dev_mirrored"], scale, offset)
    raw_test = calibrate.flip_probabilities(logits["test_plain"], logits["test_mirrored"])
    raw_dev = calibrate.flip_probabilities(logits["dev_plain"], logits["dev_mirrored"])
    decision = calibrate.decision_score(test_prob, fer, ferplus)
    dev_acc = calibrate.accuracy(dev_prob, dev_truth)
    return {
        "scale": float(scale),
        "offset": [round(float(v), 4) for v in offset],
        "selection_score": round(decision, 4),
        "dev_accuracy": round(dev_acc, 4),
        "publicTest": {"decision_score": round(decision, 4), **calibrate.report(test_prob, fer, ferplus)},
        "devPhotos": calibrate.report(dev_prob, dev_truth, None)["fer"],
        "uncalibrated": {
            "publicTest": calibrate.report(raw_test, fer, ferplus),
            "devPhotos": calibrate.report(raw_dev, dev_truth, None)["fer"],
        },
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run_dir")
    parser.add_argument("--data", required=True)
    parser.add_argument("--dev-crops", required=True, help="JSON written by npm run eval:photos --crops-out")
    parser.add_argument("--out", help="write the chosen weights and calibration here (a .pt)")
    parser.add_argument("--from-epoch", type=int, default=0, help="ignore earlier epochs")
    parser.add_argument("--last", type=int, default=0, help="only the last K epochs (the annealed end of a cycle)")
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--limit", type=int, default=0, help="use only this many PublicTest faces (smoke tests)")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)

    test_images, fer, ferplus = load_public_test(args.data)
    if args.limit:
        test_images, fer, ferplus = test_images[: args.limit], fer[: args.limit], ferplus[: args.limit]
    dev_images, dev_truth = load_dev_crops(args.dev_crops)
    results = []
    paths = sorted(glob.glob(os.path.join(args.run_dir, "epoch-*.pt")))
    for path in paths[-args.last :] if args.last else paths:
        epoch = int(os.path.basename(path)[6:9])
        if epoch < args.from_epoch:
            continue
        for variant in ("model", "ema"):
            logits = candidate_logits(path, variant, test_images, dev_images, torch.device(args.device))
            result = {
                "checkpoint": path,
                "epoch": epoch,
                "variant": variant,
                **evaluate_candidate(logits, fer, ferplus, dev_truth),
            }
            results.append(result)
            test, dev = result["publicTest"], result["devPhotos"]
            print(
                f"epoch {epoch:3d} {variant:5s}  PublicTest FER {test['fer']['accuracy']:.4f}"
                f" FER+ {test['ferplus']['accuracy']:.4f}"
                f" macro {test['fer']['macro_recall']:.4f} | dev {dev['accuracy']:.4f} sad {dev['recall'][2]:.2f}"
                f" | raw FER {result['uncalibrated']['publicTest']['fer']['accuracy']:.4f}"
                f" dev {result['uncalibrated']['devPhotos']['accuracy']:.4f} | score {result['selection_score']:.4f}",
                flush=True,
            )
    if not results:
        raise SystemExit(f"no epoch-*.pt in {args.run_dir}")
    best = max(results, key=lambda r: r["selection_score"])
    print("chosen:", json.dumps(best))
    if args.out:
        state = torch.load(best["checkpoint"], map_location="cpu")
        torch.save(
            {
                "model": state[best["variant"]],
                "epoch": state["epoch"],
                "args": state["args"],
                "calibration": {"scale": best["scale"], "offset": best["offset"]},
                "selection": best,
            },
            args.out,
        )
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
