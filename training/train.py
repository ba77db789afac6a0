"""Train DenseNet-121 (torchvision architecture, 1-channel stem) on the five FER2013 moods.

    python3 training/prepare_data.py ../shared/fer2013/fer2013.csv.gz training/data/fer5.npz
    python3 training/train.py --data training/data/fer5.npz --out training/runs/cpu48 --epochs 16
    # optional second cycle (warm restart) from the first run's best weights:
    python3 training/train.py --data training/data/fer5.npz --out training/runs/cpu48-cycle2 \
        --init training/runs/cpu48/best.pt --epochs 8 --lr 6e-4

Trains on `Training`, selects the checkpoint on `PublicTest` (never on anything else).
Every epoch writes <out>/last.pt (resumable with --resume) and, when validation accuracy
improves, <out>/best.pt; <out>/log.jsonl holds one JSON line per epoch.
"""

import argparse
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from model import build_densenet121, normalise


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help=".npz written by prepare_data.py")
    parser.add_argument("--out", required=True, help="run folder for checkpoints and the log")
    parser.add_argument("--epochs", type=int, default=16)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--optimizer", choices=["adamw", "sgd"], default="adamw")
    parser.add_argument("--lr", type=float, default=1.5e-3, help="peak learning rate (one-cycle)")
    parser.add_argument("--weight-decay", type=float, default=0.05)
    parser.add_argument("--label-smoothing", type=float, default=0.1)
    parser.add_argument("--img-size", type=int, default=48, help="train at this input size (48 = native)")
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--resume", action="store_true", help="continue from <out>/last.pt")
    parser.add_argument(
        "--init", help="start from this checkpoint's weights (a best.pt) with a fresh schedule: a second cycle"
    )
    parser.add_argument("--max-batches", type=int, default=0, help="stop each epoch after this many (smoke tests)")
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args(argv)


def load_split(path, usage):
    data = np.load(path)
    mask = data["usage"] == usage
    images = torch.from_numpy(data["images"][mask]).unsqueeze(1)  # N,1,48,48 uint8
    labels = torch.from_numpy(data["labels"][mask])
    return images, labels


