// A section: a named matrix with its header (element type, shape, attributes).

public struct Section: Equatable, Sendable {
    public var header: SectionHeader
    public var storage: Storage

    public var name: String { header.name }
    public var rows: Int { header.rows }
    public var cols: Int { header.cols }
    public var attributes: Attributes {
        get { header.attributes }
        set { header.attributes = newValue }
    }

    public init(header: SectionHeader, storage: Storage) {
        precondition(storage.count == header.rows * header.cols, "Section \(header.name): \(storage.count) values for \(header.rows)x\(header.cols)")
        precondition(storage.elementType == header.type)
        self.header = header
        self.storage = storage
    }

    public init(name: String, matrix: Matrix, attributes: Attributes = Attributes()) {
        self.init(header: SectionHeader(name: name, type: .f32, rows: matrix.rows, cols: matrix.cols, attributes: attributes),
                  storage: .f32(matrix.data))
    }

    /// A one-column i32 section (labels).
    public init(name: String, labels: [Int32], attributes: Attributes = Attributes()) {
        self.init(header: SectionHeader(name: name, type: .i32, rows: labels.count, cols: 1, attributes: attributes),
                  storage: .i32(labels))
    }

    public init(name: String, integers: [Int32], rows: Int, cols: Int, attributes: Attributes = Attributes()) {
        self.init(header: SectionHeader(name: name, type: .i32, rows: rows, cols: cols, attributes: attributes),
                  storage: .i32(integers))
    }

    public init(name: String, bytes: [UInt8], rows: Int, cols: Int, attributes: Attributes = Attributes()) {
        self.init(header: SectionHeader(name: name, type: .u8, rows: rows, cols: cols, attributes: attributes),
                  storage: .u8(bytes))
    }

    /// The values as Float32: f32 as they are, i32 converted, u8 times its `scale` (default 1).
    public func matrix() throws -> Matrix {
        switch storage {
        case .f32(let v):
            return Matrix(rows: rows, cols: cols, data: v)
        case .i32(let v):
            return Matrix(rows: rows, cols: cols, data: v.map { Float($0) })
        case .u8(let v):
            let scale = try ByteScale(attributes["scale"], line: header.line, section: name)
            return Matrix(rows: rows, cols: cols, data: v.map { scale.apply($0) })
        }
    }

    /// The values of a one-column i32 section.
    public func labels() throws -> [Int32] {
        guard case .i32(let v) = storage else {
            throw StreamError(line: header.line, "section \(name) must be i32 labels, found \(header.type.rawValue)")
        }
        guard cols == 1 else {
            throw StreamError(line: header.line, "section \(name) must have one column of labels, found \(cols)")
        }
        return v
    }
}

/// The `scale` attribute of a u8 section: `p/q` or a decimal; a byte b stands for
/// Float32(b) * Float32(p) / Float32(q), evaluated left to right in binary32
/// (for `1/255` that is the correctly rounded b/255).
public struct ByteScale: Equatable, Sendable {
    public var numerator: Float
    public var denominator: Float

    public static let one = ByteScale(numerator: 1, denominator: 1)

    public init(numerator: Float, denominator: Float) {
        self.numerator = numerator
        self.denominator = denominator
    }

    public init(_ text: String?, line: Int? = nil, section: String = "") throws {
        guard let text else { self = .one; return }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1, let v = NumberText.parseFloat(parts[0]) {
            self.init(numerator: v, denominator: 1)
        } else if parts.count == 2, let p = NumberText.parseFloat(parts[0]), let q = NumberText.parseFloat(parts[1]), q != 0 {
            self.init(numerator: p, denominator: q)
        } else {
            throw StreamError(line: line, "section \(section): scale=\(text) is not a number or a fraction p/q")
        }
        // Every byte must stand for a finite Float32 (b·p can overflow, and so can p/q).
        if let b = (0...255).first(where: { !apply(UInt8($0)).isFinite }) {
            throw StreamError(line: line, "section \(section): scale=\(text) makes byte \(b) stand for \(apply(UInt8(b))); every byte 0..255 must stand for a finite number")
        }
    }

    @inline(__always)
    public func apply(_ b: UInt8) -> Float { Float(b) * numerator / denominator }

    public var text: String {
        denominator == 1 ? NumberText.text(numerator) : "\(NumberText.text(numerator))/\(NumberText.text(denominator))"
    }
}
