#!/usr/bin/env python3
"""bench/table.py on synthetic timings (nothing here is timed; no numpy or torch needed):
every figure it prints is a measured one or a quotient of two, never a difference, and
figures no measurement can give stop it without a table. Run by scripts/test:
  python3 -m unittest discover -s bench -p 'test_*.py'"""
import json
import os
import random
import statistics
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import table  # noqa: E402

RESOLUTION = 1e-9


def nn(workload, threads, seconds, train_seconds, env="unset", **extra):
    return dict(impl="nn", workload=workload, threads=threads, env=env, samples=48000,
                seconds=seconds, train_seconds=train_seconds, openblas_core="Haswell", **extra)


def ref(impl, workload, threads, seconds):
    return dict(impl=impl, workload=workload, threads=threads, seconds=seconds, samples=48000)


def rows_of(runs, impl, threads=1):
    """The table rows of `impl` with `threads`, as {column: cell}."""
    out = []
    for _, cells in table.tables(runs, RESOLUTION):
        header = cells[0]
        out += [dict(zip(header, row)) for row in cells[1:] if row[0] == impl and row[1] == str(threads)]
    return out


def run_table(runs, *args):
    text = "".join(json.dumps(r) + "\n" for r in runs)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "table.py")
    return subprocess.run([sys.executable, path, *args], input=text, capture_output=True, text=True)


