// process_linux.cpp — see process.h.
#include "platform/process.h"

#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cstdio>

namespace platform {

size_t resident_bytes() {
  size_t bytes = 0;
  if (FILE* f = fopen("/proc/self/statm", "r")) {
    long size = 0, rss = 0;
    if (fscanf(f, "%ld %ld", &size, &rss) == 2 && rss > 0) bytes = (size_t)rss * (size_t)sysconf(_SC_PAGESIZE);
    fclose(f);
  }
  return bytes;
}

void own_pages_from(size_t bytes) {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, (int)bytes);
#else
  (void)bytes;
#endif
}

void return_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace platform
