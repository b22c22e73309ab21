// screen.cpp — which screen draws: the one the flow says the visitor is on. The app calls it for
// the frame on screen and for idle time's rehearsals of that screen in another language or size.
#include "kiosk/screens/context.h"

namespace screens {

void draw_screen(Context& ctx) {
  switch (ctx.flow.screen()) {
    case flow::Screen::Home: draw_home(ctx); break;
    case flow::Screen::Rooms: draw_rooms(ctx); break;
    case flow::Screen::Room: draw_room(ctx); break;
    case flow::Screen::Quotes: draw_quotes(ctx); break;
    case flow::Screen::Questions: draw_questions(ctx); break;
    case flow::Screen::Answer: draw_answer(ctx); break;
    case flow::Screen::Map: draw_map(ctx); break;
    case flow::Screen::Warning: draw_warning(ctx); break;
    case flow::Screen::Attract: draw_attract(ctx); break;
  }
}

}  // namespace screens
