// files.h — the file-system side of a curator's mistakes: a source file that is missing, a broken
// link, a folder, unreadable, or not UTF-8 (a spreadsheet's Windows-1252 or UTF-16 export); which
// files in rooms/ are rooms and which are an editor's or an operating system's leftovers; and an
// output path that cannot be written. Each answer is one sentence that says what to do.
#pragma once
#include <string>

namespace curator {

enum class FileProblem { none, missing, broken_link, not_a_file, unreadable };

// Reads `path` whole. On failure returns the kind and, in `why`, a sentence such as
// "is a link to /x/13-extra.md, which does not exist; fix or remove the link".
FileProblem read_bytes(const std::string& path, std::string& out, std::string& why);

// Checks that `bytes` (the contents of the file called `name`) is UTF-8 text. When it is not,
// returns false with the line of the first bad byte and a sentence naming the likely encoding:
// "quotes.csv is not UTF-8 (it looks like Windows-1252): save it as UTF-8". A UTF-8 byte-order
// mark is accepted and removed from `bytes`.
bool check_utf8(const std::string& name, std::string& bytes, int& line, std::string& why);

// What a file in rooms/ is, by its name.
enum class RoomEntry { room, skipped, misnamed };
// Rooms are NN-id.md (the extension in any case: 13-extra.MD is a room). Skipped without a word:
// dot-files (.DS_Store, macOS ._ files, .swp), editor backups (name~, #name#, .bak, .orig) and
// Thumbs.db / desktop.ini. Anything else is misnamed and `why` says what to do with it.
RoomEntry classify_room_entry(const std::string& filename, std::string& why);

// Why `out_file` cannot be written, or "" when it can: "no such folder", "permission denied",
// "is a folder", or an existing file that is not a bundle (a typo would overwrite a source). Tries to create the file next to it, so the answer is the system's own.
std::string output_problem(const std::string& out_file);

}  // namespace curator
