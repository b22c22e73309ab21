// grow_exhibit.h — for kiosk-bench's linearity figure: a copy of an exhibit's sources with N times
// its rooms, quotations and questions (the copies' ids get a suffix; places, the journey, the
// strings and the attract playlist stay as they are), so `bundle::Bundle::open` can be timed on
// 1× and 10× the content of the same kind.
// Does not: build the bundle (kiosk-bundle does), or make the copies read differently.
#pragma once
#include <string>

namespace bench {

// Writes the grown sources of `src` into `dest` (created, emptied first). False with `why`.
bool grow_exhibit(const std::string& src, const std::string& dest, int times, std::string& why);

}  // namespace bench
