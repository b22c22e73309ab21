// diagnostics.h — collects a curator's errors as `path:line: error: message`, all in one run.
#pragma once
#include <string>
#include <vector>

namespace curator {

struct Diagnostics {
  std::vector<std::string> errors;
  // line 0 means the message is about the whole file.
  void error(const std::string& path, int line, const std::string& message) {
    errors.push_back(path + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": error: " + message);
  }
  bool ok() const { return errors.empty(); }
};

}  // namespace curator
