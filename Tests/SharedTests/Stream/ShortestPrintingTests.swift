// Writers print one text per f32 value, the one docs/FORMAT.md describes: the fewest
// significant digits that read back as the same bits, as an integer up to 2^24, positional
// from 10^-4 up, and otherwise d.ddde±N with the exponent's own digits only (`1e-5`, `1e8`).
import PropertyBased
import Testing
@testable import Shared

private func printed(_ x: Float) -> String {
    var out: [UInt8] = []
    NumberText.appendFloat(x, to: &out)
    return String(decoding: out, as: UTF8.self)
}

@Test(arguments: [
    (Float(1e-5), "1e-5"), (1e8, "1e8"), (3.4028235e38, "3.4028235e38"), (.leastNonzeroMagnitude, "1e-45"),
    (-1.5e-7, "-1.5e-7"), (9.999999e-5, "9.999999e-5"), (0.0001, "0.0001"), (0.1, "0.1"), (-2.5, "-2.5"),
    (0, "0"), (-0.0, "-0"), (7, "7"), (-42, "-42"), (1234567.5, "1234567.5"), (12345678, "12345678"),
    (16777216, "16777216"), (16777218, "1.6777218e7"), (-1e16, "-1e16"), (123456.79, "123456.79"),
])
func floatsPrintInTheirOneDocumentedForm(_ x: Float, _ text: String) {
    #expect(printed(x) == text)
}

@Test func theFormChangesExactlyAtItsBounds() {
    // Every float within 5000 steps of 1e-4 (E = -4 or -5) and of 2^24 (integers, then E = 7).
    for start in [Float(1e-4), 16_777_216] {
        var x = start
        for _ in 0..<5000 { x = x.nextDown }
        for _ in 0..<10000 {
            let text = printed(x)
            let wanted = x < Float(1e-4) || x > 16_777_216
            #expect(text.contains("e") == wanted, "\(text)")
            #expect(Float(text) == x, "\(text)")
            x = x.nextUp
        }
    }
}

@Test func everyPrintedFloatIsTheShortestInItsForm() async {
    await propertyCheck(count: 3000, input: Gen.uint32(in: 0...UInt32.max)) { bits in
        let x = Float(bitPattern: bits)
        guard x.isFinite else { return }
        let text = printed(x)
        let back = Array(text.utf8).withUnsafeBufferPointer { NumberText.parseFloat($0.baseAddress!, $0.count) }
        #expect(back?.bitPattern == x.bitPattern, "\(text) reads back as \(String(describing: back))")

        // The form: an integer up to 2^24, positional from 1e-4 up, scientific otherwise.
        let magnitude = abs(x)
        let integer = x == x.rounded() && magnitude <= 16_777_216
        let scientific = text.contains("e")
        #expect(scientific == !(integer || x == 0 || (magnitude >= 1e-4 && magnitude < 1e7)), "\(text)")
        if integer { #expect(!text.contains(".") && !scientific, "\(text)") }
        if scientific {
            let parts = text.split(separator: "e")
            let exponent = parts[1]
            #expect(!exponent.hasPrefix("+") && !exponent.hasPrefix("0") && !exponent.hasPrefix("-0"), "\(text)")
            let mantissa = parts[0].drop { $0 == "-" }
            #expect(mantissa.first != "0" && !mantissa.hasSuffix(".") && !mantissa.hasSuffix("0")
                    && (mantissa.count == 1 || mantissa.dropFirst().first == "."), "\(text)")
        } else if text.contains(".") {
            #expect(!text.hasSuffix("0") && !text.hasSuffix("."), "\(text)")
        }

        // The fewest digits: one digit fewer, rounded either way, is another float.
        let digits = Array(text.drop { $0 == "-" }.prefix { $0 != "e" }.filter(\.isNumber).drop { $0 == "0" })
        guard digits.count >= 2, !integer else { return }
        for candidate in fewerDigits(x, count: digits.count - 1) {
            let other = Array(candidate.utf8).withUnsafeBufferPointer { NumberText.parseFloat($0.baseAddress!, $0.count) }
            #expect(other?.bitPattern != x.bitPattern, "\(candidate) is shorter than \(text) and reads back the same")
        }
    }
}

/// `x` with `count` significant digits, cut and rounded up (computed in Double, which holds
/// every float exactly).
private func fewerDigits(_ x: Float, count: Int) -> [String] {
    let d = Double(abs(x))
    var e = 0
    while pow10(e) > d { e -= 1 }
    while pow10(e + 1) <= d { e += 1 }
    let scaled = d / pow10(e - count + 1)
    let sign = x < 0 ? "-" : ""
    return [scaled.rounded(.down), scaled.rounded(.up)].map { "\(sign)\(Int($0))e\(e - count + 1)" }
}

private func pow10(_ e: Int) -> Double {
    var r = 1.0
    for _ in 0..<abs(e) { r = e < 0 ? r / 10 : r * 10 }
    return r
}
