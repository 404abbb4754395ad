#!/usr/bin/env bash
# The sweep of examples/Makefile with GNU parallel: the data extracted once (by the Makefile's
# own rule, so both use the same data), one job per configuration (SETTINGS/NAME.opts), each
# writing NAME.nn (the trained stream) and NAME.json (nn-eval --json); then the same summary
# table and loss picture as the Makefile. With --sshlogin the jobs run on other machines:
# parallel copies the data there once (--basefile), sends each job its NAME.opts, brings back
# NAME.nn and NAME.json, and cleans up; the merge is local (every job's JSON, one table).
#
#   examples/sweep.sh                               circles, 2 jobs at a time, into sweep-sh-circles/
#   examples/sweep.sh --data fashion -j 4
#   examples/sweep.sh --sshlogin 2/alice@gpu1,2/bob@gpu2,:     two remote machines and this one
#
# Options: --data NAME (circles, blobs, fashion), --out DIR, --settings DIR, -j N (jobs per
# machine), --sshlogin LOGINS (parallel's syntax; ':' is this machine); VAR=value arguments
# are passed to make (DATA_COMMAND=..., EPOCHS=..., SEED=...). Every machine needs the nn
# programs on its PATH.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=circles out="" settings="$here/sweep" jobs=2 sshlogin="" make_vars=()
while [ $# -gt 0 ]; do
    case "$1" in
        --data|--out|--settings|-j|--sshlogin)
            [ $# -ge 2 ] || { echo "sweep.sh: $1 needs a value" >&2; exit 64; }
            case "$1" in
                --data) data=$2 ;; --out) out=$2 ;; --settings) settings=$2 ;;
                -j) jobs=$2 ;; --sshlogin) sshlogin=$2 ;;
            esac
            shift ;;
        *=*) make_vars+=("$1") ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "sweep.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
    esac
    shift
done
command -v parallel > /dev/null || { echo "sweep.sh: GNU parallel is missing (apt-get install parallel)" >&2; exit 69; }
out=${out:-sweep-sh-$data}
settings=$(cd "$settings" && pwd)
# The configurations, their names checked before anything runs.
. "$here/sweep-names.sh"
sweep_names sweep.sh "$settings"

# The data, once, by the Makefile's rule; the settings beside it, so the jobs find them.
make -s -f "$here/Makefile" DATA="$data" OUT="$out" SETTINGS="$settings" "${make_vars[@]}" "$out/data.nn"
fit_common=$(cat "$out/fit.cmd")
cp "$settings"/*.opts "$out/"
cd "$out"

remote=()
[ -z "$sshlogin" ] || remote=(--sshlogin "$sshlogin" --basefile data.nn
                             --transferfile {}.opts --return {}.nn --return {}.json --cleanup)
# shellcheck disable=SC2016
ls -- *.opts | sed 's/\.opts$//' |
    parallel --halt now,fail=1 -j "$jobs" "${remote[@]}" \
        "set -f; nn-fit \$(cat {}.opts) $fit_common < data.nn > {}.nn.tmp && mv {}.nn.tmp {}.nn && nn-eval --json < {}.nn > {}.json"

epochs=$(sed -n 's/.*--epochs \([0-9]*\).*/\1/p' fit.cmd)
# The merge: every configuration's JSON into one table, every loss curve into one picture.
"$here/sweep-summary" . "${names[@]/%/.json}" > summary.md
"$here/loss-columns.awk" "${names[@]/%/.nn}" |
    nn-plot loss --title "Training loss of each configuration ($data, $epochs epochs)" --png loss.png
cat summary.md
