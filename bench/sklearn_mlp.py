#!/usr/bin/env python3
"""scikit-learn's MLPClassifier on the coat-dress workload (784-128-64-1 ReLU, Adam,
batch 64, 10 epochs), for a third point of comparison. One JSON line, as torch_fit.py.
  sklearn_mlp.py --threads N [--seed S]"""
import time
import warnings

from workloads import WORKLOADS, arguments, blas_cores, report

args = arguments(__doc__, workload="coat-dress")

from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

import fashion  # noqa: E402

threadpool_limits(args.threads)
w = WORKLOADS["coat-dress"]
xtr, ytr, xte, yte = fashion.load(fashion.class_numbers(w["classes"]))
model = MLPClassifier(hidden_layer_sizes=tuple(w["sizes"][1:-1]), activation="relu", solver="adam",
                      learning_rate_init=w["lr"], batch_size=w["batch"], max_iter=w["epochs"],
                      tol=0, n_iter_no_change=10 ** 9, random_state=args.seed)
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)
    start = time.perf_counter()
    model.fit(xtr, ytr)
    seconds = time.perf_counter() - start
report("scikit-learn", "coat-dress", args.threads, seconds, len(xtr) * w["epochs"], model.score(xte, yte),
       blas=blas_cores())
