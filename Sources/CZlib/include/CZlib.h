#ifndef SEXTANT_CZLIB_H
#define SEXTANT_CZLIB_H
#include <zlib.h>

/// inflateInit2 is a macro in zlib.h, so Swift cannot call it directly.
static inline int sextant_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
#endif
