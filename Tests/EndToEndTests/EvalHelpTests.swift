// nn-eval --help says what it reads, what it writes, and shows example pipelines.
import Testing

@Test func helpSaysWhatItReadsWritesAndShowsAPipeline() throws {
    let r = try EvalPipe.run("nn-eval --help")
    #expect(r.status == 0)
    #expect(r.text == evalHelp)
}

/// The --help text, pinned: a change to it is a change to the documentation.
let evalHelp = """
OVERVIEW: Score a model on the test and training sets, or predict rows without
labels.

Reads an nn-stream on stdin holding a model (from nn-fit) and labelled data
(train.x/train.y, test.x/test.y; either set alone is fine), applies the model,
with the standardisation it was trained with, and scores it on each set. With
--model FILE the model comes from FILE (as nn-fit --save writes it) and stdin
holds the data only. Without a model, a test.predictions (or train.predictions)
section that any stage wrote is scored against test.y (train.y).

Two classes: accuracy, precision, recall and F1 of the positive class (label 1,
the second class name), ROC AUC, log loss and the confusion matrix; class 1 is
predicted when P(class 1) >= --threshold. More classes: accuracy, per-class
precision/recall/F1/support with macro and weighted averages, one-vs-rest AUC,
log loss and the k×k confusion matrix. Scores follow scikit-learn's: a 0/0
precision or recall is 0 (zero_division=0), AUC with one class only is
undefined; the report says when either happens. Log loss clips each probability
to [2^-52, 1 - 2^-52], as scikit-learn's log_loss does. Every score is computed
from the probabilities as written (f32), so scoring the stream's
test.predictions again gives the same scores.

A regressor (a model with output=identity, trained on f32 targets; or, without
a model, f32 test.y and test.predictions marked task=regression): MSE, RMSE,
MAE, R², explained variance, max error and median absolute error, as
scikit-learn's functions of those names (R² and explained variance of constant
true values as its force_finite=True gives them), per target and averaged over
the targets, in the targets' original units. Its test.predictions hold values
(f32 N×t, task=regression), its metrics section the seven scores per set, and
<set>.per_target each target's when there are several.

Writes, on a terminal: a report (train next to test). Into a pipe or file: the
input stream, every section passed on in order, with these appended:
test.predictions (f32 N×k probabilities), metrics (f32, rows=train,test
columns=accuracy,precision,recall,f1,auc,log_loss), train.confusion and
test.confusion (i32 k×k, rows true class, columns predicted), train.per_class
and test.per_class (k > 2) and test.roc (two classes). --json writes only
{"train": {...}, "test": {...}} (the sets the input holds) for scripts;
--report writes the report anywhere.

Rows without labels (test.x with no test.y, as nn-data csv --no-label writes
them) are predicted, not scored: a terminal gets their first rows and a count
per predicted class; a pipe, the stream with test.predictions appended. The
model must take the data's columns: names (columns=) in the same order, or
their number when the data has no names (a note says so) or the model records
none, else exit 65 naming the first column that differs.

--predictions csv writes to stdout one line per test row, in input order, after
a header: row (from 0), predicted (the class name, quoted as RFC 4180 says when
it holds a comma, a quote or a line end, or starts or ends with a space), then
the probability of each class in a column named by the class. jsonl writes one
JSON object per row:
{"row":0,"predicted":"coat","probabilities":{"dress":0.1,"coat":0.9}}. Nothing
is written unless every row was predicted. With labels, the scores go to stderr
as the report (--quiet leaves it out). A regressor's lines hold the predicted
value of each target instead, in the targets' original units: row,<target
names> (csv) or {"row":0,"predicted":{"price":1.25}}.

--scores FILE scores predictions made by another program instead, and reads no
stream: one 'label score' line per sample, the label 0 or 1 (or -1 or 1, as
Vowpal Wabbit writes them; not both in one file) and the score P(label = 1) in
[0, 1], or a raw margin with --logits, written as numbers are in a stream
(0.25, -1.5e-3; not .5 or 0x1p-2). Blank lines may end the file. A file whose
first column holds any value other than 0, 1 and -1 is a regressor's 'true
predicted' pairs instead, scored with the regression metrics (--regression says
so for a file whose true values happen to be all 0/1). E.g.:
  paste -d' ' labels.txt vw.pred > s.txt

Examples:
  nn-data circles --samples 500 --noise 0.1 | nn-fit --hidden 5 | nn-eval
  nn-data csv new.csv --test-size 1 | nn-eval --model m.nn --json
  nn-data csv new.csv --no-label | nn-eval --model m.nn --predictions csv
  nn-eval --scores s.txt --logits --json

EXIT STATUS
  0    Success; also when a reader downstream closed the pipe (| head).
  64   Usage: a bad option or argument, or stdin is a terminal, not a stream.
  65   Bad data: a malformed or truncated stream, CSV or idx file; a model
       that does not fit the data; training that diverged.
  66   An input file is missing or cannot be opened.
  69   Unavailable: gnuplot is not installed (nn-plot), or the work needs
       more memory than the process may use (see NN_MEMORY_LIMIT).
  70   Internal error: a bug; please report it.
  74   I/O error: reading or writing failed, or an output file cannot be
       created.
  130  Interrupted by Ctrl-C (SIGINT); 143 terminated by SIGTERM.

A stage that fails never ends its output with '@end', so the stage after it
fails too ("truncated input") instead of working on part of the data. Under
'set -o pipefail' a pipeline's status is that of the last (rightmost) stage
that failed; bash's ${PIPESTATUS[@]} holds every stage's status, and its first
non-zero one is the stage that failed first.

ENVIRONMENT
  NN_MEMORY_LIMIT  What a stage may allocate, e.g. 8G or 512M, instead of
                   the least of physical memory, the cgroup's limit and
                   ulimit -v/-d. nn-data blobs (its centres), nn-fit,
                   nn-plot boundary and --png estimate what they need
                   first, and data read from a stream or a CSV is checked
                   as it grows; above the limit they stop with 69.

USAGE: nn-eval [--model <FILE>] [--threshold <T>] [--json] [--report] [--scores <FILE>] [--logits] [--regression] [--predictions <format>] [--quiet]

OPTIONS:
  --model <FILE>          Use the model saved in FILE (by nn-fit --save)
                          instead of one in the stream.
  --threshold <T>         With two classes, predict class 1 when P(class 1) >=
                          T, T in [0, 1] (default 0.5).
  --json                  Print only the scores as JSON: {"train": {...},
                          "test": {...}}.
  --report                Print the readable report even when stdout is not a
                          terminal.
  --scores <FILE>         Score 'label score' lines from FILE ('-' for stdin)
                          instead of a stream.
  --logits                With --scores: the scores are raw margins z, P(label
                          = 1) = 1/(1 + e^-z).
  --regression            With --scores: the lines are a regressor's 'true
                          predicted' values, even if every true value is 0, 1
                          or -1.
  --predictions <format>  Write the prediction for each test row instead, in
                          input order: csv or jsonl (see below). (values: csv,
                          jsonl)
  --quiet                 Print no progress or notes on stderr.
  --version               Show the version.
  -h, --help              Show help information.


"""
