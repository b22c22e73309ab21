// config.cpp — see config.h.
#include "kiosk/app/config.h"

#include "platform/rotation.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>

namespace app {

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
  static const char* const keys[] = {"dir", "trusted_keys", "usb_roots", "allow_unsigned", "allow_downgrade",
                                     "factory_bundle", "max_trial_starts"};
  for (auto&& [k, v] : st)
    if (std::find(std::begin(keys), std::end(keys), k.str()) == std::end(keys))
      err(&v, "unknown key \"" + std::string(k.str()) + "\" in [store]");
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
}

// [display] rotation and mode: how the panel hangs and which of its modes to drive.
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
  if (auto* mm = t["screen_mm"].as_array()) {
    if (mm->size() == 2 && (*mm)[0].is_number() && (*mm)[1].is_number()) {
      out.screen_w_mm = (float)(*mm)[0].value<double>().value_or(0);
      out.screen_h_mm = (float)(*mm)[1].value<double>().value_or(0);
    }
    if (out.screen_w_mm <= 0 || out.screen_h_mm <= 0) err(mm, "screen_mm must be [width, height] in millimetres, like [344, 194]");
  }
  if (auto* s = t["session"].as_table()) {
    out.idle_seconds = (*s)["idle_seconds"].value_or(0);
    out.warning_seconds = (*s)["warning_seconds"].value_or(0);
    if (out.warning_seconds && out.warning_seconds < 20)
      err(s->get("warning_seconds"), "warning_seconds must be at least 20, so everyone has time to answer");
  }
  if (auto* d = t["display"].as_table()) {
    out.display_off = (*d)["off_command"].value_or(std::string());
    out.display_on = (*d)["on_command"].value_or(std::string());
    load_display_shape(*d, out, err);
  }
  if (auto* st = t["store"].as_table()) load_store(*st, out, err);
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
      if (!n->is_string() || !flow::Schedule::parse_day(*n->value<std::string>(), dh, why))
        err(n, std::string(days[i]) + ": " + (why.empty() ? "must be text in quotes" : why));
      else
        out.hours.set_week_day(i, dh);
    }
    for (auto&& [k, v] : *h)
      if (std::find(std::begin(days), std::end(days), k.str()) == std::end(days) && k.str() != "exceptions")
        err(&v, "unknown key \"" + std::string(k.str()) + "\" in [hours]");
    if (auto* ex = (*h)["exceptions"].as_table())
      for (auto&& [date, v] : *ex) {
        flow::DayHours dh;
        std::string why, d(date.str());
        int y, m, dd;
        char tail;
        if (sscanf(d.c_str(), "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3 || d.size() != 10)
          err(&v, "\"" + d + "\" is not a date; write 2026-12-25");
        else if (!v.is_string() || !flow::Schedule::parse_day(*v.value<std::string>(), dh, why))
          err(&v, d + ": " + (why.empty() ? "must be text in quotes" : why));
        else
          out.hours.set_exception(d, dh);
      }
  }
  return errors.empty();
}

}  // namespace app
