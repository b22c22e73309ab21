// screen_power_drm.cpp — the DRM port of screen_power.h, with libdrm on SDL's own fd.
//
// SDL 2.26's KMSDRM driver opens /dev/dri/cardN when it makes the window, becomes DRM master on
// it and drives one connector through legacy drmModeSetCrtc / drmModePageFlip; the fd is in
// SDL_GetWindowWMInfo's info.kmsdrm (SDL_syswm.h). Setting properties needs master, which is why
// only the kiosk can switch the panel while it runs. Legacy DPMS on an atomic driver (vc4 on the
// Pi 4 and 5, kernel ≥ 4.14) becomes an atomic commit of the CRTC's ACTIVE inside the kernel
// (drm_atomic_connector_commit_dpms), so it is the first choice; the explicit atomic commit is
// the fallback, with the atomic client cap set only for that commit and cleared after it, since
// SDL's legacy calls on the same fd must see it as before. ACTIVE=0 keeps the CRTC's mode, so
// ACTIVE=1 brings back the same picture. While the CRTC is off a page flip fails; the app draws
// nothing while closed, and switches on before its next frame.
#include "platform/screen_power.h"

#include <SDL.h>
#include <SDL_syswm.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <cerrno>
#include <cstring>

namespace platform {

namespace {

std::string err_text(int rc) { return strerror(rc < 0 ? -rc : (errno ? errno : EIO)); }

// The id of the property `name` on a DRM object, 0 when it has none.
uint32_t property_id(int fd, uint32_t object, uint32_t type, const char* name) {
  drmModeObjectProperties* props = drmModeObjectGetProperties(fd, object, type);
  if (!props) return 0;
  uint32_t id = 0;
  for (uint32_t i = 0; i < props->count_props && !id; ++i) {
    drmModePropertyRes* p = drmModeGetProperty(fd, props->props[i]);
    if (p && strcmp(p->name, name) == 0) id = p->prop_id;
    drmModeFreeProperty(p);
  }
  drmModeFreeObjectProperties(props);
  return id;
}

class SdlDrm : public DrmPort {
 public:
  explicit SdlDrm(SDL_Window* w) : window_(w) {}

  bool outputs(std::vector<Output>& out, std::string& why) override {
    int fd = this->fd(why);
    if (fd < 0) return false;
    drmModeRes* res = drmModeGetResources(fd);
    if (!res) return why = "drmModeGetResources: " + err_text(-errno), false;
    for (int i = 0; i < res->count_connectors; ++i) {
      // The current state only: a full probe would poll the panel (slow, and may flicker it).
      drmModeConnector* c = drmModeGetConnectorCurrent(fd, res->connectors[i]);
      if (!c) continue;
      drmModeEncoder* enc = c->connection == DRM_MODE_CONNECTED && c->encoder_id ? drmModeGetEncoder(fd, c->encoder_id) : nullptr;
      if (enc && enc->crtc_id) {
        const char* type = drmModeGetConnectorTypeName(c->connector_type);
        out.push_back({c->connector_id, enc->crtc_id, std::string(type ? type : "connector") + "-" + std::to_string(c->connector_type_id)});
      }
      drmModeFreeEncoder(enc);
      drmModeFreeConnector(c);
    }
    drmModeFreeResources(res);
    return true;
  }

  bool set_dpms(const Output& o, bool on, std::string& why) override {
    int fd = this->fd(why);
    if (fd < 0) return false;
    uint32_t prop = property_id(fd, o.connector, DRM_MODE_OBJECT_CONNECTOR, "DPMS");
    if (!prop) return why = "the connector has no DPMS property", false;
    int rc = drmModeConnectorSetProperty(fd, o.connector, prop, on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF);
    if (rc != 0) return why = "drmModeConnectorSetProperty: " + err_text(rc), false;
    return true;
  }

  bool set_active(const Output& o, bool on, std::string& why) override {
    int fd = this->fd(why);
    if (fd < 0) return false;
    if (drmSetClientCap(fd, DRM_CLIENT_CAP_ATOMIC, 1) != 0) return why = "the driver has no atomic modesetting", false;
    bool ok = false;
    if (uint32_t prop = property_id(fd, o.crtc, DRM_MODE_OBJECT_CRTC, "ACTIVE")) {
      drmModeAtomicReq* req = drmModeAtomicAlloc();
      int rc = req ? drmModeAtomicAddProperty(req, o.crtc, prop, on ? 1 : 0) : -ENOMEM;
      if (rc >= 0) rc = drmModeAtomicCommit(fd, req, DRM_MODE_ATOMIC_ALLOW_MODESET, nullptr);
      drmModeAtomicFree(req);
      ok = rc == 0;
      if (!ok) why = "drmModeAtomicCommit: " + err_text(rc);
    } else {
      why = "the CRTC has no ACTIVE property";
    }
    drmSetClientCap(fd, DRM_CLIENT_CAP_ATOMIC, 0);
    return ok;
  }

 private:
  int fd(std::string& why) const {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window_, &info) || info.subsystem != SDL_SYSWM_KMSDRM) {
      why = "the window is not on KMSDRM";
      return -1;
    }
    if (info.info.kmsdrm.drm_fd < 0) why = "SDL holds no DRM device";
    return info.info.kmsdrm.drm_fd;
  }
  SDL_Window* window_;
};

}  // namespace

std::unique_ptr<DrmPort> sdl_drm_port(SDL_Window* window, std::string& why) {
  SDL_SysWMinfo info;
  SDL_VERSION(&info.version);
  if (!window || !SDL_GetWindowWMInfo(window, &info)) {
    why = std::string("SDL says nothing of its window system: ") + SDL_GetError();
    return nullptr;
  }
  if (info.subsystem != SDL_SYSWM_KMSDRM) {
    const char* d = SDL_GetCurrentVideoDriver();
    why = std::string("the video driver is ") + (d ? d : "unknown") + ", not KMSDRM";
    return nullptr;
  }
  return std::make_unique<SdlDrm>(window);
}

}  // namespace platform
