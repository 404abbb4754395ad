// visitRows on byte sections (the one-pass u8 path): scaled values, pass-through copies,
// and the same error messages as the token-by-token path.
import Testing
@testable import Shared

@Test func byteRowsAreVisitedScaledAndCopiedByteForByte() throws {
    let input = "nn-stream 1\n@x u8 2x3 scale=1/255\n0 255  7\n1 2 3\n@e u8 2x0\n\n\n@end\n"
    var seen: [[Float]] = []
    let out = try streamText { w in
        let r = try reader(input)
        while let item = try r.next() {
            if case .section(let h) = item { try r.visitRows(h, copyingTo: w) { _, row in seen.append(Array(row)) } }
        }
        try w.end()
    }
    #expect(seen == [[0, 1, Float(7) / 255], [Float(1) / 255, Float(2) / 255, Float(3) / 255], [], []])
    #expect(out == input)
}

@Test func byteRowErrorsNameLineAndColumn() {
    for (row, message) in [("1 2 300", "line 3: section x, column 2: expected a u8 integer 0..255, found '300'"),
                           ("1 2", "line 3: section x: row has 2 values, expected 3"),
                           ("1 2 3 4", "line 3: section x: row has 4 values, expected 3"),
                           ("1 -2 3", "line 3: section x, column 1: expected a u8 integer 0..255, found '-2'")] {
        let e = streamError("nn-stream 1\n@x u8 1x3\n\(row)\n@end\n")
        #expect(e?.message == message)
        let visited: StreamError? = {
            do {
                let r = try reader("nn-stream 1\n@x u8 1x3\n\(row)\n@end\n")
                if case .section(let h)? = try r.next() { try r.visitRows(h) { _, _ in } }
                return nil
            } catch let e as StreamError { return e } catch { return nil }
        }()
        #expect(visited?.message == message)
    }
}
