#!/usr/bin/env python3
"""Runs nn-fit once with stdin from a file, stdout to a temporary file and --timing, and
prints one JSON line: `seconds`, the whole process from outside (reading the stream,
training, writing the model); `train_seconds` and `openblas_core`, from the line
`nn-fit --timing` prints (its own clock around the training loop alone); peak resident
memory; test accuracy through `nn-eval --json` when asked (untimed).
  measure.py --workload sgd --threads 1 --samples 48000 --env unset --stdin data.nns -- nn-fit ..."""
import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time

p = argparse.ArgumentParser()
p.add_argument("--workload", required=True)
p.add_argument("--threads", type=int, required=True)
p.add_argument("--samples", type=int, required=True, help="training samples processed, for samples/s")
p.add_argument("--env", required=True, help="the OPENBLAS_* variables nn-fit runs with, as a label ('unset' for none)")
p.add_argument("--stdin", required=True)
p.add_argument("--eval", help="nn-eval to score the output with (its --json test accuracy), untimed")
p.add_argument("command", nargs=argparse.REMAINDER)
args = p.parse_args()
command = (args.command[1:] if args.command[:1] == ["--"] else args.command) + ["--timing"]

row = dict(impl="nn", workload=args.workload, threads=args.threads, env=args.env, samples=args.samples)
output = tempfile.TemporaryFile()
with open(args.stdin, "rb") as source:
    start = time.perf_counter()
    done = subprocess.run(command, stdin=source, stdout=output, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
stderr = done.stderr.decode(errors="replace")
timing = [line for line in stderr.splitlines() if line.startswith("nn-fit: timing: ")]
if done.returncode != 0 or len(timing) != 1:
    sys.stderr.write(stderr)
    row["error"] = f"exit {done.returncode}" if done.returncode != 0 else "no 'nn-fit: timing:' line on stderr"
    print(json.dumps(row))
    sys.exit(0)
fields = dict(pair.split("=", 1) for pair in timing[0][len("nn-fit: timing: "):].split())
row.update(seconds=seconds, train_seconds=float(fields["train_seconds"]), openblas_core=fields["openblas_core"],
           peak_rss_mb=round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1))
if args.eval:
    output.seek(0)
    scored = subprocess.run([args.eval, "--json"], stdin=output, capture_output=True)
    try:
        row["test_accuracy"] = round(float(json.loads(scored.stdout)["test"]["accuracy"]), 4)
    except (ValueError, KeyError, TypeError):
        pass
print(json.dumps(row))
