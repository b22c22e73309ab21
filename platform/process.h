// process.h — the kiosk's own process: what it costs the machine (for the staff overlay), and
// how its heap gives memory back over months on the wall (glibc's malloc; elsewhere no-ops).
#pragma once
#include <cstddef>

namespace platform {

// Resident memory in bytes (/proc/self/statm on Linux); 0 when it cannot be read.
size_t resident_bytes();

// Blocks of `bytes` and more get pages of their own, which go back to the system when freed
// (mallopt M_MMAP_THRESHOLD; fixed, so glibc's threshold no longer grows to the largest block).
void own_pages_from(size_t bytes);
// Gives the heap's free pages back to the system (malloc_trim): what big blocks freed in the
// middle of the heap left behind. Costs well under a millisecond; for idle time.
void return_free_memory();

}  // namespace platform
