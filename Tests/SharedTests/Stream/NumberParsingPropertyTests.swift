// The number parsers against independent oracles: the standard library's correctly
// rounded conversion for f32 text, and the token-by-token parser for u8 rows.
import Testing
import PropertyBased
@testable import Shared

@Test func parsedDecimalsAreTheCorrectlyRoundedFloat() async {
    // Decimals with 1...17 significant digits around random doubles: NumberText must give
    // the same Float as the standard library's (correctly rounded) conversion.
    await propertyCheck(count: 500, input: Gen.uint64(in: 0...UInt64.max)) { seed in
        var random = Random(seed: seed)
        for _ in 0..<40 {
            let magnitude = random.uniform() * 80 - 40
            var d = random.uniform() * pow10(magnitude)
            if random.below(2) == 0 { d = -d }
            let digits = 1 + random.below(17)
            let text = decimalText(d, significantDigits: digits)
            let expected = Float(text)!
            let got = Array(text.utf8).withUnsafeBufferPointer { NumberText.parseFloat($0.baseAddress!, $0.count) }
            if expected.isFinite {
                #expect(got?.bitPattern == expected.bitPattern, "\(text)")
            } else {
                #expect(got == nil, "\(text)")
            }
        }
    }
}

@Test func binary32MidpointsRoundToEven() {
    // 1 + 2^-24 lies halfway between 1 and the next float: ties go to the even one, 1.
    // 1 + 3·2^-24 lies halfway between 1 + 2^-23 and 1 + 2^-22: ties go to 1 + 2^-22.
    for (text, expected) in [("1.000000059604644775390625", Float(1)),
                             ("1.000000178813934326171875", Float(1) + 0x1p-22),
                             ("1.0000000596046448", Float(1) + 0x1p-23)] {
        let got = Array(text.utf8).withUnsafeBufferPointer { NumberText.parseFloat($0.baseAddress!, $0.count) }
        #expect(got == expected, "\(text)")
        #expect(Float(text) == expected, "\(text)")
    }
}

private func pow10(_ e: Double) -> Double {
    var r = 1.0
    let n = Int(e.rounded(.down))
    for _ in 0..<abs(n) { r = n < 0 ? r / 10 : r * 10 }
    return r
}

/// `d` in scientific notation with the given number of significant digits (`-1.2345e-7`).
/// The digits are cut, not rounded; the parser must round whatever it is given.
private func decimalText(_ d: Double, significantDigits: Int) -> String {
    let negative = d < 0
    var x = abs(d)
    guard x > 0 else { return "0" }
    var e = 0
    while x >= 10 { x /= 10; e += 1 }
    while x < 1 { x *= 10; e -= 1 }
    var text = negative ? "-" : ""
    for i in 0..<significantDigits {
        let digit = min(9, Int(x))
        text += "\(digit)"
        if i == 0 && significantDigits > 1 { text += "." }
        x = (x - Double(digit)) * 10
    }
    return text + "e\(e)"
}

