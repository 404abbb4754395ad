// libFuzzer's driver, callable from Swift: SwiftPM gives each executable its own
// entry point (<module>_main), so the fuzz targets start libFuzzer themselves.
#include <stddef.h>
#include <stdint.h>

int nn_fuzz_run(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size));
