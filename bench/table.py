#!/usr/bin/env python3
"""Prints the benchmark results (JSON lines on stdin) as one table per workload:
time, samples/s, test accuracy and memory per implementation and thread count, and
how many times faster nn is than each reference with the same thread count."""
import json
import sys

TITLES = {
    "sgd": "per-sample SGD, 784-16-1 sigmoid, 48000 steps, coat vs dress",
    "coat-dress": "minibatch 784-128-64-1 ReLU, Adam, batch 64, 10 epochs, coat vs dress (12000)",
    "fashion10": "784-256-128-10 ReLU, Adam, batch 128, 10 epochs, Fashion-MNIST (60000)",
}
rows = [json.loads(line) for line in sys.stdin if line.startswith("{")]
for workload in [w for w in TITLES if any(r.get("workload") == w for r in rows)]:
    print(f"\n{TITLES[workload]}")
    print(f"  {'impl':<14}{'threads':>7}{'seconds':>10}{'samples/s':>12}{'test acc':>10}{'peak MB':>9}{'nn faster':>11}")
    mine = [r for r in rows if r.get("workload") == workload]
    for r in sorted(mine, key=lambda r: (r["threads"], r["impl"] != "nn", r["impl"])):
        if "error" in r:
            print(f"  {r['impl']:<14}{r['threads']:>7}  {r['error']}")
            continue
        nn = next((n for n in mine if n["impl"] == "nn" and n["threads"] == r["threads"] and "seconds" in n), None)
        ratio = "" if nn is None or r["impl"] == "nn" else f"{r['seconds'] / nn['seconds']:.2f}x"
        acc = f"{r['test_accuracy']:.4f}" if "test_accuracy" in r else ""
        rss = f"{r['peak_rss_mb']:.0f}" if "peak_rss_mb" in r else ""
        print(f"  {r['impl']:<14}{r['threads']:>7}{r['seconds']:>10.3f}{r['samples_per_s']:>12,}{acc:>10}{rss:>9}{ratio:>11}")
    print("  nn's time is the whole nn-fit process (read stream, train, write model); "
          "the references time their training loop only.")
