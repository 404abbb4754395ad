// Helpers for data tests: temporary files, small idx files (plain or gzipped), CSV text.
#if canImport(Glibc)
import Glibc
#endif
import CZlib
@testable import Shared

/// A fresh temporary directory.
func temporaryDirectory() -> String {
    var template = Array("/tmp/nn-data-test-XXXXXX".utf8CString)
    guard let p = mkdtemp(&template) else { fatalError("mkdtemp failed") }
    return String(cString: p)
}

func removeDirectory(_ path: String) {
    _ = system("rm -rf '\(path)'")
}

/// Writes `bytes` to `path`, through gzip when `gzipped`.
func writeFile(_ path: String, _ bytes: [UInt8], gzipped: Bool = false) {
    if gzipped {
        let f = gzopen(path, "wb")!
        _ = bytes.withUnsafeBytes { gzwrite(f, $0.baseAddress, UInt32($0.count)) }
        gzclose(f)
    } else {
        let f = fopen(path, "wb")!
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        fclose(f)
    }
}

/// An idx file of unsigned bytes: 00 00 08 d, d big-endian sizes, the items.
func idxBytes(dimensions: [Int], items: [UInt8]) -> [UInt8] {
    var out: [UInt8] = [0, 0, 8, UInt8(dimensions.count)]
    for d in dimensions { out += [UInt8(d >> 24 & 255), UInt8(d >> 16 & 255), UInt8(d >> 8 & 255), UInt8(d & 255)] }
    return out + items
}

/// A tiny MNIST-format dataset in `dir`: 2x3-pixel images whose pixels all equal
/// 10·label + index-in-file, so a test can tell which image went where.
func writeTinyMnist(_ dir: String, trainLabels: [UInt8], testLabels: [UInt8], gzipped: Bool) {
    for (stem, labels) in [("train", trainLabels), ("t10k", testLabels)] {
        var pixels: [UInt8] = []
        for (i, label) in labels.enumerated() { pixels += [UInt8](repeating: 10 * label + UInt8(i), count: 6) }
        let suffix = gzipped ? ".gz" : ""
        writeFile("\(dir)/\(stem)-labels-idx1-ubyte\(suffix)", idxBytes(dimensions: [labels.count], items: labels), gzipped: gzipped)
        writeFile("\(dir)/\(stem)-images-idx3-ubyte\(suffix)", idxBytes(dimensions: [labels.count, 2, 3], items: pixels), gzipped: gzipped)
    }
}

/// A CSVReader over `text`, read through a pipe (tests keep their CSV text small) and a
/// tiny buffer, so that records straddle buffer refills.
func csvReader(_ text: String, delimiter: Character = ",") -> CSVReader {
    var ends: [Int32] = [0, 0]
    precondition(pipe(&ends) == 0)
    let bytes = Array(text.utf8)
    precondition(bytes.count < 32768, "csvReader: text too large for a pipe")
    _ = bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
    close(ends[1])
    return CSVReader(LineReader(fileDescriptor: ends[0], ownsDescriptor: true, bufferSize: 16), delimiter: delimiter.asciiValue!)
}

/// Every record of `text` as fields.
func csvRecords(_ text: String) throws -> [[String]] {
    let r = csvReader(text)
    var out: [[String]] = []
    while try r.next() { out.append((0..<r.count).map(r.field)) }
    return out
}

/// The stream a `StreamWriter` body writes, read back into sections.
func sections(_ body: (StreamWriter) throws -> Void) throws -> [String: Section] {
    let text = try streamText { w in try body(w); try w.end() }
    let (all, _) = try reader(text).readAll()
    return Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
}

/// The error `body` throws, as the message a user would see.
func userFacingError(_ body: () throws -> Void) -> (message: String, exitCode: Int32)? {
    do {
        try body()
        return nil
    } catch let e as UserFacingError {
        return (e.message, e.exitCode)
    } catch {
        return ("\(error)", -1)
    }
}
