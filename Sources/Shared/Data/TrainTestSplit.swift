// Which rows go to the training set and which to the test set: a seeded random
// split with scikit-learn's sizes, optionally stratified by class.

public struct TrainTestSplit: Equatable, Sendable {
    /// Row indices of the training set, in the order they are written.
    public var train: [Int]
    /// Row indices of the test set, in the order they are written.
    public var test: [Int]

    public init(train: [Int], test: [Int]) {
        self.train = train
        self.test = test
    }

    /// The test set's size for `n` rows, as scikit-learn's train_test_split computes it:
    /// n_test = ⌈test_size · n⌉, n_train = n − n_test.
    public static func testCount(rows n: Int, testSize: Double) -> Int {
        min(n, Int((testSize * Double(n)).rounded(.up)))
    }

    /// Splits rows 0..<labels.count. Unstratified: a random permutation; its first n_test rows
    /// are the test set (as scikit-learn's ShuffleSplit). Stratified: each class gives the test
    /// set its share of n_test (largest remainders decide the rounding), drawn at random;
    /// both sets are then shuffled so classes are mixed. When every row goes to one set
    /// (test size 0 or 1) there is nothing to split, and the rows keep the input's order, so
    /// predictions for new data come out in the order of the file.
    public init(labels: [Int32], classCount: Int, options: SplitOptions) throws {
        guard options.testSize >= 0, options.testSize <= 1 else {
            throw UsageError("--test-size \(options.testSize) is outside 0...1")
        }
        let n = labels.count
        let nTest = TrainTestSplit.testCount(rows: n, testSize: options.testSize)
        if nTest == n || nTest == 0 {
            self.init(train: nTest == 0 ? Array(0..<n) : [], test: nTest == n ? Array(0..<n) : [])
            return
        }
        var random = Random(seed: options.seed, stream: "split")
        guard options.stratify else {
            let p = random.permutation(n)
            self.init(train: Array(p[nTest...]), test: Array(p[..<nTest]))
            return
        }
        var members = [[Int]](repeating: [], count: classCount)
        for (i, y) in labels.enumerated() { members[Int(y)].append(i) }
        let quota = TrainTestSplit.apportion(nTest, among: members.map(\.count))
        var train: [Int] = [], test: [Int] = []
        train.reserveCapacity(n - nTest)
        test.reserveCapacity(nTest)
        for (c, var rows) in members.enumerated() {
            random.shuffle(&rows)
            test += rows[..<quota[c]]
            train += rows[quota[c]...]
        }
        random.shuffle(&train)
        random.shuffle(&test)
        self.init(train: train, test: test)
    }

    /// Divides `total` among groups in proportion to their sizes (Hamilton's method):
    /// each gets ⌊total · size / Σsize⌋, and the rows left over go to the largest remainders
    /// (ties: the larger group, then the lower class).
    static func apportion(_ total: Int, among sizes: [Int]) -> [Int] {
        let n = sizes.reduce(0, +)
        guard n > 0 else { return sizes.map { _ in 0 } }
        var quota = sizes.map { total * $0 / n }
        let remainders = sizes.indices.map { c in (c: c, rest: total * sizes[c] % n, size: sizes[c]) }
        let left = total - quota.reduce(0, +)
        let order = remainders.sorted { a, b in
            a.rest != b.rest ? a.rest > b.rest : a.size != b.size ? a.size > b.size : a.c < b.c
        }
        for k in 0..<left { quota[order[k].c] += 1 }
        return quota
    }
}
