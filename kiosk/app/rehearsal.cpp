// rehearsal.cpp — idle time's rehearsals of the screen on show, in each other language of the
// exhibit and in the other text size: the screen draws itself into a list nobody sees, on copies
// of the flow and the screens' memory, through a rehearsal canvas whose blocks become the text
// engine's wishes. Its layouts are remembered and its blocks made in later idle slices, so the
// frame after a tap on a language or on "larger text" lays out and rasterises nothing (issue 11:
// a switch spreads its work over idle time). Measured on home at 1920x1080: that frame cost
// 15.9 M instructions (75 % rasterising its ten blocks, 24 % laying them out), 0.14 M after.
//
// Does:     one rehearsal per idle slice, only once the screen has settled (nothing moving, no
//           redraw due soon: the journey playing on the map is not rehearsed 30 times a second),
//           each again after every new frame (the frame's wishes are new too).
// Does not: change anything the visitor sees or the statistics count, or rehearse the staff
//           overlay, attract mode, the closed screen or the fallback.
#include "kiosk/app/app.h"

namespace app {

namespace {
// Nothing due sooner than this: the screen has settled and a rehearsal will not be thrown away.
constexpr uint64_t kSettledMs = 250;
}  // namespace

std::vector<App::Rehearsal> App::rehearsals() const {
  std::vector<Rehearsal> out;
  if (!bundle_ || !flow_) return out;
  for (const auto& code : bundle_->exhibit().meta.languages)
    if (code != flow_->lang()) out.push_back({code, flow_->larger_text()});
  // The text size only where the screen offers its switch (the reading screens).
  for (const auto& item : items_)
    if (item.id == "text.larger") {
      out.push_back({flow_->lang(), !flow_->larger_text()});
      break;
    }
  return out;
}

bool App::rehearsal_due() const {
  if (!flow_ || flow_->screen() == flow::Screen::Attract) return false;
  // A new bundle's labels come with a new ImGui context: its draw lists' shared data (clip
  // rectangle, circle tessellation) is set by its first frame, which has not been drawn yet.
  if (!ImGui::GetCurrentContext() || ImGui::GetFrameCount() == 0) return false;
  if (animating_ || (redraw_at_ != UINT64_MAX && redraw_at_ < now_ + kSettledMs)) return false;
  return rehearsed_ < rehearsals().size();
}

void App::rehearse_next() {
  std::vector<Rehearsal> all = rehearsals();
  if (rehearsed_ >= all.size()) return;
  const Rehearsal& r = all[rehearsed_++];
  flow::Flow flow = *flow_;
  flow.set_lang(r.lang);
  flow.set_larger_text(r.larger);
  screens::Memory memory = memory_;
  ui::Theme theme = theme_;
  theme.text_scale = r.larger ? ui::Theme::kLargerText : 1.f;
  if (!rehearsal_list_) rehearsal_list_ = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
  ImDrawList& dl = *rehearsal_list_;
  dl._Data = ImGui::GetDrawListSharedData();  // the context's of now, perhaps another bundle's
  dl._ResetForNewFrame();
  dl.Flags = ImDrawListFlags_AllowVtxOffset;
  dl.PushTextureID(ImGui::GetIO().Fonts->TexID);
  dl.PushClipRectFullScreen();
  ui::Canvas canvas(&dl, theme, *text_, label_fonts_, true);
  screens::Context ctx{canvas, flow, bundle_->exhibit(), *pictures_, memory, now_};
  ctx.map = &map_;
  screens::draw_screen(ctx);
}

}  // namespace app
