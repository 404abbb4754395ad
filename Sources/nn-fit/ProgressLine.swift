// The progress line nn-fit keeps rewriting on a terminal's stderr:
//   step=1200/48000 epoch=1 loss=0.3121 val_loss=0.3410 val_acc=0.874 samples/s=210k left=3s
// A regressor names its loss and shows the root mean squared error (in the units it trains on):
//   step=1200/48000 epoch=1 mse=0.0841 rmse=0.2900 val_loss=0.0912 val_rmse=0.3020 samples/s=210k left=3s
#if canImport(Glibc)
import Glibc
#endif
import Shared

enum ProgressLine {
    static func show(_ p: TrainingProgress) {
        var s = "step=\(p.step)/\(p.totalSteps) epoch=\(p.epoch) \(p.lossName ?? "loss")=\(NumberFormat.fixed(p.loss, decimals: 4))"
        if p.lossName == "mse" { s += " rmse=\(NumberFormat.fixed(p.loss.squareRoot(), decimals: 4))" }
        if let v = p.validationLoss { s += " val_loss=\(NumberFormat.fixed(v, decimals: 4))" }
        if let a = p.validationAccuracy { s += " val_acc=\(NumberFormat.fixed(a, decimals: 3))" }
        if let e = p.validationRMSE { s += " val_rmse=\(NumberFormat.fixed(e, decimals: 4))" }
        s += " samples/s=\(compact(p.samplesPerSecond)) left=\(duration(p.secondsLeft))"
        fputs("\r\u{1B}[K" + s, stderr)
    }

    static func finish() { fputs("\n", stderr) }

    /// 210k, 1.2M.
    static func compact(_ x: Double) -> String {
        if x >= 1e6 { return NumberFormat.fixed(x / 1e6, decimals: 1) + "M" }
        if x >= 1e4 { return "\(Int((x / 1e3).rounded()))k" }
        return "\(Int(x.rounded()))"
    }

    static func duration(_ s: Double) -> String {
        guard s.isFinite else { return "?" }
        let t = Int(s.rounded())
        return t >= 60 ? "\(t / 60)m\(t % 60)s" : "\(t)s"
    }
}
