// Property tests: whatever the shape and values, writing a section and reading it back
// gives the same header and the same bits.
import PropertyBased
import Testing
@testable import Shared

/// Any finite Float32, drawn by bit pattern so that subnormals, -0 and extremes all occur.
private let anyFiniteFloat = Gen.uint32(in: 0...UInt32.max).map { bits -> Float in
    let f = Float(bitPattern: bits)
    return f.isFinite ? f : Float(bitPattern: bits & 0x807F_FFFF)  // NaN/inf → same sign, exponent 0
}

@Test func everyFiniteFloatRoundTripsBitForBit() async throws {
    await propertyCheck(count: 300, input: anyFiniteFloat.array(of: 1...60), Gen.int(in: 1...6)) { values, cols in
        let rows = values.count / cols
        guard rows > 0 else { return }
        let m = Matrix(rows: rows, cols: cols, data: Array(values.prefix(rows * cols)))
        let text = try! streamText { w in try w.write("m", m); try w.end() }
        let back = try! reader(text).readAll().sections[0].matrix()
        #expect(back.rows == rows && back.cols == cols)
        #expect(back.data.map(\.bitPattern) == m.data.map(\.bitPattern))
    }
}

@Test func specialFloatsRoundTripBitForBit() throws {
    let specials: [Float] = [0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
                             .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 1, -1, 0.1, 1e7, 16_777_217,
                             Float(bitPattern: 0x007F_FFFF), 3.4e38, 1.17549435e-38, 123456.79]
    let m = Matrix(rows: 1, cols: specials.count, data: specials)
    let text = try streamText { w in try w.write("m", m); try w.end() }
    let back = try reader(text).readAll().sections[0].matrix()
    #expect(back.data.map(\.bitPattern) == specials.map(\.bitPattern))
}

@Test func integerAndByteSectionsRoundTrip() async throws {
    await propertyCheck(count: 200, input: Gen.int32(in: Int32.min...Int32.max).array(of: 0...40),
                        Gen.uint8(in: 0...255).array(of: 0...40)) { ints, bytes in
        let text = try! streamText { w in
            try w.write(Section(name: "i", integers: ints, rows: ints.count, cols: 1))
            try w.write(Section(name: "b", bytes: bytes, rows: 1, cols: bytes.count))
            try w.end()
        }
        let back = try! reader(text).readAll().sections
        #expect(back[0].storage == .i32(ints))
        if bytes.isEmpty {
            #expect(back[1].storage == .u8([]))
        } else {
            #expect(back[1].storage == .u8(bytes))
        }
    }
}

@Test func listItemsWithACombiningMarkAfterACommaOrPercentRoundTrip() throws {
    var a = Attributes()
    a.setList("classes", ["a,\u{301}b", "%\u{301}", "c"])
    #expect(a["classes"] == "a%2C\u{301}b,%25\u{301},c")
    #expect(a.list("classes") == ["a,\u{301}b", "%\u{301}", "c"])
}

@Test func attributeValuesRoundTripWhateverTheyHold() async throws {
    // U+0301, a combining mark, joins the character before it (a `,` or `%`) into one Character:
    // the escaping must work on the bytes, not on Characters.
    let anyText = Gen.element(of: Array("aZ09 ,%=\t\"'é/\\-_.") + ["\u{1F600}", "\u{301}"]).compactMap { $0 }.array(of: 0...12).map { String($0) }
    await propertyCheck(count: 300, input: anyText, anyText.array(of: 0...4)) { value, items in
        var a = Attributes()
        a["note"] = value
        a.setList("classes", items)
        let text = try! streamText { w in
            try w.write(Section(header: SectionHeader(name: "s", type: .f32, rows: 0, cols: 0, attributes: a), storage: .f32([])))
            try w.end()
        }
        let back = try! reader(text).readAll().sections[0].attributes
        #expect(back["note"] == value)
        // An empty list and a list of one empty item both print as ""; both read back as [].
        if !(items.count == 1 && items[0].isEmpty) {
            #expect(back.list("classes") == items)
        }
    }
}

// Control characters in a value are %-encoded byte by byte, the C1 ones (two UTF-8 bytes) and
// the Unicode separators and bidirectional controls too: a header is text a terminal shows as it is.
@Test(arguments: [
    ("a b%c", "a%20b%25c"),
    ("\u{1b}[31m\u{7}\u{7f}", "%1B[31m%07%7F"),
    ("csi\u{9b}end", "csi%C2%9Bend"),
    ("rtl\u{202e}sep\u{2028}", "rtl%E2%80%AEsep%E2%80%A8"),
    ("é✓字", "é✓字"),
])
func attributeValuesEncodeEveryControlCharacter(_ value: String, _ encoded: String) throws {
    #expect(Attributes.encodeValue(value) == encoded)
    #expect(Attributes.decodeValue(Array(encoded.utf8)) == value)
}

// A comment is one line whatever its text holds (a command line may hold a CR LF pair, which is
// a single Character, or a NUL); the stream reads back.
@Test func aCommentIsOneLineWhateverItsTextHolds() throws {
    let text = try streamText { w in
        try w.comment(" nn-fit --save 'a\r\n@end\r\nb\u{0}\u{1b}'")
        try w.write(Section(name: "x", matrix: Matrix([[1]])))
        try w.end()
    }
    #expect(text.hasPrefix("nn-stream 1\n# nn-fit --save 'a\\r\\n@end\\r\\nb\\x00\\x1b'\n@x f32 1x1\n"))
    #expect(try reader(text).readAll().sections.map(\.name) == ["x"])
}
