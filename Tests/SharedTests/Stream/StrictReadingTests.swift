// The reader refuses every malformed stream with the line number and what it expected.
import Testing
@testable import Shared

private let good = "nn-stream 1\n@a f32 2x2 k=v\n1 2\n3 4\n@end\n"

@Test func aWellFormedStreamReads() throws {
    #expect(streamError(good) == nil)
}

@Test(arguments: [
    // (stream text, line the error must name, words the message must contain)
    ("", 1, "truncated input: the input is empty"),
    ("nn-strem 1\n@end\n", 1, "not an nn-stream"),
    ("nn-stream 2\n@end\n", 1, "unsupported stream version 2"),
    ("\u{7f}ELF\u{02}\u{01}garbage\n", 1, "not an nn-stream"),
    ("nn-stream 1\n", 2, "truncated input: the stream ends without '@end'"),
    ("nn-stream 1\n@a f32 2x2\n1 2\n", 4, "ends after 1 of 2 rows"),
    ("nn-stream 1\n@a f32 2x2\n1 2\n@end\n", 4, "ends after 1 of 2 rows"),
    ("nn-stream 1\n@a f32 2x2\n1 2\n3\n@end\n", 4, "row has 1 value, expected 2"),
    ("nn-stream 1\n@a f32 2x2\n1 2\n3 4 5\n@end\n", 4, "row has 3 values, expected 2"),
    ("nn-stream 1\n@a f32 1x2\n1 x\n@end\n", 3, "column 1: expected a finite f32"),
    ("nn-stream 1\n@a f32 1x2\n1 nan\n@end\n", 3, "NaN and infinities are not allowed"),
    ("nn-stream 1\n@a f32 1x2\n1 inf\n@end\n", 3, "found 'inf'"),
    ("nn-stream 1\n@a f32 1x2\n1 1e39\n@end\n", 3, "found '1e39'"),
    ("nn-stream 1\n@a f32 1x2\n1 0x1p3\n@end\n", 3, "found '0x1p3'"),
    ("nn-stream 1\n@a f32 1x2\n1 1,5\n@end\n", 3, "found '1,5'"),
    ("nn-stream 1\n@a i32 1x1\n2147483648\n@end\n", 3, "expected an i32 integer"),
    ("nn-stream 1\n@a u8 1x1\n256\n@end\n", 3, "u8 integer 0..255"),
    ("nn-stream 1\n@a f64 1x1\n1\n@end\n", 2, "unknown element type 'f64'"),
    ("nn-stream 1\n@a f32 2by2\n@end\n", 2, "malformed shape"),
    ("nn-stream 1\n@a f32\n@end\n", 2, "malformed section header"),
    ("nn-stream 1\n@a/b f32 1x1\n1\n@end\n", 2, "malformed section name"),
    ("nn-stream 1\n@a f32 0x0 novalue\n@end\n", 2, "expected key=value"),
    ("nn-stream 1\n@a f32 0x0 k=%zz\n@end\n", 2, "malformed %-escape"),
    ("nn-stream 1\n@a f32 0x0 k=1 k=2\n@end\n", 2, "given twice"),
    ("nn-stream 1\n@a f32 1000000000000x1\n@end\n", 2, "larger than the limit"),
    ("nn-stream 1\n@a f32 100000x100000\n@end\n", 2, "larger than the limit"),
    ("nn-stream 1\n1 2 3\n@end\n", 2, "expected a section header"),
    ("nn-stream 1\n@end\nmore\n", 3, "data after '@end'"),
    ("nn-stream 1\n@end\n@end\n", 3, "data after '@end'"),
    // One space between header fields and between the magic line's words; nothing after the
    // last field or value of any line ('@end ' included); no blank before a row's first value.
    ("nn-stream 1 \n@end\n", 1, "the line ends in a space"),
    ("nn-stream 1\t\n@end\n", 1, "the line ends in a tab"),
    ("nn-stream  1\n@end\n", 1, "not an nn-stream: expected 'nn-stream 1', found 'nn-stream  1'"),
    ("nn-stream\t1\n@end\n", 1, "not an nn-stream"),
    ("nn-stream 1\n@a  f32 1x1\n1\n@end\n", 2, "malformed section header: fields are separated by one space, found two spaces"),
    ("nn-stream 1\n@a f32 1x1  k=v\n1\n@end\n", 2, "fields are separated by one space, found two spaces"),
    ("nn-stream 1\n@a\tf32 1x1\n1\n@end\n", 2, "fields are separated by one space, found a tab"),
    ("nn-stream 1\n@a f32 1x1 \n1\n@end\n", 2, "the line ends in a space"),
    ("nn-stream 1\n@a f32 1x2\n1 2 \n@end\n", 3, "the line ends in a space"),
    ("nn-stream 1\n@a f32 1x2\n1 2\t\n@end\n", 3, "the line ends in a tab"),
    ("nn-stream 1\n@a f32 1x2\n 1 2\n@end\n", 3, "section a: the row starts with a space"),
    ("nn-stream 1\n@a u8 1x2\n\t1 2\n@end\n", 3, "section a: the row starts with a tab"),
    ("nn-stream 1\n@a f32 0x0\n@end \n", 3, "the line ends in a space"),
    // Comments are UTF-8 text without control characters, so a stage passes them on as they are.
    ("nn-stream 1\n#a\u{0}b\n@end\n", 2, "the comment holds a NUL byte"),
    ("nn-stream 1\n# \u{1b}[31mred\n@end\n", 2, "the comment holds control character \\x1b"),
    ("nn-stream 1\n#a\tb\n@end\n", 2, "the comment holds control character \\t"),
    ("nn-stream 1\n#next line\u{85}\n@end\n", 2, "the comment holds control character \\x85"),
    ("nn-stream 1\n#\u{202e}reversed\n@end\n", 2, "the comment holds control character \\u{202e}"),
    // Attribute values hold no raw control characters either: writers %-encode them.
    ("nn-stream 1\n@a f32 0x0 k=a\u{1}b\n@end\n", 2, "section a: attribute k holds control character \\x01"),
    ("nn-stream 1\n@a f32 0x0 k=a\u{2028}b\n@end\n", 2, "section a: attribute k holds control character \\u{2028}"),
    // Integers have no leading zeros (as ROWS and COLS), and 0 no sign.
    ("nn-stream 1\n@a u8 1x2\n1 007\n@end\n", 3, "section a, column 1: expected a u8 integer 0..255, found '007' (integers have no leading zeros)"),
    ("nn-stream 1\n@a u8 1x1\n0000000000000000000000255\n@end\n", 3, "found '0000000000000000000000255' (integers have no leading zeros)"),
    ("nn-stream 1\n@a i32 1x1\n01\n@end\n", 3, "expected an i32 integer, found '01' (integers have no leading zeros)"),
    ("nn-stream 1\n@a i32 1x1\n-0\n@end\n", 3, "expected an i32 integer, found '-0'"),
    ("nn-stream 1\n@a i32 1x1\n-01\n@end\n", 3, "found '-01' (integers have no leading zeros)"),
    // At most one section of each name.
    ("nn-stream 1\n@a f32 0x0\n@b f32 0x0\n@a f32 0x0\n@end\n", 4, "a second section named a (the first is on line 2): a stream holds at most one section of each name"),
    // Rows and columns are numbered from 0, as labels and classes are.
    ("nn-stream 1\n@a f32 1x3\n1 2 x\n@end\n", 3, "section a, column 2: expected a finite f32 number"),
    // A control byte inside a value is part of it (only spaces and tabs separate values).
    ("nn-stream 1\n@a f32 1x2\n1\u{1}5 2\n@end\n", 3, "section a, column 0: expected a finite f32 number (NaN and infinities are not allowed), found '1\\x015'"),
    ("nn-stream 1\n@a u8 1x2\n1 2\u{7f}\n@end\n", 3, "section a, column 1: expected a u8 integer 0..255, found '2\\x7f'"),
    // A NUL is named as such.
    ("nn-stream 1\n@a f32 1x2\n1 2\u{0}\n@end\n", 3, "section a, column 1: expected a finite f32 number (NaN and infinities are not allowed), found a NUL byte in '2\\x00'"),
])
func malformedStreamsNameTheLine(text: String, line: Int, words: String) {
    let e = streamError(text)
    #expect(e != nil, "accepted: \(text.debugDescription)")
    #expect(e?.line == line, "\(text.debugDescription): \(e?.message ?? "")")
    #expect(e?.detail.contains(words) == true, "\(text.debugDescription): \(e?.message ?? "") lacks '\(words)'")
}

