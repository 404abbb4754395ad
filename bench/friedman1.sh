#!/usr/bin/env bash
# recipes/friedman1 against scikit-learn on the same splits (seeds 1, 2, 3): least squares,
# Ridge and MLPRegressor((64,)) from bench/regression_sklearn.py, and nn-fit's linear
# regression (no --hidden, standardised features and targets). Writes results/friedman1-seedN.json
# and prints a Markdown table of test R². Needs NN_BENCH_VENV (a venv with scikit-learn).
#   bench/friedman1.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
nn_build_release
: "${NN_BENCH_VENV:?set NN_BENCH_VENV to a venv with numpy and scikit-learn}"
r2() { python3 -c "import json,sys; print(json.load(sys.stdin)['test']['r2'])"; }
echo "| seed | nn recipe | MLPRegressor((64,)) | nn linear | least squares | Ridge |"
echo "|---|---|---|---|---|---|"
for seed in 1 2 3; do
    data="nn-data friedman1 --samples 2000 --noise 1 --seed $seed"
    png=""; [ "$seed" = 1 ] && png=docs/friedman1-parity.png
    recipe="$(recipes/friedman1 "$seed" $png | r2)"
    linear="$($data | nn-data standardize --target | nn-fit --quiet | nn-eval --json | r2)"
    sk="$($data | "$NN_BENCH_VENV/bin/python" bench/regression_sklearn.py --seed "$seed")"
    printf '{"seed": %s, "nn_recipe_r2": %s, "nn_linear_r2": %s, "sklearn": %s, "load": "%s"}\n' \
        "$seed" "$recipe" "$linear" "$sk" "$(cut -d' ' -f1-3 /proc/loadavg)" > "results/friedman1-seed$seed.json"
    python3 - "$seed" "$recipe" "$linear" "$sk" <<'PY'
import json, sys
seed, recipe, linear, sk = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), json.loads(sys.argv[4])
print(f"| {seed} | {recipe:.4f} | {sk['mlp64_r2']:.4f} | {linear:.6f} | {sk['least_squares_r2']:.6f} | {sk['ridge_r2']:.6f} |")
PY
done
