// store_state.cpp — the state file's text format (see store_state.h).
#include "content/bundle/store_state.h"

#include <sodium.h>

#include <cstring>

namespace store {

namespace {

const char kHeader[] = "museum-kiosk-store 1";
constexpr size_t kMaxText = 64 * 1024;
constexpr size_t kMaxFailed = 32;
constexpr size_t kMaxValue = 4096;

std::string escape(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

bool unescape(const std::string& v, std::string& out) {
  out.clear();
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '\\') {
      out += v[i];
      continue;
    }
    if (++i == v.size()) return false;
    switch (v[i]) {
      case '\\': out += '\\'; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      default: return false;
    }
  }
  return true;
}

std::string checksum(const char* p, size_t n) {
  if (sodium_init() < 0) return "";
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(p), n, nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

void put_slot(std::string& out, const char* name, const std::optional<Slot>& s) {
  if (!s) return;
  auto line = [&](const char* field, const std::string& v) { out += std::string(name) + "." + field + " " + escape(v) + "\n"; };
  line("hash", s->hash);
  line("title", s->title);
  line("version", s->version);
  line("key_id", s->key_id);
  line("installed", s->installed);
  line("source", s->source);
}

bool fail(std::string* error, const std::string& why) {
  if (error) *error = why;
  return false;
}

// Sets one field from "key value"; false with *error when the key is unknown or the value wrong.
bool set_field(State& st, const std::string& key, const std::string& value, std::string* error) {
  if (key == "trial_starts") {
    if (value.empty() || value.size() > 4 || value.find_first_not_of("0123456789") != std::string::npos)
      return fail(error, "trial_starts is not a small number");
    st.trial_starts = std::stoi(value);
    return true;
  }
  if (key == "trial_run") return st.trial_run = value, true;
  if (key == "failed") {
    if (!valid_hash(value)) return fail(error, "failed is not a bundle hash");
    if (st.failed.size() >= kMaxFailed) return fail(error, "too many failed bundles");
    st.failed.push_back(value);
    return true;
  }
  size_t dot = key.find('.');
  std::string slot = key.substr(0, dot), field = dot == std::string::npos ? "" : key.substr(dot + 1);
  std::optional<Slot>* s = slot == "current" ? &st.current : slot == "trial" ? &st.trial : slot == "previous" ? &st.previous : nullptr;
  if (!s) return fail(error, "unknown key \"" + key.substr(0, 40) + "\"");
  if (field == "hash") {
    if (*s) return fail(error, slot + " is given twice");
    if (!valid_hash(value)) return fail(error, key + " is not a bundle hash");
    *s = Slot{};
    (*s)->hash = value;
    return true;
  }
  if (!*s) return fail(error, key + " comes before " + slot + ".hash");
  Slot& x = **s;
  std::string* to = field == "title" ? &x.title : field == "version" ? &x.version : field == "key_id" ? &x.key_id
                  : field == "installed" ? &x.installed : field == "source" ? &x.source : nullptr;
  if (!to) return fail(error, "unknown key \"" + key.substr(0, 40) + "\"");
  *to = value;
  return true;
}

}  // namespace

std::string check_line(const std::string& body) { return "check " + checksum(body.data(), body.size()) + "\n"; }

bool valid_hash(const std::string& h) {
  return h.size() == 64 && h.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string format_state(const State& st) {
  std::string out = std::string(kHeader) + "\n";
  out += "trial_starts " + std::to_string(st.trial_starts) + "\n";
  if (!st.trial_run.empty()) out += "trial_run " + escape(st.trial_run) + "\n";
  size_t first = st.failed.size() > kMaxFailed ? st.failed.size() - kMaxFailed : 0;
  for (size_t i = first; i < st.failed.size(); ++i) out += "failed " + st.failed[i] + "\n";
  put_slot(out, "current", st.current);
  put_slot(out, "trial", st.trial);
  put_slot(out, "previous", st.previous);
  return out + "check " + checksum(out.data(), out.size()) + "\n";
}

std::optional<State> parse_state(const std::string& text, std::string* error) {
  if (text.size() > kMaxText) return fail(error, "it is too large"), std::nullopt;
  size_t check_at = text.rfind("\ncheck ");
  if (check_at == std::string::npos) return fail(error, "it has no check line (cut short?)"), std::nullopt;
  std::string want = checksum(text.data(), check_at + 1);
  if (text.compare(check_at + 7, std::string::npos, want + "\n") != 0)
    return fail(error, "its check line does not match (damaged)"), std::nullopt;
  State st;
  size_t pos = 0;
  bool header = true;
  while (pos < check_at + 1) {
    size_t nl = text.find('\n', pos);
    std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (header) {
      if (line != kHeader) return fail(error, "it is not a store state (or a newer version of one)"), std::nullopt;
      header = false;
      continue;
    }
    size_t sp = line.find(' ');
    if (sp == std::string::npos || sp == 0) return fail(error, "a line is not \"key value\""), std::nullopt;
    std::string value;
    if (line.size() - sp - 1 > kMaxValue || !unescape(line.substr(sp + 1), value))
      return fail(error, "a value is too long or badly escaped"), std::nullopt;
    if (!set_field(st, line.substr(0, sp), value, error)) return std::nullopt;
  }
  if (header) return fail(error, "it is empty"), std::nullopt;
  return st;
}

}  // namespace store
