#!/usr/bin/env python3
"""Prints the fit benchmarks' results (JSON lines on stdin, one per run) as one table per
workload: per implementation, thread count and OpenBLAS setting, the median of its runs
with the min-max beside it, samples/s at the median, test accuracy, peak memory, and how
many times longer each reference takes than nn.

nn's two rows come from the same runs and neither is derived from the other: `nn train` is
the training loop as nn-fit measures it itself (`--timing`), `nn` the whole nn-fit process
(read the stream, train, write the model) as measure.py times it from outside. The ratios
divide a reference's median by each of them, with the same threads and OPENBLAS_* unset.

A figure that cannot be a measurement (a time at or below the clock's resolution, a
training loop longer than its process, a ratio above 10,000x) stops this with a message
on stderr and exit status 1 instead of a table.
  table.py [--resolution SECONDS] < results.jsonl"""
import argparse
import json
import math
import statistics
import sys
import time

TITLES = {
    "sgd": "per-sample SGD, 784-16-1 sigmoid, 48000 steps, coat vs dress",
    "coat-dress": "minibatch 784-128-64-1 ReLU, Adam, batch 64, 10 epochs, coat vs dress (12000)",
    "fashion10": "784-256-128-10 ReLU, Adam, batch 128, 10 epochs, Fashion-MNIST (60000)",
    "cnn-coat-dress": "CNN conv 32 3x3, pool 2, conv 64 3x3, pool 2, 128 ReLU, Adam, batch 128, 2 epochs, coat vs dress (12000)",
}
MAX_RATIO = 10_000
# nn's rows first, then the references in this order.
ORDER = ["nn train", "nn", "numpy", "pytorch", "scikit-learn"]
# The nn rows the ratios divide by: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, as on a
# machine that sets neither.
BASE_ENV = "unset"


class Absurd(Exception):
    """A figure no measurement can give; the message says which and why."""


def clock_resolution():
    """The coarser of perf_counter's resolution and the nanosecond nn-fit prints to."""
    return max(time.get_clock_info("perf_counter").resolution, 1e-9)


def series(runs):
    """Each run's row, split into the table's series: nn's runs give a `nn train` and a
    `nn` figure each (both measured, neither computed from the other); a reference's, one."""
    out = []
    for r in runs:
        key = (r["workload"], r["threads"], r.get("env", ""))
        if r["impl"] == "nn":
            if "error" not in r and "train_seconds" in r:
                out.append(("nn train", key, r, r["train_seconds"]))
            out.append(("nn", key, r, r.get("seconds")))
        else:
            out.append((r["impl"], key, r, r.get("seconds")))
    return out


def check_time(what, seconds, resolution):
    if not isinstance(seconds, (int, float)) or not math.isfinite(seconds) or seconds <= resolution:
        raise Absurd(f"{what}: a time of {seconds!r} s is at or below the clock's resolution "
                     f"({resolution:g} s): not a measurement")


def summarize(runs, resolution):
    """{(impl, workload, threads, env): group} with the median and range of each group's
    seconds; raises Absurd for any run that cannot be a measurement."""
    groups = {}
    for impl, (workload, threads, env), row, seconds in series(runs):
        g = groups.setdefault((impl, workload, threads, env), dict(seconds=[], rows=[], errors=[]))
        if "error" in row:
            g["errors"].append(row["error"])
            continue
        what = f"{impl} {workload} {threads} thread(s){' ' + env if env else ''}"
        check_time(what, seconds, resolution)
        if impl == "nn":
            check_time(what, row.get("train_seconds"), resolution)
            if row["train_seconds"] > seconds:
                raise Absurd(f"{what}: a training loop of {row['train_seconds']} s inside a process of "
                             f"{seconds} s: not a measurement")
        g["seconds"].append(seconds)
        g["rows"].append(row)
    for g in groups.values():
        if g["seconds"]:
            g["median"] = statistics.median(g["seconds"])
            g["min"], g["max"] = min(g["seconds"]), max(g["seconds"])
    return groups


def ratios(groups, impl, workload, threads):
    """A reference's median over nn train's and nn's (same threads, OPENBLAS_* unset)."""
    mine = groups[(impl, workload, threads, "")]
    out = []
    for base in ("nn train", "nn"):
        b = groups.get((base, workload, threads, BASE_ENV))
        if b is None or "median" not in b or "median" not in mine:
            out.append(None)
            continue
        r = mine["median"] / b["median"]
        if r > MAX_RATIO:
            raise Absurd(f"{impl} {workload} {threads} thread(s): {mine['median']} s against {base}'s "
                         f"{b['median']} s is {r:,.0f}x, above {MAX_RATIO:,}x: not a believable measurement")
        out.append(r)
    return out


