// splitmix.h — the tests' one seeded random generator (splitmix64): the same sequence on every
// machine and every standard library, so seeded tests and mutation runs replay exactly.
#pragma once
#include <cstddef>
#include <cstdint>

namespace testutil {

struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return n ? (size_t)(next() % n) : 0; }
};

}  // namespace testutil
