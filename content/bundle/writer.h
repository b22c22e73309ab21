// writer.h — writes an exhibit bundle from content already validated by the curator.
//
// Does:     create the schema, insert everything in a fixed order (same input, same bytes),
//           stamp the content hash, and move the file into place only once it is complete.
// Does not: parse sources or validate them (content/curator does), scale pictures.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "content/bundle/bundle.h"

namespace bundle {

struct FontFile {
  std::string file;  // the font's file name, for `info`
  std::vector<uint8_t> bytes;
};

struct MapGeometry {
  int lod = 0;
  std::vector<float> xy;
  std::vector<uint32_t> indices;
};

struct Contents {
  Exhibit exhibit;                                       // meta.content_hash is computed, not read
  std::map<std::string, std::vector<uint8_t>> media;     // media id -> encoded picture
  std::map<std::string, FontFile> fonts;                 // role -> font
  std::map<std::string, MapGeometry> map;                // layer name -> geometry
};

// Writes `contents` to `path` atomically (temp file, fsync, rename). Throws std::runtime_error
// with a human sentence; on failure nothing is left at `path` that was not there before.
void write(const Contents& contents, const std::string& path);

}  // namespace bundle
