// Where a plot goes: gnuplot-ready data or a whole script on stdout, a picture that
// gnuplot renders into a file, or gnuplot drawing on stdout (the dumb terminal).
#if canImport(Glibc)
import Glibc
#endif

public enum PlotOutput: Equatable, Sendable {
    /// The data blocks, for a gnuplot script of one's own.
    case data
    /// A self-contained gnuplot script for this terminal.
    case script(PlotTerminal)
    /// gnuplot renders into a file (written whole or not at all).
    case file(String, PlotTerminal)
    /// gnuplot renders on stdout.
    case stdout(PlotTerminal)

    /// Chooses the output from nn-plot's options; at most one of png, svg and script
    /// (which a terminal may qualify). Errors are usage errors (exit 64).
    public static func choose(png: String?, svg: String?, script: Bool, terminal: PlotTerminal?) throws -> PlotOutput {
        let given = [png.map { _ in "--png" }, svg.map { _ in "--svg" }, script ? "--script" : nil].compactMap { $0 }
        guard given.count <= 1 else {
            throw UsageError("choose one of \(PlotText.list(given)): each is a separate output")
        }
        if let png {
            if let terminal, terminal != .png { throw UsageError("--png writes a PNG; --terminal \(terminal.rawValue) contradicts it") }
            return .file(png, .png)
        }
        if let svg {
            if let terminal, terminal != .svg { throw UsageError("--svg writes an SVG; --terminal \(terminal.rawValue) contradicts it") }
            return .file(svg, .svg)
        }
        if script { return .script(terminal ?? .png) }
        if let terminal {
            if terminal != .dumb && Stage.stdoutIsTerminal {
                throw UsageError("refusing to write \(terminal.rawValue) bytes to the terminal; use --\(terminal.rawValue) FILE or redirect stdout")
            }
            return .stdout(terminal)
        }
        return .data
    }

    /// True when this output runs gnuplot.
    public var needsGnuplot: Bool {
        switch self {
        case .data, .script: return false
        case .file, .stdout: return true
        }
    }

    /// Writes `plot` where this output says; `size` overrides the plot's own size.
    public func emit(_ plot: Plot, size: PlotSize?, gnuplot: String?, provenance: String? = nil) throws {
        if plot.isPictures, self == .script(.dumb) || self == .stdout(.dumb) {
            throw UsageError("\(plot.kind) draws pictures, which the dumb terminal cannot show; use --png FILE or --svg FILE")
        }
        switch self {
        case .data:
            try PlotOutput.writeStdout(plot.dataText(provenance: provenance))
        case .script(let terminal):
            let colour = terminal == .dumb && Stage.stdoutIsTerminal
            try PlotOutput.writeStdout(try ScriptCheck.inert(plot.script(terminal: terminal, size: PlotOutput.size(size, terminal), colour: colour, provenance: provenance)))
        case .file(let path, let terminal):
            guard let gnuplot else { throw Gnuplot.notFound() }
            if terminal == .png { try PlotOutput.checkMemory(size ?? plot.size) }
            try Gnuplot.render(try ScriptCheck.inert(plot.script(terminal: terminal, size: size, provenance: provenance)), to: path, gnuplot: gnuplot)
        case .stdout(let terminal):
            guard let gnuplot else { throw Gnuplot.notFound() }
            let colour = terminal == .dumb && Stage.stdoutIsTerminal
            try Gnuplot.renderToStandardOutput(try ScriptCheck.inert(plot.script(terminal: terminal, size: PlotOutput.size(size, terminal), colour: colour, provenance: provenance)),
                                               gnuplot: gnuplot)
        }
    }

    /// Bytes gnuplot's cairo needs per pixel of a PNG (measured: 1.58 GB peak for 20000×20000).
    static let bytesPerPixel = 4.0

    /// Refuses, before gnuplot starts, a PNG larger than the memory the process (whose limits
    /// gnuplot inherits) may use: exit 69, not gnuplot's "Cairo is unhappy: out of memory".
    static func checkMemory(_ size: PlotSize) throws {
        try MemoryBudget.current().check(Double(size.width) * Double(size.height) * bytesPerPixel,
                                         "a \(size.width)x\(size.height) PNG", detail: " in gnuplot")
    }

    /// The dumb terminal draws in characters: the size given, else the terminal's, else 100×32.
    static func size(_ given: PlotSize?, _ terminal: PlotTerminal) -> PlotSize? {
        guard terminal == .dumb, given == nil else { return given }
        var w = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 20, w.ws_row > 10 {
            return PlotSize(Int(w.ws_col) - 1, Int(w.ws_row) - 2)
        }
        return PlotSize(100, 32)
    }

    static func writeStdout(_ text: String) throws {
        let out = ByteWriter(fileDescriptor: 1)
        try out.append(text)
        try out.flush()
    }
}
