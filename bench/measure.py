#!/usr/bin/env python3
"""Runs one nn command with stdin from a file and stdout discarded, and prints one JSON
line in the reference scripts' form: wall time (the whole process: reading the stream,
training, writing the model) and peak resident memory.
  measure.py --impl nn --workload sgd --threads 1 --samples 48000 --stdin data.nns -- nn-fit ..."""
import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time

p = argparse.ArgumentParser()
p.add_argument("--impl", required=True)
p.add_argument("--workload", required=True)
p.add_argument("--threads", type=int, required=True)
p.add_argument("--samples", type=int, required=True, help="training samples processed, for samples/s")
p.add_argument("--stdin", required=True)
p.add_argument("--eval", help="nn-eval to score the output with (its --json test accuracy), untimed")
p.add_argument("command", nargs=argparse.REMAINDER)
args = p.parse_args()
command = args.command[1:] if args.command[:1] == ["--"] else args.command

output = tempfile.TemporaryFile()
with open(args.stdin, "rb") as source:
    start = time.perf_counter()
    done = subprocess.run(command, stdin=source, stdout=output, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
if done.returncode != 0:
    sys.stderr.write(done.stderr.decode(errors="replace"))
    print(json.dumps(dict(impl=args.impl, workload=args.workload, threads=args.threads,
                          error=f"exit {done.returncode}")))
    sys.exit(0)
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
row = dict(impl=args.impl, workload=args.workload, threads=args.threads, seconds=round(seconds, 4),
           samples_per_s=round(args.samples / seconds), peak_rss_mb=round(peak_kib / 1024, 1))
if args.eval:
    output.seek(0)
    scored = subprocess.run([args.eval, "--json"], stdin=output, capture_output=True)
    try:
        row["test_accuracy"] = round(float(json.loads(scored.stdout)["test"]["accuracy"]), 4)
    except (ValueError, KeyError, TypeError):
        pass
print(json.dumps(row))