class TableTests(unittest.TestCase):
    def test_nn_rows_are_the_measured_figures_and_ratios_divide_medians(self):
        # The trap: a whole process barely longer than its training loop. Subtracting
        # anything from either would change a printed figure.
        runs = [nn("sgd", 1, s, t) for s, t in [(0.290, 0.110), (0.312, 0.120), (0.301, 0.100)]]
        runs += [ref("pytorch", "sgd", 1, s) for s in (6.6, 6.5, 6.4)]
        runs += [ref("numpy", "sgd", 1, s) for s in (0.70, 0.69, 0.68)]
        [train], [whole] = rows_of(runs, "nn train"), rows_of(runs, "nn")
        self.assertEqual((train["runs"], train["median s"], train["min–max s"]), ("3", "0.110", "0.100–0.120"))
        self.assertEqual((whole["runs"], whole["median s"], whole["min–max s"]), ("3", "0.301", "0.290–0.312"))
        self.assertEqual(train["samples/s"], f"{round(48000 / 0.110):,}")
        [pytorch], [numpy] = rows_of(runs, "pytorch"), rows_of(runs, "numpy")
        self.assertEqual((pytorch["ref/nn train"], pytorch["ref/nn"]), (f"{6.5 / 0.110:,.2f}x", f"{6.5 / 0.301:,.2f}x"))
        self.assertEqual((numpy["ref/nn train"], numpy["ref/nn"]), (f"{0.69 / 0.110:,.2f}x", f"{0.69 / 0.301:,.2f}x"))
        text = "\n".join(table.render(runs, RESOLUTION))
        self.assertIn("median of 3 runs", text)
        self.assertIn("  0.110  0.100–0.120  ", text)

    def test_every_printed_time_is_a_measured_one(self):
        # Random timings over many magnitudes: every time in the table (median, fastest,
        # slowest) is the printed form of an input, every ratio a quotient of two medians.
        rng = random.Random(17)
        checked = 0
        for trial in range(300):
            runs, medians = [], {}
            for threads in (1, 2):
                n = rng.choice([3, 4, 5])
                train = [10 ** rng.uniform(-6, 1.5) for _ in range(n)]
                whole = [t + 10 ** rng.uniform(-7, 0.5) for t in train]
                runs += [nn("fashion10", threads, w, t) for w, t in zip(whole, train)]
                torch = [10 ** rng.uniform(-3, 3) for _ in range(3)]
                runs += [ref("pytorch", "fashion10", threads, s) for s in torch]
                medians[threads] = {"nn train": sorted(train), "nn": sorted(whole), "pytorch": sorted(torch)}
            try:
                result = table.tables(runs, RESOLUTION)
            except table.Absurd as e:
                self.assertIn("10,000x", str(e))
                continue
            checked += 1
            [(_, cells)] = result
            for row in (dict(zip(cells[0], r)) for r in cells[1:]):
                values = medians[int(row["threads"])][row["impl"]]
                self.assertEqual(row["min–max s"], f"{table.seconds(values[0])}–{table.seconds(values[-1])}")
                median = statistics.median(values)
                self.assertEqual(row["median s"], table.seconds(median))
                if len(values) % 2:
                    self.assertIn(median, values)  # an odd count's median is a run, not a blend
                if row["impl"] == "pytorch":
                    base = medians[int(row["threads"])]
                    self.assertEqual(row["ref/nn train"], f"{median / statistics.median(base['nn train']):,.2f}x")
                    self.assertEqual(row["ref/nn"], f"{median / statistics.median(base['nn']):,.2f}x")
        self.assertGreater(checked, 100)

    def test_both_environments_get_rows_and_ratios_use_the_unset_one(self):
        shell = "OPENBLAS_CORETYPE=Haswell"
        runs = [nn("sgd", 1, 0.30, 0.10) for _ in range(3)]
        runs += [nn("sgd", 1, 0.60, 0.40, env=shell) for _ in range(3)]
        runs += [ref("pytorch", "sgd", 1, 5.0) for _ in range(3)]
        train = rows_of(runs, "nn train")
        self.assertEqual([(r["median s"], r["OPENBLAS_* set"]) for r in train], [("0.100", ""), ("0.400", shell)])
        [pytorch] = rows_of(runs, "pytorch")
        self.assertEqual((pytorch["ref/nn train"], pytorch["ref/nn"]), ("50.00x", "16.67x"))

    def assert_refused(self, runs, words):
        with self.assertRaises(table.Absurd) as caught:
            table.render(runs, RESOLUTION)
        for w in words:
            self.assertIn(w, str(caught.exception))
        done = run_table(runs, "--resolution", str(RESOLUTION))
        self.assertEqual(done.returncode, 1)
        self.assertEqual(done.stdout, "")
        self.assertTrue(done.stderr.startswith("bench: no table: "), done.stderr)

    def test_times_at_or_below_the_resolution_are_refused(self):
        refs = [ref("pytorch", "sgd", 1, 6.6) for _ in range(3)]
        for bad in (0.0, RESOLUTION, -0.02, float("nan"), None):
            self.assert_refused([nn("sgd", 1, 0.29, bad)] * 3 + refs, ["resolution", "nn"])
            self.assert_refused([nn("sgd", 1, 0.29, 0.1)] * 3 + [ref("numpy", "sgd", 1, bad)], ["resolution", "numpy"])

    def test_a_training_loop_longer_than_its_process_is_refused(self):
        self.assert_refused([nn("sgd", 1, 0.29, 0.31)], ["training loop", "process"])

    def test_ratios_above_ten_thousand_are_refused(self):
        # The table: PyTorch 6.5884 s against a training loop of 1e-6 s.
        runs = [nn("sgd", 1, 0.290, 1e-6)] * 3 + [ref("pytorch", "sgd", 1, 6.5884)] * 3
        self.assert_refused(runs, ["10,000x", "pytorch"])
        runs = [nn("sgd", 1, 0.290, 0.001)] * 3 + [ref("pytorch", "sgd", 1, 10.001)] * 3
        self.assert_refused(runs, ["10,001x", "pytorch"])
        # 10,000x itself is a figure, if an unlikely one.
        runs = [nn("sgd", 1, 0.290, 0.001)] * 3 + [ref("pytorch", "sgd", 1, 10.0)] * 3
        self.assertEqual(rows_of(runs, "pytorch")[0]["ref/nn train"], "10,000.00x")

    def test_failed_runs_are_shown_not_hidden(self):
        runs = [nn("sgd", 1, 0.3, 0.1)] * 3 + [dict(impl="pytorch", workload="sgd", threads=1, error="exit 1")]
        [pytorch] = rows_of(runs, "pytorch")
        self.assertEqual((pytorch["runs"], pytorch["OPENBLAS_* set"]), ("0", "failed: exit 1"))


if __name__ == "__main__":
    unittest.main()
