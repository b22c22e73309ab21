// staff_pin.h — the staff PIN: its salted hash (libsodium's crypto_pwhash_str, Argon2id), checking
// a PIN against it, and `kiosk --set-pin`, which writes the hash into kiosk.toml's [staff] table.
//
// Does:     accept 4 to 8 digits (what the overlay's keypad can type); hash with limits chosen for a
//           Raspberry Pi (kMemLimit, kOpsLimit below); refuse, before verifying, a hash whose cost
//           would not fit a kiosk (a hand-edited m=1048576 must not swap the Pi to death);
//           rewrite a kiosk.toml's text so that [staff] holds exactly one `pin = "…"` line —
//           every other line, comment and blank kept as it was — and replace the file atomically
//           (temp file beside it, fsync, rename, fsync of the folder), keeping its permissions.
// Does not: count wrong tries (staff_lock.h), draw the keypad (kiosk/screens/staff.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

namespace app::staff {

// Argon2id at 8 MiB and 3 passes: about 15 ms on this 2-core x86 machine (6-40 ms with load), a
// few times that on a Pi 4. The interactive
// limits (64 MiB) are the whole memory budget of a kiosk; brute force is stopped by the lockout
// (staff_lock.h: five tries, then 60 s doubling), not by the hash's cost. The cost matters only
// for a stolen kiosk.toml, where 10^4..10^8 PINs are too few for any hash to protect.
constexpr size_t kMemLimit = 8u << 20;
constexpr unsigned long long kOpsLimit = 3;
// The most a stored hash may ask for when it is verified (a hash written by a newer tool or by hand).
constexpr size_t kMaxMemLimit = 32u << 20;
constexpr unsigned long long kMaxOpsLimit = 10;

// 4 to 8 digits. False with a one-line reason.
bool valid_pin(const std::string& pin, std::string& why);
// "$argon2id$v=19$m=8192,t=3,p=1$salt$hash". Throws std::runtime_error when libsodium fails.
std::string hash_pin(const std::string& pin);
// A well-formed Argon2id hash whose cost is within kMaxMemLimit / kMaxOpsLimit. False with why.
bool hash_usable(const std::string& hash, std::string& why);
// True when `pin` matches `hash` (false for an unusable hash: see hash_usable).
bool verify_pin(const std::string& hash, const std::string& pin);

// The text of a kiosk.toml with [staff] pin = "<hash>": an existing pin line in [staff] is
// replaced (its indentation and trailing comment kept); else the line goes right under the
// [staff] header; else a [staff] table is added at the end. Running it again changes only the hash.
std::string with_pin(const std::string& toml_text, const std::string& hash);
// Reads `path`, rewrites it with with_pin, checks that the result still parses and reads back
// the hash, and replaces the file atomically. False with a one-line reason (file untouched).
bool write_pin(const std::string& path, const std::string& hash, std::string& why);

// `kiosk --set-pin [--config FILE]`: reads the PIN twice from the terminal without echo, or one
// or two lines from `in` when it is not a terminal; hashes and writes it. Returns the exit code
// (0 done, 1 refused: a message on `err`).
int set_pin_command(const std::string& path, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace app::staff
