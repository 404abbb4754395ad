#!/usr/bin/env python3
"""A table with text columns and gaps, in nn and in scikit-learn, on the same split.

Generates train.csv and test.csv (two categorical columns, `region` decisive for the label and
`channel` weak; missing cells in numeric and text columns; a region in the test rows that the
training rows never have), then trains and scores:

  nn:           nn-data csv train.csv --categorical auto --impute mean --missing-indicator
                  | nn-data standardize | nn-fit ... --save m.nn
                nn-data csv test.csv --schema m.nn --test-size 1 | nn-eval --model m.nn --json
  scikit-learn: ColumnTransformer(numeric: SimpleImputer(mean, add_indicator),
                  categorical: SimpleImputer(most_frequent, add_indicator) + OneHotEncoder(
                  handle_unknown='ignore')) + StandardScaler + LogisticRegression or MLPClassifier

and prints a Markdown table of test accuracy, median over seeds (the model's seed; the data are
fixed). The nn programs come from $NN_BIN (default .build/release), scikit-learn from the venv
this runs in (scripts/bench's NN_BENCH_VENV).

  tables.py [--seeds 5] [--rows 3000] [--keep DIR]
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import warnings

import numpy as np

REGIONS = ["north", "south", "east", "west", "coast", "hills"]
REGION_EFFECT = dict(zip(REGIONS, [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]))
CHANNELS = ["web", "store", "phone"]
CHANNEL_EFFECT = dict(zip(CHANNELS, [0.3, 0.0, -0.3]))
COLUMNS = ["region", "channel", "x1", "x2", "x3", "label"]


def make_rows(rng, n, unknown_share):
    """Rows of raw cells: the label from region, x1 and x2 plus noise; then gaps and unknowns."""
    rows = []
    for _ in range(n):
        region = REGIONS[rng.integers(len(REGIONS))]
        channel = CHANNELS[rng.integers(len(CHANNELS))]
        x1, x2, x3 = rng.normal(0, 1), rng.normal(5, 2), rng.normal(0, 1)
        effect = REGION_EFFECT[region]
        if rng.random() < unknown_share:
            region, effect = "islands", 0.0          # never in the training rows
        logit = effect + CHANNEL_EFFECT[channel] + 1.0 * x1 - 0.5 * (x2 - 5) + rng.normal(0, 0.5)
        cells = [region, channel, f"{x1:.4f}", f"{x2:.4f}", f"{x3:.4f}", "yes" if logit > 0 else "no"]
        # Gaps, as a spreadsheet leaves them: NA and empty cells in numbers and in text.
        for column, share, token in [(2, 0.10, "NA"), (3, 0.08, ""), (0, 0.05, ""), (1, 0.05, "NA")]:
            if rng.random() < share:
                cells[column] = token
        rows.append(cells)
    return rows


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        w.writerows(rows)


def sklearn_arrays(rows):
    """Numeric columns as float (nan for a gap), text columns as objects (nan for a gap)."""
    num = np.array([[float(r[c]) if r[c] not in ("", "NA") else np.nan for c in (2, 3, 4)] for r in rows])
    cat = np.array([[r[c] if r[c] not in ("", "NA") else np.nan for c in (0, 1)] for r in rows], dtype=object)
    x = np.concatenate([cat, num.astype(object)], axis=1)
    y = np.array([r[5] == "yes" for r in rows], dtype=int)
    return x, y


def sklearn_accuracy(kind, seed, train, test):
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    encode = ColumnTransformer([
        ("categorical", make_pipeline(SimpleImputer(strategy="most_frequent", add_indicator=True),
                                      OneHotEncoder(handle_unknown="ignore")), [0, 1]),
        ("numeric", SimpleImputer(strategy="mean", add_indicator=True), [2, 3, 4]),
    ], sparse_threshold=0)
    model = (LogisticRegression(max_iter=1000) if kind == "logistic"
             else MLPClassifier(hidden_layer_sizes=(16,), max_iter=1000, random_state=seed))
    pipeline = make_pipeline(encode, StandardScaler(), model)
    (xtr, ytr), (xte, yte) = sklearn_arrays(train), sklearn_arrays(test)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pipeline.fit(xtr, ytr)
    return float(pipeline.score(xte, yte))


NN_MODELS = {
    # scikit-learn's LogisticRegression minimises C·Σ log loss + ||w||²/2 with C = 1: per row, the
    # mean log loss + λ/2·||w||² with λ = 1/n (--l2 is added in nn_accuracy, n being the
    # training rows). Without the penalty the optimum is not unique (a one-hot group plus its
    # indicator sums to 1, as the bias does), so where full-batch descent ends depends on the
    # initial weights.
    "logistic": ["--tol", "0", "--iterations", "20000"],
    # scikit-learn's MLPClassifier defaults: 16 ReLU units, Adam with lr 0.001, batches of 200.
    "mlp": ["--hidden", "16", "--activation", "relu", "--adam", "--lr", "0.001", "--batch-size", "200", "--epochs", "200"],
}


def nn_accuracy(kind, seed, directory, binaries, train_rows):
    def program(name):
        return os.path.join(binaries, name)
    model = os.path.join(directory, f"{kind}-{seed}.nn")
    train = subprocess.Popen([program("nn-data"), "csv", os.path.join(directory, "train.csv"), "--label", "label",
                              "--categorical", "auto", "--impute", "mean", "--missing-indicator", "--test-size", "0"],
                             stdout=subprocess.PIPE)
    standardize = subprocess.Popen([program("nn-data"), "standardize"], stdin=train.stdout, stdout=subprocess.PIPE)
    options = NN_MODELS[kind] + (["--l2", f"{1 / train_rows:.6g}"] if kind == "logistic" else [])
    fit = subprocess.run([program("nn-fit"), "--seed", str(seed), "--quiet", "--save", model] + options,
                         stdin=standardize.stdout, stdout=subprocess.DEVNULL, check=True)
    for p in (train, standardize):
        if p.wait() != 0:
            sys.exit(f"tables.py: {p.args[:2]} failed")
    del fit
    test = subprocess.Popen([program("nn-data"), "csv", os.path.join(directory, "test.csv"), "--label", "label",
                             "--schema", model, "--test-size", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    scores = subprocess.run([program("nn-eval"), "--model", model, "--json"], stdin=test.stdout,
                            capture_output=True, check=True)
    note = test.stderr.read().decode()
    if test.wait() != 0:
        sys.exit(f"tables.py: nn-data csv --schema failed: {note}")
    return json.loads(scores.stdout)["test"]["accuracy"], note.strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--keep", help="write the CSV files and models here and keep them")
    args = parser.parse_args()
    binaries = os.environ.get("NN_BIN", ".build/release")
    directory = args.keep or tempfile.mkdtemp(prefix="nn-tables-")
    os.makedirs(directory, exist_ok=True)
    try:
        rng = np.random.default_rng(19)
        n_test = args.rows // 4
        train, test = make_rows(rng, args.rows - n_test, 0.0), make_rows(rng, n_test, 0.05)
        write_csv(os.path.join(directory, "train.csv"), train)
        write_csv(os.path.join(directory, "test.csv"), test)
        unknown = sum(r[0] == "islands" for r in test)
        print(f"{len(train)} training rows, {len(test)} test rows ({unknown} with the unknown region); "
              f"test accuracy, median of {args.seeds} seeds (min-max)\n")
        print("| model | nn | scikit-learn |")
        print("|---|---|---|")
        notes = set()
        for kind in NN_MODELS:
            ours, theirs = [], []
            for seed in range(1, args.seeds + 1):
                accuracy, note = nn_accuracy(kind, seed, directory, binaries, len(train))
                ours.append(accuracy)
                notes.add(note)
                theirs.append(sklearn_accuracy(kind, seed, train, test))

            def show(v):
                return f"{statistics.median(v):.4f} ({min(v):.4f}-{max(v):.4f})"
            print(f"| {kind} | {show(ours)} | {show(theirs)} |")
        for note in sorted(notes):
            print(f"\n{note}")
    finally:
        if not args.keep:
            shutil.rmtree(directory)


if __name__ == "__main__":
    main()
