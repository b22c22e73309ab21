// commands.h — the four verbs of `kiosk-bundle`, callable from tests. Each returns the exit code:
// 0 clean, 1 problems in the exhibit (listed), 2 a file that cannot be read as a bundle at all.
#pragma once
#include <ostream>
#include <string>

namespace curator {

int build(const std::string& src_dir, const std::string& out_file, std::ostream& out, std::ostream& err);
int check(const std::string& file, std::ostream& out, std::ostream& err);
int info(const std::string& file, std::ostream& out, std::ostream& err);
int dump_json(const std::string& file, std::ostream& out, std::ostream& err);

}  // namespace curator
