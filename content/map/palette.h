// palette.h — the map's colours, shared by the kiosk's map screen (kiosk/screens/map.cpp) and the
// locator maps kiosk-bundle draws into room pictures (content/curator/room_picture.cpp), so a
// room's picture looks like a piece of the exile map. The paper, ink and accent are the kiosk
// theme's (kiosk/ui/theme.h); tests/unit/room_picture_test.cpp fails if the two drift apart.
// Plain numbers, no SDL: content/ never includes the kiosk.
#pragma once
#include <cstdint>

namespace mapgeo::colours {

struct Rgb {
  uint8_t r, g, b;
};

constexpr Rgb kSea{236, 231, 220};
constexpr Rgb kLand{208, 196, 174};
constexpr Rgb kGrid{222, 214, 200};
// From the kiosk theme's palette.
constexpr Rgb kPaper{244, 239, 230};
constexpr Rgb kInk{31, 27, 22};
constexpr Rgb kInkSoft{74, 65, 56};
constexpr Rgb kAccent{158, 43, 27};
constexpr Rgb kOnAccent{251, 247, 240};
constexpr Rgb kRule{196, 184, 166};

}  // namespace mapgeo::colours
