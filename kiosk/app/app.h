// app.h — the kiosk application: opens the bundle (or shows the calm fallback), owns the window,
// the text engine, the gesture recogniser and the flow, and draws a frame only when something
// changed. The real main loop and the tour player both drive it through this interface.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "content/bundle/bundle.h"
#include "kiosk/app/config.h"
#include "kiosk/app/wall_clock.h"
#include "kiosk/app/keepalive.h"
#include "kiosk/flow/flow.h"
#include "kiosk/screens/context.h"
#include "kiosk/stats/recorder.h"
#include "kiosk/ui/canvas.h"
#include "kiosk/ui/gestures.h"
#include "kiosk/ui/pictures.h"
#include "kiosk/ui/text.h"
#include "platform/video.h"

struct ImFont;

namespace app {

struct Options {
  std::string bundle;
  bool headless = false, windowed = false;
  int width = 1920, height = 1080;
  float screen_w_mm = 344, screen_h_mm = 194;  // a 15.6" 1920×1080 panel
  std::string tour, shots;
  Config config;            // opening hours, display commands, timeout overrides
  int64_t wall_start = 0;   // headless runs: the local wall-clock time (epoch s) at virtual 0
  bool rasterize = true;    // soak runs skip putting frames on the screen
};

class App {
 public:
  explicit App(Options o);
  ~App();
  // Opens the window and the bundle. On the wall it waits for a screen that is not there yet
  // (platform/video_retry.h); false only when headless and there is no window, or stopped first.
  bool start(std::string& why);
  // The real loop: events, timers, frames, until SIGTERM arrives (or, in windowed dev mode, the
  // window is closed or Ctrl+C pressed).
  int run_loop();
  // Handles every queued SDL event as the real loop does; true when one of them ends the program
  // (only in windowed dev mode: on the wall, Alt+F4, SDL_QUIT and the like do nothing; keys.h).
  bool pump_events();
  // The visitor walked away or the kiosk is stopping: close the statistics' session.
  void end_visit(stats::EndReason why);

  // --- what the tour player (and tests) use ---
  uint64_t now() const { return now_; }
  void set_now(uint64_t t) { now_ = t; }
  void handle_event(const SDL_Event& e);  // input, at time now()
  void update();                          // timers and animations at now(); may mark a frame due
  bool frame_due() const;                 // something changed: a frame should be drawn now
  uint64_t next_wake() const;             // absolute time the app next needs to wake (UINT64_MAX: never)
  void draw_frame();                      // draws and presents one frame
  // Virtual time (tours, soak): lets `ms` pass, drawing every frame the app asks for and jumping
  // straight to each deadline in between, as the real loop would sleep until it.
  void advance(uint64_t ms);
  // A synthetic touch (SDL_FINGERDOWN / MOTION / UP) at pixel (x, y), through the real input path.
  void finger(Uint32 type, int64_t id, float x, float y);
  bool screenshot(const std::string& path, std::string& why);  // draws the current state to a PNG
  std::string screen_name() const;
  const std::vector<ui::Item>& items() const { return items_; }
  const std::vector<std::string>& texts() const { return texts_; }
  void set_lang(const std::string& code);
  std::string lang() const { return flow_ ? flow_->lang() : ""; }
  uint64_t frames() const { return frames_; }
  // What the last frame cost: CPU time to build it (screens + ImGui), to submit it to the
  // renderer, and what it sent: vertices, triangles (indices / 3) and draw calls.
  struct FrameStats {
    double build_ms = 0, submit_ms = 0;
    int vertices = 0, triangles = 0, draw_calls = 0;
  };
  const FrameStats& frame_stats() const { return frame_stats_; }
  const platform::Video& video() const { return video_; }
  const ui::Theme& theme() const { return theme_; }
  ui::TextEngine& text() { return *text_; }
  ui::Pictures& pictures() { return *pictures_; }
  bool closed() const { return closed_; }
  // Local wall-clock time (epoch seconds) now: real, or virtual in headless runs.
  int64_t wall_now() const;
  // Headless runs: the virtual wall clock jumps (an NTP sync, an administrator's date command).
  void jump_wall_clock(int64_t by_ms) { wall_.jump(by_ms); }

 private:
  bool open_bundle();
  void setup_fonts();
  void on_gesture(const ui::Gesture& g);
  void draw_unavailable(ui::Canvas& c);
  void render(bool present);

  Options opt_;
  platform::Video video_;
  ui::Theme theme_;
  std::unique_ptr<bundle::Bundle> bundle_;
  std::string unavailable_reason_;
  uint64_t next_retry_ = 0;
  std::unique_ptr<ui::TextEngine> text_;
  std::unique_ptr<ui::Pictures> pictures_;
  std::unique_ptr<flow::Flow> flow_;
  screens::Memory memory_;
  screens::MapData map_;  // the land of the bundle's map, loaded once per bundle
  ui::GestureRecognizer gestures_;
  std::vector<uint8_t> label_font_bytes_;
  ImFont* label_font_ = nullptr;
  ImFont* small_font_ = nullptr;
  bool imgui_ready_ = false;

  uint64_t now_ = 0;
  bool dirty_ = true;
  uint64_t redraw_at_ = UINT64_MAX;
  std::optional<ui::Point> pending_tap_, pressed_;
  bool swallow_ = false;  // the touch that woke attract mode is not also a tap
  ui::Scroller* drag_target_ = nullptr;
  screens::Axis drag_axis_ = screens::Axis::Vertical;
  std::vector<ui::Item> items_;
  std::vector<std::string> texts_;
  uint64_t frames_ = 0;
  FrameStats frame_stats_;
  // Opening hours: outside them the screen is dark until a touch wakes it for a while.
  bool closed_ = false;
  uint64_t awake_until_ = 0;
  static constexpr uint64_t kWakeMs = 5 * 60 * 1000;
  WallClock wall_;  // read whenever the time is needed, never fixed at start
  void apply_hours();
  // Visitor statistics (the kiosk's only writes); off when no file is configured.
  stats::Recorder stats_;
  int64_t last_touch_wall_ms_ = 0;
  int64_t wall_ms() const { return wall_.ms(now_); }
  void notice_clock_jump();
  bool handle_or_quit(const SDL_Event& e);
  void record_frame();
  Keepalive keepalive_;  // systemd: READY=1, WATCHDOG=1 from run_loop()
  flow::Spot last_spot_;
  std::string last_lang_;
  bool last_larger_ = false;
};

}  // namespace app
