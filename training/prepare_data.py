"""Convert a FER2013 CSV (emotion,pixels,Usage; plain or .gz) into compact uint8 arrays.

Writes one compressed .npz with images (N,48,48) uint8, labels (N,) int64 in Moodtab mood
order, and usage (N,) strings; rows with emotions outside the five moods are dropped.

    python3 training/prepare_data.py ../shared/fer2013/fer2013.csv.gz training/data/fer5.npz
"""

import argparse
import csv
import gzip
import io
import sys

import numpy as np

from moods import FER_TO_MOOD


def read_fer_csv(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"emotion", "pixels", "Usage"} - set(reader.fieldnames or [])
        if missing:
            raise SystemExit(f"{path}: missing column(s) {sorted(missing)}")
        images, labels, usages = [], [], []
        for line, row in enumerate(reader, start=2):
            mood = FER_TO_MOOD.get(int(row["emotion"]))
            if mood is None:
                continue
            pixels = np.array(row["pixels"].split(), dtype=np.uint8)
            if pixels.size != 48 * 48:
                raise SystemExit(f"{path}:{line}: expected 2304 pixels, got {pixels.size}")
            images.append(pixels.reshape(48, 48))
            labels.append(mood)
            usages.append(row["Usage"])
    return np.stack(images), np.array(labels, dtype=np.int64), np.array(usages)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", help="FER2013 CSV, plain or .gz")
    parser.add_argument("out", help="output .npz")
    args = parser.parse_args(argv)
    images, labels, usages = read_fer_csv(args.csv)
    np.savez_compressed(args.out, images=images, labels=labels, usage=usages)
    for usage in sorted(set(usages)):
        mask = usages == usage
        counts = np.bincount(labels[mask], minlength=5)
        print(f"{usage}: {mask.sum()} images, per mood {counts.tolist()}", file=sys.stderr)


if __name__ == "__main__":
    main()
