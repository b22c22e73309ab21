// land.cpp — the map's land for one frame: one level of detail's triangles, as an indexed mesh in
// ImGui's draw list.
//
// Does:     cull triangles against the view in world units (no point is transformed before it is
//           known to be needed), write each visible point once and index it, in pieces of fewer
//           than 64k points (ImDrawIdx is 16 bits; the SDL_Renderer backend sets
//           RendererHasVtxOffset, so ImGui starts a new vertex offset between pieces), with its
//           working buffers kept from frame to frame.
// Does not: choose the level of detail or its fade (content/map/detail.h, for map.cpp's
//           draw_journey), or keep the land on the GPU (SDL_Renderer takes the geometry every
//           frame).
//
// Measured (kiosk-bench, 1920x1080, map_pinch's worst frame, both levels fading): 63.6k vertices
// non-indexed before, 3 per triangle; indexed, each point once.
#include <algorithm>

#include "kiosk/screens/context.h"

namespace screens {

namespace {

// Kept between frames: the visible triangles, and each point's slot in the current piece (0 = not
// yet written), reset point by point after the piece so a frame costs what it draws, not the layer.
struct Scratch {
  std::vector<uint32_t> tris;
  std::vector<uint32_t> slot;
  std::vector<uint32_t> used;
};

Scratch& scratch() {
  static Scratch s;
  return s;
}

// What the map draws besides the land, about: the graticule, the route's arcs, the markers.
constexpr size_t kOtherVertices = 16384;

// A piece's points must stay below 65536: 21000 triangles have at most 63000.
constexpr size_t kPieceTriangles = 21000;

}  // namespace

void reserve_land(ui::Canvas& c, const MapData& map) {
  // A frame draws one level, or two neighbours while one fades into the next (detail.h): room for
  // the largest such pair, not for every level.
  size_t points = 0, triangles = 0, widest = 0;
  for (size_t i = 0; i < map.layers.size(); ++i) {
    const auto& l = map.layers[i];
    const auto* next = i + 1 < map.layers.size() ? &map.layers[i + 1] : nullptr;
    points = std::max(points, l.xy.size() / 2 + (next ? next->xy.size() / 2 : 0));
    triangles = std::max(triangles, l.indices.size() / 3 + (next ? next->indices.size() / 3 : 0));
    widest = std::max(widest, l.xy.size() / 2);
  }
  Scratch& s = scratch();
  if (s.slot.size() < widest) s.slot.assign(widest, 0);
  s.tris.reserve(std::max(triangles, s.tris.capacity()));
  s.used.reserve(std::min(widest, kPieceTriangles * 3));
  ImDrawList* dl = c.draw_list();
  const int vtx = dl->VtxBuffer.Size + (int)(points + kOtherVertices), idx = dl->IdxBuffer.Size + (int)(3 * triangles + kOtherVertices * 2);
  if (dl->VtxBuffer.Capacity < vtx) dl->VtxBuffer.reserve(vtx);
  if (dl->IdxBuffer.Capacity < idx) dl->IdxBuffer.reserve(idx);
}

void draw_land(ui::Canvas& c, const MapData::Layer& layer, const ui::Camera& cam, const ui::Rect& v, ui::Colour col) {
  ImDrawList* dl = c.draw_list();
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  const ImU32 rgba = col.imgui();
  const size_t points = layer.xy.size() / 2, n = layer.indices.size() / 3;
  const float* xy = layer.xy.data();
  const uint32_t* idx = layer.indices.data();
  Scratch& s = scratch();
  // The view in world units, a pixel wider on each side: a triangle that only touches the edge
  // after rounding is kept (the clip rectangle cuts it), never dropped.
  double wx0, wy0, wx1, wy1;
  cam.to_world(-1.f, v.h + 1.f, wx0, wy0, v.w, v.h);
  cam.to_world(v.w + 1.f, -1.f, wx1, wy1, v.w, v.h);
  const float x0 = (float)wx0, y0 = (float)wy0, x1 = (float)wx1, y1 = (float)wy1;
  s.tris.clear();
  for (size_t t = 0; t < n; ++t) {
    const uint32_t a = idx[3 * t], b = idx[3 * t + 1], d = idx[3 * t + 2];
    // The loader and the bundle's validation both refuse bad geometry; a triangle naming a point
    // that is not there is still skipped here, so no bundle can make this read outside the layer.
    if (a >= points || b >= points || d >= points) continue;
    const float ax = xy[2 * a], bx = xy[2 * b], dx = xy[2 * d];
    if (std::max({ax, bx, dx}) < x0 || std::min({ax, bx, dx}) > x1) continue;
    const float ay = xy[2 * a + 1], by = xy[2 * b + 1], dy = xy[2 * d + 1];
    if (std::max({ay, by, dy}) < y0 || std::min({ay, by, dy}) > y1) continue;
    s.tris.push_back((uint32_t)t);
  }
  // Untextured: the renderer fills the triangles with their colour rather than sampling the atlas's
  // white pixel for each one (SDL's software renderer fills instead of blitting and queues 12 bytes
  // a vertex instead of 20; OpenGL ES draws them with its solid-colour program).
  // An opaque level is written, not blended (Canvas::begin_solid says why): the same pixels, since
  // an opaque colour blended over anything is itself. The level fading in over it is blended.
  const bool solid = col.a == 255;
  if (solid) c.begin_solid();
  dl->PushTextureID(ImTextureID{});
  for (size_t start = 0; start < s.tris.size(); start += kPieceTriangles) {
    const size_t end = std::min(s.tris.size(), start + kPieceTriangles);
    s.used.clear();
    for (size_t i = start; i < end; ++i)
      for (int k = 0; k < 3; ++k) {
        uint32_t p = idx[3 * s.tris[i] + k];
        if (!s.slot[p]) s.used.push_back(p), s.slot[p] = (uint32_t)s.used.size();
      }
    dl->PrimReserve((int)((end - start) * 3), (int)s.used.size());
    const ImDrawIdx base = (ImDrawIdx)dl->_VtxCurrentIdx;  // after PrimReserve: it may start a new vertex offset
    for (uint32_t p : s.used) {
      float sx, sy;
      cam.to_screen(xy[2 * p], xy[2 * p + 1], sx, sy, v.w, v.h);
      dl->PrimWriteVtx({sx + v.x, sy + v.y}, uv, rgba);
    }
    for (size_t i = start; i < end; ++i)
      for (int k = 0; k < 3; ++k) dl->PrimWriteIdx((ImDrawIdx)(base + s.slot[idx[3 * s.tris[i] + k]] - 1));
    for (uint32_t p : s.used) s.slot[p] = 0;
  }
  dl->PopTextureID();
  if (solid) c.end_solid();
}

}  // namespace screens
