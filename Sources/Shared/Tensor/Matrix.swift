// A dense Float32 matrix, row-major and contiguous: the one tensor type of nn.

public struct Matrix: Equatable, Sendable {
    public var rows: Int
    public var cols: Int
    public var data: [Float]

    public init(rows: Int, cols: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && cols >= 0)
        self.rows = rows
        self.cols = cols
        data = [Float](repeating: value, count: rows * cols)
    }

    public init(rows: Int, cols: Int, data: [Float]) {
        precondition(data.count == rows * cols, "Matrix: \(data.count) values for \(rows)x\(cols)")
        self.rows = rows
        self.cols = cols
        self.data = data
    }

    /// Builds a matrix from nested rows (tests and small constants).
    public init(_ nested: [[Float]]) {
        let width = nested.first?.count ?? 0
        precondition(nested.allSatisfy { $0.count == width }, "Matrix: ragged rows")
        rows = nested.count
        cols = width
        data = nested.flatMap { $0 }
    }

    public var count: Int { data.count }

    @inline(__always)
    public subscript(r: Int, c: Int) -> Float {
        get { data[r * cols + c] }
        set { data[r * cols + c] = newValue }
    }

    public func row(_ r: Int) -> ArraySlice<Float> { data[(r * cols)..<((r + 1) * cols)] }

    /// The rows at `indices`, in that order.
    public func rows(_ indices: [Int]) -> Matrix {
        var out = [Float]()
        out.reserveCapacity(indices.count * cols)
        for i in indices { out.append(contentsOf: row(i)) }
        return Matrix(rows: indices.count, cols: cols, data: out)
    }
}
