"""Fit the blend of the DenseNet and face-api.js's expression net: one weight and a temperature.

    npm run eval:photos -- ../shared/realphoto-dev ../shared/realphoto-dev/labels.csv \
        --readings-out artifacts/blend/dev.json
    npm run eval:photos -- ../shared/realphoto-persons ../shared/realphoto-persons/labels.csv \
        --readings-out artifacts/blend/persons.json
    npm run eval -- --data ../shared/fer2013/fer2013.csv.gz --usage PublicTest \
        --readings-out artifacts/blend/public-test.json
    python3 training/fit_blend.py artifacts/blend/dev.json artifacts/blend/persons.json \
        --public-test artifacts/blend/public-test.json

The blend is softmax((w * log p_densenet + (1 - w) * log p_expression) / T), the same formula as
src/recognition/blend.ts. PublicTest's 48x48 grey faces undersell the expression net (it was made
for real photos), so w and T are fitted on the real photos (dev and persons, 532 together) by
negative log-likelihood, the smooth criterion that fits two numbers without chasing single photos.
The weight is taken only where PublicTest's decision score (calibrate.decision_score) stays within
--public-test-tolerance of the DenseNet alone. Accuracy is reported with a bootstrap 95% interval
(photos resampled; a photo whose face was not found counts as wrong), and paired against each
model alone. Prints a table and, last, a JSON line with the chosen parameters.
"""

import argparse
import json

import numpy as np

from calibrate import decision_score
from moods import MOODS

EPS = 1e-7


def load_photos(paths):
    """Readings of photos whose face was found, and how many were not found."""
    densenet, expression, truth, missed = [], [], [], 0
    for path in paths:
        with open(path) as handle:
            for reading in json.load(handle)["readings"]:
                if reading["densenet"] is None:
                    missed += 1
                    continue
                densenet.append([reading["densenet"][m] for m in MOODS])
                expression.append([reading["expression"][m] for m in MOODS])
                truth.append(MOODS.index(reading["mood"]))
    return np.log(np.maximum(densenet, EPS)), np.log(np.maximum(expression, EPS)), np.array(truth), missed


def load_public_test(path):
    with open(path) as handle:
        readings = json.load(handle)["readings"]
    densenet = np.log(np.maximum([[r["densenet"][m] for m in MOODS] for r in readings], EPS))
    expression = np.log(np.maximum([[r["expression"][m] for m in MOODS] for r in readings], EPS))
    label = lambda key: np.array([MOODS.index(r[key]) if r.get(key) else -1 for r in readings])  # noqa: E731
    return densenet, expression, label("fer"), label("ferPlus")


def blend(log_densenet, log_expression, weight, temperature=1.0):
    z = (weight * log_densenet + (1 - weight) * log_expression) / temperature
    z = z - z.max(1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(1, keepdims=True)


def nll(prob, truth):
    return float(-np.log(np.maximum(prob[np.arange(len(truth)), truth], 1e-12)).mean())


def recall(prob, truth):
    pred = prob.argmax(1)
    return [float((pred[truth == c] == c).mean()) if (truth == c).any() else float("nan") for c in range(len(MOODS))]


def bootstrap_accuracy(correct, n_total, rng, rounds=2000):
    """95% interval of accuracy over all photos (not-found ones as wrong), photos resampled."""
    padded = np.concatenate([correct.astype(float), np.zeros(n_total - len(correct))])
    samples = rng.integers(0, n_total, size=(rounds, n_total))
    means = padded[samples].mean(1)
    return padded, [round(float(np.percentile(means, 2.5)), 4), round(float(np.percentile(means, 97.5)), 4)]


def paired_interval(a, b, rng, rounds=2000):
    samples = rng.integers(0, len(a), size=(rounds, len(a)))
    diffs = (a[samples] - b[samples]).mean(1)
    return [round(float(np.percentile(diffs, 2.5)), 4), round(float(np.percentile(diffs, 97.5)), 4)]


def fit_temperature(log_densenet, log_expression, truth, weight):
    grid = np.exp(np.linspace(np.log(0.3), np.log(3.0), 121))
    return float(min(grid, key=lambda t: nll(blend(log_densenet, log_expression, weight, t), truth)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("photos", nargs="+", help="readings JSON of eval:photos --readings-out")
    parser.add_argument("--public-test", required=True, help="readings JSON of eval --readings-out")
    parser.add_argument("--public-test-tolerance", type=float, default=0.002)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)

    log_d, log_e, truth, missed = load_photos(args.photos)
    n_total = len(truth) + missed
    pt_d, pt_e, fer, ferplus = load_public_test(args.public_test)
    baseline_pt = decision_score(blend(pt_d, pt_e, 1.0), fer, ferplus)

    rows = []
    for weight in np.round(np.linspace(0, 1, 21), 2):
        prob = blend(log_d, log_e, weight)
        pt_prob = blend(pt_d, pt_e, weight)
        rows.append(
            {
                "weight": float(weight),
                "photo_nll": nll(prob, truth),
                "photo_accuracy": float((prob.argmax(1) == truth).sum() / n_total),
                "photo_macro_recall": float(np.nanmean(recall(prob, truth))),
                "public_test_decision": decision_score(pt_prob, fer, ferplus),
            }
        )
        r = rows[-1]
        print(
            f"w {weight:.2f}  photos NLL {r['photo_nll']:.4f} acc {r['photo_accuracy']:.4f}"
            f" macro {r['photo_macro_recall']:.4f} | PublicTest decision {r['public_test_decision']:.4f}"
        )
    allowed = [r for r in rows if r["public_test_decision"] >= baseline_pt - args.public_test_tolerance]
    best = min(allowed, key=lambda r: r["photo_nll"])
    weight = best["weight"]
    temperature = fit_temperature(log_d, log_e, truth, weight)
    prob = blend(log_d, log_e, weight, temperature)
    correct = prob.argmax(1) == truth
    padded, interval = bootstrap_accuracy(correct, n_total, rng)
    alone = {}
    for name, w in (("densenet", 1.0), ("expression", 0.0)):
        other, other_interval = bootstrap_accuracy(blend(log_d, log_e, w).argmax(1) == truth, n_total, rng)
        alone[name] = {
            "accuracy": round(float(other.mean()), 4),
            "interval": other_interval,
            "blend_minus_this": paired_interval(padded, other, rng),
        }
    pt_prob = blend(pt_d, pt_e, weight, temperature)
    result = {
        "weight": weight,
        "temperature": round(temperature, 4),
        "photos": n_total,
        "not_found": missed,
        "accuracy": round(float(padded.mean()), 4),
        "interval": interval,
        "recall": dict(zip(MOODS, [round(r, 4) for r in recall(prob, truth)])),
        "alone": alone,
        "public_test": {
            "decision": round(decision_score(pt_prob, fer, ferplus), 4),
            "densenet_decision": round(baseline_pt, 4),
            "fer_accuracy": round(float((pt_prob.argmax(1) == fer)[fer >= 0].mean()), 4),
            "ferplus_accuracy": round(float((pt_prob.argmax(1) == ferplus)[ferplus >= 0].mean()), 4),
        },
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
