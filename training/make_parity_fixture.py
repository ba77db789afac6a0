"""Write test/fixtures/parity.json: deterministic inputs and PyTorch's probabilities for them.

    python3 training/make_parity_fixture.py models/mood-densenet121 test/fixtures/parity.json

PyTorch computes them with the shipped weights exactly as tfjs dequantises them (read back by
import_tfjs.py) and with model.py's preprocessing, so the Node parity test
(test/model/parity.test.ts), which runs the same inputs through the exported graph, checks the
export and the one definition of preprocessing to 1e-3, without PyTorch in CI. The inputs cover
what the preprocessing must handle: ordinary contrast, the same face darker and flatter (the
standardised input, hence the output, must not change), and a nearly flat dark crop (the
standard-deviation floor).
"""

import argparse
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

from import_tfjs import load_tfjs
from model import preprocess


def make_inputs(seed=7):
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:48, 0:48]
    pattern = 128 + 90 * np.sin(xx / 5.0) * np.cos(yy / 7.0)
    images = [
        xx * 255 / 47,  # horizontal ramp
        pattern,  # smooth pattern
        0.4 * (pattern - 128) + 60,  # the same pattern, darker and flatter
        20 + 3 * np.sin(xx / 3.0),  # nearly flat and dark: below the std floor
    ]
    images += [rng.integers(0, 256, size=(48, 48)) for _ in range(3)]
    return np.round(np.stack(images), 3).astype(np.float32)  # as written to the JSON


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model_dir", help="exported tfjs model folder")
    parser.add_argument("out")
    args = parser.parse_args(argv)
    model = load_tfjs(args.model_dir)
    with open(os.path.join(args.model_dir, "model.json")) as handle:
        img_size = json.load(handle)["userDefinedMetadata"].get("trainedInputSize", 48)
    images = make_inputs()
    with torch.no_grad():
        x = torch.from_numpy(images).unsqueeze(1)
        probabilities = F.softmax(model(preprocess(x, img_size)), 1).numpy()
    with open(args.out, "w") as handle:
        json.dump(
            {
                "images": [[round(float(v), 3) for v in image.ravel()] for image in images],
                "probabilities": probabilities.tolist(),
            },
            handle,
        )
    print(f"wrote {args.out}: {len(images)} inputs")


if __name__ == "__main__":
    main()
