// nn-data circles: two concentric circles (scikit-learn's make_circles).
import ArgumentParser
import Shared

struct CirclesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "circles",
        abstract: "Generate a large circle containing a smaller one, as scikit-learn's make_circles.",
        discussion: """
        Reads nothing. Writes train.x (f32 Nx2, columns=x1,x2), train.y (i32,
        classes=0,1: 0 = outer circle of radius 1, 1 = inner circle of radius
        --factor), test.x and test.y. For an odd --samples the inner circle has
        one point more. Example:
          nn-data circles --samples 500 --noise 0.1 | nn-fit --hidden 5 | nn-eval
        """
    )

    @Option(parsing: .unconditional, help: "Number of points (half on each circle).")
    var samples = 100

    @Option(parsing: .unconditional, help: "Standard deviation of the Gaussian noise added to each coordinate.")
    var noise = 0.0

    @Option(parsing: .unconditional, help: "Radius of the inner circle relative to the outer one, in [0, 1).")
    var factor = 0.8

    @OptionGroup var split: SplitArguments

    func run() throws {
        try Stage.guarded("nn-data") {
            var circles = Circles()
            circles.samples = samples
            circles.noise = noise
            circles.factor = factor
            try circles.validate()
            try circles.rows(seed: split.seed).writeStream(split)
        }
    }
}
