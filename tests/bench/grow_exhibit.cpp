// grow_exhibit.cpp — see grow_exhibit.h.
#include "grow_exhibit.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace bench {

namespace {

std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

// Every `id = "X"` line of a TOML text (a room's front matter, a question) becomes `id = "X-xK"`.
std::string suffix_ids(const std::string& toml, int k) {
  static const std::regex id(R"re(^id = "([^"]+)")re", std::regex::multiline);
  return std::regex_replace(toml, id, "id = \"$1-x" + std::to_string(k) + "\"");
}

// Each quotation row again with its id (the first field) suffixed.
std::string grow_quotes(const std::string& csv, int times) {
  std::istringstream in(csv);
  std::string header, line, rows, out;
  std::getline(in, header);
  while (std::getline(in, line)) rows += line + "\n";
  out = header + "\n" + rows;
  for (int k = 1; k < times; ++k) {
    std::istringstream again(rows);
    while (std::getline(again, line)) {
      auto comma = line.find(',');
      if (line.empty() || comma == std::string::npos) continue;
      out += line.substr(0, comma) + "-x" + std::to_string(k) + line.substr(comma) + "\n";
    }
  }
  return out;
}

}  // namespace

bool grow_exhibit(const std::string& src_dir, const std::string& dest_dir, int times, std::string& why) {
  std::error_code ec;
  const fs::path src = fs::absolute(src_dir), dest = dest_dir;
  fs::remove_all(dest, ec);
  fs::copy(src, dest, fs::copy_options::recursive, ec);
  if (ec) return why = "cannot copy " + src.string() + " to " + dest.string() + ": " + ec.message(), false;
  // Paths relative to the sources (the map's land) must still lead there from the copy.
  std::string toml = read(dest / "exhibit.toml");
  toml = std::regex_replace(toml, std::regex("\"\\.\\./"), "\"" + src.string() + "/../");
  write(dest / "exhibit.toml", toml);
  for (const auto& e : fs::directory_iterator(src / "rooms")) {
    if (e.path().extension() != ".md") continue;
    std::string text = read(e.path());
    for (int k = 1; k < times; ++k)
      write(dest / "rooms" / (e.path().stem().string() + "-x" + std::to_string(k) + ".md"), suffix_ids(text, k));
  }
  write(dest / "quotes.csv", grow_quotes(read(src / "quotes.csv"), times));
  std::string q = read(src / "questions.toml"), grown = q;
  for (int k = 1; k < times; ++k) grown += "\n" + suffix_ids(q, k);
  write(dest / "questions.toml", grown);
  return true;
}

}  // namespace bench
