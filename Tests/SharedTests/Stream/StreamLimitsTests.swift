// Limits of the stream reader: a header's claims cost nothing until rows arrive, a row
// that cannot hold the claimed columns is refused before its buffer is made, lines have
// a maximum length, and CRLF line ends and a byte-order mark are refused by name.
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Shared

/// Reads `text` consuming every section with `mode`: read, copy, skip or visitRows.
private func streamError(_ text: String, mode: Int) -> StreamError? {
    do {
        let r = try reader(text)
        let sink = StreamWriter(ByteWriter(fileDescriptor: open("/dev/null", O_WRONLY)))
        while let item = try r.next() {
            guard case .section(let h) = item else { continue }
            switch mode {
            case 0: _ = try r.read(h)
            case 1: try r.copy(h, to: sink)
            case 2: try r.skip(h)
            default: try r.visitRows(h) { _, _ in }
            }
        }
        return nil
    } catch let e as StreamError {
        return e
    } catch {
        return StreamError(line: nil, "unexpected \(error)")
    }
}

@Test(arguments: [
    ("nn-stream 1\n@a f32 100000x100000\n@end\n", "larger than the limit of 2147483648 elements"),
    ("nn-stream 1\n@a f32 1000000000x1000000000\n@end\n", "1000000000 columns cannot fit in a line"),
    ("nn-stream 1\n@a f32 999999999999999999x999999999999999999\n@end\n", "columns cannot fit in a line"),
    // Zero rows used to skip the element check, leaving a 10^18-column row buffer to visitRows.
    ("nn-stream 1\n@a f32 0x999999999999999999\n@end\n", "columns cannot fit in a line"),
    ("nn-stream 1\n@a u8 1x33554433\n1\n@end\n", "33554433 columns cannot fit"),
    ("nn-stream 1\n@a f32 1x9999999999999999999\n@end\n", "malformed shape"),
])
func hugeOrOverflowingShapesAreRefusedAtTheHeader(text: String, words: String) {
    for mode in 0..<4 {
        let e = streamError(text, mode: mode)
        #expect(e?.line == 2, "\(e?.message ?? "accepted")")
        #expect(e?.detail.contains(words) == true, "\(e?.message ?? "accepted") lacks '\(words)'")
    }
}

@Test(arguments: ["f32", "i32", "u8"])
func aRowTooShortForTheClaimedColumnsIsRefusedBeforeItsBufferIsMade(type: String) {
    // 2^25 columns is the most a 64 MiB line can hold; one 3-byte row cannot. Every way of
    // consuming the section must refuse it by counting, not by making a 2^25-value buffer.
    for mode in 0..<4 {
        let e = streamError("nn-stream 1\n@a \(type) 1x33554432\n1 2\n@end\n", mode: mode)
        #expect(e?.line == 3 && e?.detail.contains("row has 2 values, expected 33554432") == true, "mode \(mode): \(e?.message ?? "accepted")")
    }
}

@Test func aHeaderClaimingManyRowsReservesLittleAndReportsTheTruncation() throws {
    // 2^31 f32 elements would be 8 GiB; reading two rows must not reserve more than the limit.
    let r = try reader("nn-stream 1\n@a f32 1073741824x2\n1 2\n3 4\n")
    guard case .section(let h) = try r.next() else { Issue.record("no section"); return }
    #expect(throws: StreamError.self) { _ = try r.read(h) }
    #expect(SectionHeader.reservationLimit <= 1 << 20)
}

/// An unlinked temporary file holding `head` then `count` copies of `chunk`, rewound.
func largeInput(_ head: String, _ chunk: [UInt8], count: Int) -> Int32 {
    var template = Array("/tmp/nn-test-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    precondition(fd >= 0)
    unlink(&template)
    _ = Array(head.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    for _ in 0..<count { _ = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
    lseek(fd, 0, SEEK_SET)
    return fd
}

@Test func aLineWithoutAnEndWithin64MiBIsRefused() throws {
    let fd = largeInput("nn-stream 1\n@a u8 1x1\n", [UInt8](repeating: UInt8(ascii: "7"), count: 1 << 20), count: 65)
    let r = try StreamReader(LineReader(fileDescriptor: fd, ownsDescriptor: true))
    guard case .section(let h) = try r.next() else { Issue.record("no section"); return }
    let e = #expect(throws: StreamError.self) { try r.skip(h) }
    #expect(e?.line == 3)
    #expect(e?.detail.contains("no line end within 67108864 bytes") == true, "\(e?.message ?? "")")
}

@Test(arguments: [
    ("nn-stream 1\r\n@end\r\n", 1, "CRLF line end"),
    ("nn-stream 1\n@a f32 1x2\r\n1 2\n@end\n", 2, "CRLF line end"),
    ("nn-stream 1\n@a f32 1x2\n1 2\r\n@end\n", 3, "CRLF line end"),
    ("nn-stream 1\n@a u8 1x2\n1 2\r\n@end\n", 3, "CRLF line end"),
    ("nn-stream 1\n@a f32 0x0\n@end\r\n", 3, "CRLF line end"),
    ("nn-stream 1\n# made by hand\r\n@end\n", 2, "CRLF line end"),
    ("nn-stream 1\n@end\n\r\n", 3, "CRLF line end"),
    ("\u{FEFF}nn-stream 1\n@end\n", 1, "byte-order mark"),
])
func crlfAndByteOrderMarksAreRefusedByName(text: String, line: Int, words: String) {
    for mode in 0..<4 {
        let e = streamError(text, mode: mode)
        #expect(e?.line == line, "\(text.debugDescription): \(e?.message ?? "accepted")")
        #expect(e?.detail.contains(words) == true, "\(text.debugDescription): \(e?.message ?? "accepted")")
    }
}
