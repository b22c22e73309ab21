// store_fixture.h — signed example bundles for the store tests: versions 0.9, 1 and 2 of
// content/example, each signed by the curator's key; a second, untrusted key. ctest runs each test
// case in its own process, so the kit is built once per test binary (keyed by its modification
// time) in the temp folder, under an flock, and shared; older kits are removed.
#pragma once
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "content/bundle/bundle.h"
#include "content/bundle/signature.h"
#include "content/bundle/store.h"
#include "test_util.h"

namespace storetest {

namespace fs = std::filesystem;

struct Kit {
  fs::path dir;
  std::string path(const std::string& rel) const { return (dir / rel).string(); }
  std::string v0, v1, v2;     // signed bundles (each with its .minisig)
  std::string key, pub;       // the curator's key pair
  std::string other_key, other_pub;  // a key no kiosk trusts
  store::Policy policy() const {
    store::Policy p;
    p.trusted_keys = {pub};
    return p;
  }
};

inline void sign(const std::string& file, const std::string& key) {
  auto sk = signature::load_secret_key(key);
  signature::write_signature_file(signature::signature_path(file),
                                  signature::sign_file(file, sk, store::trusted_comment_for(file)));
}

inline std::string build_version(Kit& k, const std::string& version) {
  fs::path src = k.dir / ("src-" + version);
  fs::remove_all(src);
  fs::copy(fs::path(testutil::source_dir()) / "content/example", src, fs::copy_options::recursive);
  testutil::edit(fs::path(src) / "exhibit.toml", "version = \"1\"", "version = \"" + version + "\"");
  std::string out = k.path("example-" + version + ".bundle");
  auto r = testutil::build(src.string(), out);
  if (r.code != 0) throw std::runtime_error("cannot build the example: " + r.err);
  sign(out, k.key);
  return out;
}

inline const Kit& kit() {
  static Kit k = [] {
    Kit k;
    struct stat st {};
    stat("/proc/self/exe", &st);
    std::string stamp = std::to_string(st.st_mtim.tv_sec) + "-" + std::to_string(st.st_mtim.tv_nsec);
    fs::path tmp = fs::temp_directory_path();
    k.dir = tmp / ("kiosk-store-kit-" + stamp);
    k.key = k.path("curator.key");
    k.pub = k.path("curator.pub");
    k.other_key = k.path("stranger.key");
    k.other_pub = k.path("stranger.pub");
    k.v0 = k.path("example-0.9.bundle");
    k.v1 = k.path("example-1.bundle");
    k.v2 = k.path("example-2.bundle");
    int lock = ::open((tmp / "kiosk-store-kit.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    flock(lock, LOCK_EX);
    if (!fs::exists(k.dir / "ready")) {
      for (auto& e : fs::directory_iterator(tmp))
        if (e.path().filename().string().rfind("kiosk-store-kit-", 0) == 0) fs::remove_all(e.path());
      fs::create_directories(k.dir);
      signature::keygen(k.path("curator"));
      signature::keygen(k.path("stranger"));
      build_version(k, "0.9");
      build_version(k, "1");
      build_version(k, "2");
      testutil::write(k.dir / "ready", stamp);
    }
    ::close(lock);
    return k;
  }();
  return k;
}

// Copies a bundle and its signature (when it has one) to `to`.
inline std::string copy_signed(const std::string& from, const std::string& to) {
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  if (fs::exists(from + ".minisig")) fs::copy_file(from + ".minisig", to + ".minisig", fs::copy_options::overwrite_existing);
  return to;
}

inline std::string hash_of(const std::string& file) {
  return bundle::Bundle::open(file)->exhibit().meta.content_hash;
}

}  // namespace storetest
