// config.cpp — see config.h.
#include "kiosk/app/config.h"

#include "kiosk/app/apologies.h"
#include "platform/rotation.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>

namespace app {

namespace {

// Edit distance, for "did you mean": keys are short, so the plain table is plenty.
size_t distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string unknown_key(const std::string& key, const std::string& where, const std::vector<std::string>& known) {
  std::string best;
  size_t best_d = std::max<size_t>(3, key.size() / 3) + 1;
  for (const auto& k : known)
    if (size_t d = distance(key, k); d < best_d) best_d = d, best = k;
  std::string msg = "unknown key \"" + key + "\"" + (where.empty() ? "" : " in " + where);
  if (!best.empty()) msg += "; did you mean \"" + best + "\"?";
  return msg + " (ignored)";
}

// [store]: every key is optional except dir; unknown keys are mistakes (a misspelt
// allow_unsigned must not silently mean "false" without telling anyone).
template <class Err>
static void load_store(const toml::table& st, Config& out, Err&& err) {
  auto strings = [&](const char* key, std::vector<std::string>& to) {
    const toml::node* n = st.get(key);
    if (!n) return;
    const toml::array* a = n->as_array();
    if (!a) return err(n, std::string(key) + " must be a list of paths in quotes, like [\"/etc/museum-kiosk/curators.pub\"]");
    for (auto&& v : *a) {
      if (auto s = v.value<std::string>()) to.push_back(*s);
      else err(&v, std::string(key) + ": each entry must be a path in quotes");
    }
  };
  auto flag = [&](const char* key, bool& to) {
    const toml::node* n = st.get(key);
    if (!n) return;
    if (auto b = n->value<bool>()) to = *b;
    else err(n, std::string(key) + " must be true or false");
  };
  static const std::vector<std::string> keys = {"dir", "trusted_keys", "usb_roots", "allow_unsigned", "allow_downgrade",
                                                "factory_bundle", "max_trial_starts", "good_after_minutes"};
  for (auto&& [k, v] : st)
    if (std::find(keys.begin(), keys.end(), k.str()) == keys.end()) err(&v, unknown_key(std::string(k.str()), "[store]", keys));
  out.store_dir = st["dir"].value_or(std::string());
  if (out.store_dir.empty()) err(&st, "[store] needs dir = \"/var/lib/museum-kiosk/store\"");
  strings("trusted_keys", out.store_policy.trusted_keys);
  strings("usb_roots", out.usb_roots);
  flag("allow_unsigned", out.store_policy.allow_unsigned);
  flag("allow_downgrade", out.store_policy.allow_downgrade);
  out.store_policy.factory_bundle = st["factory_bundle"].value_or(std::string());
  if (const toml::node* n = st.get("max_trial_starts")) {
    int64_t v = n->value<int64_t>().value_or(0);
    if (v < 1 || v > 100) err(n, "max_trial_starts must be a whole number from 1 to 100 (default 3)");
    else out.store_policy.max_trial_starts = (int)v;
  }
  if (const toml::node* n = st.get("good_after_minutes")) {
    int64_t v = n->value<int64_t>().value_or(0);
    if (v < 1 || v > 24 * 60) err(n, "good_after_minutes must be a whole number from 1 to 1440 (default 10)");
    else out.good_after_minutes = (int)v;
  }
}

namespace {

struct Range {
  int64_t lo, hi;
  const char* example;
};
// Beyond these a timeout is a typo (9000 for 90) or a unit mistake (milliseconds), not a wish.
constexpr Range kIdleRange{15, 3600, "idle_seconds = 90"}, kWarningRange{20, 600, "warning_seconds = 30"};

template <class Err>
void check_keys(const toml::table& t, const std::string& where, const std::vector<std::string>& known, Err& err) {
  for (auto&& [k, v] : t)
    if (std::find(known.begin(), known.end(), k.str()) == known.end()) err(&v, unknown_key(std::string(k.str()), where, known));
}

// A whole number of seconds within `r`; anything else is refused and 0 ("the exhibit's own") kept.
template <class Err>
int seconds(const toml::table& t, const char* key, Range r, Err& err) {
  const toml::node* n = t.get(key);
  if (!n) return 0;
  std::optional<int64_t> v = n->is_integer() ? n->value<int64_t>() : std::nullopt;
  if (!v || *v < r.lo || *v > r.hi) {
    err(n, std::string(key) + " must be a whole number of seconds from " + std::to_string(r.lo) + " to " + std::to_string(r.hi) +
               ", like " + r.example + " (the exhibit's own is used)");
    return 0;
  }
  return (int)*v;
}

// unavailable_languages = ["es", "en"]: one or two codes the program has an apology in.
template <class Err>
void unavailable_languages(const toml::table& t, Config& out, Err& err) {
  const toml::node* n = t.get("unavailable_languages");
  if (!n) return;
  const toml::array* arr = n->as_array();
  std::vector<std::string> langs;
  bool ok = arr && !arr->empty() && arr->size() <= 2;
  if (arr)
    for (auto&& v : *arr) {
      auto code = v.value<std::string>();
      if (!code || !apology(*code)) ok = false;
      else langs.push_back(*code);
    }
  if (!ok)
    return err(n, "unavailable_languages must list one or two of " + apology_languages() + ", like [\"es\", \"en\"]");
  out.unavailable_languages = langs;
}

}  // namespace

// [display] rotation, mode and renderer: how the panel hangs, which of its modes to drive, and
// whether to draw with the GPU.
template <class Err>
static void load_display_shape(const toml::table& d, Config& out, Err&& err) {
  if (const toml::node* n = d.get("rotation")) {
    int64_t v = n->value<int64_t>().value_or(-1);
    if (!n->is_integer() || !platform::valid_rotation((int)v)) err(n, "rotation must be 0, 90, 180 or 270 (degrees clockwise)");
    else out.rotation = (int)v;
  }
  if (const toml::node* n = d.get("mode")) {
    auto text = n->value<std::string>();
    if (!text || !platform::parse_mode(*text, out.mode)) err(n, "mode must be like \"1920x1080@60\" or \"1920x1080\"");
  }
  if (const toml::node* n = d.get("renderer")) {
    auto text = n->value<std::string>();
    if (!text || !platform::parse_render_path(*text, out.renderer))
      err(n, "renderer must be \"auto\" (OpenGL ES on the screen), \"opengles2\" or \"software\" (auto is used)");
  }
}

// [display] power: which way the screen is switched at closing and opening.
template <class Err>
static void load_display_power(const toml::table& d, Config& out, Err&& err) {
  const toml::node* n = d.get("power");
  if (!n) return;
  auto text = n->value<std::string>();
  if (!text || !platform::parse_power_method(*text, out.power))
    return err(n, "power must be \"auto\", \"dpms\", \"backlight\", \"command\" or \"none\" (\"auto\" used)");
  if (out.power == platform::PowerMethod::Command && (out.display_off.empty() || out.display_on.empty())) {
    err(n, "power = \"command\" needs both off_command and on_command (\"auto\" used)");
    out.power = platform::PowerMethod::Auto;
  }
}

// [staff]: the PIN's hash is checked for its form only here (the cost is checked where it is
// verified, kiosk/app/staff_pin.cpp); a refused hash leaves the overlay shut, never open.
template <class Err>
static void load_staff(const toml::table& st, StaffSettings& out, Err&& err) {
  static const std::vector<std::string> keys = {"pin", "open_without_pin", "allow_exit", "idle_seconds", "lockout_file"};
  for (auto&& [k, v] : st)
    if (std::find(keys.begin(), keys.end(), k.str()) == keys.end()) err(&v, unknown_key(std::string(k.str()), "[staff]", keys));
  if (const toml::node* n = st.get("pin")) {
    auto v = n->value<std::string>();
    if (!v || v->rfind("$argon2id$", 0) != 0) err(n, "pin must be the hash kiosk --set-pin writes (\"$argon2id$...\"), never the PIN itself; the overlay stays shut");
    else out.pin = *v;
  }
  auto flag = [&](const char* key, bool& to) {
    const toml::node* n = st.get(key);
    if (!n) return;
    if (auto b = n->value<bool>()) to = *b;
    else err(n, std::string(key) + " must be true or false");
  };
  flag("open_without_pin", out.open_without_pin);
  flag("allow_exit", out.allow_exit);
  if (const toml::node* n = st.get("idle_seconds")) {
    int64_t v = n->is_integer() ? n->value<int64_t>().value_or(0) : 0;
    if (v < 30 || v > 3600) err(n, "idle_seconds must be a whole number of seconds from 30 to 3600, like idle_seconds = 120 (default 120)");
    else out.idle_seconds = (int)v;
  }
  if (const toml::node* n = st.get("lockout_file")) {
    auto v = n->value<std::string>();
    if (!v || v->empty()) err(n, "lockout_file must be a path in quotes, like \"/var/lib/museum-kiosk/staff-lockout\"");
    else out.lockout_file = *v;
  }
}

bool load_config(const std::string& path, Config& out, std::vector<std::string>& errors) {
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    errors.push_back(path + ":" + std::to_string(e.source().begin.line) + ": error: " + std::string(e.description()));
    return false;
  }
  auto err = [&](const toml::node* n, const std::string& what) {
    int line = n ? (int)n->source().begin.line : 0;
    errors.push_back(path + (line ? ":" + std::to_string(line) : std::string()) + ": error: " + what);
  };
  if (auto v = t["bundle"].value<std::string>()) out.bundle = *v;
  if (auto v = t["stats"].value<std::string>()) out.stats = *v;
  unavailable_languages(t, out, err);
  if (auto* mm = t["screen_mm"].as_array()) {
    if (mm->size() == 2 && (*mm)[0].is_number() && (*mm)[1].is_number()) {
      out.screen_w_mm = (float)(*mm)[0].value<double>().value_or(0);
      out.screen_h_mm = (float)(*mm)[1].value<double>().value_or(0);
    }
    if (!(out.screen_w_mm >= 30 && out.screen_w_mm <= 3000 && out.screen_h_mm >= 30 && out.screen_h_mm <= 3000)) {
      err(mm, "screen_mm must be [width, height] in millimetres, like [344, 194] (ignored)");
      out.screen_w_mm = out.screen_h_mm = 0;
    }
  }
  check_keys(t, "", {"bundle", "screen_mm", "stats", "session", "display", "store", "hours", "high_contrast", "reach", "unavailable_languages", "staff"}, err);
  if (const toml::node* n = t.get("high_contrast")) {
    if (auto v = n->value<bool>()) out.high_contrast = *v;
    else err(n, "high_contrast must be true or false");
  }
  if (const toml::node* n = t.get("reach")) {
    auto v = n->value<std::string>();
    if (v && (*v == "low" || *v == "full")) out.reach_low = *v == "low";
    else err(n, "reach must be \"low\" (controls in the lower two thirds) or \"full\"");
  }
  if (auto* s = t["session"].as_table()) {
    check_keys(*s, "[session]", {"idle_seconds", "warning_seconds"}, err);
    out.idle_seconds = seconds(*s, "idle_seconds", kIdleRange, err);
    out.warning_seconds = seconds(*s, "warning_seconds", kWarningRange, err);
  }
  if (auto* d = t["display"].as_table()) {
    check_keys(*d, "[display]", {"off_command", "on_command", "rotation", "mode", "power", "renderer"}, err);
    out.display_off = (*d)["off_command"].value_or(std::string());
    out.display_on = (*d)["on_command"].value_or(std::string());
    load_display_shape(*d, out, err);
    load_display_power(*d, out, err);
  }
  if (auto* st = t["store"].as_table()) load_store(*st, out, err);
  if (auto* st = t["staff"].as_table()) load_staff(*st, out.staff, err);
  if (auto* h = t["hours"].as_table()) {
    static const char* const days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    for (int i = 0; i < 7; ++i) {
      const toml::node* n = h->get(days[i]);
      if (!n) {
        err(h, std::string("[hours] has no ") + days[i] + "; give every day, e.g. " + days[i] + " = \"10:00-17:00\" or \"closed\"");
        continue;
      }
      flow::DayHours dh;
      std::string why;
      if (!n->is_string() || !flow::Schedule::parse_day(*n->value<std::string>(), dh, why)) {
        // Open all day rather than dark: a visitor finds a working kiosk, the log says why.
        err(n, std::string(days[i]) + ": " + (why.empty() ? "must be text in quotes" : why) + " (open all day until fixed)");
        out.hours.set_week_day(i, {{0, 24 * 60}});
      } else
        out.hours.set_week_day(i, dh);
    }
    for (auto&& [k, v] : *h)
      if (std::find(std::begin(days), std::end(days), k.str()) == std::end(days) && k.str() != "exceptions")
        err(&v, unknown_key(std::string(k.str()), "[hours]", {days, days + 7}));
    if (auto* ex = (*h)["exceptions"].as_table())
      for (auto&& [date, v] : *ex) {
        flow::DayHours dh;
        std::string why, d(date.str());
        int y, m, dd;
        char tail;
        if (sscanf(d.c_str(), "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3 || d.size() != 10)
          err(&v, "\"" + d + "\" is not a date; write 2026-12-25");
        else if (!v.is_string() || !flow::Schedule::parse_day(*v.value<std::string>(), dh, why))
          err(&v, d + ": " + (why.empty() ? "must be text in quotes" : why) + " (ignored: the usual hours apply)");
        else
          out.hours.set_exception(d, dh);
      }
  }
  return errors.empty();
}

}  // namespace app
