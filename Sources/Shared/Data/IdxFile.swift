// The idx format of the MNIST files (http://yann.lecun.com/exdb/mnist/): the bytes 0, 0,
// a type code (0x08 = unsigned byte), the number of dimensions d, then d big-endian
// UInt32 sizes, then the items, row-major. Read gzipped or plain through GzipReader.

public final class IdxFile {
    public let path: String
    /// The sizes from the header; dimensions[0] is the number of items.
    public let dimensions: [Int]
    private let reader: GzipReader
    private var itemsRead = 0

    public var count: Int { dimensions[0] }
    /// Bytes per item: the product of the dimensions after the first (28·28 for images).
    public let itemSize: Int

    /// The largest item accepted: 2^24 bytes (a 4096x4096 image), whose row of u8 values
    /// still fits the stream's line limit at 4 bytes a value.
    public static let maxItemSize = 1 << 24
    /// How far ahead of the bytes actually read a buffer may grow.
    static let chunk = 1 << 20

    /// Opens `path` and checks its header: unsigned bytes in `expectedDimensions` dimensions.
    public init(path: String, expectedDimensions: Int, hint: String? = nil) throws {
        self.path = path
        let reader = try GzipReader(path: path, hint: hint)
        self.reader = reader
        var magic = [UInt8](repeating: 0, count: 4)
        let got = try magic.withUnsafeMutableBytes { try reader.read(into: $0.baseAddress!, count: 4) }
        guard got == 4, magic[0] == 0, magic[1] == 0 else {
            throw DataError("\(path): not an idx file: expected the magic bytes 00 00 08 \(String(expectedDimensions, radix: 16, uppercase: true).leftPadded(2)) at the start")
        }
        guard magic[2] == 0x08 else {
            throw DataError("\(path): idx element type 0x\(String(magic[2], radix: 16, uppercase: true).leftPadded(2)) is not supported, expected 0x08 (unsigned bytes)")
        }
        guard Int(magic[3]) == expectedDimensions else {
            throw DataError("\(path): idx file has \(magic[3]) dimensions, expected \(expectedDimensions)")
        }
        var sizes = [UInt8](repeating: 0, count: 4 * expectedDimensions)
        let n = try sizes.withUnsafeMutableBytes { try reader.read(into: $0.baseAddress!, count: $0.count) }
        guard n == sizes.count else {
            throw DataError("\(path): idx header is truncated: expected \(expectedDimensions) sizes of 4 bytes")
        }
        let dimensions = (0..<expectedDimensions).map { d in
            sizes[(4 * d)..<(4 * d + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        self.dimensions = dimensions
        let shape = dimensions.map(String.init).joined(separator: "x")
        // Each size is below 2^32, so the product of two of them may pass Int.max: multiply with a check.
        var size = 1
        for d in dimensions.dropFirst() {
            let (p, overflow) = size.multipliedReportingOverflow(by: d)
            guard d > 0, !overflow, p <= IdxFile.maxItemSize else {
                throw DataError("\(path): idx dimensions \(shape): items must be non-empty and at most \(IdxFile.maxItemSize) bytes")
            }
            size = p
        }
        itemSize = size
    }

    /// Replaces `buffer`'s contents with the next `items` items (items × itemSize bytes).
    /// The buffer grows as bytes arrive, at most 1 MiB ahead of them, so a header that
    /// claims more than the file holds costs no more memory than the file itself.
    /// A file that ends early is an error naming how many items it holds.
    public func read(items: Int, into buffer: inout [UInt8]) throws {
        precondition(itemsRead + items <= count, "IdxFile: reading past the header's count")
        let want = items * itemSize
        buffer.removeAll(keepingCapacity: true)
        while buffer.count < want {
            let start = buffer.count
            let step = min(want - start, IdxFile.chunk)
            buffer.append(contentsOf: repeatElement(0, count: step))
            let got = try buffer.withUnsafeMutableBytes { try reader.read(into: $0.baseAddress! + start, count: step) }
            guard got == step else {
                let complete = itemsRead + (start + got) / itemSize
                throw DataError("\(path): truncated: the header says \(count) items, the file ends after \(complete)")
            }
        }
        itemsRead += items
    }

    /// Reads every remaining item.
    public func readAll() throws -> [UInt8] {
        var out: [UInt8] = []
        try read(items: count - itemsRead, into: &out)
        try checkEnd()
        return out
    }

    /// After the last item: refuses bytes the header does not account for.
    public func checkEnd() throws {
        var byte: UInt8 = 0
        if try reader.read(into: &byte, count: 1) != 0 {
            throw DataError("\(path): has data after the \(count) items its header declares")
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
