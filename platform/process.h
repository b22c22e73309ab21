// process.h — what the kiosk's own process costs the machine, for the staff overlay.
#pragma once
#include <cstddef>

namespace platform {

// Resident memory in bytes (/proc/self/statm on Linux); 0 when it cannot be read.
size_t resident_bytes();

}  // namespace platform