@Test func byteRowParserAcceptsExactlyWhatTheTokenParserAccepts() async {
    // Rows built from valid bytes, leading zeros, out-of-range and non-digit tokens, runs of
    // spaces and tabs, blanks before the first value or after the last, CR at the end (refused:
    // stream lines end in LF alone); the one-pass parser must agree with parseUInt8 per token.
    // Rows are mostly valid values, so that the parser's paths reading 64 and 4 bytes at once
    // (in rows long enough for them) meet the odd piece at any place.
    let valid = ["0", "0", "0", "7", "42", "99", "100", "199", "255"]
    let pieces = valid + ["256", "300", "999", "01", "007", "1000", "x", "-1", "2a", "2:", "/", " ", "  ", "\t", "é"]
    await propertyCheck(count: 3000, input: Gen.uint64(in: 0...UInt64.max)) { seed in
        var random = Random(seed: seed)
        var tokens: [String] = []
        let oddOneIn = [2, 8, 60, 1000][random.below(4)]
        for _ in 0..<random.below(90) {
            tokens.append(random.below(oddOneIn) == 0 ? pieces[random.below(pieces.count)] : valid[random.below(valid.count)])
        }
        var text = (random.below(4) == 0 ? " " : "") + tokens.joined(separator: random.below(5) == 0 ? "\t" : " ")
        if random.below(6) == 0 { text += "\r" }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        // A row has no blank before its first value or after its last, and no CR.
        let blankEnd = [" ", "\t", "\r"].contains { text.hasPrefix($0) || text.hasSuffix($0) }
        let expected: [UInt8]? = blankEnd ? nil : {
            let values = words.map { w in Array(w.utf8).withUnsafeBufferPointer { NumberText.parseUInt8($0.baseAddress!, $0.count) } }
            return values.contains(where: { $0 == nil }) ? nil : values.map { $0! }
        }()
        for cols in Set([words.count, max(0, words.count - 1), words.count + 1]) {
            var out = [UInt8](repeating: 0, count: max(cols, 1))
            let ok = Array(text.utf8).withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { NumberText.parseByteRow(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, b.count, cols: cols, into: $0.baseAddress!) }
            }
            let want = expected != nil && cols == words.count
            #expect(ok == want, "\(text.debugDescription) cols=\(cols)")
            if ok && want { #expect(Array(out.prefix(cols)) == expected!, "\(text.debugDescription)") }
        }
    }
}

@Test func byteRowParserMeetsEachOddPieceAtEveryPlace() {
    // A long row of valid values with one odd piece put at each value's place in turn, so the
    // piece falls at every offset of the 64-byte blocks (a run of blanks across a block's
    // edge among them); the one-pass parser must agree with parseUInt8 per token.
    let valid = ["42", "7", "0", "255", "100", "0", "9"]
    for odd in [" ", "  ", "\t", "01", "00", "256", "999", "1000", "x", "é", "0"] {
        for place in 0..<80 {
            var tokens = (0..<80).map { valid[$0 % valid.count] }
            tokens[place] = odd == " " || odd == "  " || odd == "\t" ? tokens[place] + odd : odd
            let text = tokens.joined(separator: " ")
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let values = words.map { w in Array(w.utf8).withUnsafeBufferPointer { NumberText.parseUInt8($0.baseAddress!, $0.count) } }
            // A blank after the last value is refused too.
            let expected = values.contains(where: { $0 == nil }) || text.last!.isWhitespace ? nil : values.map { $0! }
            var out = [UInt8](repeating: 0, count: words.count)
            let ok = Array(text.utf8).withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { NumberText.parseByteRow(b.baseAddress!, b.count, cols: words.count, into: $0.baseAddress!) }
            }
            #expect(ok == (expected != nil), "\(odd.debugDescription) at \(place)")
            if ok, let expected { #expect(out == expected, "\(odd.debugDescription) at \(place)") }
        }
    }
}

@Test func blockParserTakesOnlyWholeBlocksOfSimpleValues() {
    // ByteBlocks directly: it takes 64-byte blocks of values each followed by one
    // space, and stops, reading nothing of it, at a block that begins with a blank or holds a
    // value above 255.
    let values = (0..<100).map { UInt8(($0 * 37) % 256) }
    let text = Array(("9 " + values.map(String.init).joined(separator: " ")).utf8)
    var out = [UInt8](repeating: 0, count: 100)
    var at = 2
    let n = text.withUnsafeBufferPointer { t in out.withUnsafeMutableBufferPointer { ByteBlocks.parse(t.baseAddress!, t.count, at: &at, into: $0.baseAddress!, room: 100) } }
    #expect(n > 40 && at > 128 && at + 64 > text.count)
    #expect(Array(out.prefix(n)) == Array(values.prefix(n)))
    #expect(text[at - 1] == UInt8(ascii: " "))
    // A blank where a value should begin, and a value of 256: nothing is taken.
    for odd in [" 1 2", "256 1"] {
        let bad = Array(("9 " + odd + " " + values.map(String.init).joined(separator: " ")).utf8)
        var at = 2
        let n = bad.withUnsafeBufferPointer { t in out.withUnsafeMutableBufferPointer { ByteBlocks.parse(t.baseAddress!, t.count, at: &at, into: $0.baseAddress!, room: 100) } }
        #expect(n == 0)
        #expect(at == 2)
    }
}
