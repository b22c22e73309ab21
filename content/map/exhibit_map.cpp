// exhibit_map.cpp — see exhibit_map.h.
#include "content/map/exhibit_map.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "content/bundle/validate.h"
#include "content/map/detail.h"
#include "content/map/land.h"

namespace fs = std::filesystem;

namespace mapgeo {

namespace {

int line_of(const toml::node* n, int fallback) {
  return n && n->source().begin.line ? (int)n->source().begin.line : fallback;
}

std::string exe_dir() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  buf[n] = 0;
  return fs::path(buf).parent_path().string();
}

}  // namespace

std::vector<std::string> land_search_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = getenv("KIOSK_MAP_DIR"); env && *env) dirs.push_back(env);
  dirs.push_back(exe_dir() + "/assets/map");
  dirs.push_back(exe_dir() + "/../share/museum-kiosk/map");
#ifdef KIOSK_MAP_ASSETS_DIR
  dirs.push_back(KIOSK_MAP_ASSETS_DIR);
#endif
  return dirs;
}

std::string find_land_file(const std::string& name) {
  std::string file = fs::path(name).has_extension() ? name : name + ".rings";
  for (const auto& d : land_search_dirs())
    if (fs::is_regular_file(fs::path(d) / file)) return (fs::path(d) / file).lexically_normal().string();
  return {};
}

namespace {

// One land entry's file: a path with a '/' (relative to the exhibit folder), else a bare name among
// the installed map files. "" after telling the curator why not.
std::string resolve_land(const std::string& entry, const std::string& exhibit_dir, const std::string& toml_file, int line,
                         curator::Diagnostics& diag) {
  if (entry.find('/') != std::string::npos) {
    fs::path p(entry);
    std::string path = (p.is_absolute() ? p : fs::path(exhibit_dir) / p).lexically_normal().string();
    if (fs::is_regular_file(path)) return path;
    diag.error(toml_file, line, "land file " + entry + " not found (relative to the exhibit folder: " + path + ")");
    return {};
  }
  std::string path = find_land_file(entry);
  if (!path.empty()) return path;
  std::string where;
  for (const auto& d : land_search_dirs()) where += (where.empty() ? "" : ", ") + d;
  diag.error(toml_file, line, "land \"" + entry + "\" is not among the installed map files (looked in " + where +
                                  "); give a path relative to the exhibit folder instead");
  return {};
}

// The name of the layer at `lod` made from land file number `k`: the file's own level takes its
// name, the level halfway to it "<file>-lod<n>".
std::string layer_name(const std::string& stem, int k, int lod) {
  return lod == last_lod_of_file(k) ? stem : stem + "-lod" + std::to_string(lod);
}

// The levels of detail land file number `k` gives (detail.h): lod 0 for the first, else the level
// halfway to it and its own.
void add_land_layers(const std::string& path, int k, curator::Diagnostics& diag, bundle::Contents& out) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream ss;
  ss << f.rdbuf();
  Land data;
  std::string why;
  int err_line = 0;
  if (!f || !parse_rings(ss.str(), data, why, err_line)) return diag.error(path, err_line, f ? why : "cannot be read");
  const std::string stem = fs::path(path).stem().string();
  for (int lod = first_lod_of_file(k); lod <= last_lod_of_file(k); ++lod) {
    Mesh mesh;
    try {
      mesh = build_layer(data, LayerOptions::for_lod(lod));
    } catch (const std::exception& e) {
      return diag.error(path, 0, e.what());
    }
    const std::string name = layer_name(stem, k, lod);
    bundle::MapGeometry g;
    g.lod = lod;
    g.xy = std::move(mesh.xy);
    g.indices = std::move(mesh.indices);
    out.exhibit.map.push_back({name, lod, (int64_t)(g.xy.size() / 2), (int64_t)(g.indices.size() / 3)});
    out.map[name] = std::move(g);
  }
}

}  // namespace

