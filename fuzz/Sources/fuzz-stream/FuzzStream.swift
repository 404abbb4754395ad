// libFuzzer target: the stream reader (magic line, headers, attributes, every element
// type, read/copy/skip/visitRows) and Network(sections:) over whatever it reads.
// Whatever reads successfully must write back and read again to the same sections.
#if canImport(Glibc)
import Glibc
#endif
import FuzzSupport
import Shared

let devNull = open("/dev/null", O_WRONLY)
let outputFile = FuzzInput.scratchFile()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStream(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let fd = FuzzInput.file(data, size)
    // The last byte picks how sections are consumed, so one input reaches every mode.
    let mode = size > 0 ? Int(data![size - 1]) : 0
    FuzzInput.expectCleanErrors {
        // A small buffer makes lines cross buffer boundaries and the buffer grow.
        let reader = try StreamReader(LineReader(fileDescriptor: fd, bufferSize: 64))
        let writer = StreamWriter(ByteWriter(fileDescriptor: devNull, bufferSize: 4096))
        var kept: [Section] = []
        var index = 0
        while let item = try reader.next() {
            guard case .section(let h) = item else { continue }
            index += 1
            if Network.isModelSection(h.name) {
                kept.append(try reader.read(h))
                continue
            }
            switch (mode + index) % 5 {
            case 0: kept.append(try reader.read(h))
            case 1: kept.append(try reader.read(h, copyingTo: writer))
            case 2: try reader.copy(h, to: writer)
            case 3: try reader.skip(h)
            default:
                var count = 0
                try reader.visitRows(h, copyingTo: writer) { r, row in
                    precondition(r == count && row.count == h.cols && row.allSatisfy(\.isFinite))
                    count += 1
                }
                precondition(count == h.rows)
            }
        }
        if kept.contains(where: { $0.name == "model" }) {
            _ = try? Network(sections: kept)
        }
        try roundTrip(kept)
    }
    return 0
}

/// Writes `sections` as a stream and reads it back: it must give the same sections.
func roundTrip(_ sections: [Section]) throws {
    let out = FuzzInput.refill(outputFile, nil, 0)
    let writer = StreamWriter(ByteWriter(fileDescriptor: out, bufferSize: 4096))
    for s in sections { try writer.write(s) }
    try writer.end()
    lseek(out, 0, SEEK_SET)
    let again = try StreamReader(LineReader(fileDescriptor: out, bufferSize: 4096)).readAll().sections
    precondition(again == sections, "a section read from the input reads back differently after writing")
}
