// The system zlib (Debian: zlib1g-dev), for reading idx.gz files.
#include <zlib.h>
