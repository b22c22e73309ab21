// triangulate.cpp — see triangulate.h. GLU calls back with the data pointers we hand it; every
// vertex (input or made by GLU where edges cross) lives in a deque so those pointers stay valid.
#include "content/map/triangulate.h"

#include <GL/glu.h>

#include <cmath>
#include <deque>
#include <stdexcept>
#include <unordered_map>

namespace mapgeo {

namespace {

struct Vertex {
  GLdouble xyz[3];
  uint32_t id;  // index into Tess::vertices
};

struct Tess {
  std::deque<Vertex> vertices;
  std::vector<uint32_t> corners;  // three per triangle, ids
  GLenum error = 0;
  bool non_triangles = false;

  Vertex* add(double x, double y) {
    // Round to float now, so that what GLU sees is exactly what the bundle will hold.
    vertices.push_back({{(double)(float)x, (double)(float)y, 0.0}, (uint32_t)vertices.size()});
    return &vertices.back();
  }
};

// GLU's callbacks. They must not throw (GLU is C): they only record.
void GLAPIENTRY on_begin(GLenum type, void* self) {
  if (type != GL_TRIANGLES) static_cast<Tess*>(self)->non_triangles = true;
}
void GLAPIENTRY on_vertex(void* vertex, void* self) {
  static_cast<Tess*>(self)->corners.push_back(static_cast<Vertex*>(vertex)->id);
}
void GLAPIENTRY on_end(void*) {}
// Registering an edge-flag callback makes GLU emit independent triangles only (no fans or strips).
void GLAPIENTRY on_edge_flag(GLboolean, void*) {}
void GLAPIENTRY on_combine(GLdouble coords[3], void* data[4], GLfloat weight[4], void** out, void* self) {
  (void)data;
  (void)weight;
  *out = static_cast<Tess*>(self)->add(coords[0], coords[1]);
}
void GLAPIENTRY on_error(GLenum err, void* self) {
  if (!static_cast<Tess*>(self)->error) static_cast<Tess*>(self)->error = err;
}

double area2(const float* a, const float* b, const float* c) {
  return ((double)b[0] - a[0]) * ((double)c[1] - a[1]) - ((double)b[1] - a[1]) * ((double)c[0] - a[0]);
}

}  // namespace

void triangulate(const std::vector<Polygon>& polygons, Mesh& mesh) {
  GLUtesselator* glu = gluNewTess();
  if (!glu) throw std::runtime_error("GLU could not create a tessellator (out of memory)");
  using Fn = _GLUfuncptr;
  gluTessCallback(glu, GLU_TESS_BEGIN_DATA, reinterpret_cast<Fn>(&on_begin));
  gluTessCallback(glu, GLU_TESS_VERTEX_DATA, reinterpret_cast<Fn>(&on_vertex));
  gluTessCallback(glu, GLU_TESS_END_DATA, reinterpret_cast<Fn>(&on_end));
  gluTessCallback(glu, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<Fn>(&on_edge_flag));
  gluTessCallback(glu, GLU_TESS_COMBINE_DATA, reinterpret_cast<Fn>(&on_combine));
  gluTessCallback(glu, GLU_TESS_ERROR_DATA, reinterpret_cast<Fn>(&on_error));
  gluTessProperty(glu, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
  gluTessNormal(glu, 0, 0, 1);  // a flat xy polygon: no normal to guess, and triangles come out CCW

  for (const Polygon& poly : polygons) {
    Tess t;
    gluTessBeginPolygon(glu, &t);
    for (const Ring& ring : poly) {
      if (ring.size() < 3) continue;
      gluTessBeginContour(glu);
      for (const XY& p : ring) {
        Vertex* v = t.add(p.x, p.y);
        gluTessVertex(glu, v->xyz, v);
      }
      gluTessEndContour(glu);
    }
    gluTessEndPolygon(glu);
    if (t.error || t.non_triangles) {
      std::string why = t.error ? reinterpret_cast<const char*>(gluErrorString(t.error)) : "non-triangle output";
      gluDeleteTess(glu);
      throw std::runtime_error("triangulating the land failed: GLU says " + why);
    }
    // Keep only the vertices the triangles use, numbered in order of first use (deterministic).
    std::unordered_map<uint32_t, uint32_t> out_index;
    auto index_of = [&](uint32_t id) {
      auto [it, added] = out_index.emplace(id, (uint32_t)mesh.vertices());
      if (added) {
        mesh.xy.push_back((float)t.vertices[id].xyz[0]);
        mesh.xy.push_back((float)t.vertices[id].xyz[1]);
      }
      return it->second;
    };
    for (size_t i = 0; i + 2 < t.corners.size(); i += 3) {
      const Vertex& a = t.vertices[t.corners[i]];
      const Vertex& b = t.vertices[t.corners[i + 1]];
      const Vertex& c = t.vertices[t.corners[i + 2]];
      float fa[2] = {(float)a.xyz[0], (float)a.xyz[1]}, fb[2] = {(float)b.xyz[0], (float)b.xyz[1]},
            fc[2] = {(float)c.xyz[0], (float)c.xyz[1]};
      double a2 = area2(fa, fb, fc);
      if (std::fabs(a2) / 2 <= kMinTriangleArea) continue;  // degenerate (collinear) sliver: no area to lose
      uint32_t ia = index_of(a.id), ib = index_of(b.id), ic = index_of(c.id);
      mesh.indices.push_back(ia);
      if (a2 > 0) mesh.indices.push_back(ib), mesh.indices.push_back(ic);
      else mesh.indices.push_back(ic), mesh.indices.push_back(ib);
    }
  }
  gluDeleteTess(glu);
}

double ring_area(const Ring& r) {
  double s = 0;
  for (size_t i = 0, n = r.size(); i < n; ++i) {
    const XY& a = r[i];
    const XY& b = r[(i + 1) % n];
    s += a.x * b.y - b.x * a.y;
  }
  return s / 2;
}

double odd_area(const Polygon& p) {
  double s = 0;
  for (size_t i = 0; i < p.size(); ++i) s += (i == 0 ? 1 : -1) * std::fabs(ring_area(p[i]));
  return s;
}

double triangle_area(const Mesh& m, size_t t) {
  const float* a = &m.xy[2 * m.indices[3 * t]];
  const float* b = &m.xy[2 * m.indices[3 * t + 1]];
  const float* c = &m.xy[2 * m.indices[3 * t + 2]];
  return area2(a, b, c) / 2;
}

bool point_in_polygon(const Polygon& p, XY q) {
  bool in = false;
  for (const Ring& r : p)
    for (size_t i = 0, n = r.size(), j = n - 1; i < n; j = i++) {
      const XY& a = r[i];
      const XY& b = r[j];
      if ((a.y > q.y) != (b.y > q.y) && q.x < (b.x - a.x) * (q.y - a.y) / (b.y - a.y) + a.x) in = !in;
    }
  return in;
}

int triangles_containing(const Mesh& m, XY q) {
  int n = 0;
  for (size_t t = 0; t < m.triangles(); ++t) {
    const float* v[3] = {&m.xy[2 * m.indices[3 * t]], &m.xy[2 * m.indices[3 * t + 1]], &m.xy[2 * m.indices[3 * t + 2]]};
    bool inside = true;
    for (int k = 0; k < 3 && inside; ++k) {
      const float* a = v[k];
      const float* b = v[(k + 1) % 3];
      double c = ((double)b[0] - a[0]) * (q.y - a[1]) - ((double)b[1] - a[1]) * (q.x - a[0]);
      if (c <= 0) inside = false;  // CCW triangles: strictly left of every edge
    }
    n += inside;
  }
  return n;
}

}  // namespace mapgeo
