#!/usr/bin/env python3
"""NumPy reference for per-sample SGD (784-16-1 sigmoid, coat vs dress, lr 0.005,
48000 steps, init normal(0, 0.01)): one sample per step, vectorised within the step.
Prints one JSON line with the time of the training loop alone.
  numpy_sgd.py --threads N [--seed S]"""
import time

from workloads import WORKLOADS, arguments, blas_cores, report

args = arguments(__doc__, workload="sgd")

import numpy as np  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

import fashion  # noqa: E402

threadpool_limits(args.threads)
w = WORKLOADS["sgd"]
xtr, ytr, xte, yte = fashion.load(fashion.class_numbers(w["classes"]))
ytr = ytr.astype(np.float32)
rng = np.random.default_rng(args.seed)
n_in, hidden, _ = w["sizes"]
w1 = (rng.standard_normal((hidden, n_in)) * 0.01).astype(np.float32)
b1 = np.zeros(hidden, np.float32)
w2 = (rng.standard_normal(hidden) * 0.01).astype(np.float32)
b2 = np.float32(0)
lr = np.float32(w["lr"])
picks = rng.integers(0, len(xtr), w["steps"])

start = time.perf_counter()
for i in picks:
    x = xtr[i]
    h = 1 / (1 + np.exp(-(w1 @ x + b1)))          # hidden sigmoid units
    p_ = 1 / (1 + np.exp(-(w2 @ h + b2)))          # P(class 1)
    dz = p_ - ytr[i]                               # d(BCE)/dz
    dh = dz * w2 * h * (1 - h)
    w2 -= lr * dz * h
    b2 -= lr * dz
    w1 -= np.outer(lr * dh, x)
    b1 -= lr * dh
seconds = time.perf_counter() - start

z = (1 / (1 + np.exp(-(xte @ w1.T + b1)))) @ w2 + b2
accuracy = ((z > 0).astype(np.int64) == yte).mean()
report("numpy", "sgd", args.threads, seconds, w["steps"], accuracy,
       version=np.__version__, blas=blas_cores())
