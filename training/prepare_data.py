"""Convert a FER2013 CSV (plain or .gz) into compact arrays for training and evaluation.

Writes one compressed .npz with
- images (N,48,48) uint8: the original pixels, untouched (preprocessing lives in the model);
- labels (N,) int64: FER2013's own label in Moodtab mood order, -1 where it is not one of the five
  moods (fear, disgust);
- votes (N,5) float32: the FER+ crowd votes for the five moods, Moodtab order (zeros without them);
- other_votes (N,5) float32: FER+ votes for disgust, fear, contempt, unknown and not a face;
- usage (N,) strings.

Rows are kept when either labelling puts them among the five moods: FER2013's label is one of
them, or the FER+ five-mood votes have a strict majority winner. Which rows a training run then
uses (and how it weighs the two label sources) is train.py's business.

    python3 training/prepare_data.py ../shared/fer2013/fer2013.csv.gz training/data/fer5.npz
    # for the GPU machine, which carries at most 64 MiB with the repository: images LZMA-packed
    python3 training/prepare_data.py ../shared/fer2013/fer2013.csv.gz training/data/fer5-compact.npz --compact
"""

import argparse
import csv
import gzip
import lzma
import sys

import numpy as np

from moods import FER_TO_MOOD, FERPLUS_MOOD_COLUMNS, FERPLUS_OTHER_COLUMNS, ferplus_majority


def read_fer_csv(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or [])
        missing = {"emotion", "pixels", "Usage"} - columns
        if missing:
            raise SystemExit(f"{path}: missing column(s) {sorted(missing)}")
        has_votes = set(FERPLUS_MOOD_COLUMNS) <= columns
        images, labels, votes, other, usages = [], [], [], [], []
        for line, row in enumerate(reader, start=2):
            label = FER_TO_MOOD.get(int(row["emotion"]), -1)
            mood_votes = [float(row[c] or 0) for c in FERPLUS_MOOD_COLUMNS] if has_votes else [0.0] * 5
            other_votes = [float(row.get(c) or 0) for c in FERPLUS_OTHER_COLUMNS] if has_votes else [0.0] * 5
            if label < 0 and ferplus_majority(mood_votes, other_votes) < 0:
                continue
            pixels = np.array(row["pixels"].split(), dtype=np.uint8)
            if pixels.size != 48 * 48:
                raise SystemExit(f"{path}:{line}: expected 2304 pixels, got {pixels.size}")
            images.append(pixels.reshape(48, 48))
            labels.append(label)
            votes.append(mood_votes)
            other.append(other_votes)
            usages.append(row["Usage"])
    return {
        "images": np.stack(images),
        "labels": np.array(labels, dtype=np.int64),
        "votes": np.array(votes, dtype=np.float32),
        "other_votes": np.array(other, dtype=np.float32),
        "usage": np.array(usages),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", help="FER2013 CSV, plain or .gz")
    parser.add_argument("out", help="output .npz")
    parser.add_argument("--compact", action="store_true", help="LZMA-pack the images (smaller, slower to load)")
    args = parser.parse_args(argv)
    data = read_fer_csv(args.csv)
    if args.compact:
        images = data.pop("images")
        data["images_shape"] = np.array(images.shape)
        data["images_xz"] = np.frombuffer(lzma.compress(images.tobytes(), preset=9), np.uint8)
    np.savez_compressed(args.out, **data)
    majority = np.array([ferplus_majority(v, o) for v, o in zip(data["votes"], data["other_votes"])])
    for usage in sorted(set(data["usage"])):
        mask = data["usage"] == usage
        fer = np.bincount(data["labels"][mask & (data["labels"] >= 0)], minlength=5)
        plus = np.bincount(majority[mask & (majority >= 0)], minlength=5)
        print(
            f"{usage}: {mask.sum()} rows; FER2013 labels per mood {fer.tolist()};"
            f" FER+ majority per mood {plus.tolist()}",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()


def load_arrays(path):
    """The arrays of a file written by main(), whichever way its images were packed."""
    data = dict(np.load(path))
    if "images_xz" in data:
        shape = tuple(data.pop("images_shape"))
        data["images"] = np.frombuffer(lzma.decompress(data.pop("images_xz").tobytes()), np.uint8).reshape(shape)
    return data
