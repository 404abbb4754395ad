// Class names of the MNIST-format datasets, and `--classes` parsing: label numbers
// or names, renumbered 0..k-1 in the order given.

public enum MnistNames: String, CaseIterable, Sendable {
    /// Fashion-MNIST's ten clothing classes.
    case fashion
    /// The original MNIST digits 0..9.
    case digits

    /// The names of labels 0..9, as the dataset's authors give them.
    public var classNames: [String] {
        switch self {
        case .fashion:
            // https://github.com/zalandoresearch/fashion-mnist#labels
            return ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
        case .digits:
            return (0...9).map(String.init)
        }
    }

    /// The label a name stands for: case, spaces and punctuation do not matter
    /// (`ankle-boot`, `Ankle boot`); `tshirt` and `top` also name label 0 of Fashion-MNIST.
    public func label(named name: String) -> Int? {
        let key = MnistNames.normalized(name)
        if let i = classNames.firstIndex(where: { MnistNames.normalized($0) == key }) { return i }
        if self == .fashion && (key == "tshirt" || key == "top") { return 0 }
        return nil
    }

    static func normalized(_ s: String) -> String {
        String(s.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}

/// The classes a `--classes` list selects: original labels, in the order given, and their names.
public struct ClassSelection: Equatable, Sendable {
    /// Original label of each selected class; the class's new label is its index here.
    public var labels: [Int]
    public var names: [String]

    /// Every class, in label order.
    public static func all(_ names: MnistNames) -> ClassSelection {
        ClassSelection(labels: Array(0...9), names: names.classNames)
    }

    public init(labels: [Int], names: [String]) {
        self.labels = labels
        self.names = names
    }

    /// Parses `3,4` or `dress,coat` (mixed is fine). A number is a label 0..9; a name is
    /// looked up in `names`. Unknown and repeated classes are usage errors.
    public init(parsing text: String, names: MnistNames) throws {
        var labels: [Int] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let word = String(item).trimmingCharacters(" ")
            let label: Int
            if let n = Int(word) {
                guard (0...9).contains(n) else { throw UsageError("--classes: label \(n) is outside 0..9") }
                label = n
            } else if let n = names.label(named: word) {
                label = n
            } else {
                let known = names.classNames.map { $0.lowercased() }.joined(separator: ", ")
                throw UsageError("--classes: unknown class '\(word)'; the \(names.rawValue) classes are 0..9 or \(known)")
            }
            guard !labels.contains(label) else { throw UsageError("--classes: class '\(word)' is given twice") }
            labels.append(label)
        }
        guard labels.count >= 1 else { throw UsageError("--classes needs at least one class") }
        self.init(labels: labels, names: labels.map { names.classNames[$0] })
    }
}

extension String {
    func trimmingCharacters(_ c: Character) -> String {
        var s = self[...]
        while s.first == c { s = s.dropFirst() }
        while s.last == c { s = s.dropLast() }
        return String(s)
    }
}
