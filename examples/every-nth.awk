#!/usr/bin/awk -f
# An nn stage in awk: keeps every N-th training row (rows 0, N, 2N, ...) of the
# sections that line up row for row (train.x, train.y, train.predictions; see
# docs/FORMAT.md) alike, fixing their headers' row counts; everything else passes
# through unchanged. Usage: nn-data blobs | examples/every-nth.awk 2 | nn-data info
BEGIN {
    n = ARGV[1] + 0; ARGV[1] = ""
    if (n < 1) { print "every-nth.awk: error: usage: every-nth.awk N (N >= 1)" > "/dev/stderr"; exit 64 }
}
$1 == "@train.x" || $1 == "@train.y" || $1 == "@train.predictions" {
    split($3, shape, "x")                       # ROWSxCOLS
    left = shape[1] + 0; row = 0
    $3 = int((left + n - 1) / n) "x" shape[2]   # rows kept: ceil(ROWS / N)
    print; next
}
left > 0 { if (row % n == 0) print; row++; left--; next }
$0 == "@end" { print "# every-nth.awk " n ": kept one training row in " n }
{ print }
