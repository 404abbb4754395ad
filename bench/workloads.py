"""The three nn-fit benchmark workloads, shared by every reference implementation."""
import argparse
import json
import os
import sys

WORKLOADS = {
    # The reference recipe: coat vs dress, 784-16-1 sigmoid, one random sample per step.
    "sgd": dict(classes="dress,coat", sizes=[784, 16, 1], activation="sigmoid",
                optimizer="sgd", lr=0.005, steps=48000, batch=1, init="normal:0.01"),
    "coat-dress": dict(classes="dress,coat", sizes=[784, 128, 64, 1], activation="relu",
                       optimizer="adam", lr=0.001, epochs=10, batch=64),
    "fashion10": dict(classes=None, sizes=[784, 256, 128, 10], activation="relu",
                      optimizer="adam", lr=0.001, epochs=10, batch=128),
    # The CNN of issue 15: conv 32 3x3 pad 1, ReLU, max-pool 2, conv 64 3x3 pad 1, ReLU,
    # max-pool 2, dense 128 ReLU, output; two epochs of coat vs dress.
    "cnn-coat-dress": dict(classes="dress,coat", conv=[32, 64], image=28, sizes=[64 * 7 * 7, 128, 1],
                           activation="relu", optimizer="adam", lr=0.001, epochs=2, batch=128),
}


def report(impl, workload, threads, seconds, samples, test_accuracy, **extra):
    """One JSON line on stdout: the training loop's time, as measured (bench/table.py
    judges it and works out samples/s), the samples it processed, and what it reached."""
    row = dict(impl=impl, workload=workload, threads=threads, seconds=seconds, samples=samples,
               test_accuracy=round(float(test_accuracy), 4))
    row.update(extra)
    print(json.dumps(row))
    sys.stdout.flush()


def blas_cores():
    """The BLAS libraries loaded in this process and the kernels each picked, e.g.
    'openblas:SkylakeX' (threadpoolctl; call after importing numpy)."""
    from threadpoolctl import threadpool_info
    return ",".join(sorted({f"{i['internal_api']}:{i.get('architecture', '?')}"
                            for i in threadpool_info() if i.get("user_api") == "blas"}))


def arguments(doc, workload=None):
    """Parses a reference script's command line (the workload, unless the script has
    only one, --threads, --seed) and pins the math libraries to that many threads;
    call before importing numpy or torch."""
    p = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    if workload is None:
        p.add_argument("workload", choices=WORKLOADS)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    if workload is not None:
        args.workload = workload
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    return args
