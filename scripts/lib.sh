# Shared by scripts/demo, scripts/test and scripts/bench: make sure the Debian
# packages nn needs are installed (installing them when run as root), then build.

NN_APT_PACKAGES="zlib1g-dev libopenblas-dev dataset-fashion-mnist gnuplot-nox make parallel rsync groff-base man-db binutils time zsh fish lintian"

nn_missing_packages() {
    local missing=""
    for p in $NN_APT_PACKAGES "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    echo "$missing"
}

nn_install_packages() {
    local missing
    missing=$(nn_missing_packages "$@")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ]; then
        echo "installing Debian packages:$missing" >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
    else
        echo "nn needs these Debian packages:$missing" >&2
        echo "install them with:  sudo apt-get install -y$missing" >&2
        exit 69
    fi
}

# Every release build uses these flags (scripts, Makefile, benchmarks): other flags would
# relink the programs. The Swift standard library is linked in statically, so the installed
# programs (make install, the .deb) run without the Swift toolchain.
NN_RELEASE_FLAGS="-c release --static-swift-stdlib"

nn_build_release() {
    # The four programs by name: a plain release `swift build` also builds every executable of
    # the dependencies (swift-protobuf's protoc: protobuf and abseil, hundreds of C++ files).
    local p
    for p in nn-data nn-fit nn-eval nn-plot; do
        swift build $NN_RELEASE_FLAGS --product "$p" >&2 || return
    done
    NN_BIN="$(swift build $NN_RELEASE_FLAGS --show-bin-path)"
    export PATH="$NN_BIN:$PATH"
}

# hyperfine's warnings (outliers on a shared machine), saved from its stderr, printed after a
# table rather than inside it.
nn_hyperfine_warnings() {
    grep -v '^ *$' "$1" | sed 's/^ */hyperfine: /' || true
}

# hyperfine's --export-json results as tab-separated rows: command, median wall s, ± s (the
# standard deviation), CPU s (user+sys, means), and the median as a multiple of the first
# command's (bench/data.sh, bench/predict.sh). Medians, since on a shared virtual machine a
# few runs stretched by other guests move a mean but not a median.
nn_hyperfine_rows() {
    jq -r '
      (.results[0].median) as $first
      | .results[]
      | [.command, (.median * 1000 | round / 1000), (.stddev * 1000 | round / 1000),
         ((.user + .system) * 1000 | round / 1000), ((.median / $first) * 100 | round / 100)]
      | @tsv' "$1"
}
