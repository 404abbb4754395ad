#!/usr/bin/env bash
# The sweep of examples/Makefile on a Slurm cluster, run from its login node: the data extracted
# once (by the Makefile's own rule) into the output directory, which every node must see; one
# task of a job array per configuration (SETTINGS/NAME.opts) that has no result, each writing
# NAME.nn and NAME.json (examples/sweep.slurm train); then, once every task has ended, whatever
# its outcome, one job that merges them as the Makefile does (sweep.slurm merge): summary.md,
# with the configurations that failed and their tasks' stderr files, and loss.png.
#
#   examples/sweep-slurm.sh                              circles, into sweep-slurm-circles/
#   examples/sweep-slurm.sh --data fashion --threads 2 --mem 2G --time 0:20:00
#   examples/sweep-slurm.sh -- --partition=short --account=mylab     (options for every sbatch)
#
# Options: --data NAME (circles, blobs, fashion), --out DIR, --settings DIR, --threads N (CPUs
# per task, and nn-fit --threads; default 1), --mem SIZE (per task; 1G), --time LIMIT (per task;
# 0:30:00); VAR=value arguments are passed to make (DATA_COMMAND=..., EPOCHS=..., SEED=...);
# arguments after -- are passed to sbatch. Run it again and it submits only the configurations
# whose NAME.json is missing or older than NAME.opts, the data or the common options (as make
# decides), then the merge; nothing when summary.md already tabulates every result. The nn
# programs must be on PATH on every node.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=circles out="" settings="$here/sweep" make_vars=() sbatch_options=() task_options=()
while [ $# -gt 0 ]; do
    case "$1" in
        --data|--out|--settings|--threads|--mem|--time)
            [ $# -ge 2 ] || { echo "sweep-slurm.sh: $1 needs a value" >&2; exit 64; }
            case "$1" in
                --data) data=$2 ;; --out) out=$2 ;; --settings) settings=$2 ;;
                --threads) task_options+=("--cpus-per-task=$2") ;;
                --mem) task_options+=("--mem=$2") ;; --time) task_options+=("--time=$2") ;;
            esac
            shift ;;
        --) shift; sbatch_options=("$@"); break ;;
        *=*) make_vars+=("$1") ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "sweep-slurm.sh: unknown argument '$1' (see --help)" >&2; exit 64 ;;
    esac
    shift
