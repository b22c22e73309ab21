// config.cpp — see config.h.
#include "kiosk/app/config.h"

#include "kiosk/app/apologies.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>

namespace app {

namespace {

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
  }
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
