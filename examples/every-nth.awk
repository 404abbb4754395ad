#!/usr/bin/awk -f
# An nn stage in awk: keeps every N-th training row (rows 1, N+1, 2N+1, ...) of
# train.x and train.y alike, fixing their headers' row counts; everything else
# passes through unchanged. Usage: nn-data blobs | examples/every-nth.awk 2 | nn-data info
BEGIN {
    n = ARGV[1] + 0; ARGV[1] = ""
    if (n < 1) { print "every-nth.awk: error: usage: every-nth.awk N (N >= 1)" > "/dev/stderr"; exit 64 }
}
$1 == "@train.x" || $1 == "@train.y" {
    split($3, shape, "x")                       # ROWSxCOLS
    left = shape[1] + 0; row = 0
    $3 = int((left + n - 1) / n) "x" shape[2]   # rows kept: ceil(ROWS / N)
    print; next
}
left > 0 { if (row % n == 0) print; row++; left--; next }
$0 == "@end" { print "# every-nth.awk " n ": kept one training row in " n }
{ print }
