// libFuzzer target: the idx reader through GzipReader (plain and gzipped files):
// header, dimensions, items read in blocks, data after the last item.
#if canImport(Glibc)
import Glibc
#endif
import FuzzSupport
import Shared

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIdx(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let fd = FuzzInput.file(data, size)
    // Try the dimension count the file claims when it is one MNIST uses, else images.
    let claimed = size > 3 ? Int(data![3]) : 3
    let dimensions = claimed == 1 ? 1 : 3
    FuzzInput.expectCleanErrors {
        let file = try IdxFile(path: FuzzInput.path(fd), expectedDimensions: dimensions)
        if dimensions == 1 {
            let items = try file.readAll()
            precondition(items.count == file.count)
        } else {
            // In blocks, as Mnist streams images.
            var buffer: [UInt8] = []
            var first = 0
            let block = max(1, (1 << 18) / file.itemSize)
            while first < file.count {
                let n = min(block, file.count - first)
                try file.read(items: n, into: &buffer)
                precondition(buffer.count == n * file.itemSize)
                first += n
            }
            try file.checkEnd()
        }
    }
    return 0
}
