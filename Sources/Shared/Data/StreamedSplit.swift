// The train/test split of a generated dataset, position by position: which row is the j-th
// of the training set, and which the j-th of the test set, without lists of row indices.
// The sizes and the stratification rule are TrainTestSplit's (scikit-learn's); the order is
// that of seeded IndexPermutations, so any number of rows splits in constant memory.

public struct StreamedSplit: Sendable {
    /// Rows per class; class c's rows are the contiguous range after those of classes 0..<c.
    private let classStarts: [Int]
    private let order: Order
    public let trainCount: Int
    public let testCount: Int

    private enum Order: Sendable {
        /// Test size 0 or 1: every row in one set, in the generator's order.
        case inputOrder
        /// Test rows are positions 0..<testCount of one permutation of all rows, train rows the rest.
        case shuffled(IndexPermutation)
        /// Each class's rows shuffled (seeded by the class), the first `quota` of them to test;
        /// then each set shuffled on its own so classes are mixed.
        case stratified(seed: UInt64, quota: [Int], testStarts: [Int], trainStarts: [Int],
                        test: IndexPermutation, train: IndexPermutation)
    }

    /// `classCounts[c]` rows of class c, rows of class c following those of class c − 1.
    public init(classCounts: [Int], options: SplitOptions) throws {
        guard options.testSize >= 0, options.testSize <= 1 else {
            throw UsageError("--test-size \(options.testSize) is outside 0...1")
        }
        let n = classCounts.reduce(0, +)
        classStarts = StreamedSplit.starts(classCounts)
        testCount = TrainTestSplit.testCount(rows: n, testSize: options.testSize)
        trainCount = n - testCount
        var random = Random(seed: options.seed, stream: "split")
        if testCount == 0 || testCount == n {
            order = .inputOrder
        } else if !options.stratify {
            order = .shuffled(IndexPermutation(count: n, random: &random))
        } else {
            let quota = TrainTestSplit.apportion(testCount, among: classCounts)
            order = .stratified(seed: random.next(), quota: quota,
                                testStarts: StreamedSplit.starts(quota),
                                trainStarts: StreamedSplit.starts(zip(classCounts, quota).map { $0 - $1 }),
                                test: IndexPermutation(count: testCount, random: &random),
                                train: IndexPermutation(count: n - testCount, random: &random))
        }
    }

    /// The row written at `position` of the training set.
    public func trainRow(_ position: Int) -> Int {
        switch order {
        case .inputOrder: return position
        case .shuffled(let p): return p[testCount + position]
        case .stratified(let seed, let quota, _, let starts, _, let train):
            return row(at: train[position], starts: starts, seed: seed) { c in quota[c] }
        }
    }

    /// The row written at `position` of the test set.
    public func testRow(_ position: Int) -> Int {
        switch order {
        case .inputOrder: return position
        case .shuffled(let p): return p[position]
        case .stratified(let seed, _, let starts, _, let test, _):
            return row(at: test[position], starts: starts, seed: seed) { _ in 0 }
        }
    }

    /// Member `k` of a set whose members are listed class by class (class c's from `starts[c]`):
    /// its class c, and the row that is member `skip(c) + offset` of class c's own shuffle.
    private func row(at k: Int, starts: [Int], seed: UInt64, skip: (Int) -> Int) -> Int {
        let c = StreamedSplit.segment(of: k, starts: starts)
        let size = classStarts[c + 1] - classStarts[c]
        var random = Random(seed: seed, stream: "split.class", index: c)
        let members = IndexPermutation(count: size, random: &random)
        return classStarts[c] + members[skip(c) + k - starts[c]]
    }

    /// [0, a0, a0 + a1, ...]: where each run begins, and the total at the end.
    static func starts(_ counts: [Int]) -> [Int] {
        var s = [0]
        s.reserveCapacity(counts.count + 1)
        for c in counts { s.append(s.last! + c) }
        return s
    }

    /// The run that holds k: the last c with starts[c] <= k (runs may be empty).
    static func segment(of k: Int, starts: [Int]) -> Int {
        var low = 0, high = starts.count - 1   // starts[low] <= k < starts[high]
        while high - low > 1 {
            let mid = (low + high) / 2
            if starts[mid] <= k { low = mid } else { high = mid }
        }
        return low
    }
}
