// app.cpp — see app.h. The frame follows Dear ImGui's SDL_Renderer example (NewFrame → draw →
// Render → Present) but only runs when something changed; see run_loop() for the waiting.
#include "kiosk/app/app.h"

#include <imgui.h>
#include <SDL_ttf.h>
#include <imgui_impl_sdlrenderer.h>

#include <climits>
#include <cstring>
#include <ctime>

#include "kiosk/app/exhibit_loader.h"
#include "kiosk/app/keys.h"
#include "kiosk/app/rotation.h"
#include "platform/idle_wait.h"
#include "platform/paths.h"
#include "platform/process.h"
#include "platform/rotation.h"
#include "platform/signals.h"
#include "platform/video_reset.h"
#include "platform/video_retry.h"

namespace app {

App::App(Options o) : opt_(std::move(o)), touch_devices_(std::make_unique<TouchDevices>(opt_.touch_devices)) {}

App::~App() {
  watch_.reset();  // its thread first: it pushes events into SDL
  store_.reset();  // waits for an inbox scan still running
  fade_.drop();
  pictures_.reset();
  text_.reset();
  if (imgui_ready_) {
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext();
  }
  bundle_.reset();
  if (video_.window) platform::close_video(video_);
  TTF_Quit();
}

bool App::start(std::string& why) {
  platform::VideoOptions vo;
  vo.headless = opt_.headless;
  vo.windowed = opt_.windowed;
  vo.width = opt_.width;
  vo.height = opt_.height;
  vo.rotation = opt_.config.rotation;
  vo.mode = opt_.config.mode;
  vo.render = opt_.config.renderer;
  keepalive_.phase("opening the display");
  // On the wall the panel may be off or unplugged at boot: wait for it rather than exit, telling
  // systemd's watchdog all the while that the kiosk is alive (and still starting).
  platform::VideoRetry retry;
  retry.sleep = [this](uint64_t ms) {
    for (uint64_t t = 0; t < ms && !platform::stop_requested(); t += 200) {
      SDL_Delay((Uint32)std::min<uint64_t>(200, ms - t));
      keepalive_.tick(SDL_GetTicks64(), 0);
    }
  };
  if (!(opt_.headless ? platform::open_video(vo, video_, why) : platform::open_video_patiently(vo, video_, why, retry)))
    return false;
  startup_.mark(StartPhase::Video, "driver " + video_.driver + ", renderer " + video_.renderer_name +
                                       (video_.fell_back ? " (OpenGL ES could not be had)" : "") + ", " +
                                       platform::texture_limit(video_) + ", mode " + video_.mode);
  // Where SDL cannot sleep, the loop sleeps on the input devices (idle_wait.h); not headless,
  // where tours drive a virtual clock.
  if (!opt_.headless && !video_.blocking_wait) {
    idle_wait_ = std::make_unique<platform::IdleWait>();
    idle_wait_->add_fd(platform::stop_fd());
    SDL_Log("waiting on %zu input device(s)%s", idle_wait_->devices(),
            idle_wait_->sees_clock_steps() ? " and clock steps" : "; the wall clock is looked at every second");
  }
  // The wall clock for opening hours and statistics: real time, or the tour's chosen start on a
  // virtual clock.
  if (opt_.headless) wall_ = WallClock::virtual_from(opt_.wall_start ? opt_.wall_start : (int64_t)time(nullptr));
  theme_ = ui::Theme::for_screen(video_.width, video_.height, opt_.screen_w_mm, opt_.screen_h_mm);
  theme_.set_high_contrast(opt_.config.high_contrast);
  if (opt_.config.reach_low) theme_.reach_top = 1.f / 3.f;
  text_ = std::make_unique<ui::TextEngine>(video_.renderer, ui::TextEngine::budget_for(video_.width, video_.height));
  pictures_ = std::make_unique<ui::Pictures>(video_.renderer, [this](const std::string& id) {
    try {
      return bundle_ ? bundle_->media_bytes(id) : std::vector<uint8_t>();
    } catch (const std::exception& e) {
      SDL_Log("picture %s cannot be read: %s", id.c_str(), e.what());
      return std::vector<uint8_t>();
    }
  });
  start_screen_power();
  keepalive_.phase("reading the exhibit");
  if (!opt_.config.store_dir.empty()) store_ = std::make_unique<StoreLink>(opt_.config);
  open_bundle();
  start_watching();
  if (!opt_.config.stats.empty()) stats_.open(opt_.config.stats, wall_ms());
  staff_start();
  return true;
}

// The screen's power switch: DPMS on SDL's DRM fd, the backlight, or the site's command.
void App::start_screen_power() {
  const auto& c = opt_.config;
  platform::PowerSetup ps{c.power, c.display_off, c.display_on, opt_.sysfs.empty() && !opt_.headless ? "/sys" : opt_.sysfs};
  std::string no_drm;
  std::unique_ptr<platform::DrmPort> drm;
  if (opt_.drm) drm = opt_.drm();
  else if (!opt_.headless) drm = platform::sdl_drm_port(video_.window, no_drm);
  if (!drm && !no_drm.empty() && (c.power == platform::PowerMethod::Auto || c.power == platform::PowerMethod::Dpms))
    SDL_Log("screen power: no DPMS, %s", no_drm.c_str());
  power_ = std::make_unique<platform::ScreenPower>(ps, std::move(drm));
  // A restart inside opening hours (after a crash that left the screen off at closing time, or a
  // clock that was wrong at closing): switch the screen on, since apply_hours() only acts on changes.
  if (c.hours.configured() && c.hours.is_open(wall_now())) power_->set(true);
}

void App::end_visit(stats::EndReason why) {
  // For a timeout the visit ended at the last touch, not when the warning ran out.
  stats_.end_session(why == stats::EndReason::Timeout ? last_touch_wall_ms_ : wall_ms(), why);
}

// Tells the statistics what the visitor sees now; repeats are ignored by the recorder.
void App::record_frame() {
  if (!stats_.in_session() || !flow_ || self_testing_) return;
  const auto& ex = bundle_->exhibit();
  const flow::Spot& s = flow_->here();
  if (s.screen == flow::Screen::Warning || s.screen == flow::Screen::Attract) return;
  std::string ref;
  if (s.screen == flow::Screen::Room && s.index < (int)ex.rooms.size()) {
    ref = ex.rooms[s.index].id;
    if (!memory_.room_pages.moving()) stats_.room_page(wall_ms(), ref, memory_.room_pages.page());
  } else if (s.screen == flow::Screen::Answer && s.index < (int)ex.questions.size()) {
    ref = ex.questions[s.index].id;
  } else if (s.screen == flow::Screen::Quotes && !ex.quotes.empty() && !memory_.quote_cards.moving()) {
    int q = std::min(memory_.quote_cards.page(), (int)ex.quotes.size() - 1);
    stats_.quote(wall_ms(), ex.quotes[q].id);
  }
  stats_.screen(wall_ms(), flow::name(s.screen), ref);
}

// The bundle named on the command line (or chosen by the store), at start and on each retry
// while the fallback screen shows, if it passes the same validation as `kiosk-bundle check`.
// On refusal the kiosk keeps what it shows (the last good bundle, or the calm fallback), says why
// in the log once per reason, and does not read the file again until it changes.
bool App::open_bundle() {
  const bool had_bundle = bundle_ != nullptr;
  next_retry_ = now_ + 10'000;
  if (store_) opt_.bundle = store_->choose();
  LoadedExhibit next;
  std::string why;
  if (opt_.bundle.empty()) {
    why = "the bundle store " + (store_ ? store_->dir() : std::string()) +
          " has nothing to show yet; install a bundle with kiosk-bundle install FILE --store DIR";
  } else {
    std::string signature = file_signature(opt_.bundle);
    if (!refused_signature_.empty() && signature == refused_signature_) return had_bundle;
    const double t0 = StartupLog::wall_ms();
    if (!load_exhibit(opt_.bundle, next, why)) refused_signature_ = signature;
    char took[48];
    snprintf(took, sizeof took, " (%.0f ms)", StartupLog::wall_ms() - t0);
    startup_.mark(StartPhase::Bundle, (why.empty() ? opt_.bundle : "none, the exhibit is unavailable") + took);
  }
  if (!why.empty()) {
    if (why != unavailable_reason_)
      SDL_Log("%s: %s", had_bundle ? "new bundle refused, still showing the last good one" : "exhibit unavailable", why.c_str());
    unavailable_reason_ = why;
    if (!imgui_ready_) show_fallback_fonts();  // the fallback screen's font, once
    dirty_ = true;
    return had_bundle;
  }
  refused_signature_.clear();
  adopt(std::move(next), false);
  return true;
}

// UI labels go to ImGui's atlas, built only from the glyphs the bundle's labels use, so the atlas
// stays small (the Pi's GPU caps textures at 4096 px). The bytes live in label_font_bytes_.
void App::setup_labels() {
  const double t0 = StartupLog::wall_ms();
  if (imgui_ready_) {
    ImGui_ImplSDLRenderer_Shutdown();
    ImGui::DestroyContext();
    imgui_ready_ = false;
  }
  label_fonts_ = {};
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk remembers nothing between runs
  io.LogFilename = nullptr;
  ImFontGlyphRangesBuilder rb;
  rb.AddRanges(io.Fonts->GetGlyphRangesDefault());
  rb.AddText("\xE2\x80\xB9\xE2\x80\xBA\xE2\x81\xBA\xE2\x80\x94\xE2\x80\x93\xC2\xB7");  // ‹ › ⁺ — – ·
  if (bundle_) {
    const auto& ex = bundle_->exhibit();
    for (const auto& [k, t] : ex.strings)
      for (const auto& [l, v] : t.by_lang) rb.AddText(v.c_str());
    for (const auto& pl : ex.places)  // the map labels its places with UI labels
      for (const auto& [l, v] : pl.name.by_lang) rb.AddText(v.c_str());
    for (const auto& [l, v] : ex.meta.title.by_lang) rb.AddText(v.c_str());  // the staff overlay's status page
  }
  label_ranges_.clear();
  rb.BuildRanges(&label_ranges_);
  // Sized by the em, like the reading text (see label_font.h for why ImGui's size is not the em).
  label_fonts_ = ui::add_label_fonts(io.Fonts, label_font_bytes_, theme_, label_ranges_.Data);
  if (!label_fonts_.ok()) {
    ImFont* f = io.Fonts->AddFontDefault();
    label_fonts_ = {f, f, f, f};
  }
  io.Fonts->TexDesiredWidth = 1024;
  io.Fonts->Build();
  SDL_Log("label fonts: %.1f px em (%.0f px atlas size), larger %.1f px em", ui::em_px(label_fonts_.label), label_fonts_.label->FontSize, ui::em_px(label_fonts_.label_large));
  SDL_Log("label atlas %dx%d", io.Fonts->TexWidth, io.Fonts->TexHeight);
  ImGui_ImplSDLRenderer_Init(video_.renderer);
  imgui_ready_ = true;
  char what[96];
  snprintf(what, sizeof what, "label atlas %dx%d built in %.0f ms", io.Fonts->TexWidth, io.Fonts->TexHeight, StartupLog::wall_ms() - t0);
  startup_.mark(StartPhase::Fonts, what);
}

std::string App::screen_name() const {
  if (staff_.open) return screens::staff_page_name(staff_.page);
  if (!bundle_) return "unavailable";
  if (closed_) return "closed";
  return flow::name(flow_->screen());
}

void App::set_high_contrast(bool on) {
  theme_.set_high_contrast(on);
  dirty_ = true;
}

void App::set_lang(const std::string& code) {
  if (flow_) flow_->set_lang(code);
  dirty_ = true;
}

void App::handle_event(const SDL_Event& e) {
  if (e.type == SDL_WINDOWEVENT && (e.window.event == SDL_WINDOWEVENT_EXPOSED || e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED))
    dirty_ = true;
  if (files_event_ && e.type == files_event_) check_files();
  // A swap waits until hands are off the glass a while: every finger or mouse event counts.
  if (e.type == SDL_FINGERDOWN || e.type == SDL_FINGERUP || e.type == SDL_FINGERMOTION || e.type == SDL_MOUSEBUTTONDOWN ||
      e.type == SDL_MOUSEBUTTONUP || (e.type == SDL_MOUSEMOTION && e.motion.state))
    last_touch_ms_ = now_;
  if (e.type == SDL_RENDER_TARGETS_RESET || e.type == SDL_RENDER_DEVICE_RESET) remake_textures(e.type == SDL_RENDER_DEVICE_RESET);
  if (e.type == SDL_FINGERDOWN) look_at_touch_devices();
  SDL_Event pic = to_picture(e, video_.rotation, video_.panel_w, video_.panel_h);
  // The staff corner's touches never reach the visitor's gestures (staff_desk.h).
  if (staff_event(pic)) return;
  gestures_.feed(pic, now_, video_.width, video_.height);
  ui::Gesture g;
  while (gestures_.poll(g)) on_gesture(g);
}

// The renderer lost its textures (SDL_RENDER_DEVICE_RESET) or the contents of its render targets
// (SDL_RENDER_TARGETS_RESET): every texture the kiosk made is made again, so the next frame shows
// the exhibit rather than garbage. Text and pictures come back on demand (that frame rasterises
// again); the label atlas is uploaded again from ImGui's copy of its pixels; the turned panel's
// render target is made again; a cross-fade in progress is dropped (its old frame is gone).
void App::remake_textures(bool device) {
  ++texture_resets_;
  SDL_Log("the renderer %s: making every texture again", device ? "was reset" : "lost its render targets");
  fade_.drop();
  if (text_) text_->clear();
  if (pictures_) pictures_->clear();
  if (imgui_ready_) {
    ImGui_ImplSDLRenderer_DestroyFontsTexture();
    if (!ImGui_ImplSDLRenderer_CreateFontsTexture()) SDL_Log("the label atlas could not be uploaded again: %s", SDL_GetError());
  }
  std::string why;
  if (!platform::remake_picture(video_, why)) SDL_Log("%s", why.c_str());
  dirty_ = true;
}

// A touch screen unplugged with a finger on it never lifts that finger: forget it now.
void App::look_at_touch_devices() {
  next_touch_look_ = now_ + 1000;
  for (int64_t id : touch_devices_->gone()) gestures_.forget_device(id, now_);
  ui::Gesture g;
  while (gestures_.poll(g)) on_gesture(g);
}

int64_t App::wall_now() const {
  int64_t ms = wall_ms();
  return ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
}

// A step of the wall clock (NTP after boot, a date command) re-plans at once: opening hours are
// checked again right now and the next wake-up is computed from the new time.
void App::notice_clock_jump() {
  int64_t by = 0;
  if (!wall_.jumped(now_, by)) return;
  SDL_Log("the wall clock jumped by %+lld s: checking the opening hours again", (long long)(by / 1000));
  dirty_ = true;
}

// Opens or closes for the day when the schedule (or a wake-up touch) says so.
void App::apply_hours() {
  bool open = opt_.config.hours.is_open(wall_now()) || now_ < awake_until_;
  if (open == !closed_) return;
  closed_ = !open;
  dirty_ = true;
  if (closed_) {
    // Closing time: the session ends, one black frame, then the loop sleeps until opening.
    if (flow_) flow_->end_session();
    end_visit(stats::EndReason::Other);
    memory_ = screens::Memory{};
    memory_.attract_started = now_;
    gestures_.reset();
    pressed_.reset();
    pending_tap_.reset();
    power_off_due_ = true;  // after the black frame: a CRTC switched off takes no page flips
  } else {
    power_off_due_ = false;
    if (power_) power_->set(true);  // before the next frame is drawn
    if (flow_ && flow_->screen() != flow::Screen::Attract) flow_->end_session();
    memory_.attract_started = now_;
  }
}

void App::on_gesture(const ui::Gesture& g) {
  using T = ui::GestureType;
  if (staff_.open) return staff_gesture(g);  // nothing reaches the visitor's flow or statistics
  if (!flow_) return;  // the fallback screen has nothing to touch
  dirty_ = true;
  // The map takes drags and pinches itself (pan, zoom, the timeline); taps still go to buttons.
  if (!closed_ && flow_->screen() == flow::Screen::Map && g.type != T::Press && g.type != T::Tap)
    screens::map_gesture(memory_.map, g, now_);
  if (closed_ || now_ < awake_until_) {
    // A touch while closed wakes the kiosk for a few minutes, counted from the latest touch.
    if (g.type == T::Press) awake_until_ = now_ + kWakeMs;
    if (closed_) {
      apply_hours();
      flow_->wake(now_);
      swallow_ = true;
      stats_.begin_session(wall_ms(), flow_->lang());
      last_touch_wall_ms_ = wall_ms();
      return;
    }
  }
  if (g.type == T::Press) {
    // The first touch after attract mode (or start) begins a visitor's session.
    if (!stats_.in_session()) stats_.begin_session(wall_ms(), flow_->lang());
    last_touch_wall_ms_ = wall_ms();
  }
  switch (g.type) {
    case T::Press:
      if (flow_->screen() == flow::Screen::Attract) {
        flow_->wake(now_);
        memory_ = screens::Memory{};
        swallow_ = true;
        return;
      }
      flow_->touch(now_);
      pressed_ = ui::Point{g.x, g.y};
      break;
    case T::Release:
      pressed_.reset();
      swallow_ = false;
      break;
    case T::Tap:
      if (!swallow_) pending_tap_ = ui::Point{g.x, g.y};
      break;
    case T::DragStart:
      pressed_.reset();
      if (drag_target_ && !swallow_) drag_target_->drag_start(now_);
      break;
    case T::Drag:
      flow_->touch(now_);
      if (drag_target_ && !swallow_) drag_target_->drag(drag_axis_ == screens::Axis::Horizontal ? g.dx : g.dy);
      break;
    case T::DragEnd:
      if (drag_target_ && !swallow_) drag_target_->release(drag_axis_ == screens::Axis::Horizontal ? g.vx : g.vy, now_);
      break;
    default:
      break;
  }
}

void App::update() {
  staff_update();
  try_swap();
  store_tick();
  notice_clock_jump();
  if (!bundle_) {
    if (now_ >= next_retry_ && !pending_swap_) open_bundle();
    return;
  }
  apply_hours();
  if (closed_) return;
  if (flow_->update(now_)) {
    if (flow_->screen() == flow::Screen::Attract) {
      end_visit(stats::EndReason::Timeout);
      platform::return_free_memory();  // hand freed pages back between visitors: RSS stays flat over months
      memory_ = screens::Memory{};  // the session's end forgets scroll positions and pages
      memory_.attract_started = now_;
      gestures_.reset();
      pressed_.reset();
      pending_tap_.reset();
    }
    dirty_ = true;
  }
  if (gestures_.active() && now_ >= next_touch_look_) look_at_touch_devices();  // ~1/s while held
  gestures_.tick(now_);
  ui::Gesture g;
  while (gestures_.poll(g)) on_gesture(g);
  if (now_ >= redraw_at_) dirty_ = true;
}

bool App::frame_due() const { return dirty_; }

// A frame is interactive while a finger is on the glass or what it moved is still moving (a
// page snapping, a fling, the map easing or playing): text rasterised then costs the visitor a
// dropped frame. Attract mode's fades have no visitor to disappoint.
bool App::interactive_frame() const {
  if (gestures_.active()) return true;
  return animating_ && flow_ && flow_->screen() != flow::Screen::Attract;
}

// Work for idle time: only when nothing is to be drawn and no finger is down, so the loop still
// answers a touch within a frame, and never while closed. Attract mode prepares only its own next
// item (no visitor to rehearse a switch for).
bool App::idle_work() const {
  if (!bundle_ || closed_ || staff_.open || dirty_ || gestures_.active() || !flow_) return false;
  if (flow_->screen() == flow::Screen::Attract) return text_->preparing();
  return text_->preparing() || rehearsal_due();
}

// The screen's own wishes first (its next page), then one rehearsal (rehearsal.cpp) at a time,
// whose blocks become wishes of their own.
bool App::idle_slice() {
  if (!idle_work()) return false;
  if (text_->preparing()) text_->prepare_next();
  else rehearse_next();
  return true;
}

uint64_t App::next_wake() const {
  if (dirty_ || idle_work()) return now_;
  uint64_t w = std::min({redraw_at_, swap_wake(), store_wake(), staff_wake()});
  if (!bundle_) return std::min(w, next_retry_);
  // Opening hours: wake at the next change, or when a wake-up touch's grace ends.
  if (auto change = opt_.config.hours.next_change(wall_now())) {
    int64_t in_s = *change - wall_now();
    w = std::min(w, now_ + (uint64_t)std::max<int64_t>(1, in_s) * 1000 - now_ % 1000);
  }
  if (awake_until_ > now_) w = std::min(w, awake_until_);
  if (closed_) return w;
  uint64_t d = flow_->next_deadline(now_);
  if (d != UINT64_MAX) w = std::min(w, now_ + d);
  if (uint64_t g = gestures_.next_deadline()) w = std::min(w, g);
  return w;
}

void set_memory_policy() { platform::own_pages_from(kLargeBlockBytes); }

void App::measure_gpu(bool on) {
  wait_for_gpu_ = on;
  // Only the OpenGL ES renderer has a context to finish; SDL made it current for its flush.
  if (on && !gl_finish_ && video_.renderer_name == "opengles2")
    gl_finish_ = reinterpret_cast<void (*)()>(SDL_GL_GetProcAddress("glFinish"));
}

void App::draw_frame() {
  if (on_frame_start_) on_frame_start_();
  render(true);
  ++frames_;
  if (on_frame_) on_frame_();
  if (power_off_due_ && closed_ && power_) {
    power_off_due_ = false;
    power_->set(false);
  }
  if (opt_.rasterize) startup_.mark(StartPhase::FirstFrame, screen_name());
}

// This thread's CPU time in ms: what a frame costs the kiosk, whatever else the machine does.
// Building and handing the frame over are counted on this thread; the frame's whole cost in the
// whole process (StartupLog::cpu_ms), where a GL driver may draw in threads of its own.
static double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
static double process_cpu_ms() { return StartupLog::cpu_ms(); }

void App::render(bool present) {
  const uint64_t t0 = SDL_GetPerformanceCounter();
  const double c0 = thread_cpu_ms();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2((float)video_.width, (float)video_.height);
  io.DeltaTime = 1.f / 60.f;
  ImGui_ImplSDLRenderer_NewFrame();
  // The label atlas is in its texture now: its CPU copies (1 MB alpha, 4 MB RGBA at 1080p) go.
  // A new atlas (another bundle) is built again from the fonts, which the atlas keeps.
  if (io.Fonts->TexPixelsAlpha8 || io.Fonts->TexPixelsRGBA32) io.Fonts->ClearTexData();
  ImGui::NewFrame();
  if (flow_) theme_.text_scale = flow_->larger_text() && !staff_.open ? ui::Theme::kLargerText : 1.f;
  text_->begin_frame(interactive_frame());
  ui::Canvas canvas(ImGui::GetBackgroundDrawList(), theme_, *text_, label_fonts_);
  canvas.tap = pending_tap_;
  canvas.pressed = pressed_;
  pending_tap_.reset();
  dirty_ = false;
  redraw_at_ = UINT64_MAX;
  canvas.ground(closed_ ? ui::Colour{0, 0, 0} : theme_.colours.paper);
  if (staff_.open) {
    staff_draw(canvas);  // instead of the exhibit (or the dark screen after hours)
    if (canvas.tapped_anything()) dirty_ = true;
  } else if (closed_) {
    // Closed: nothing but black (the display command may also switch the panel off).
  } else if (!bundle_) {
    draw_unavailable(canvas);
  } else {
    screens::Context ctx{canvas, *flow_, bundle_->exhibit(), *pictures_, memory_, now_};
    ctx.map = &map_;
    flow::Spot before = flow_->here();
    screens::draw_screen(ctx);
    drag_target_ = ctx.drag_target;
    drag_axis_ = ctx.drag_axis;
    // A tap that changed the screen, the language or the text size needs the new state drawn.
    if (ctx.needs_frame || !(flow_->here() == before) || canvas.tapped_anything() || flow_->lang() != last_lang_ ||
        flow_->larger_text() != last_larger_)
      dirty_ = true;
    if (flow_->lang() != last_lang_ && !last_lang_.empty()) stats_.language(wall_ms(), flow_->lang());
    record_frame();
    last_lang_ = flow_->lang();
    last_larger_ = flow_->larger_text();
    redraw_at_ = ctx.redraw_at;
    // A tap that opened another screen ends what moved on the old one: the new screen's first
    // frame is not a swipe's.
    animating_ = ctx.needs_frame && flow_->here() == before;
  }
  if (!overlay_.empty() && !closed_ && !staff_.open) draw_overlay(canvas);
  text_->end_frame();
  rehearsed_ = 0;  // what this frame shows is new: its other languages and text size are rehearsed again
  items_ = canvas.items();
  texts_ = canvas.texts();
  const ui::Colour ground = canvas.ground();
  ImGui::Render();
  const double freq = (double)SDL_GetPerformanceFrequency() / 1000.0;
  const uint64_t t1 = SDL_GetPerformanceCounter();
  const double c1 = thread_cpu_ms(), p1 = process_cpu_ms();
  ImDrawData* dd = ImGui::GetDrawData();
  frame_stats_ = FrameStats{};
  frame_stats_.build_ms = (t1 - t0) / freq;
  frame_stats_.build_cpu_ms = c1 - c0;
  frame_stats_.vertices = dd->TotalVtxCount;
  frame_stats_.triangles = dd->TotalIdxCount / 3;
  for (int i = 0; i < dd->CmdListsCount; ++i) frame_stats_.draw_calls += dd->CmdLists[i]->CmdBuffer.Size;
  if (!opt_.rasterize) return fade_.drop();  // soak runs: everything but the pixels
  if (!pixels_ && !fade_.active()) return;   // a tour's idle: the same frame, not rasterised
  struct Ring {  // the staff overlay's frame-time graph: what this frame cost, once it is submitted
    std::deque<float>& ms;
    const FrameStats& f;
    bool on;
    ~Ring() {
      if (!on) return;
      ms.push_back((float)(f.build_ms + f.submit_ms));
      if (ms.size() > StaffDesk::kFrames) ms.pop_front();
    }
  } ring{staff_.frame_ms, frame_stats_, present};
  platform::begin_frame(video_);
  SDL_SetRenderDrawColor(video_.renderer, ground.r, ground.g, ground.b, 255);
  SDL_RenderClear(video_.renderer);
  // Untextured geometry (the map's land) blends as the atlas's textured geometry does.
  SDL_SetRenderDrawBlendMode(video_.renderer, SDL_BLENDMODE_BLEND);
  ImGui_ImplSDLRenderer_RenderDrawData(dd);
  const uint64_t tq = SDL_GetPerformanceCounter();
  if (fade_.draw_over(video_.renderer, now_)) dirty_ = true;  // the old bundle's last frame, fading
  platform::finish_frame(video_);  // a turned panel: the picture goes on turned
  const double cq = thread_cpu_ms();
  // A batching renderer only queues until a flush. On OpenGL ES the flush hands every command and
  // vertex to the driver: part of submitting. A batching software renderer (kiosk-bench's) fills
  // the pixels in it; the kiosk's own software renderer does not batch and filled them above.
  SDL_RenderFlush(video_.renderer);
  uint64_t t2 = SDL_GetPerformanceCounter();
  const double cf = thread_cpu_ms();
  frame_stats_.queue_ms = (tq - t1) / freq;
  frame_stats_.submit_ms = (t2 - t1) / freq;
  frame_stats_.queue_cpu_ms = cq - c1;
  frame_stats_.flush_cpu_ms = cf - cq;
  frame_stats_.submit_cpu_ms = frame_stats_.queue_cpu_ms + (video_.renderer_name == "software" ? 0 : frame_stats_.flush_cpu_ms);
  const auto total = [&] { frame_stats_.frame_cpu_ms = frame_stats_.build_cpu_ms + process_cpu_ms() - p1; };
  if (wait_for_gpu_ && gl_finish_) {
    // Benchmarks only: until the GPU (Mesa's llvmpipe here) has drawn the frame. Otherwise that
    // work shows up in a later frame, wherever the driver must wait for a buffer still in use.
    gl_finish_();
    const uint64_t t3 = SDL_GetPerformanceCounter();
    frame_stats_.gpu_ms = (t3 - t2) / freq;
    t2 = t3;
  }
  if (!present) return total();
  const double p3 = process_cpu_ms();
  SDL_RenderPresent(video_.renderer);
  frame_stats_.present_ms = (SDL_GetPerformanceCounter() - t2) / freq;
  frame_stats_.present_cpu_ms = process_cpu_ms() - p3;
  total();
}

void App::advance(uint64_t ms) {
  constexpr uint64_t kFrameMs = 16;
  uint64_t end = now_ + ms;
  for (;;) {
    update();
    if (frame_due()) {
      draw_frame();
      if (frame_due()) {  // animating: frame-rate steps
        if (now_ + kFrameMs > end) break;
        now_ += kFrameMs;
        continue;
      }
    }
    if (idle_slice()) {  // a block made in idle time: call it a millisecond
      if (now_ + 1 > end) break;
      now_ += 1;
      continue;
    }
    uint64_t wake = next_wake();
    if (wake > end) break;
    now_ = std::max(wake, now_ + 1);
  }
  now_ = end;
  update();
  if (frame_due()) draw_frame();
}

void App::finger(Uint32 type, int64_t id, float x, float y, int64_t device) {
  SDL_Event e{};
  e.type = type;
  e.tfinger.touchId = device;
  e.tfinger.fingerId = id;
  // Synthetic touches arrive where the panel shows that point, and take the real path back.
  platform::Norm p = platform::picture_to_panel(video_.rotation, {x / video_.width, y / video_.height});
  e.tfinger.x = p.x;
  e.tfinger.y = p.y;
  e.tfinger.pressure = type == SDL_FINGERUP ? 0.f : 1.f;
  handle_event(e);
}

bool App::screenshot(const std::string& path, std::string& why) {
  bool was_dirty = dirty_;
  uint64_t was_redraw = redraw_at_;
  render(false);  // the back buffer after a present is undefined: draw the same state again
  bool ok = platform::save_screenshot(video_, path, why);
  SDL_RenderPresent(video_.renderer);
  dirty_ = dirty_ || was_dirty;
  if (redraw_at_ == UINT64_MAX) redraw_at_ = was_redraw;
  return ok;
}

// One event through the real path; true when it ends the program (windowed dev mode only).
bool App::handle_or_quit(const SDL_Event& e) {
  const bool dev = opt_.windowed;
  if (quit_allowed(e, dev)) return true;
  std::string chord = escape_chord(e);
  if (!chord.empty() && !dev) SDL_Log("%s pressed: ignored, the kiosk stays on its screen", chord.c_str());
  handle_event(e);
  return false;
}

bool App::pump_events() {
  bool quit = false;
  SDL_Event e;
  while (SDL_PollEvent(&e)) quit = handle_or_quit(e) || quit;
  return quit;
}

// Sleeps until the next deadline (the app's, the watchdog's), an event or a stop, and handles
// the events that came; true when one of them ends the program. Where SDL can sleep (X11,
// Wayland) it does, for at most a second since it cannot see a SIGTERM or a clock step; on the
// wall (KMSDRM) and the headless drivers, where SDL 2.26 only polls, IdleWait sleeps in poll() on
// the input devices, the stop signal and the clock, so an idle kiosk wakes only for its deadlines.
bool App::wait_for_events(bool& got) {
  now_ = SDL_GetTicks64();
  uint64_t wake = std::min(next_wake(), keepalive_.due());  // systemd's watchdog wakes us too
  // Animating: no faster than 60 frames a second where no vsync paces the presents.
  if (dirty_ && frames_) wake = std::max(wake, last_frame_ms_ + kFrameMs);
  const uint64_t wait_ms = wake <= now_ ? 0 : wake - now_;
  SDL_Event e;
  if (wait_ms == 0) {
    got = SDL_PollEvent(&e);
  } else if (idle_wait_) {
    int timeout = wait_ms > (uint64_t)INT_MAX ? -1 : (int)wait_ms;
    // Without a clock-step timer, look at the wall clock every second, as SDL's path does.
    if (!idle_wait_->sees_clock_steps() && (timeout < 0 || timeout > 1000)) timeout = 1000;
    idle_wait_->wait(timeout);
    got = SDL_PollEvent(&e);
  } else {
    got = SDL_WaitEventTimeout(&e, (int)std::min<uint64_t>(wait_ms, 1000));
  }
  now_ = SDL_GetTicks64();
  if (!got) return false;
  bool quit = handle_or_quit(e);
  return pump_events() || quit;
}

int App::run_loop() {
  bool quit = false;
  while (!quit) {
    bool got = false;  // an event came: it gets the next frame, not idle work
    quit = wait_for_events(got);
    if (platform::stop_requested() || staff_.exit_code) quit = true;
    if (quit) {
      keepalive_.stopping();
      end_visit(stats::EndReason::Shutdown);
    }
    update();
    if (frame_due()) {
      last_frame_ms_ = SDL_GetTicks64();
      draw_frame();
    } else if (!got) {
      idle_slice();  // nothing came and nothing to draw: one block for the next page
    }
    keepalive_.tick(SDL_GetTicks64(), frames_);  // READY=1 after the first frame, then WATCHDOG=1
  }
  return staff_.exit_code.value_or(0);  // the staff overlay's Restart or Exit (staff_desk.h)
}

}  // namespace app
