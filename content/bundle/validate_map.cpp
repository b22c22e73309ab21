// validate_map.cpp — the map's land as the kiosk draws it (validate.h): levels of detail 0…n-1
// once each, counts as recorded, whole triangles whose indices name real vertices, and finite
// coordinates inside the projected world (Natural Earth I spans |x| ≤ 2.74, |y| ≤ 1.43; the
// bound here is looser so content/bundle need not know the projection).
#include <cmath>
#include <set>

#include "content/bundle/validate_parts.h"

namespace bundle::rules {

namespace {

constexpr float kWorldBound = 4.f;

std::string geometry_problem(const MapLayer& l, const std::vector<float>& xy, const std::vector<uint32_t>& idx) {
  if (l.vertex_count < 3 || l.vertex_count > limits::kMapVertices || l.triangle_count < 1 || l.triangle_count > limits::kMapTriangles)
    return "has " + std::to_string(l.vertex_count) + " vertices and " + std::to_string(l.triangle_count) + " triangles, outside 3…" +
           std::to_string(limits::kMapVertices) + " and 1…" + std::to_string(limits::kMapTriangles);
  if ((int64_t)xy.size() != 2 * l.vertex_count || (int64_t)idx.size() != 3 * l.triangle_count)
    return "does not hold the vertices and triangles it says it has";
  for (float v : xy)
    if (!std::isfinite(v) || std::fabs(v) > kWorldBound) return "has a vertex that is not a finite point on the map";
  for (uint32_t i : idx)
    if ((int64_t)i >= l.vertex_count) return "has a triangle whose corner is not one of its vertices";
  return "";
}

}  // namespace

void map(const Source& s, Problems& p) {
  const auto& layers = s.ex.map;
  if (layers.size() > (size_t)limits::kMapLayers) {
    add(p, "the map has " + std::to_string(layers.size()) + " layers; at most " + std::to_string(limits::kMapLayers) + " levels of detail");
    return;
  }
  std::set<int> lods;
  for (const auto& l : layers) {
    std::string what = "map layer \"" + (valid_utf8(l.name) && l.name.size() < 64 ? l.name : std::string("?")) + "\"";
    if (l.lod < 0 || l.lod >= (int)layers.size() || !lods.insert(l.lod).second) {
      add(p, what + " has level of detail " + std::to_string(l.lod) + "; the layers must be 0 to " + std::to_string((int)layers.size() - 1) +
                 ", once each; rebuild the bundle");
      continue;
    }
    const MapGeometry* g = s.map(l.name);
    if (!g) {
      add(p, what + " has no geometry; rebuild the bundle");
      continue;
    }
    std::string why = geometry_problem(l, g->xy, g->indices);
    if (!why.empty()) add(p, what + " " + why + "; rebuild the bundle");
  }
}

}  // namespace bundle::rules
