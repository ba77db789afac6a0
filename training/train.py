"""Train DenseNet-121 (torchvision architecture, 1-channel stem) on the five FER2013 moods.

    python3 training/prepare_data.py ../shared/fer2013/fer2013.csv.gz training/data/fer5.npz
    # a cycle timed by the clock (ends annealed after --time-budget seconds, whatever the speed):
    python3 training/train.py --data training/data/fer5.npz --out training/runs/v2 \
        --targets mix --init-tfjs models/mood-densenet121 --lr 6e-4 --time-budget 9000
    # or by epochs; --init continues from an earlier run's epoch-<k>.pt with a fresh cycle
    python3 training/train.py --data training/data/fer5.npz --out training/runs/v3 \
        --init training/runs/v2/epoch-020.pt --epochs 10 --lr 3e-4

Targets (--targets): `fer` is FER2013's own label; `ferplus` is the FER+ crowd-vote distribution
over the five moods (faces whose votes mostly say unknown, not a face, fear or disgust are left
out); `mix` is a weighted sum of both (--fer-weight), for faces that have only one of them that
one. Trains on `Training`; reports PublicTest under both labelings (never anything else).
Every epoch writes <out>/last.pt (resumable with --resume), <out>/epoch-<k>.pt (the weights,
plain and EMA, for choose.py to choose from) and one JSON line in <out>/log.jsonl.
"""

import argparse
import copy
import json
import math
import os
import shutil
import time

import numpy as np
import torch
import torch.nn.functional as F

from augment import augment
from import_tfjs import load_tfjs, recalibrate_batchnorm
from model import build_densenet121, preprocess, standardise
from moods import ferplus_majority
from prepare_data import load_arrays


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help=".npz written by prepare_data.py")
    parser.add_argument("--out", required=True, help="run folder for checkpoints and the log")
    parser.add_argument("--targets", choices=["fer", "ferplus", "mix"], default="mix")
    parser.add_argument("--fer-weight", type=float, default=0.5, help="weight of FER2013's label in `mix`")
    parser.add_argument(
        "--min-mood-share", type=float, default=0.5, help="FER+ votes used only above this five-mood share"
    )
    parser.add_argument(
        "--distill",
        help="N x 5 float32 teacher probabilities, one row per .npz row (npm run expression-targets)",
    )
    parser.add_argument("--distill-weight", type=float, default=0.3, help="share of the teacher in each target")
    parser.add_argument(
        "--logit-adjust",
        type=float,
        default=0.0,
        help="tau: train on logits + tau * log(mood prior) so the raw logits aim at balanced recall",
    )
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--lr", type=float, default=8e-4, help="peak learning rate (one-cycle, AdamW)")
    parser.add_argument("--warmup", type=float, default=0.15, help="fraction of the steps spent warming up")
    parser.add_argument("--weight-decay", type=float, default=0.05)
    parser.add_argument("--label-smoothing", type=float, default=0.05)
    parser.add_argument("--ema", type=float, default=0.999, help="decay of the weights' moving average")
    parser.add_argument("--img-size", type=int, default=48, help="train at this input size (48 = native)")
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--amp", action="store_true", help="bfloat16 autocast (GPU)")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--resume", action="store_true", help="continue from <out>/last.pt")
    parser.add_argument("--init", help="start from this checkpoint's weights (epoch-<k>.pt or last.pt)")
    parser.add_argument("--init-weights", choices=["model", "ema"], default="model", help="which weights --init takes")
    parser.add_argument("--init-tfjs", help="start from a shipped tfjs model folder (its checkpoint is gone)")
    parser.add_argument(
        "--time-budget", type=float, default=0, help="seconds: a cycle timed by the clock instead of --epochs"
    )
    parser.add_argument("--max-batches", type=int, default=0, help="stop each epoch after this many (smoke tests)")
    parser.add_argument("--val-limit", type=int, default=0, help="score only this many PublicTest faces (smoke tests)")
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args(argv)


