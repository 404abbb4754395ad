// What made a stream: the program, its version and its command line.
// The version is the package root's VERSION file, compiled in by the VersionFromFile plugin.

public enum Provenance {
    public static let version = packageVersion

    /// `nn-fit 0.1.0: nn-fit --sgd --seed 7` (arguments with spaces are single-quoted).
    public static func line(program: String, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> String {
        let args = arguments.map(shellQuoted).joined(separator: " ")
        return "\(program) \(version): \(program)\(args.isEmpty ? "" : " " + args)"
    }

    static func shellQuoted(_ s: String) -> String {
        let safe = s.utf8.allSatisfy { b in
            SectionHeader.isNameByte(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ",") || b == UInt8(ascii: ":") || b == UInt8(ascii: "=") || b == UInt8(ascii: "+")
        }
        if safe && !s.isEmpty { return s }
        return "'" + s.replacingAll("'", with: "'\\''") + "'"
    }
}
