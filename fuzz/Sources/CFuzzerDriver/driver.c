// Starts libFuzzer over the target's LLVMFuzzerTestOneInput (one per executable).
#include "CFuzzerDriver.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *data, size_t size));

static int run(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}

int fuzz_stream_main(int argc, char **argv) { return run(argc, argv); }
int fuzz_csv_main(int argc, char **argv) { return run(argc, argv); }
int fuzz_idx_main(int argc, char **argv) { return run(argc, argv); }