def seconds(x):
    """Three decimals, or three significant digits below 0.1 s (never a bare 0.000)."""
    return f"{x:.3f}" if x >= 0.1 else f"{x:.3g}"


def environment(env):
    return "" if env in ("", BASE_ENV) else env


def core(row):
    """The BLAS and kernels a run used: nn's from its --timing line, the references' own."""
    return "openblas:" + row["openblas_core"] if "openblas_core" in row else row.get("blas", "")


HEADER = ["impl", "threads", "runs", "median s", "min–max s", "samples/s", "test acc", "peak MB",
          "ref/nn train", "ref/nn", "BLAS core", "OPENBLAS_* set"]
LEFT = {"impl", "BLAS core", "OPENBLAS_* set"}


def layout(cells):
    """Rows of cells as aligned lines: text columns to the left, figures to the right, two
    spaces between columns however wide a figure is."""
    widths = [max(len(row[i]) for row in cells if i < len(row)) for i in range(len(HEADER))]
    lines = []
    for row in cells:
        text = [c.ljust(w) if h in LEFT else c.rjust(w) for c, w, h in zip(row, widths, HEADER)]
        lines.append(("  " + "  ".join(text)).rstrip())
    return lines


def tables(runs, resolution):
    """[(title, rows of cells, the first the header)], one per workload; raises Absurd for
    any figure no measurement can give."""
    groups = summarize(runs, resolution)
    out = []
    for workload in TITLES:
        keys = sorted((k for k in groups if k[1] == workload),
                      key=lambda k: (k[2], not k[0].startswith("nn"), k[3] != BASE_ENV,
                                     ORDER.index(k[0]) if k[0] in ORDER else len(ORDER), k))
        if not keys:
            continue
        cells = [HEADER]
        for impl, _, threads, env in keys:
            g = groups[(impl, workload, threads, env)]
            if "median" not in g:
                cells.append([impl, str(threads), "0", "", "", "", "", "", "", "", "",
                              "failed: " + "; ".join(sorted(set(g["errors"])))])
                continue
            rows = g["rows"]
            samples = rows[0].get("samples")
            rate = f"{round(samples / g['median']):,}" if samples else ""
            accuracies = [r["test_accuracy"] for r in rows if "test_accuracy" in r]
            acc = f"{statistics.median(accuracies):.4f}" if accuracies and impl != "nn train" else ""
            peaks = [r["peak_rss_mb"] for r in rows if "peak_rss_mb" in r]
            peak = f"{max(peaks):.0f}" if peaks and impl != "nn train" else ""
            ratio = ["", ""]
            if not impl.startswith("nn"):
                ratio = ["" if r is None else f"{r:,.2f}x" for r in ratios(groups, impl, workload, threads)]
            failed = f" ({len(g['errors'])} failed)" if g["errors"] else ""
            cells.append([impl, str(threads), f"{len(g['seconds'])}{failed}", seconds(g["median"]),
                          f"{seconds(g['min'])}–{seconds(g['max'])}", rate, acc, peak, *ratio,
                          core(rows[0]), environment(env)])
        out.append((TITLES[workload], cells))
    return out


def render(runs, resolution):
    """The tables as lines of text, and what they mean; raises Absurd before any line."""
    lines = []
    counts = set()
    for title, cells in tables(runs, resolution):
        lines += ["", title, *layout(cells)]
        counts |= {row[2] for row in cells[1:]}
    runs_text = f"{counts.pop()} runs" if len(counts) == 1 else "its runs"
    return lines + [
        "",
        f"Each row: the median of {runs_text}, the fastest and slowest beside it; samples/s at the median.",
        "nn train = the training loop as nn-fit measures it (--timing); nn = the whole nn-fit process",
        "(read the stream, train, write the model); both from the same runs, neither computed from the other.",
        "ref/nn train and ref/nn = a reference's median / nn's median, same threads, OPENBLAS_* unset.",
        "numpy and scikit-learn run with OPENBLAS_* unset, pytorch in the shell's environment."]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--resolution", type=float, default=clock_resolution(),
                   help="the clock's resolution in seconds (default: perf_counter's, at least 1 ns)")
    args = p.parse_args()
    runs = [json.loads(line) for line in sys.stdin if line.startswith("{")]
    try:
        lines = render(runs, args.resolution)
    except Absurd as e:
        sys.stderr.write(f"bench: no table: {e}\n")
        sys.exit(1)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
