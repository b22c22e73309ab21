// store_state.h — the store's state file as text: written by the store, read by the store and
// (through read_state) by the kiosk. Hostile input is expected (tests/fuzz/store_state_fuzz.cpp).
//
// Format (UTF-8, one "key value" per line, values escaped: \\ \n \t):
//   museum-kiosk-store 1
//   trial_starts 1
//   trial_run 6f1c…/812/4471
//   failed <hash>                       (one line per rolled-back bundle, at most 32)
//   current.hash <64 hex>               (then .title .version .key_id .installed .source;
//   trial.hash … / previous.hash …       the same for trial and previous)
//   check <BLAKE2b-256 hex of every byte before this line>
// The check line makes a torn or bit-rotted file detectable; an unknown key is refused (a newer
// store would write "museum-kiosk-store 2"). Paths are never stored: a slot's path is derived from
// its hash, so a forged state file cannot point the kiosk at another file.
#pragma once
#include <optional>
#include <string>

#include "content/bundle/store.h"

namespace store {

std::string format_state(const State&);
// Never throws; nullopt with *error set on any mistake. Slot paths are left empty.
std::optional<State> parse_state(const std::string& text, std::string* error);
bool valid_hash(const std::string& h);  // 64 lower-case hex digits
// "check <hex>\n" for `body` (everything before it), so tests and the fuzzer can make any body
// pass the check and reach the field parser.
std::string check_line(const std::string& body);

}  // namespace store