@Test func commentsMayHoldAnyOtherUTF8AndSeparatorsMayBeRunsOfSpacesAndTabs() {
    #expect(streamError("nn-stream 1\n#\n# café ✓ 字 \\x1b \n@a f32 1x3\n1  2\t\t3\n@a.b u8 1x3\n0 255\t10\n@a.c i32 1x2\n0 -7\n@end\n") == nil)
}

@Test func aCommentThatIsNotUTF8IsRefused() {
    let e = streamError(bytes: Array("nn-stream 1\n# caf".utf8) + [0xE9] + Array("\n@end\n".utf8))
    #expect(e?.message == "line 2: the comment is not UTF-8 text")
}

@Test func anAttributeValueThatIsNotUTF8IsRefused() {
    let e = streamError(bytes: Array("nn-stream 1\n@a f32 0x0 k=caf".utf8) + [0xE9] + Array("\n@end\n".utf8))
    #expect(e?.message == "line 2: section a: attribute k has a malformed %-escape or is not UTF-8")
}

@Test func aHugeClaimedShapeIsRefusedWithoutAllocating() {
    // 2^31 elements is allowed by the header check but only 1 row follows: the reader must
    // report truncation rather than reserve 8 GiB up front.
    let e = streamError("nn-stream 1\n@a u8 2147483648x1\n1\n")
    #expect(e?.detail.contains("ends after 1 of 2147483648 rows") == true)
}