void read_map_table(const std::string& exhibit_dir, const std::string& toml_file, const toml::node* map,
                    curator::Diagnostics& diag, bundle::Contents& out) {
  if (!map) return;
  const toml::table* t = map->as_table();
  int line = line_of(map, 1);
  if (!t) return diag.error(toml_file, line, "map must be a table: [map] with land = [\"land-110m\", \"land-50m\"]");
  static const std::set<std::string> kKeys = {"land"};
  for (auto&& [k, v] : *t)
    if (!kKeys.count(std::string(k.str())))
      diag.error(toml_file, line_of(&v, line), "[map] has no setting \"" + std::string(k.str()) + "\"; it has land = [ … ]");
  const toml::node* land = t->get("land");
  if (!land) return;
  const toml::array* arr = land->as_array();
  if (!arr) return diag.error(toml_file, line_of(land, line), "land must be a list of land files, coarse to fine, like [\"land-110m\", \"land-50m\"]");
  // Each file after the first makes two levels: the bundle's limit on levels limits the files.
  const int most_files = (bundle::limits::kMapLayers + 1) / 2;
  if ((int)arr->size() > most_files) {
    const std::string why = "land lists " + std::to_string(arr->size()) + " files; at most " + std::to_string(most_files) +
                            " (each after the first makes two levels of detail, and a map has at most " +
                            std::to_string(bundle::limits::kMapLayers) + ")";
    return diag.error(toml_file, line_of(land, line), why);
  }
  std::set<std::string> stems, names;  // the files listed so far, and the layers they make
  int k = 0;
  for (auto&& v : *arr) {
    const int file = k++;  // its place in the list sets its levels, even when an earlier entry is wrong
    int vline = line_of(&v, line_of(land, line));
    auto s = v.value<std::string>();
    if (!s || s->empty()) {
      diag.error(toml_file, vline, "each land entry is a file name in quotes, like \"land-110m\"");
      continue;
    }
    std::string path = resolve_land(*s, exhibit_dir, toml_file, vline, diag);
    if (path.empty()) continue;
    const std::string stem = fs::path(path).stem().string();
    if (!stems.insert(stem).second) {
      diag.error(toml_file, vline, "land layer \"" + stem + "\" is listed twice");
      continue;
    }
    std::string clash;
    for (int lod = first_lod_of_file(file); lod <= last_lod_of_file(file); ++lod)
      if (names.count(layer_name(stem, file, lod))) clash = layer_name(stem, file, lod);
    if (!clash.empty()) {
      diag.error(toml_file, vline, "land \"" + stem + "\" would make a layer \"" + clash +
                                       "\", the name of a layer made before it; rename one of the files");
      continue;
    }
    for (int lod = first_lod_of_file(file); lod <= last_lod_of_file(file); ++lod) names.insert(layer_name(stem, file, lod));
    add_land_layers(path, file, diag, out);
  }
  std::sort(out.exhibit.map.begin(), out.exhibit.map.end(),
            [](const auto& a, const auto& b) { return a.lod != b.lod ? a.lod < b.lod : a.name < b.name; });
}

std::vector<std::string> validate_map(const std::map<std::string, bundle::MapGeometry>& layers) {
  std::vector<std::string> p;
  const double xmax = kMaxX * 1.0001, ymax = max_y() * 1.0001;
  for (const auto& [name, g] : layers) {
    std::string what = "map layer \"" + name + "\"";
    if (g.xy.size() % 2) p.push_back(what + " has an odd number of coordinates");
    if (g.indices.size() % 3) p.push_back(what + " has an incomplete triangle");
    size_t n = g.xy.size() / 2;
    if (std::any_of(g.indices.begin(), g.indices.end(), [n](uint32_t i) { return i >= n; }))
      p.push_back(what + " has a triangle index past its vertices");
    for (size_t i = 0; i + 1 < g.xy.size(); i += 2)
      if (!std::isfinite(g.xy[i]) || !std::isfinite(g.xy[i + 1]) || std::fabs(g.xy[i]) > xmax || std::fabs(g.xy[i + 1]) > ymax) {
        p.push_back(what + " has a vertex off the map (" + std::to_string(g.xy[i]) + ", " + std::to_string(g.xy[i + 1]) + ")");
        break;
      }
  }
  return p;
}

}  // namespace mapgeo
