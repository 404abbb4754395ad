// The line `nn-fit --timing` prints on stderr, for scripts/bench and anyone timing a run:
//   nn-fit: timing: train_seconds=0.183412345 steps=48000 threads=1 openblas_core=Haswell
// Not in the stream: the same seed must give the same bytes, and a time never repeats.
import Shared

enum TimingLine {
    /// `seconds` to the nanosecond (the monotonic clock's resolution), never in exponent form;
    /// the kernel family OpenBLAS picked for this process (OPENBLAS_CORETYPE, when set, decides it).
    static func text(seconds: Double, steps: Int, threads: Int) -> String {
        "nn-fit: timing: train_seconds=\(NumberFormat.fixed(seconds, decimals: 9)) steps=\(steps) threads=\(threads) openblas_core=\(Kernels.blasCoreName)"
    }
}
