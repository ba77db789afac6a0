"""Write test/fixtures/parity.json: deterministic inputs and PyTorch's probabilities for them.

    python3 training/make_parity_fixture.py training/runs/cpu48/best.pt test/fixtures/parity.json

The Node parity test (test/model/parity.test.ts) runs the same inputs through the exported
tfjs model and requires agreement to 1e-3, so CI checks the export without PyTorch.
"""

import argparse
import json

import numpy as np
import torch
import torch.nn.functional as F

from model import build_densenet121, normalise


def make_inputs(count=6, seed=7):
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:48, 0:48]
    images = [
        (xx * 255 / 47).astype(np.uint8),  # horizontal ramp
        (128 + 90 * np.sin(xx / 5.0) * np.cos(yy / 7.0)).astype(np.uint8),  # smooth pattern
    ]
    while len(images) < count:
        images.append(rng.integers(0, 256, size=(48, 48), dtype=np.uint8))
    return np.stack(images)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("checkpoint")
    parser.add_argument("out")
    args = parser.parse_args(argv)
    model = build_densenet121()
    model.load_state_dict(torch.load(args.checkpoint, map_location="cpu")["model"])
    model.eval()
    images = make_inputs()
    with torch.no_grad():
        x = torch.from_numpy(images).float().unsqueeze(1) / 255.0
        probabilities = F.softmax(model(normalise(x)), 1).numpy()
    with open(args.out, "w") as handle:
        json.dump({"images": images.reshape(len(images), -1).tolist(), "probabilities": probabilities.tolist()}, handle)
    print(f"wrote {args.out}: {len(images)} inputs")


if __name__ == "__main__":
    main()
