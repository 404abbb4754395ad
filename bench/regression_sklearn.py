#!/usr/bin/env python3
"""scikit-learn's regressors on the rows of an nn-stream read from stdin (the same train/test
split nn-fit sees): least squares, Ridge(alpha=1e-6·n) and MLPRegressor(hidden_layer_sizes=(64,))
with its defaults (ReLU, Adam, lr 0.001, batch 200, up to 200 epochs with its early tolerance).
Features and targets standardised on the training rows, as nn-data standardize --target does;
R² on the test rows in the original units. One JSON line.
  nn-data friedman1 --samples 2000 --noise 1 --seed 1 | regression_sklearn.py --seed 1"""
import argparse
import json
import sys
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression, Ridge
from sklearn.metrics import r2_score
from sklearn.neural_network import MLPRegressor


def read_stream(lines):
    """The f32 sections of an nn-stream, by name (enough of docs/FORMAT.md for nn-data's output)."""
    sections, i = {}, 1
    while i < len(lines) and lines[i] != "@end":
        line = lines[i]
        i += 1
        if line.startswith("#"):
            continue
        name, _, shape = line[1:].split(" ")[:3]
        rows, cols = (int(v) for v in shape.split("x"))
        sections[name] = np.array([[float(v) for v in row.split()] for row in lines[i:i + rows]]).reshape(rows, cols)
        i += rows
    return sections


parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
s = read_stream(sys.stdin.read().split("\n"))
xtr, ytr, xte, yte = s["train.x"], s["train.y"][:, 0], s["test.x"], s["test.y"][:, 0]
mean, std = xtr.mean(0), xtr.std(0)
xtr, xte = (xtr - mean) / std, (xte - mean) / std
ym, ys = ytr.mean(), ytr.std()
out = {"rows": [len(xtr), len(xte)]}
out["least_squares_r2"] = r2_score(yte, LinearRegression().fit(xtr, ytr).predict(xte))
out["ridge_r2"] = r2_score(yte, Ridge(alpha=1e-6 * len(xtr)).fit(xtr, ytr).predict(xte))
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)
    mlp = MLPRegressor(hidden_layer_sizes=(64,), random_state=args.seed).fit(xtr, (ytr - ym) / ys)
out["mlp64_r2"] = r2_score(yte, mlp.predict(xte) * ys + ym)
print(json.dumps(out))
