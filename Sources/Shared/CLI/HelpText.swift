// Text that every program's --help shares (and the man pages made from it): the exit
// statuses, and what Ctrl-C does to a training run. Lines stay under 80 columns, the
// width at which --help wraps.

public enum HelpText {
    /// The sysexits(3) codes every program uses, as the end of its --help discussion.
    public static let exitStatus = """


        EXIT STATUS
          0    Success; also when a reader downstream closed the pipe (| head).
          64   Usage: a bad option or argument, or stdin is a terminal, not a stream.
          65   Bad data: a malformed or truncated stream, CSV or idx file; a model
               that does not fit the data; training that diverged.
          66   An input file is missing or cannot be opened.
          69   Unavailable: gnuplot is not installed (nn-plot), or the work needs
               more memory than the process may use (see NN_MEMORY_LIMIT).
          70   Internal error: a bug; please report it.
          74   I/O error: reading or writing failed, or an output file cannot be
               created.
          130  Interrupted by Ctrl-C (SIGINT); 143 terminated by SIGTERM.

        A stage that fails never ends its output with '@end', so the stage after it \
        fails too ("truncated input") instead of working on part of the data. Under \
        'set -o pipefail' a pipeline's status is that of the last (rightmost) stage \
        that failed; bash's ${PIPESTATUS[@]} holds every stage's status, and its \
        first non-zero one is the stage that failed first.

        ENVIRONMENT
          NN_MEMORY_LIMIT  What a stage may allocate, e.g. 8G or 512M, instead of
                           the least of physical memory, the cgroup's limit and
                           ulimit -v/-d. nn-data blobs (its centres), nn-fit,
                           nn-plot boundary and --png estimate what they need
                           first, and data read from a stream or a CSV is checked
                           as it grows; above the limit they stop with 69.
        """

    /// nn-fit: what Ctrl-C (or SIGTERM) does while it trains.
    public static let interruptedTraining = """


        Interrupting: Ctrl-C (SIGINT) or SIGTERM stops training after the current \
        epoch (or group of logged steps), prints one line ('nn-fit: interrupted at epoch 312 of 5000; \
        ...') and exits with status 130 (143 for SIGTERM). With --save FILE the model \
        so far is saved to FILE first: the weights of the epoch with the lowest \
        validation loss with --validation, else the latest; its record says \
        stopped=interrupted. The stream on stdout gets no '@end', so no stage \
        downstream takes the run for a finished one. A second Ctrl-C ends nn-fit at \
        once, leaving FILE as it was.
        """
}
