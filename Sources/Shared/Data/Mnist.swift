// MNIST-format datasets (Fashion-MNIST, MNIST) from their four idx files: the
// official training and test files become train.* and test.*, images as u8 rows
// with scale=1/255. Rows stream from the file to the output, so memory stays small.
#if canImport(Glibc)
import Glibc
#endif

public struct Mnist: Sendable {
    /// Where Debian's dataset-fashion-mnist package installs the files.
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"
    public static let packageHint = "install Fashion-MNIST with 'apt-get install dataset-fashion-mnist', or give --dir (or NN_DATA_DIR) with the idx files"

    public var directory: String
    public var classes: ClassSelection
    public var limitTrain: Int?
    public var limitTest: Int?

    public init(directory: String, classes: ClassSelection, limitTrain: Int? = nil, limitTest: Int? = nil) {
        self.directory = directory
        self.classes = classes
        self.limitTrain = limitTrain
        self.limitTest = limitTest
    }

    public enum Part: String, CaseIterable, Sendable {
        case train, test
        /// The file name stem: `train-images-idx3-ubyte`, `t10k-labels-idx1-ubyte`.
        func stem(_ kind: String) -> String {
            "\(self == .train ? "train" : "t10k")-\(kind)-idx\(kind == "images" ? 3 : 1)-ubyte"
        }
    }

    /// The file of `part` and `kind` ("images" or "labels"): `<stem>.gz` if present, else
    /// `<stem>`, else the form with a dot (`train-images.idx3-ubyte`); missing → the .gz path.
    public func path(_ part: Part, _ kind: String) -> String {
        let stem = part.stem(kind)
        let dotted = stem.replacingAll("-idx", with: ".idx")
        let candidates = [stem + ".gz", stem, dotted + ".gz", dotted]
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return candidates.map { base + $0 }.first(where: fileExists) ?? base + candidates[0]
    }

    /// Which items of a part are kept: indices into the files and the new labels.
    struct Selection {
        var items: [Int] = []
        var labels: [Int32] = []
    }

    /// Opens both files of `part`, checks they agree, and picks the items of the selected
    /// classes in file order, at most `limit` of them.
    func open(_ part: Part) throws -> (images: IdxFile, selection: Selection) {
        let labelFile = try IdxFile(path: path(part, "labels"), expectedDimensions: 1, hint: Mnist.packageHint)
        let imageFile = try IdxFile(path: path(part, "images"), expectedDimensions: 3, hint: Mnist.packageHint)
        guard labelFile.count == imageFile.count else {
            throw DataError("\(imageFile.path) has \(imageFile.count) images but \(labelFile.path) has \(labelFile.count) labels")
        }
        let raw = try labelFile.readAll()
        var newLabel = [Int32](repeating: -1, count: 256)
        for (k, original) in classes.labels.enumerated() { newLabel[original] = Int32(k) }
        let limit = (part == .train ? limitTrain : limitTest) ?? Int.max
        var s = Selection()
        for (i, label) in raw.enumerated() where s.items.count < limit {
            guard label <= 9 else { throw DataError("\(labelFile.path): item \(i + 1) has label \(label), expected 0..9") }
            if newLabel[Int(label)] >= 0 {
                s.items.append(i)
                s.labels.append(newLabel[Int(label)])
            }
        }
        return (imageFile, s)
    }

    /// Pixels travel as bytes standing for byte/255; `image=` gives the height and width.
    static func imageAttributes(_ file: IdxFile) -> Attributes {
        Attributes([("scale", "1/255"), ("image", "\(file.dimensions[1])x\(file.dimensions[2])")])
    }

    /// Writes train.x, train.y, test.x, test.y from the official files, rows in file order;
    /// `labels: false` writes the test images alone, as test.x (rows to predict).
    public func write(to writer: StreamWriter, labels: Bool = true) throws {
        for part in labels ? Part.allCases : [.test] {
            let (images, selection) = try open(part)
            try writer.writeHeader(SectionHeader(name: "\(part.rawValue).x", type: .u8, rows: selection.items.count,
                                                 cols: images.itemSize, attributes: Mnist.imageAttributes(images)))
            try forEachImage(images, selection) { row in try writer.writeRow(row) }
            guard labels else { continue }
            var y = Attributes()
            y.setList("classes", classes.names)
            try writer.write(Section(name: "\(part.rawValue).y", labels: selection.labels, attributes: y))
        }
    }

    /// Both parts pooled (train rows, then test rows) for a split of one's own. The pixels
    /// are counted before they are read, so they are allocated once.
    public func load() throws -> LabelledData {
        let parts = try Part.allCases.map { try open($0) }
        let cols = parts[0].images.itemSize
        for (images, _) in parts where images.itemSize != cols {
            throw DataError("\(images.path): images of \(images.itemSize) pixels, the training images have \(cols)")
        }
        var pixels: [UInt8] = []
        // The headers' counts are only claims until the pixels arrive: reserve a bounded amount.
        pixels.reserveCapacity(min(parts.reduce(0) { $0 + $1.selection.items.count } * cols, SectionHeader.reservationLimit))
        for (images, selection) in parts {
            try forEachImage(images, selection) { pixels.append(contentsOf: $0) }
        }
        return LabelledData(features: .u8(pixels), rows: pixels.count / cols, cols: cols,
                            featureAttributes: Mnist.imageAttributes(parts[0].images),
                            labels: parts.flatMap(\.selection.labels), classes: classes.names)
    }

    /// Reads the file's images in blocks and calls `body` with each selected one, in order;
    /// stops reading after the last selected image.
    private func forEachImage(_ file: IdxFile, _ selection: Selection, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard let last = selection.items.last else { return }
        let size = file.itemSize
        let block = max(1, (1 << 18) / size)
        var buffer: [UInt8] = []
        var next = 0          // index into selection.items
        var first = 0         // item index of buffer[0]
        while first <= last {
            let n = min(block, file.count - first)
            try file.read(items: n, into: &buffer)
            try buffer.withUnsafeBufferPointer { b in
                while next < selection.items.count, selection.items[next] < first + n {
                    let offset = (selection.items[next] - first) * size
                    try body(UnsafeBufferPointer(rebasing: b[offset..<(offset + size)]))
                    next += 1
                }
            }
            first += n
        }
        if first == file.count { try file.checkEnd() }
    }
}

private func fileExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
}
