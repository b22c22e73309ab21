// app.h — the kiosk application: opens the bundle (or shows the calm fallback), owns the window,
// the text engine, the gesture recogniser and the flow, and draws a frame only when something
// changed. The real main loop and the tour player both drive it through this interface.
// Its parts live in their own files: bundle loading and validation (exhibit_loader.cpp), switching bundles with a
// cross-fade (swap.cpp), live preview's watching and error overlay (watch.cpp), the bundle
// store (store_link.cpp), the trial's self-test (self_test.cpp), the fallback (unavailable.cpp).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>  // ImVector, ImWchar: the label atlas's glyph ranges

#include "content/bundle/bundle.h"
#include "kiosk/app/config.h"
#include "kiosk/app/wall_clock.h"
#include "kiosk/app/keepalive.h"
#include "kiosk/app/startup_log.h"
#include "kiosk/app/exhibit_loader.h"
#include "kiosk/app/staff_desk.h"
#include "kiosk/app/store_link.h"
#include "kiosk/app/swap.h"
#include "kiosk/app/touch_devices.h"
#include "kiosk/flow/flow.h"
#include "kiosk/screens/context.h"
#include "kiosk/stats/recorder.h"
#include "kiosk/ui/canvas.h"
#include "kiosk/ui/gestures.h"
#include "kiosk/ui/pictures.h"
#include "kiosk/ui/text.h"
#include "platform/file_watch.h"
#include "platform/idle_wait.h"
#include "platform/screen_power.h"
#include "platform/video.h"


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
  // Live preview (kiosk-bundle preview): reload the bundle whenever its file is replaced, and
  // show the build errors of `errors_file` (default: the bundle's path + ".errors") in an overlay.
  bool watch = false;
  std::string errors_file;
  // Screen power (platform/screen_power.h): the sysfs root for the backlight ("" = /sys on the
  // wall, none when headless) and, for tests, a DRM port instead of SDL's (null = SDL's).
  std::string sysfs;
  std::function<std::unique_ptr<platform::DrmPort>()> drm;
  // Tests: the touch devices there now, instead of SDL's list (touch_devices.h).
  TouchDevices::List touch_devices;
};

