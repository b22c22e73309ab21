// projection.h — the map's projection: Natural Earth I (Šavrič, Jenny, Patterson, Petrovič, Hurni,
// 2011), the same polynomial as PROJ's `+proj=natearth`, on the unit sphere, central meridian 0.
//
// Does:     lat/lon (degrees, WGS84 treated as a sphere) -> projected x,y and back. x grows east,
//           y grows NORTH (flip it for the screen). Ranges: |x| <= kMaxX (at the equator),
//           |y| <= kMaxY (the poles, which are lines of half-length pole_half_width()).
//           Every vertex of the bundle's map layers is in these units, so the kiosk only scales
//           and translates the layers and projects its place markers with the same function.
// Does not: allocate, throw, or know about bundles. Header-only: include it, nothing to link.
#pragma once
#include <cmath>

namespace mapgeo {

struct XY {
  double x = 0, y = 0;
};

constexpr const char* kProjectionName = "Natural Earth I (+proj=natearth +R=1)";

namespace detail {
constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;
// Polynomial coefficients, as published by Šavrič et al. and used by PROJ's natearth.cpp.
constexpr double A0 = 0.8707, A1 = -0.131979, A2 = -0.013791, A3 = 0.003971, A4 = -0.001529;
constexpr double B0 = 1.007226, B1 = 0.015085, B2 = -0.044475, B3 = 0.028874, B4 = -0.005916;
// dy/dphi: the derivative of the y polynomial, for Newton's method in the inverse.
constexpr double C0 = B0, C1 = 3 * B1, C2 = 7 * B2, C3 = 9 * B3, C4 = 11 * B4;

inline double x_factor(double phi) {  // x = lambda * x_factor(phi)
  double p2 = phi * phi;
  return A0 + p2 * (A1 + p2 * (A2 + p2 * p2 * p2 * (A3 + p2 * A4)));
}
inline double y_of(double phi) {
  double p2 = phi * phi;
  return phi * (B0 + p2 * (B1 + p2 * p2 * (B2 + p2 * (B3 + p2 * B4))));
}
}  // namespace detail

// The projection of (lat, lon) in degrees. lon outside [-180, 180] is used as given (no wrapping),
// which the land builder relies on while cutting rings at the antimeridian.
inline XY project(double lat_deg, double lon_deg) {
  double phi = lat_deg * detail::kDeg, lam = lon_deg * detail::kDeg;
  return {lam * detail::x_factor(phi), detail::y_of(phi)};
}

// Half the width of the map at the equator (x of lon 180, lat 0) and the height of a pole.
constexpr double kMaxX = detail::A0 * detail::kPi;  // 2.7353845...
inline double max_y() { return detail::y_of(detail::kPi / 2); }             // 1.4223905...
inline double pole_half_width() { return detail::kPi * detail::x_factor(detail::kPi / 2); }

// The inverse: (x, y) -> (lat, lon) in degrees. Returns false (and leaves lat/lon alone) for a
// point outside the map's outline. Newton's method on y, then x divides out; ~5 iterations.
inline bool unproject(double x, double y, double& lat_deg, double& lon_deg) {
  double ymax = max_y();
  if (!(std::fabs(y) <= ymax + 1e-12)) return false;
  double phi = y / detail::B0;
  for (int i = 0; i < 30; ++i) {
    double p2 = phi * phi;
    double f = detail::y_of(phi) - y;
    double fder = detail::C0 + p2 * (detail::C1 + p2 * p2 * (detail::C2 + p2 * (detail::C3 + p2 * detail::C4)));
    double step = f / fder;
    phi -= step;
    if (std::fabs(step) < 1e-14) break;
  }
  if (phi > detail::kPi / 2) phi = detail::kPi / 2;
  if (phi < -detail::kPi / 2) phi = -detail::kPi / 2;
  double lam = x / detail::x_factor(phi);
  if (!(std::fabs(lam) <= detail::kPi + 1e-9)) return false;
  lat_deg = phi / detail::kDeg;
  lon_deg = lam / detail::kDeg;
  return true;
}

}  // namespace mapgeo
