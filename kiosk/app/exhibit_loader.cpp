// exhibit_loader.cpp — see exhibit_loader.h.
#include "kiosk/app/exhibit_loader.h"

#include <algorithm>

#include <sys/stat.h>

#include "content/bundle/validate.h"

namespace app {

namespace {

// The layer's arrays are whole and every index names a vertex: what draw_land relies on.
bool drawable(const screens::MapData::Layer& l) {
  if (l.xy.size() % 2 || l.indices.size() % 3) return false;
  const size_t n = l.xy.size() / 2;
  for (uint32_t i : l.indices)
    if (i >= n) return false;
  return true;
}

}  // namespace

bool load_exhibit(const std::string& path, LoadedExhibit& out, std::string& why) {
  // The fonts and land come from validation's own reading: every blob is read once.
  bundle::Validation v = bundle::validate_file(path, bundle::Reading::kiosk_open());
  if (!v.ok()) {
    why = v.file_refused() ? v.summary() : path + ": " + v.summary();
    return false;
  }
  out = LoadedExhibit{};
  out.bundle = std::move(v.bundle);
  const bundle::Exhibit& ex = out.bundle->exhibit();
  for (const auto& s : ex.journey) out.map.stay_starts.push_back(ui::year_of(s.from));
  if (!out.map.stay_starts.empty()) {  // the timeline spans the journey, in tidy decades
    double end = 0;
    for (const auto& s : ex.journey) end = std::max({end, ui::year_of(s.from), ui::year_of(s.to)});
    out.map.years = ui::timeline_span(out.map.stay_starts.front(), end);
  }
  for (const auto& layer : ex.map) {
    auto g = v.map.find(layer.name);
    if (layer.lod < 0 || layer.lod >= bundle::limits::kMapLayers || g == v.map.end()) continue;
    screens::MapData::Layer l{std::move(g->second.xy), std::move(g->second.indices)};
    if (!drawable(l)) continue;
    if ((int)out.map.layers.size() <= layer.lod) out.map.layers.resize(layer.lod + 1);
    out.map.layers[layer.lod] = std::move(l);
  }
  for (const char* role : bundle::kFontRoles)
    if (auto f = v.fonts.find(role); f != v.fonts.end() && !f->second.empty()) out.fonts[role] = std::move(f->second);
  if (!out.fonts.count("sans") && !out.fonts.count("serif")) {  // validation refuses this first
    why = path + " cannot be read (it has no serif or sans font); install a fresh copy.";
    out = LoadedExhibit{};
    return false;
  }
  return true;
}

std::string file_signature(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return "missing";
  return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace app