def soft_targets(data, mode, fer_weight, min_mood_share):
    """(row indices, N x 5 target distributions) for the chosen label source."""
    labels, votes, other = data["labels"], data["votes"], data["other_votes"]
    mood_votes = votes.sum(1)
    has_votes = (mood_votes > 0) & (mood_votes >= min_mood_share * (mood_votes + other.sum(1)))
    vote_dist = votes / np.maximum(mood_votes, 1)[:, None]
    one_hot = np.eye(5, dtype=np.float32)[np.clip(labels, 0, 4)]
    has_label = labels >= 0
    if mode == "fer":
        rows, targets = has_label, one_hot
    elif mode == "ferplus":
        rows, targets = has_votes, vote_dist
    else:
        w = np.where(has_label & has_votes, fer_weight, np.where(has_label, 1.0, 0.0))[:, None]
        rows, targets = has_label | has_votes, w * one_hot + (1 - w) * vote_dist
    index = np.nonzero(rows)[0]
    return index, targets[index].astype(np.float32)


def load_data(path, usage, distill=None):
    data = load_arrays(path)
    if distill:
        teacher = np.fromfile(distill, dtype=np.float32)
        if teacher.size != len(data["usage"]) * 5:
            raise SystemExit(f"{distill}: {teacher.size // 5} rows, the data has {len(data['usage'])}")
        data["teacher"] = teacher.reshape(-1, 5)
    mask = data["usage"] == usage
    keys = ("images", "labels", "votes", "other_votes") + (("teacher",) if distill else ())
    return {key: data[key][mask] for key in keys}


def with_teacher(data, index, targets, weight):
    """Each target moved toward the teacher's reading of the same face (knowledge distillation)."""
    return ((1 - weight) * targets + weight * data["teacher"][index]).astype(np.float32)


def to_input(images_uint8, img_size, device):
    """uint8 N,1,48,48 -> float N,1,S,S in [0, 1]."""
    x = images_uint8.to(device=device, dtype=torch.float32) / 255.0
    if img_size != 48:
        x = F.interpolate(x, size=(img_size, img_size), mode="bilinear", align_corners=False)
    return x


def forward(model, x01):
    # channels_last: 1.4x faster DenseNet steps on CPU (measured here), no slower on GPU.
    return model(standardise(x01 * 255.0).contiguous(memory_format=torch.channels_last))


@torch.no_grad()
def predict(model, images_uint8, img_size, device, batch_size=256):
    """Flip-averaged logits (mean of plain and mirrored), as the extension averages."""
    model.eval()
    out = []
    for start in range(0, len(images_uint8), batch_size):
        x = to_input(images_uint8[start : start + batch_size], img_size, device)
        out.append(((forward(model, x) + forward(model, torch.flip(x, dims=[3]))) / 2).float().cpu())
    return torch.cat(out)


def scores(logits, data):
    """Accuracy under FER2013's labels and the FER+ majority, their macro recalls, and NLL."""
    pred = logits.argmax(1).numpy()
    labels = data["labels"]
    majority = np.array([ferplus_majority(v, o) for v, o in zip(data["votes"], data["other_votes"])])
    result = {}
    for name, truth in (("fer", labels), ("ferplus", majority)):
        keep = truth >= 0
        recall = [float((pred[keep & (truth == c)] == c).mean()) for c in range(5)]
        result[f"{name}_acc"] = float((pred[keep] == truth[keep]).mean())
        result[f"{name}_macro_recall"] = float(np.mean(recall))
        result[f"{name}_recall"] = [round(r, 4) for r in recall]
    keep = labels >= 0
    result["fer_nll"] = float(F.cross_entropy(logits[keep], torch.from_numpy(labels[keep])).item())
    return result


