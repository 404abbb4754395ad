// Entry points of the fuzz targets. SwiftPM names an executable's entry point
// <module>_main (fuzz_stream_main, ...); each starts libFuzzer (linked by
// -sanitize=fuzzer) over the LLVMFuzzerTestOneInput its target defines.
#include <stddef.h>
#include <stdint.h>

int fuzz_stream_main(int argc, char **argv);
int fuzz_csv_main(int argc, char **argv);
int fuzz_idx_main(int argc, char **argv);
