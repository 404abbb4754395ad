#!/usr/bin/env bash
# Benchmarks nn-data against the targets of its issue, on the installed Fashion-MNIST:
# time (hyperfine, release build) beside `gzip -dc` of the same image files, and the
# peak resident memory of each stage beside the size of the matrices it handles.
# Usage: bench/data.sh [RUNS]   (default 5 timed runs per command)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
nn_install_packages time hyperfine jq
RUNS="${1:-5}"

swift build $NN_RELEASE_FLAGS --product nn-data >&2
BIN="$(swift build $NN_RELEASE_FLAGS --show-bin-path)"
DATA="${NN_DATA_DIR:-/usr/share/datasets/fashion-mnist}"
IMAGES="$DATA/train-images-idx3-ubyte.gz $DATA/t10k-images-idx3-ubyte.gz"
export PATH="$BIN:$PATH"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

nn-data mnist --classes 3,4 > "$WORK/coat-dress.nn"
nn-data mnist > "$WORK/all.nn"

echo "## nn-data on $(nproc) cores ($(uname -m)), $(date -u +%Y-%m-%d), $RUNS runs each, release build"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) (wall times stretch when other work shares the cores; CPU times less so)"
echo
echo "| command | median wall s | ± s | CPU s (user+sys) | wall vs gzip -dc | target |"
echo "|---|---|---|---|---|---|"
hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/times.json" \
    -n "gzip -dc (train+t10k images)" "gzip -dc $IMAGES > /dev/null" \
    -n "nn-data mnist --classes 3,4 | nn-data info" "nn-data mnist --classes 3,4 | nn-data info > /dev/null" \
    -n "nn-data mnist | nn-data info (70000 images)" "nn-data mnist | nn-data info > /dev/null" \
    -n "nn-data mnist --classes 3,4 (write 14000 rows)" "nn-data mnist --classes 3,4 > /dev/null" \
    -n "nn-data info < 14000 rows of u8 text (read)" "nn-data info < $WORK/coat-dress.nn > /dev/null" \
    -n "nn-data standardize < 14000 rows (f32 out)" "nn-data standardize < $WORK/coat-dress.nn > /dev/null" \
    > /dev/null 2> "$WORK/hyperfine.err" || { cat "$WORK/hyperfine.err" >&2; exit 1; }
nn_hyperfine_rows "$WORK/times.json" |
while IFS=$'\t' read -r name median sd cpu ratio; do
    target=""
    case "$name" in
        "nn-data mnist --classes 3,4 | nn-data info") target="within 3x of gzip -dc";;
        "nn-data mnist | nn-data info (70000 images)") target="< 2 s";;
    esac
    echo "| \`${name//|/\\|}\` | $median | $sd | $cpu | ${ratio}x | $target |"
done
nn_hyperfine_warnings "$WORK/hyperfine.err"

# Peak resident memory (kB → MB) of one stage, and the bytes of the matrices it handles.
rss() { /usr/bin/time -f %M -o "$WORK/rss" "$@" > /dev/null; echo $(( $(cat "$WORK/rss") / 1024 )); }
echo
echo "| stage | peak RSS MB | matrices MB | RSS / matrices | holds in memory |"
echo "|---|---|---|---|---|"
row() {  # name, rss MB, matrix bytes, what it holds
    local mb; mb=$(awk -v b="$3" 'BEGIN { printf "%.1f", b / 1048576 }')
    echo "| \`${1//|/\\|}\` | $2 | $mb | $(awk -v r="$2" -v m="$mb" 'BEGIN { printf "%.2f", r / m }') | $4 |"
}
U8_34=$((14000 * 784)); U8_ALL=$((70000 * 784))
row "nn-data mnist --classes 3,4" "$(rss nn-data mnist --classes 3,4)" $U8_34 "one block of images (streams)"
row "nn-data mnist" "$(rss nn-data mnist)" $U8_ALL "one block of images (streams)"
row "nn-data mnist --test-size 0.2" "$(rss nn-data mnist --test-size 0.2)" $U8_ALL "all 70000 images, u8"
row "nn-data info < 3,4" "$(rss sh -c "nn-data info < $WORK/coat-dress.nn")" $U8_34 "one row (streams)"
row "nn-data info < all" "$(rss sh -c "nn-data info < $WORK/all.nn")" $U8_ALL "one row (streams)"
row "nn-data split < 3,4" "$(rss sh -c "nn-data split < $WORK/coat-dress.nn")" $U8_34 "train+test, u8"
row "nn-data standardize < 3,4" "$(rss sh -c "nn-data standardize < $WORK/coat-dress.nn")" $((12000 * 784 * 4)) "train.x as f32"