def augment(batch):
    """Random flip, rotation (+-12 deg), scale (0.9-1.1), shift (+-8%) and one erased patch, batched."""
    n = batch.shape[0]
    angle = (torch.rand(n) * 2 - 1) * math.radians(12)
    scale = 1 + (torch.rand(n) * 2 - 1) * 0.1
    flip = torch.where(torch.rand(n) < 0.5, -1.0, 1.0)
    shift = (torch.rand(n, 2) * 2 - 1) * 0.08
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack(
        [torch.stack([cos * flip, -sin, shift[:, 0]], 1), torch.stack([sin * flip, cos, shift[:, 1]], 1)], 1
    )
    grid = F.affine_grid(theta, batch.shape, align_corners=False)
    out = F.grid_sample(batch, grid, padding_mode="border", align_corners=False)
    # Brightness/contrast jitter: webcam crops vary far more than FER2013's.
    gain = 1 + (torch.rand(n, 1, 1, 1) * 2 - 1) * 0.25
    bias = (torch.rand(n, 1, 1, 1) * 2 - 1) * 0.1
    out = (out - 0.5) * gain + 0.5 + bias
    # Random erasing of one patch per image (half the batch).
    size = out.shape[-1]
    for i in torch.nonzero(torch.rand(n) < 0.5).flatten().tolist():
        h, w = np.random.randint(size // 8, size // 3, size=2)
        y, x = np.random.randint(0, size - h), np.random.randint(0, size - w)
        out[i, :, y : y + h, x : x + w] = torch.rand(1).item()
    return out.clamp(0, 1)


def to_input(images_uint8, img_size, device):
    x = images_uint8.to(device=device, dtype=torch.float32) / 255.0
    if img_size != 48:
        x = F.interpolate(x, size=(img_size, img_size), mode="bilinear", align_corners=False)
    return x


@torch.no_grad()
def evaluate(model, images, labels, img_size, device, batch_size=256):
    model.eval()
    plain, flipped = [], []
    for start in range(0, len(images), batch_size):
        x = to_input(images[start : start + batch_size], img_size, device)
        p = F.softmax(model(normalise(x)), 1)
        pf = F.softmax(model(normalise(torch.flip(x, dims=[3]))), 1)
        plain.append(p.cpu())
        flipped.append(((p + pf) / 2).cpu())
    plain, flipped = torch.cat(plain), torch.cat(flipped)
    return {
        "val_acc": (plain.argmax(1) == labels).float().mean().item(),
        "val_acc_flip": (flipped.argmax(1) == labels).float().mean().item(),
    }


def main(argv=None):
    args = parse_args(argv)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    os.makedirs(args.out, exist_ok=True)
    device = torch.device(args.device)

    train_x, train_y = load_split(args.data, "Training")
    val_x, val_y = load_split(args.data, "PublicTest")
    model = build_densenet121().to(device)
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location=device)["model"])
        print(f"weights from {args.init}", flush=True)
    steps_per_epoch = math.ceil(len(train_x) / args.batch_size)
    if args.max_batches:
        steps_per_epoch = min(steps_per_epoch, args.max_batches)
    # From scratch on FER2013, SGD at CIFAR-style rates (0.05+) diverged here and 0.01 barely moved;
    # AdamW learns steadily.
    if args.optimizer == "sgd":
        optimizer = torch.optim.SGD(
            model.parameters(), lr=args.lr, momentum=0.9, nesterov=True, weight_decay=args.weight_decay
        )
    else:
        optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=args.lr, epochs=args.epochs, steps_per_epoch=steps_per_epoch, pct_start=0.2
    )
    start_epoch, best = 0, 0.0
    last_path, best_path = os.path.join(args.out, "last.pt"), os.path.join(args.out, "best.pt")
    if args.resume and os.path.exists(last_path):
        state = torch.load(last_path, map_location=device)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        start_epoch, best = state["epoch"] + 1, state["best"]
        print(f"resumed at epoch {start_epoch}, best {best:.4f}", flush=True)

    for epoch in range(start_epoch, args.epochs):
        model.train()
        order = torch.randperm(len(train_x))
        started, seen, loss_sum = time.time(), 0, 0.0
        for step in range(steps_per_epoch):
            idx = order[step * args.batch_size : (step + 1) * args.batch_size]
            x = augment(to_input(train_x[idx], args.img_size, "cpu")).to(device)
            y = train_y[idx].to(device)
            loss = F.cross_entropy(model(normalise(x)), y, label_smoothing=args.label_smoothing)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            scheduler.step()
            seen += len(idx)
            loss_sum += loss.item() * len(idx)
            if step % 50 == 0:
                rate = seen / (time.time() - started)
                print(f"epoch {epoch} step {step}/{steps_per_epoch} loss {loss.item():.4f} {rate:.0f} img/s", flush=True)
        metrics = evaluate(model, val_x, val_y, args.img_size, device)
        record = {
            "epoch": epoch,
            "train_loss": loss_sum / seen,
            **metrics,
            "lr": scheduler.get_last_lr()[0],
            "seconds": round(time.time() - started, 1),
            "img_size": args.img_size,
        }
        print(json.dumps(record), flush=True)
        with open(os.path.join(args.out, "log.jsonl"), "a") as log:
            log.write(json.dumps(record) + "\n")
        score = metrics["val_acc_flip"]
        if score > best:
            best = score
            torch.save({"model": model.state_dict(), "epoch": epoch, "metrics": metrics, "args": vars(args)}, best_path)
        state = {
            "model": model.state_dict(),
            "optimizer": optimizer.state_dict(),
            "scheduler": scheduler.state_dict(),
            "epoch": epoch,
            "best": best,
        }
        torch.save(state, last_path + ".tmp")
        os.replace(last_path + ".tmp", last_path)  # never leave a half-written checkpoint


if __name__ == "__main__":
    main()