class OneCycle:
    """One-cycle learning rate (cosine warm-up to --lr, cosine anneal to ~0), as a function of
    progress: steps done out of the planned epochs, or, with --time-budget, seconds spent out of
    the budget. A time-based cycle always ends annealed on time, however fast the shared CPU (or
    the lent GPU) turns out to be."""

    def __init__(self, args, steps_per_epoch):
        self.peak, self.warmup = args.lr, args.warmup
        self.budget = args.time_budget
        self.total_steps = args.epochs * steps_per_epoch

    def progress(self, step, elapsed):
        return min(1.0, elapsed / self.budget if self.budget else step / self.total_steps)

    def lr(self, progress):
        start, end = self.peak / 25, self.peak / 25e4
        if progress < self.warmup:
            return start + (self.peak - start) * (1 - math.cos(math.pi * progress / self.warmup)) / 2
        q = (progress - self.warmup) / (1 - self.warmup)
        return end + (self.peak - end) * (1 + math.cos(math.pi * q)) / 2


def main(argv=None):
    args = parse_args(argv)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    device = torch.device(args.device)

    train = load_data(args.data, "Training", args.distill)
    val = load_data(args.data, "PublicTest")
    if args.val_limit:
        val = {key: value[: args.val_limit] for key, value in val.items()}
    index, targets = soft_targets(train, args.targets, args.fer_weight, args.min_mood_share)
    if args.distill:
        targets = with_teacher(train, index, targets, args.distill_weight)
    # Logit adjustment (Menon et al., ICLR 2021): the prior is added in the loss only, so the
    # model's own logits are free of it and favour no mood for being common.
    prior_shift = torch.from_numpy(args.logit_adjust * np.log(targets.mean(0) / targets.mean(0).sum())).float()
    train_x = torch.from_numpy(train["images"][index]).unsqueeze(1)
    train_t = torch.from_numpy(targets)
    val_x = torch.from_numpy(val["images"]).unsqueeze(1)
    print(
        f"{len(index)} training faces ({args.targets}); target mass per mood {targets.sum(0).round().tolist()}",
        flush=True,
    )

    model = build_densenet121()
    if args.init_tfjs:
        model = load_tfjs(args.init_tfjs)
        sample = train_x[torch.randperm(len(train_x))[:2048]]
        batches = [forward_input(sample[i : i + 256], args.img_size) for i in range(0, len(sample), 256)]
        recalibrate_batchnorm(model, batches)
        print(f"weights from {args.init_tfjs}, batch norms recalibrated on 2048 faces", flush=True)
        # The shipped model's history, for the provenance chain once that model is replaced.
        shutil.copy(os.path.join(args.init_tfjs, "PROVENANCE.json"), os.path.join(args.out, "init-PROVENANCE.json"))
    elif args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu")[args.init_weights])
        print(f"weights from {args.init} ({args.init_weights})", flush=True)
    model = model.to(device, memory_format=torch.channels_last)
    ema = copy.deepcopy(model).eval()
    ema_floats, model_floats, ema_counts, model_counts = ema_pairs(ema, model)
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True  # fixed input sizes: let cuDNN pick its fastest kernels

    steps_per_epoch = math.ceil(len(train_x) / args.batch_size)
    if args.max_batches:
        steps_per_epoch = min(steps_per_epoch, args.max_batches)
    schedule = OneCycle(args, steps_per_epoch)
    optimizer = torch.optim.AdamW(model.parameters(), lr=schedule.lr(0), weight_decay=args.weight_decay)
    start_epoch, global_step, spent = 0, 0, 0.0
    last_path = os.path.join(args.out, "last.pt")
    if args.resume and os.path.exists(last_path):
        state = torch.load(last_path, map_location=device)
        for key in ("epochs", "time_budget", "max_batches", "lr"):
            if state["args"][key] != getattr(args, key):
                raise SystemExit(f"--resume needs the run's own --{key.replace('_', '-')} {state['args'][key]}")
        model.load_state_dict(state["model"])
        ema.load_state_dict(state["ema"])
        optimizer.load_state_dict(state["optimizer"])
        torch.set_rng_state(state["rng"])
        start_epoch, global_step, spent = state["epoch"] + 1, state["step"], state["seconds"]
        print(f"resumed at epoch {start_epoch} ({spent:.0f} s spent)", flush=True)

    clock = time.time() - spent  # the schedule's time runs on across resumes
    progress = schedule.progress(global_step, spent)
    epoch = start_epoch
    while progress < 1.0 and (args.time_budget or epoch < args.epochs):
        model.train()
        order = torch.randperm(len(train_x))
        started, seen, loss_sum = time.time(), 0, 0.0
        for step in range(steps_per_epoch):
            progress = schedule.progress(global_step, time.time() - clock)
            if progress >= 1.0:
                break  # time is up: evaluate and save what the annealed cycle reached
            lr = schedule.lr(progress)
            for group in optimizer.param_groups:
                group["lr"] = lr
            idx = order[step * args.batch_size : (step + 1) * args.batch_size]
            x = augment(to_input(train_x[idx], args.img_size, device))
            target = train_t[idx].to(device)
            target = target * (1 - args.label_smoothing) + args.label_smoothing / 5
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=args.amp):
                logits = forward(model, x)
            loss = torch.sum(-target * F.log_softmax(logits.float() + prior_shift.to(device), 1), 1).mean()
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            global_step += 1
            with torch.no_grad():
                decay = min(args.ema, (1 + global_step) / (10 + global_step))
                # One fused call per list: a loop over ~1,000 tensors costs more than a GPU step.
                torch._foreach_mul_(ema_floats, decay)
                torch._foreach_add_(ema_floats, model_floats, alpha=1 - decay)
                for e, p in zip(ema_counts, model_counts):
                    e.copy_(p)
            seen += len(idx)
            loss_sum += loss.item() * len(idx)
            if step % 50 == 0:
                rate = seen / (time.time() - started)
                print(
                    f"epoch {epoch} step {step}/{steps_per_epoch} loss {loss.item():.4f} lr {lr:.2e} {rate:.0f} img/s",
                    flush=True,
                )
        progress = schedule.progress(global_step, time.time() - clock)
        record = {
            "epoch": epoch,
            "train_loss": loss_sum / max(seen, 1),
            "faces": seen,
            "lr": schedule.lr(progress),
            "progress": round(progress, 4),
            "seconds": round(time.time() - started, 1),
            "img_size": args.img_size,
            "plain": scores(predict(model, val_x, args.img_size, device), val),
            "ema": scores(predict(ema, val_x, args.img_size, device), val),
        }
        print(json.dumps(record), flush=True)
        with open(os.path.join(args.out, "log.jsonl"), "a") as log:
            log.write(json.dumps(record) + "\n")
        snapshot = {"model": model.state_dict(), "ema": ema.state_dict(), "epoch": epoch, "args": vars(args)}
        torch.save(snapshot, os.path.join(args.out, f"epoch-{epoch:03d}.pt"))
        state = {
            **snapshot,
            "optimizer": optimizer.state_dict(),
            "rng": torch.get_rng_state(),
            "step": global_step,
            "seconds": time.time() - clock,
        }
        torch.save(state, last_path + ".tmp")
        os.replace(last_path + ".tmp", last_path)  # never leave a half-written checkpoint
        epoch += 1


def ema_pairs(ema, model):
    """The EMA model's tensors beside the model's (state_dict views share their storage): the
    floating ones, averaged, and the integer ones (batch-norm counters), copied."""
    pairs = list(zip(ema.state_dict().values(), model.state_dict().values()))
    floats = [pair for pair in pairs if pair[0].dtype.is_floating_point]
    counts = [pair for pair in pairs if not pair[0].dtype.is_floating_point]
    return [e for e, _ in floats], [p for _, p in floats], [e for e, _ in counts], [p for _, p in counts]


def forward_input(images_uint8, img_size=48):
    """The network's input for a batch of uint8 faces at the training size (batch-norm recalibration)."""
    return preprocess(images_uint8.float(), img_size)


if __name__ == "__main__":
    main()
