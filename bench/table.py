#!/usr/bin/env python3
"""Prints the benchmark results (JSON lines on stdin) as one table per workload:
time, samples/s, test accuracy and memory per implementation and thread count, and
how many times longer each reference takes than nn with the same thread count.

nn's rows: `nn` is the whole nn-fit process (read the stream, train, write the model);
`nn-io` the same command with one step; `nn train` their difference, the training loop
alone, which is what the references time and what the ratios compare with."""
import json
import sys

TITLES = {
    "sgd": "per-sample SGD, 784-16-1 sigmoid, 48000 steps, coat vs dress",
    "coat-dress": "minibatch 784-128-64-1 ReLU, Adam, batch 64, 10 epochs, coat vs dress (12000)",
    "fashion10": "784-256-128-10 ReLU, Adam, batch 128, 10 epochs, Fashion-MNIST (60000)",
}
rows = [json.loads(line) for line in sys.stdin if line.startswith("{")]
# nn's training loop alone: the whole process less the one-step run.
for r in list(rows):
    if r["impl"] == "nn" and "seconds" in r:
        io = next((x for x in rows if x["impl"] == "nn-io" and x["workload"] == r["workload"]
                   and x["threads"] == r["threads"] and "seconds" in x), None)
        if io is not None:
            seconds = max(r["seconds"] - io["seconds"], 1e-6)
            rows.append(dict(impl="nn train", workload=r["workload"], threads=r["threads"], seconds=seconds,
                             samples_per_s=round(r["samples_per_s"] * r["seconds"] / seconds)))

ORDER = {"nn train": 0, "nn": 1, "nn-io": 2}
for workload in [w for w in TITLES if any(r.get("workload") == w for r in rows)]:
    print(f"\n{TITLES[workload]}")
    print(f"  {'impl':<14}{'threads':>7}{'seconds':>10}{'samples/s':>12}{'test acc':>10}{'peak MB':>9}{'vs nn train':>13}")
    mine = [r for r in rows if r.get("workload") == workload]
    for r in sorted(mine, key=lambda r: (r["threads"], ORDER.get(r["impl"], 3), r["impl"])):
        if "error" in r:
            print(f"  {r['impl']:<14}{r['threads']:>7}  {r['error']}")
            continue
        base = next((n for n in mine if n["impl"] == "nn train" and n["threads"] == r["threads"]), None)
        ratio = "" if base is None or r["impl"].startswith("nn") else f"{r['seconds'] / base['seconds']:.2f}x"
        acc = f"{r['test_accuracy']:.4f}" if "test_accuracy" in r else ""
        rss = f"{r['peak_rss_mb']:.0f}" if "peak_rss_mb" in r else ""
        rate = "" if r["impl"] == "nn-io" else f"{r['samples_per_s']:,}"
        print(f"  {r['impl']:<14}{r['threads']:>7}{r['seconds']:>10.3f}{rate:>12}{acc:>10}{rss:>9}{ratio:>13}")
print("\nnn = the whole nn-fit process; nn-io = the same with one step (read stream, write model);\n"
      "nn train = nn - nn-io, the training loop, as the references time theirs. "
      "'vs nn train' = reference time / nn train time.")
