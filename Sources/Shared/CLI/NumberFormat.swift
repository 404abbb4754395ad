// Numbers as text for people and for the training record: the shortest text that reads back
// the same (`short`), and a fixed number of decimals for the report, plot titles and nn-fit's
// progress line (`fixed`).

public enum NumberFormat {
    /// The shortest text that reads back as x: integers without a fraction (`300`, `0.001`).
    public static func short(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }

    /// The same for a Float setting (an optimiser's β or ε): its own shortest text, `0.999`.
    public static func short(_ x: Float) -> String {
        if x == x.rounded(), abs(x) < 1e7 { return String(Int(x)) }
        return "\(x)"
    }

    /// x with `decimals` decimals, rounded half away from zero (0.93751 → "0.9375"). Counts in
    /// integers, so no digit is lost to a binary fraction's text (1e-05); not finite, or 10^15
    /// and more once scaled: Swift's own text.
    public static func fixed(_ x: Double, decimals: Int = 4) -> String {
        guard x.isFinite else { return "\(x)" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let n = (abs(x) * scale).rounded()
        guard n < 1e15 else { return "\(x)" }
        let units = Int(n), one = Int(scale)
        let digits = String(units % one)
        let sign = x < 0 && n != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(units) }
        return "\(sign)\(units / one)." + String(repeating: "0", count: decimals - digits.count) + digits
    }
}