done
out=${out:-sweep-slurm-$data}
settings=$(cd "$settings" && pwd)
# Each configuration's name becomes file names and words in the jobs' command lines: letters,
# digits, '.', '_' and '-' only, checked before anything is submitted.
names=()
for f in "$settings"/*.opts; do
    [ -e "$f" ] || { echo "sweep-slurm.sh: $settings has no *.opts files: nothing to sweep" >&2; exit 66; }
    name=$(basename "$f" .opts)
    case "$name" in
        ''|*[!A-Za-z0-9._-]*)
            printf "sweep-slurm.sh: %q: configuration names may hold letters, digits, '.', '_' and '-' only\n" "$name" >&2
            exit 65 ;;
    esac
    names+=("$name")
done
for tool in sbatch squeue; do
    command -v "$tool" > /dev/null ||
        { echo "sweep-slurm.sh: $tool is missing: run this on a Slurm cluster's login node (or use examples/sweep.sh)" >&2; exit 69; }
done

# A configuration still queued or training has no result yet: submitting it again would train it
# twice, so wait for the previous submission (or scancel it) first.
if [ -f "$out/jobs" ]; then
    queued=$(squeue -h -o %i -j "$(tr ' ' , < "$out/jobs")" 2> /dev/null || true)
    if [ -n "$queued" ]; then
        echo "sweep-slurm.sh: jobs $(cat "$out/jobs") of this sweep are still queued or running (squeue -j $(tr ' ' , < "$out/jobs")); wait for them or scancel them, then run this again" >&2
        exit 75
    fi
fi

# The data, once, by the Makefile's rule (with its stamps of the data command and the common
# nn-fit options); the settings beside it, where the tasks read them.
make -s -f "$here/Makefile" DATA="$data" OUT="$out" SETTINGS="$settings" "${make_vars[@]}" "$out/data.nn"
out=$(cd "$out" && pwd)
cp "$settings"/*.opts "$out/"
mkdir -p "$out/logs"

# Make's rule: a result is current when it is newer than everything it was made from.
tasks=()
for i in "${!names[@]}"; do
    json="$out/${names[$i]}.json"
    if [ "$json" -nt "$settings/${names[$i]}.opts" ] && [ "$json" -nt "$out/data.nn" ] && [ "$json" -nt "$out/fit.cmd" ]; then
        continue
    fi
    rm -f "$json" "$out/${names[$i]}.nn"
    tasks+=("$i")
done

# And the merge's: summary.md is current when it is newer than every result and tabulates
# exactly these configurations (one may have been added or removed).
merged() {
    local name
    [ -f "$out/loss.png" ] && [ -f "$out/summary.md" ] || return 1
    for name in "${names[@]}"; do [ "$out/summary.md" -nt "$out/$name.json" ] || return 1; done
    [ "$(sed -n 's/^| \([A-Za-z0-9._-]*\) | `.*/\1/p' "$out/summary.md" | LC_ALL=C sort)" = \
      "$(printf '%s\n' "${names[@]}" | LC_ALL=C sort)" ]
}
if [ ${#tasks[@]} = 0 ] && merged; then
    echo "sweep-slurm.sh: nothing to submit: all ${#names[@]} configurations have their results, and $out/summary.md tabulates them" >&2
    exit 0
fi

epochs=$(sed -n 's/.*--epochs \([0-9]*\).*/\1/p' "$out/fit.cmd")
title="Training loss of each configuration ($data, $epochs epochs)"
submit() { sbatch --parsable --chdir="$out" "$@" | cut -d ';' -f 1; }
if [ ${#tasks[@]} -gt 0 ]; then
    array=$(IFS=,; submit --array="${tasks[*]}" "${task_options[@]}" "${sbatch_options[@]}" \
        "$here/sweep.slurm" train "${names[@]}") ||
        { echo "sweep-slurm.sh: sbatch refused the job array (its message is above); nothing was submitted" >&2; exit 69; }
    echo "$array" > "$out/jobs"
    dependency=(--dependency="afterany:$array")
    trained=""
    for i in "${tasks[@]}"; do trained+=" ${array}_$i=${names[$i]}"; done
    echo "sweep-slurm.sh: ${#tasks[@]} of ${#names[@]} configurations have no result; job array $array trains them:$trained" >&2
else
    array=none dependency=()
    : > "$out/jobs"
    echo "sweep-slurm.sh: all ${#names[@]} configurations have their results; only the merge is submitted" >&2
fi
merge=$(submit --job-name=nn-sweep-merge --cpus-per-task=1 --mem=512M --time=0:10:00 \
    --output='logs/merge-%j.out' --error='logs/merge-%j.err' "${dependency[@]}" "${sbatch_options[@]}" \
    "$here/sweep.slurm" merge "$here" "$title" "$array" "${names[@]}") ||
    { echo "sweep-slurm.sh: sbatch refused the merge (its message is above); once the tasks have ended, run this again to submit it" >&2; exit 69; }
echo "$(cat "$out/jobs") $merge" | sed 's/^ //' > "$out/jobs.tmp" && mv "$out/jobs.tmp" "$out/jobs"
cat >&2 <<EOF
sweep-slurm.sh: the merge is job $merge; when it ends, $out/summary.md has the table (and any
  configuration that failed, with its stderr file) and $out/loss.png the loss curves.
  watch:  squeue -j $(tr ' ' , < "$out/jobs")
  record: sacct -j $(tr ' ' , < "$out/jobs") --format=JobID,JobName%30,State,ExitCode,Elapsed
  logs:   $out/logs/ARRAY_TASK.err
EOF
