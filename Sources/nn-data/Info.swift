// nn-data info: a human summary of a stream, on stdout.
import ArgumentParser
import Shared

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a stream for people: sections, shapes, ranges, class balance.",
        discussion: """
        Reads an nn-stream on stdin (checking every row). Writes a summary on stdout,
        not a stream: each comment and section header as it stands, then per section
        the min/max/mean of its values (per column when it has at most 16 columns)
        or, for labels (i32 *.y), the count and share of each class; numeric
        targets (f32 *.y) also show each column's standard deviation. Example:
          nn-data mnist --classes dress,coat | nn-data info
        """
    )

    func run() throws {
        try Stage.guarded("nn-data") {
            Stage.requirePipedInput("nn-data")
            let out = ByteWriter(fileDescriptor: 1)
            try StreamSummary.write(try StreamReader.standardInput(), to: out)
            try out.flush()
        }
    }
}