// The kiosk's malloc policy, for the process (main() sets it once the bundle is open; kiosk-bench
// too, so that it measures what the wall runs). Blocks from kLargeBlockBytes up — text blocks,
// pictures — get pages of their own that go back to the system when freed, and what smaller
// blocks leave inside the heap goes back at each visitor's end (platform::return_free_memory).
// Measured peak RSS over tests/screens/every_screen.tour on the dummy driver: 61.1 MiB at 64 KiB,
// 68.2 at 128 KiB, 71.4 at 1 MiB (text blocks of a few hundred KiB fragment the heap).
// The price: a buffer of 64 KiB or more made and freed every frame is mapped and zeroed afresh
// every frame. The kiosk's own per-frame buffers are kept from frame to frame; Mesa's llvmpipe
// (OpenGL ES here) allocates its scene's 64 KiB blocks per frame: ~1,200 page faults a frame, and
// the map's hand-over to it takes 10.5 ms instead of 2.3 (a Pi's V3D driver keeps its buffers
// in GEM objects, not malloc).
inline constexpr size_t kLargeBlockBytes = 64u << 10;
void set_memory_policy();

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
  // Idle time's work: when no frame is due and no finger is on the glass, rasterises one text
  // block the screen will want next (its next page, the next quotation). True when it did; the
  // loops call it between frames, and next_wake() is "now" while such work is left.
  bool idle_slice();
  // Virtual time (tours, soak): lets `ms` pass, drawing every frame the app asks for and jumping
  // straight to each deadline in between, as the real loop would sleep until it.
  void advance(uint64_t ms);
  // Tours' long idles: frames are still built (every decision the app makes is the same) but not
  // put into pixels, which nobody photographs; a cross-fade still draws. On again for `shot`.
  void set_pixels(bool on) { pixels_ = on; }
  // A synthetic touch (SDL_FINGERDOWN / MOTION / UP) at pixel (x, y), through the real input path.
  // `device` is the touch device's id (SDL numbers a replugged touch screen anew).
  void finger(Uint32 type, int64_t id, float x, float y, int64_t device = 1);
  bool screenshot(const std::string& path, std::string& why);  // draws the current state to a PNG
  std::string screen_name() const;
  const std::vector<ui::Item>& items() const { return items_; }
  const std::vector<std::string>& texts() const { return texts_; }
  void set_lang(const std::string& code);
  // The high-contrast theme on or off, from now on (kiosk.toml's high_contrast; the staff overlay).
  void set_high_contrast(bool on);
  std::string lang() const { return flow_ ? flow_->lang() : ""; }
  // The exhibit's own languages, its default first (none while the fallback screen shows).
  std::vector<std::string> languages() const { return bundle_ ? bundle_->exhibit().meta.languages : std::vector<std::string>{}; }
  uint64_t frames() const { return frames_; }
  // What the last frame cost, and what it sent: vertices, triangles (indices / 3), draw calls.
  // The _ms figures are wall time, the _cpu_ms ones CPU time (what the bench's budgets judge: a
  // loaded machine's waiting is not the kiosk's cost).
  // - build: this thread, from NewFrame to ImGui::Render (the screens and ImGui).
  // - queue: this thread, ImGui's draw lists into SDL's command buffer (and a turned panel's copy).
  //   A renderer that does not batch (the kiosk's software renderer) draws each call here.
  // - flush: this thread, SDL_RenderFlush: on OpenGL ES every command and vertex goes to the
  //   driver; a batching software renderer (kiosk-bench's) fills the frame's pixels here.
  // - submit: handing the frame to the renderer, on this thread: queue, plus the flush on a GPU
  //   renderer. A software renderer's flush is drawing, not handing over: it is in frame_cpu.
  // - gpu: only with measure_gpu() (OpenGL ES): waiting for the GPU, here Mesa's llvmpipe.
  // - present: the whole process, SDL_RenderPresent.
  // - frame_cpu: everything the frame cost the whole process, build to present, pixels included
  //   (on llvmpipe its rasterising threads; on the software renderer its fill).
  struct FrameStats {
    double build_ms = 0, queue_ms = 0, submit_ms = 0, gpu_ms = 0, present_ms = 0;
    double build_cpu_ms = 0, queue_cpu_ms = 0, flush_cpu_ms = 0, submit_cpu_ms = 0, present_cpu_ms = 0, frame_cpu_ms = 0;
    int vertices = 0, triangles = 0, draw_calls = 0;
  };
  const FrameStats& frame_stats() const { return frame_stats_; }
  // Called after every frame drawn and presented (kiosk-bench reads the frame's figures and
  // ImGui's draw data there); empty by default.
  void on_frame(std::function<void()> f) { on_frame_ = std::move(f); }
  // Called just before each frame is drawn: kiosk-bench's instruction counts end the work between
  // frames there (input, idle-time preparation, rehearsals), so a frame's count is the frame's own.
  void on_frame_start(std::function<void()> f) { on_frame_start_ = std::move(f); }
  // Benchmarks (the tour's frame-stats): wait for the GPU after each frame, so gpu_ms is its own.
  void measure_gpu(bool on);
  const platform::Video& video() const { return video_; }
  const ui::Theme& theme() const { return theme_; }
  ui::TextEngine& text() { return *text_; }
  ui::Pictures& pictures() { return *pictures_; }
  bool closed() const { return closed_; }
  // How the screen was last switched (null before start()).
  const platform::ScreenPower* screen_power() const { return power_.get(); }
  // A finger (or the mouse button) is on the glass, as far as the gesture layer knows.
  bool touching() const { return gestures_.active(); }
  // Times the renderer's textures were made again after SDL said they were lost.
  int texture_resets() const { return texture_resets_; }
  // Local wall-clock time (epoch seconds) now: real, or virtual in headless runs.
  int64_t wall_now() const;
  // Headless runs: the virtual wall clock jumps (an NTP sync, an administrator's date command).
  void jump_wall_clock(int64_t by_ms) { wall_.jump(by_ms); }

  // --- switching bundles while running (swap.cpp, watch.cpp) ---
  // Asks to show the bundle at `path` at the next safe moment for `kind` (see swap.h). If it
  // cannot be opened the current one stays and the reason is logged once.
  void request_swap(const std::string& path, SwapKind kind);
  bool swap_pending() const { return pending_swap_.has_value(); }
  int swaps() const { return swaps_; }            // bundles switched to since start
  double last_swap_ms() const { return last_swap_ms_; }  // time the last switch held the loop
  bool fading() const { return fade_.active(); }
  // The build errors shown over the exhibit during a live preview ("" = none).
  const std::string& overlay() const { return overlay_; }
  // Changed files (from the watcher thread's wake-up, or a tour waiting for them) are looked at.
  void check_files();
  // Waits up to timeout_ms of real time for the watcher's next batch of changes and handles it;
  // false on timeout (tours use this to wait for a rebuild without sleeping blindly).
  bool wait_files(int timeout_ms);
  // Draws every screen of the bundle off-screen in every language (before a trial is marked
  // good). False with the first failure in `why`. The visitor's state is left as it was.
  bool self_test(std::string& why);
  // The bundle store, when the kiosk runs from one (store_link.h); null otherwise.
  const StoreLink* store() const { return store_.get(); }

  // --- the staff overlay (staff_desk.h) ---
  bool staff_open() const { return staff_.open; }
  // Restart or Exit was pressed: the code the program ends with (run_loop returns it). Tours
  // read it and carry on.
  std::optional<int> exit_request() const { return staff_.exit_code; }
  void clear_exit_request() { staff_.exit_code.reset(); }
  // Tours' screenshots: RSS, text cache and frame times shown as fixed sample figures.
  void steady_staff_figures() { staff_.steady = true; }

 private:
  bool open_bundle();
  void show_fallback_fonts();
  void setup_labels();
  void adopt(LoadedExhibit l, bool keep_screen);
  void keep_spot(const bundle::Exhibit& was);
  SwapMoment moment() const;
  uint64_t swap_wake() const;
  void try_swap();
  void start_watching();
  void start_notifier();
  void handle_changes(const std::vector<std::string>& changed);
  void store_changes(const std::vector<std::string>& changed);
  void store_tick();
  uint64_t store_wake() const;
  bool self_test_moment() const;
  void read_errors_file();
  void draw_overlay(ui::Canvas& c);
  void on_gesture(const ui::Gesture& g);
  // The staff overlay (staff_desk.cpp).
  void staff_start();
  bool staff_event(const SDL_Event& e);  // true: the touch is the staff corner's, not the visitor's
  void staff_gesture(const ui::Gesture& g);
  void staff_update();
  uint64_t staff_wake() const;
  void staff_open_now();
  void staff_close(const char* why);
  void staff_draw(ui::Canvas& c);
  void staff_act(const screens::StaffInput& in);
  void staff_enter_pin();
  void staff_reload();
  screens::StaffView staff_view();
  std::vector<screens::StaffFact> staff_facts();
  void staff_bundle_facts(std::vector<screens::StaffFact>& f);
  void staff_read_visitors();
  void staff_read_store();
  void staff_save_lock();
  void draw_unavailable(ui::Canvas& c);
  void render(bool present);

  Options opt_;
  platform::Video video_;
  ui::Theme theme_;
  std::unique_ptr<bundle::Bundle> bundle_;
  std::string unavailable_reason_;
  std::string refused_signature_;  // the refused file as it was (exhibit_loader.h); "" = none
  uint64_t next_retry_ = 0;
  std::unique_ptr<ui::TextEngine> text_;
  std::unique_ptr<ui::Pictures> pictures_;
  std::unique_ptr<flow::Flow> flow_;
  screens::Memory memory_;
  screens::MapData map_;  // the land of the bundle's map, loaded once per bundle
  ui::GestureRecognizer gestures_;
  std::vector<uint8_t> label_font_bytes_;
  // The label atlas's glyph ranges: ImGui reads them again whenever the atlas is rebuilt (after its
  // CPU copies were freed, a renderer reset uploads it anew), so they live as long as the atlas.
  ImVector<ImWchar> label_ranges_;
  ui::LabelFonts label_fonts_;
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
  std::function<void()> on_frame_, on_frame_start_;
  bool animating_ = false;  // the last frame asked for the next one (a swipe settling, a fling)
  bool interactive_frame() const;
  bool idle_work() const;
  // Idle time's rehearsals (rehearsal.cpp): the current screen drawn off screen in each other
  // language and the other text size, so a switch finds its texts laid out and its blocks made.
  struct Rehearsal {
    std::string lang;
    bool larger;
  };
  std::vector<Rehearsal> rehearsals() const;
  bool rehearsal_due() const;
  void rehearse_next();
  size_t rehearsed_ = 0;  // rehearsals done since the last frame
  std::unique_ptr<ImDrawList> rehearsal_list_;  // what rehearsals draw into, never shown
  bool wait_for_gpu_ = false;
  void (*gl_finish_)() = nullptr;
  // Opening hours: outside them the screen is dark until a touch wakes it for a while.
  bool closed_ = false;
  uint64_t awake_until_ = 0;
  static constexpr uint64_t kWakeMs = 5 * 60 * 1000;
  WallClock wall_;  // read whenever the time is needed, never fixed at start
  void apply_hours();
  void start_screen_power();
  void remake_textures(bool device);
  void look_at_touch_devices();
  std::unique_ptr<TouchDevices> touch_devices_;
  uint64_t next_touch_look_ = 0;
  int texture_resets_ = 0;
  std::unique_ptr<platform::ScreenPower> power_;
  bool power_off_due_ = false;  // closing: switch off once the black frame is on the screen
  // Visitor statistics (the kiosk's only writes); off when no file is configured.
  stats::Recorder stats_;
  int64_t last_touch_wall_ms_ = 0;
  int64_t wall_ms() const { return wall_.ms(now_); }
  void notice_clock_jump();
  bool handle_or_quit(const SDL_Event& e);
  // Sleeps until an event, a deadline or a wake-up; `got`: events came (and were handled). True: quit.
  bool wait_for_events(bool& got);
  // The real loop's sleep where SDL cannot (KMSDRM, offscreen, dummy); null elsewhere.
  std::unique_ptr<platform::IdleWait> idle_wait_;
  uint64_t last_frame_ms_ = 0;  // when the real loop last began a frame
  static constexpr uint64_t kFrameMs = 16;
  void record_frame();
  Keepalive keepalive_;  // systemd: READY=1, WATCHDOG=1 from run_loop()
  StartupLog startup_;   // the start's phases in the journal, once each
  flow::Spot last_spot_;
  // Swapping bundles while running.
  std::optional<SwapRequest> pending_swap_;
  Crossfade fade_;
  int swaps_ = 0;
  double last_swap_ms_ = 0;
  std::string last_swap_failure_;
  uint64_t last_touch_ms_ = 0;  // now() of the latest touch of any kind
  // Watching files: the preview's bundle and errors, the store's state and inboxes.
  std::unique_ptr<platform::FileWatch> watch_;
  uint32_t files_event_ = 0;  // the SDL event the watcher thread pushes to wake the loop
  std::string overlay_;
  std::string watched_bundle_;
  std::unique_ptr<StoreLink> store_;
  bool pixels_ = true;  // set_pixels()
  bool self_testing_ = false;  // frames drawn by self_test() are not the visitor's  // absolute path of the previewed bundle ("" = not previewing)
  std::string last_lang_;
  bool last_larger_ = false;
  StaffDesk staff_;
};

}  // namespace app
