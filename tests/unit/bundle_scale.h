// bundle_scale.h — a bundle k times the sample exhibit's size, for the linear-load budget: every
// room (with its own copy of its picture), quotation and question k times over under new ids, and
// the places, journey, labels, fonts and map as they are. Shared by bundle_scale_test.cpp and the
// instruction-count probe (tests/bench/load_scale.cpp).
#pragma once
#include <string>

#include "content/bundle/writer.h"

namespace testutil {

inline bundle::Contents scaled(const bundle::Contents& one, int k) {
  bundle::Contents c = one;
  const bundle::Exhibit& ex = one.exhibit;
  for (int copy = 1; copy < k; ++copy) {
    const std::string tag = "-x" + std::to_string(copy);
    for (bundle::Room r : ex.rooms) {
      r.id += tag;
      if (!r.image.media.empty()) {
        auto it = one.media.find(r.image.media);
        r.image.media += tag;
        if (it != one.media.end()) c.media[r.image.media] = it->second;
      }
      c.exhibit.rooms.push_back(std::move(r));
    }
    for (bundle::Quote q : ex.quotes) {
      q.id += tag;
      if (!q.room.empty()) q.room += tag;
      c.exhibit.quotes.push_back(std::move(q));
    }
    for (bundle::Question q : ex.questions) {
      q.id += tag;
      c.exhibit.questions.push_back(std::move(q));
    }
  }
  // The media list is what the writer's caller says is there: rebuilt from the pictures.
  c.exhibit.media.clear();
  for (const auto& [id, bytes] : c.media) {
    bundle::MediaInfo m;
    for (const auto& o : ex.media)
      if (id.rfind(o.id, 0) == 0 && (id.size() == o.id.size() || id.compare(o.id.size(), 2, "-x") == 0)) m = o;
    m.id = id;
    m.bytes = (int64_t)bytes.size();
    c.exhibit.media.push_back(m);
  }
  return c;
}

}  // namespace testutil
