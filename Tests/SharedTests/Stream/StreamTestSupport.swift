// Helpers for stream tests: run a StreamWriter into memory, read a stream from bytes.
#if canImport(Glibc)
import Glibc
#endif
@testable import Shared

/// Writes with `body` into an unlinked temporary file and returns the text; `provenance` is
/// the comment the writer adds before the first section it writes itself.
func streamText(provenance: String? = nil, _ body: (StreamWriter) throws -> Void) throws -> String {
    // A temporary file rather than a pipe, so large outputs cannot block.
    var template = Array("/tmp/nn-test-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    precondition(fd >= 0)
    unlink(&template)
    let w = StreamWriter(ByteWriter(fileDescriptor: fd), provenance: provenance)
    try body(w)
    try w.out.flush()
    lseek(fd, 0, SEEK_SET)
    let r = LineReader(fileDescriptor: fd, ownsDescriptor: true)
    var text = ""
    while let line = try r.nextLine({ String(decoding: $0, as: UTF8.self) }) { text += line + "\n" }
    return text
}

/// A StreamReader over the given text; `fromFile` as when the stream is a file, not a pipe.
func reader(_ text: String, fromFile: Bool = false) throws -> StreamReader {
    try StreamReader(textLines(text), fromFile: fromFile)
}

/// A LineReader over the given text (an unlinked temporary file; a small buffer, so lines cross refills).
func textLines(_ text: String) -> LineReader {
    byteLines(Array(text.utf8))
}

/// A LineReader over the given bytes, which need not be UTF-8.
func byteLines(_ bytes: [UInt8]) -> LineReader {
    var template = Array("/tmp/nn-test-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    precondition(fd >= 0)
    unlink(&template)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    lseek(fd, 0, SEEK_SET)
    return LineReader(fileDescriptor: fd, ownsDescriptor: true, bufferSize: 64)
}

/// The StreamError that reading all of `text` throws, or nil when it reads cleanly.
func streamError(_ text: String, fromFile: Bool = false) -> StreamError? {
    streamError(bytes: Array(text.utf8), fromFile: fromFile)
}

/// The StreamError that reading all of `bytes` throws, or nil when they read cleanly.
func streamError(bytes: [UInt8], fromFile: Bool = false) -> StreamError? {
    do {
        _ = try StreamReader(byteLines(bytes), fromFile: fromFile).readAll()
        return nil
    } catch let e as StreamError {
        return e
    } catch {
        return StreamError(line: nil, "unexpected \(error)")
    }
}
