# Sourced by sweep.sh and sweep-slurm.sh: the configurations in a settings directory, checked
# before anything runs. A configuration's name becomes file names and words in the jobs'
# command lines, so it may hold letters, digits, '.', '_' and '-' only (the Makefile checks
# the same). Sets the array `names`; exits 66 when there is none, 65 on a bad name.
#   sweep_names PROGRAM SETTINGS_DIR
sweep_names() {
    local program=$1 settings=$2 f name
    names=()
    for f in "$settings"/*.opts; do
        [ -e "$f" ] || { echo "$program: $settings has no *.opts files: nothing to sweep" >&2; exit 66; }
        name=$(basename "$f" .opts)
        case "$name" in
            ''|*[!A-Za-z0-9._-]*)
                printf "$program: %q: configuration names may hold letters, digits, '.', '_' and '-' only\n" "$name" >&2
                exit 65 ;;
        esac
        names+=("$name")
    done
}