@Test func numbersParseToTheNearestFloat() throws {
    // Each text and the binary32 it must become, computed exactly in Python with
    // fractions.Fraction(text) against the neighbouring binary32 values (nearest, ties to even).
    let cases: [(String, UInt32)] = [
        ("0.1", 0x3DCC_CCCD), ("1e-45", 0x0000_0001), ("3.4028235e+38", 0x7F7F_FFFF),
        ("-0", 0x8000_0000), ("16777217", 0x4B80_0000), ("0.003921569", 0x3B80_8081),
        ("1.000000059604644775390625", 0x3F80_0000),  // exactly half way between 1 and 1+2^-23: ties to even
        ("1.00000005960464477539", 0x3F80_0000),      // just below half way
        ("1.0000000596046447754", 0x3F80_0001),       // just above half way
        ("123456789012345678901234567890", 0x6FC7_7488), ("7e-46", 0x0000_0000),
        ("8e-46", 0x0000_0001), ("1E5", 0x47C3_5000),
    ]
    for (text, bits) in cases {
        let v = Array(text.utf8).withUnsafeBufferPointer { NumberText.parseFloat($0.baseAddress!, $0.count) }
        #expect(v?.bitPattern == bits, "\(text) → \(String(v?.bitPattern ?? 0, radix: 16)), expected \(String(bits, radix: 16))")
    }
}

@Test func passThroughCopiesBytesExactlyAndStillChecksRows() throws {
    // Unusual but valid spacing and an unknown attribute must survive a copy unchanged.
    let text = "nn-stream 1\n# made by hand\n@odd.thing f32 2x3 future=yes\n1  2\t3\n-0 1e-45 0.5\n@end\n"
    let r = try reader(text)
    let out = try streamText { w in
        while let item = try r.next() {
            switch item {
            case .comment(let c): try w.comment(c)
            case .section(let h): try r.copy(h, to: w)
            }
        }
        try w.end()
    }
    #expect(out == text)
    let bad = try reader("nn-stream 1\n@a f32 1x2\n1 oops\n@end\n")
    guard case .section(let h)? = try bad.next() else { Issue.record("no section"); return }
    #expect(throws: StreamError.self) { _ = try streamText { w in try bad.copy(h, to: w) } }
}

@Test func nonFiniteValuesAreRefusedWhenWritten() {
    let m = Matrix(rows: 2, cols: 2, data: [1, 2, 3, .nan])
    #expect(throws: StreamError(line: nil, "refusing to write nan in section m, row 1, column 1: the stream format allows finite numbers only")) {
        _ = try streamText { w in try w.write("m", m) }
    }
}
