// Sections of every shape, empty ones included (0 rows, 0 columns), and of all three
// element types in one stream, read back exactly as they were written.
import Testing
import PropertyBased
@testable import Shared

/// A random finite Float drawn from all bit patterns (subnormals, -0 and extremes included).
private func finiteFloat(_ random: inout Random) -> Float {
    while true {
        let x = Float(bitPattern: UInt32(truncatingIfNeeded: random.next()))
        if x.isFinite { return x }
    }
}

@Test func sectionsOfEveryShapeIncludingEmptyOnesRoundTrip() async {
    await propertyCheck(count: 200, input: Gen.int(in: 0...7), Gen.int(in: 0...9), Gen.uint64(in: 0...UInt64.max)) { rows, cols, seed in
        var random = Random(seed: seed)
        let floats = (0..<(rows * cols)).map { _ in finiteFloat(&random) }
        let ints = (0..<(rows * cols)).map { _ in Int32(truncatingIfNeeded: random.next()) }
        let bytes = (0..<(rows * cols)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var attributes = Attributes()
        attributes.setList("classes", ["a b", "c,d", "50%", ""])
        attributes["note"] = "tab\there"
        let written = [
            Section(name: "f", matrix: Matrix(rows: rows, cols: cols, data: floats), attributes: attributes),
            Section(name: "i.j", integers: ints, rows: rows, cols: cols),
            Section(name: "u-8", bytes: bytes, rows: rows, cols: cols, attributes: Attributes([("scale", "1/255")])),
        ]
        do {
            let text = try streamText { w in
                for s in written { try w.write(s) }
                try w.end()
            }
            let (read, _) = try reader(text).readAll()
            #expect(read.map(\.header) == written.map(\.header))
            guard case .f32(let back) = read[0].storage else { Issue.record("f32 came back as \(read[0].header.type)"); return }
            #expect(back.map(\.bitPattern) == floats.map(\.bitPattern))
            #expect(read[1].storage == written[1].storage)
            #expect(read[2].storage == written[2].storage)
            #expect(read[0].attributes.list("classes") == ["a b", "c,d", "50%", ""])
            #expect(read[0].attributes["note"] == "tab\there")
        } catch {
            Issue.record("round trip failed: \(error)")
        }
    }
}
