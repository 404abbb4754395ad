// Limits of the idx and CSV readers: sizes that overflow, counts the file does not hold,
// and records without an end fail cleanly, allocating no more than what was read.
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Shared

@Test(arguments: [false, true])
func idxDimensionsWhoseProductOverflowsAreRefused(gzipped: Bool) {
    // 0xFFFFFFFF² passes Int.max: computing the item size used to trap.
    let dir = temporaryDirectory()
    defer { removeDirectory(dir) }
    writeFile("\(dir)/i", idxBytes(dimensions: [1, 0xFFFF_FFFF, 0xFFFF_FFFF], items: [1, 2, 3]), gzipped: gzipped)
    let e = userFacingError { _ = try IdxFile(path: "\(dir)/i", expectedDimensions: 3) }
    #expect(e?.exitCode == ExitCode.dataError)
    #expect(e?.message.contains("idx dimensions 1x4294967295x4294967295: items must be non-empty and at most 16777216 bytes") == true, "\(e?.message ?? "accepted")")
}

@Test func idxItemsOfZeroBytesAreRefused() {
    let dir = temporaryDirectory()
    defer { removeDirectory(dir) }
    writeFile("\(dir)/i", idxBytes(dimensions: [3, 0, 28], items: []))
    #expect(userFacingError { _ = try IdxFile(path: "\(dir)/i", expectedDimensions: 3) }?.message.contains("must be non-empty") == true)
}

@Test(arguments: [false, true])
func anIdxCountFarBeyondTheFileIsATruncationNotAnAllocation(gzipped: Bool) {
    // 2^32−1 labels claimed, 10 present: reading grows with the bytes, then names the count.
    let dir = temporaryDirectory()
    defer { removeDirectory(dir) }
    writeFile("\(dir)/l", idxBytes(dimensions: [0xFFFF_FFFF], items: Array(0..<10)), gzipped: gzipped)
    let e = userFacingError { _ = try IdxFile(path: "\(dir)/l", expectedDimensions: 1).readAll() }
    #expect(e?.message.contains("the header says 4294967295 items, the file ends after 10") == true, "\(e?.message ?? "accepted")")
}

@Test func mnistImagesClaimingMoreThanTheFileHoldsAreATruncation() {
    // Labels and images agree on 4 items, but the images file holds 1 image of 64x64.
    let dir = temporaryDirectory()
    defer { removeDirectory(dir) }
    writeTinyMnist(dir, trainLabels: [1, 2, 3, 4], testLabels: [1], gzipped: false)
    writeFile("\(dir)/train-images-idx3-ubyte", idxBytes(dimensions: [4, 4096, 4096], items: [UInt8](repeating: 1, count: 4096)))
    let e = userFacingError {
        try Mnist(directory: dir, classes: .all(.digits)).write(to: StreamWriter(ByteWriter(fileDescriptor: open("/dev/null", O_WRONLY))))
    }
    #expect(e?.message.contains("the header says 4 items, the file ends after 0") == true, "\(e?.message ?? "accepted")")
}

@Test func aCSVQuotedFieldNeverClosedStopsAtTheRecordLimit() throws {
    // The default limit is 64 MiB (LineReader.maxLineLength); 1 MiB keeps the test quick.
    var chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 16)
    chunk[chunk.count - 1] = 10
    let fd = largeInput("a,b\n1,\"", chunk, count: 40)
    let e = userFacingError { _ = try CSVDataset.load(CSVReader(LineReader(fileDescriptor: fd, ownsDescriptor: true), maxRecordLength: 1 << 20), CSVOptions()) }
    #expect(e?.exitCode == ExitCode.dataError)
    #expect(CSVReader(LineReader(fileDescriptor: 0)).maxRecordLength == 1 << 26)
    #expect(e?.message.contains("line 2, column 2: a record longer than 1048576 bytes") == true, "\(e?.message ?? "accepted")")
}
