// libFuzzer target: the CSV reader (quotes, delimiters, BOM, CRLF) and CSVDataset.load
// with and without a header row, as `nn-data csv` reads a file.
#if canImport(Glibc)
import Glibc
#endif
import FuzzSupport
import Shared

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let fd = FuzzInput.file(data, size)
    let last = size > 0 ? data![size - 1] : 0
    let delimiter: UInt8 = last & 1 == 0 ? UInt8(ascii: ",") : UInt8(ascii: ";")
    let options = CSVOptions(label: nil, hasHeader: last & 2 == 0, delimiter: delimiter)
    FuzzInput.expectCleanErrors {
        let csv = CSVReader(LineReader(fileDescriptor: fd, bufferSize: 64), delimiter: delimiter)
        let data = try CSVDataset.load(csv, options)
        precondition(data.labels.count == data.rows)
        precondition(data.labels.allSatisfy { $0 >= 0 && Int($0) < data.classes.count })
    }
    return 0
}
