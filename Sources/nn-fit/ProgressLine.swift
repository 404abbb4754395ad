// The progress line nn-fit keeps rewriting on a terminal's stderr:
//   step=1200/48000 epoch=1 loss=0.3121 val_loss=0.3410 val_acc=0.874 samples/s=210k left=3s
#if canImport(Glibc)
import Glibc
#endif
import Shared

enum ProgressLine {
    static func show(_ p: TrainingProgress) {
        var s = "step=\(p.step)/\(p.totalSteps) epoch=\(p.epoch) loss=\(fixed(p.loss, 4))"
        if let v = p.validationLoss { s += " val_loss=\(fixed(v, 4))" }
        if let a = p.validationAccuracy { s += " val_acc=\(fixed(a, 3))" }
        s += " samples/s=\(compact(p.samplesPerSecond)) left=\(duration(p.secondsLeft))"
        fputs("\r\u{1B}[K" + s, stderr)
    }

    static func finish() { fputs("\n", stderr) }

    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "\(x)" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let v = (x * scale).rounded() / scale
        var text = "\(v)"
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        }
        return text
    }

    /// 210k, 1.2M.
    static func compact(_ x: Double) -> String {
        if x >= 1e6 { return fixed(x / 1e6, 1) + "M" }
        if x >= 1e4 { return "\(Int((x / 1e3).rounded()))k" }
        return "\(Int(x.rounded()))"
    }

    static func duration(_ s: Double) -> String {
        guard s.isFinite else { return "?" }
        let t = Int(s.rounded())
        return t >= 60 ? "\(t / 60)m\(t % 60)s" : "\(t)s"
    }
}
