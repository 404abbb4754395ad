#!/usr/bin/awk -f
# A stage in awk: gathers the loss curves of several nn-fit streams into one stream whose loss
# section has one column per file (columns=epoch,NAME1,NAME2,...; NAME is the file's name
# without directory and extension), so that nn-plot loss draws every curve in one picture:
#
#   examples/loss-columns.awk sweep-circles/*.nn | nn-plot loss --png loss.png
#
# Every file must record the same epochs (or steps). Errors: one line on stderr, exit 65.
function fail(message) {
    print "loss-columns.awk: error: " message > "/dev/stderr"
    failed = 1
    exit 65
}
FNR == 1 {
    files++
    name[files] = FILENAME
    sub(/.*\//, "", name[files])
    sub(/\.[^.]*$/, "", name[files])
    inLoss = 0
}
/^@/ { inLoss = 0 }
/^@loss / {
    split($3, shape, "x")
    count = shape[1] + 0
    column = 0
    for (i = 4; i <= NF; i++) {
        if ($i !~ /^columns=/) continue
        k = split(substr($i, 9), names, ",")
        for (j = 1; j <= k; j++) if (names[j] == "loss") column = j
        if (files == 1) xName = names[1]
    }
    if (column < 2) fail(FILENAME ": line " FNR ": section loss has no columns=...,loss,...")
    if (files == 1) rows = count
    else if (count != rows) fail(FILENAME ": line " FNR ": section loss has " count " rows, " name[1] " has " rows)
    seen[files] = 1
    inLoss = count > 0
    row = 0
    next
}
inLoss {
    row++
    if (files == 1) x[row] = $1
    else if ($1 != x[row]) fail(FILENAME ": line " FNR ": epoch " $1 ", " name[1] " has " x[row])
    y[files, row] = $column
    if (row == count) inLoss = 0
}
END {
    if (failed) exit 65
    if (files == 0) fail("no streams given (usage: loss-columns.awk FILE...)")
    for (f = 1; f <= files; f++) if (!seen[f]) fail(name[f] ": no loss section")
    header = xName
    for (f = 1; f <= files; f++) header = header "," name[f]
    print "nn-stream 1"
    print "# loss-columns.awk: the loss curves of " files " streams"
    print "@loss f32 " rows "x" (files + 1) " columns=" header
    for (r = 1; r <= rows; r++) {
        line = x[r]
        for (f = 1; f <= files; f++) line = line " " y[f, r]
        print line
    }
    print "@end"
}
