#!/usr/bin/env bash
# Benchmarks predicting new rows against the target of its issue: the 10000 Fashion-MNIST
# test images, from the idx files to a CSV of predictions with a saved 784-16-1 model
# (nn-data mnist --no-label | nn-eval --model coat.nn --predictions csv), beside nn-data
# mnist alone extracting the same images; hyperfine, release build, in one run.
# Usage: bench/predict.sh [RUNS]   (default 10 timed runs per command)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
nn_install_packages hyperfine jq
RUNS="${1:-10}"

nn_build_release
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Any 784-16-1 model predicts at the same speed: a short training run makes one.
nn-data mnist --classes dress,coat --limit-train 2000 | nn-fit --hidden 16 --epochs 1 --batch-size 64 --quiet --save "$WORK/coat.nn" > /dev/null
nn-data mnist --no-label > "$WORK/test.nn"

echo "## predicting the 10000 Fashion-MNIST test images on $(nproc) cores ($(uname -m)), $(date -u +%Y-%m-%d), $RUNS runs each, release build"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| command | median wall s | ± s | CPU s (user+sys) | wall vs extracting | target |"
echo "|---|---|---|---|---|---|"
hyperfine --style none --warmup 2 --runs "$RUNS" --export-json "$WORK/times.json" \
    -n "nn-data mnist --no-label > test.nn (extract the 10000 images)" "nn-data mnist --no-label > $WORK/out.nn" \
    -n "nn-data mnist --no-label | nn-eval --model coat.nn --predictions csv > p.csv" \
       "nn-data mnist --no-label | nn-eval --model $WORK/coat.nn --predictions csv > $WORK/p.csv" \
    -n "nn-eval --model coat.nn --predictions csv < test.nn > p.csv (predict alone)" \
       "nn-eval --model $WORK/coat.nn --predictions csv < $WORK/test.nn > $WORK/p.csv" \
    > /dev/null 2> "$WORK/hyperfine.err" || { cat "$WORK/hyperfine.err" >&2; exit 1; }
nn_hyperfine_rows "$WORK/times.json" |
while IFS=$'\t' read -r name median sd cpu ratio; do
    target=""
    case "$name" in "nn-data mnist --no-label | nn-eval"*) target="at most 1x";; esac
    echo "| \`${name//|/\\|}\` | $median | $sd | $cpu | ${ratio}x | $target |"
done
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
nn_hyperfine_warnings "$WORK/hyperfine.err"
echo "rows predicted: $(($(wc -l < "$WORK/p.csv") - 1))"
