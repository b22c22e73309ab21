// exhibit_map.h — the exhibit's optional [map] table: which land files become the bundle's map
// layers. Called by content/curator/source.cpp (reading) and validate.cpp (checking).
//
//   [map]
//   land = ["../../assets/map/land-110m.rings", "land-50m"]   # coarse to fine
//
// A value with a '/' is a path relative to the exhibit folder (or absolute); a bare name is looked
// up in the installed map assets (find_land_file). The first file becomes lod 0, named after the
// file (land-110m.rings -> "land-110m"); each later file two layers, each lod twice as fine as the
// last (detail.h): one halfway ("land-50m-lod1") and its own ("land-50m", lod 2).
#pragma once
#include <toml++/toml.h>

#include <map>
#include <string>
#include <vector>

#include "content/bundle/writer.h"
#include "content/curator/diagnostics.h"

namespace mapgeo {

// Reads [map] (`map` may be null: no table, no layers) and fills out.map and out.exhibit.map.
// `toml_file` is exhibit.toml's path for messages. Mistakes go to `diag` as file:line.
void read_map_table(const std::string& exhibit_dir, const std::string& toml_file, const toml::node* map,
                    curator::Diagnostics& diag, bundle::Contents& out);

// Where a bare name ("land-50m" or "land-50m.rings") is looked for, in order: $KIOSK_MAP_DIR,
// assets/map beside the program, ../share/museum-kiosk/map beside it, then this checkout's
// assets/map (compiled in). Returns "" when not found.
std::vector<std::string> land_search_dirs();
std::string find_land_file(const std::string& name);

// Checks the map layers' geometry: whole triangles, indices in range, coordinates finite and on
// the projection's outline. One sentence per problem.
std::vector<std::string> validate_map(const std::map<std::string, bundle::MapGeometry>& layers);

}  // namespace mapgeo
