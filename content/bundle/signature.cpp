// signature.cpp — minisign-format Ed25519 keys and signatures over libsodium (see signature.h).
#include "content/bundle/signature.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace signature {

namespace {

const char kUntrusted[] = "untrusted comment: ";
const char kTrusted[] = "trusted comment: ";
constexpr size_t kMaxFile = 16384;         // every file kind is far smaller; refuse anything bigger
constexpr size_t kMaxComment = 1024;       // minisign's COMMENTMAXBYTES
constexpr size_t kMaxTrusted = 8192 - 18;  // minisign's TRUSTEDCOMMENTMAXBYTES less the prefix

struct Init {
  Init() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start (no source of randomness?)");
  }
};
void need_sodium() { static Init once; }

// Splits into lines without their "\n" (and a "\r" before it, for files edited on Windows).
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

bool starts_with(const std::string& s, const char* prefix) { return s.compare(0, strlen(prefix), prefix) == 0; }

// Decodes standard base64 into exactly `n` bytes.
bool from_base64(const std::string& s, uint8_t* out, size_t n) {
  size_t len = 0;
  if (s.empty() || s.size() > 4 * n) return false;
  if (sodium_base642bin(out, n, s.data(), s.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    return false;
  return len == n;
}

std::string to_base64(const uint8_t* p, size_t n) {
  std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), p, n, sodium_base64_VARIANT_ORIGINAL);
  out.resize(strlen(out.c_str()));
  return out;
}

bool fail(std::string* error, const std::string& why) {
  if (error) *error = why;
  return false;
}

// The first two lines of every kind of file: a comment and one base64 payload of `n` bytes.
bool read_head(const std::vector<std::string>& lines, uint8_t* payload, size_t n, const char* kind, std::string* error) {
  if (lines.size() < 2) return fail(error, std::string("it is not a minisign ") + kind + " (too short)");
  if (!starts_with(lines[0], kUntrusted) || lines[0].size() > kMaxComment)
    return fail(error, std::string("it is not a minisign ") + kind + " (no \"untrusted comment:\" line first)");
  if (!from_base64(lines[1], payload, n))
    return fail(error, std::string("it is not a minisign ") + kind + " (its second line is not the expected base64)");
  return true;
}

std::string read_small_file(const std::string& path, const char* kind) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read the " + std::string(kind) + " " + path + ": " + strerror(errno));
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (text.size() > kMaxFile) throw std::runtime_error(path + " is too large to be a " + kind);
  return text;
}

// BLAKE2b-512 of a whole file, streamed: minisign's "ED" prehash.
bool hash_file(const std::string& path, uint8_t out[crypto_generichash_BYTES_MAX], std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(error, "cannot read " + path + ": " + strerror(errno));
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, crypto_generichash_BYTES_MAX);
  std::vector<uint8_t> buf(1 << 16);
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      return fail(error, "cannot read " + path + ": " + strerror(e));
    }
    if (n == 0) break;
    crypto_generichash_update(&st, buf.data(), (size_t)n);
  }
  ::close(fd);
  crypto_generichash_final(&st, out, crypto_generichash_BYTES_MAX);
  return true;
}

// Writes `text` to `path` through a temporary file, fsynced, renamed, with the folder fsynced.
void write_atomically(const std::string& path, const std::string& text, mode_t mode, bool exclusive) {
  if (exclusive && access(path.c_str(), F_OK) == 0)
    throw std::runtime_error(path + " already exists; choose another name or move the old key away first");
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) throw std::runtime_error("cannot write " + tmp + ": " + strerror(errno));
  fchmod(fd, mode);  // the umask must not loosen a secret key, nor tighten a public one
  bool ok = ::write(fd, text.data(), text.size()) == (ssize_t)text.size() && fsync(fd) == 0;
  int e = errno;
  ok = (::close(fd) == 0) && ok;
  if (!ok || rename(tmp.c_str(), path.c_str()) != 0) {
    if (ok) e = errno;
    unlink(tmp.c_str());
    throw std::runtime_error("cannot write " + path + ": " + strerror(e));
  }
  std::string dir = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/') + 1);
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace

std::string key_id_hex(const KeyId& id) {
  char buf[17];
  for (int i = 0; i < 8; ++i) snprintf(buf + 2 * i, 3, "%02X", id[7 - i]);
  return buf;
}

std::optional<PublicKey> parse_public_key(const std::string& text, std::string* error) {
  need_sodium();
  uint8_t raw[2 + 8 + 32];
  if (text.size() > kMaxFile) return fail(error, "it is too large to be a public key"), std::nullopt;
  if (!read_head(lines_of(text), raw, sizeof raw, "public key", error)) return std::nullopt;
  if (memcmp(raw, "Ed", 2) != 0) return fail(error, "it is not an Ed25519 public key"), std::nullopt;
  PublicKey k;
  memcpy(k.key_id.data(), raw + 2, 8);
  memcpy(k.key.data(), raw + 10, 32);
  return k;
}

std::optional<SecretKey> parse_secret_key(const std::string& text, std::string* error) {
  need_sodium();
  // sig_alg[2] kdf_alg[2] chk_alg[2] salt[32] opslimit[8] memlimit[8] key_id[8] sk[64] chk[32]
  uint8_t raw[2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32];
  if (text.size() > kMaxFile) return fail(error, "it is too large to be a secret key"), std::nullopt;
  if (!read_head(lines_of(text), raw, sizeof raw, "secret key", error)) return std::nullopt;
  if (memcmp(raw, "Ed", 2) != 0 || memcmp(raw + 4, "B2", 2) != 0)
    return fail(error, "it is not an Ed25519 secret key with a BLAKE2b checksum"), std::nullopt;
  if (memcmp(raw + 2, "Sc", 2) == 0)
    return fail(error, "it is protected by a password, which kiosk-bundle does not ask for; make a key with "
                       "`kiosk-bundle keygen` or `minisign -G -W`"), std::nullopt;
  if (raw[2] != 0 || raw[3] != 0) return fail(error, "its key protection scheme is unknown"), std::nullopt;
  const uint8_t* keynum_sk = raw + 2 + 2 + 2 + 32 + 8 + 8;
  uint8_t chk[32];
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, sizeof chk);
  crypto_generichash_update(&st, raw, 2);
  crypto_generichash_update(&st, keynum_sk, 8 + 64);
  crypto_generichash_final(&st, chk, sizeof chk);
  // minisign 0.11 writes an all-zero checksum for keys without a password: accept that, since
  // the check below (the public half must follow from the seed) catches damage as well.
  static const uint8_t zeros[32] = {};
  if (sodium_memcmp(chk, keynum_sk + 8 + 64, sizeof chk) != 0 && sodium_memcmp(zeros, keynum_sk + 8 + 64, 32) != 0)
    return fail(error, "it is damaged (its checksum does not match)"), std::nullopt;
  uint8_t pk[32], sk[64];
  crypto_sign_seed_keypair(pk, sk, keynum_sk + 8);
  bool consistent = sodium_memcmp(pk, keynum_sk + 8 + 32, 32) == 0;
  sodium_memzero(sk, sizeof sk);
  if (!consistent) return fail(error, "it is damaged (its two halves do not belong together)"), std::nullopt;
  SecretKey k;
  memcpy(k.key_id.data(), keynum_sk, 8);
  memcpy(k.key.data(), keynum_sk + 8, 64);
  sodium_memzero(raw, sizeof raw);
  return k;
}

std::optional<Signature> parse_signature(const std::string& text, std::string* error) {
  need_sodium();
  uint8_t raw[2 + 8 + 64];
  if (text.size() > kMaxFile) return fail(error, "it is too large to be a signature"), std::nullopt;
  std::vector<std::string> lines = lines_of(text);
  if (!read_head(lines, raw, sizeof raw, "signature", error)) return std::nullopt;
  if (memcmp(raw, "Ed", 2) == 0)
    return fail(error, "it is a legacy (not prehashed) signature; sign again with kiosk-bundle sign or minisign -S"),
           std::nullopt;
  if (memcmp(raw, "ED", 2) != 0) return fail(error, "its signature algorithm is unknown"), std::nullopt;
  if (lines.size() < 4 || !starts_with(lines[2], kTrusted))
    return fail(error, "it has no \"trusted comment:\" line"), std::nullopt;
  Signature s;
  s.untrusted_comment = lines[0].substr(strlen(kUntrusted));
  memcpy(s.key_id.data(), raw + 2, 8);
  memcpy(s.sig.data(), raw + 10, 64);
  s.trusted_comment = lines[2].substr(strlen(kTrusted));
  if (s.trusted_comment.size() > kMaxTrusted) return fail(error, "its trusted comment is too long"), std::nullopt;
  if (!from_base64(lines[3], s.global_sig.data(), 64))
    return fail(error, "its fourth line is not the expected base64"), std::nullopt;
  for (size_t i = 4; i < lines.size(); ++i)
    if (!lines[i].empty()) return fail(error, "it has text after the signature"), std::nullopt;
  return s;
}

std::string format_public_key(const PublicKey& k) {
  need_sodium();
  uint8_t raw[42];
  memcpy(raw, "Ed", 2);
  memcpy(raw + 2, k.key_id.data(), 8);
  memcpy(raw + 10, k.key.data(), 32);
  return std::string(kUntrusted) + "minisign public key " + key_id_hex(k.key_id) + "\n" + to_base64(raw, sizeof raw) + "\n";
}

std::string format_secret_key(const SecretKey& k) {
  need_sodium();
  uint8_t raw[158] = {};
  memcpy(raw, "Ed", 2);  // kdf_alg stays "\0\0": not password-protected (the file is mode 0600)
  memcpy(raw + 4, "B2", 2);
  uint8_t* keynum_sk = raw + 2 + 2 + 2 + 32 + 8 + 8;
  memcpy(keynum_sk, k.key_id.data(), 8);
  memcpy(keynum_sk + 8, k.key.data(), 64);
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 32);
  crypto_generichash_update(&st, raw, 2);
  crypto_generichash_update(&st, keynum_sk, 72);
  crypto_generichash_final(&st, keynum_sk + 72, 32);
  std::string out = std::string(kUntrusted) + "kiosk-bundle secret key " + key_id_hex(k.key_id) +
                    " (unencrypted; keep it off the kiosks)\n" + to_base64(raw, sizeof raw) + "\n";
  sodium_memzero(raw, sizeof raw);
  return out;
}

std::string format_signature(const Signature& s) {
  uint8_t raw[74];
  memcpy(raw, "ED", 2);
  memcpy(raw + 2, s.key_id.data(), 8);
  memcpy(raw + 10, s.sig.data(), 64);
  return std::string(kUntrusted) + s.untrusted_comment + "\n" + to_base64(raw, sizeof raw) + "\n" + kTrusted +
         s.trusted_comment + "\n" + to_base64(s.global_sig.data(), 64) + "\n";
}

PublicKey load_public_key(const std::string& path) {
  std::string why;
  auto k = parse_public_key(read_small_file(path, "public key"), &why);
  if (!k) throw std::runtime_error(path + " cannot be used as a public key: " + why);
  k->path = path;
  return *k;
}

SecretKey load_secret_key(const std::string& path) {
  std::string why;
  auto k = parse_secret_key(read_small_file(path, "secret key"), &why);
  if (!k) throw std::runtime_error(path + " cannot be used as a secret key: " + why);
  return *k;
}

PublicKey keygen(const std::string& out_base) {
  need_sodium();
  SecretKey sk;
  PublicKey pk;
  randombytes_buf(sk.key_id.data(), 8);
  crypto_sign_keypair(pk.key.data(), sk.key.data());
  pk.key_id = sk.key_id;
  std::string key_path = out_base + ".key", pub_path = out_base + ".pub";
  if (access(pub_path.c_str(), F_OK) == 0)
    throw std::runtime_error(pub_path + " already exists; choose another name or move the old key away first");
  write_atomically(key_path, format_secret_key(sk), 0600, true);
  sodium_memzero(sk.key.data(), sk.key.size());
  write_atomically(pub_path, format_public_key(pk), 0644, false);
  pk.path = pub_path;
  return pk;
}

std::string signature_path(const std::string& file) { return file + ".minisig"; }

Signature sign_file(const std::string& file, const SecretKey& key, const std::string& trusted_comment) {
  need_sodium();
  if (trusted_comment.find('\n') != std::string::npos || trusted_comment.size() > kMaxTrusted)
    throw std::runtime_error("a trusted comment must be one line of at most 8 KB");
  uint8_t digest[crypto_generichash_BYTES_MAX];
  std::string why;
  if (!hash_file(file, digest, &why)) throw std::runtime_error(why);
  Signature s;
  s.untrusted_comment = "signature from kiosk-bundle secret key " + key_id_hex(key.key_id);
  s.key_id = key.key_id;
  s.trusted_comment = trusted_comment;
  crypto_sign_detached(s.sig.data(), nullptr, digest, sizeof digest, key.key.data());
  std::string global(reinterpret_cast<const char*>(s.sig.data()), 64);
  global += trusted_comment;
  crypto_sign_detached(s.global_sig.data(), nullptr, reinterpret_cast<const uint8_t*>(global.data()), global.size(),
                       key.key.data());
  return s;
}

void write_signature_file(const std::string& sig_path, const Signature& s) {
  write_atomically(sig_path, format_signature(s), 0644, false);
}

Verdict verify_file(const std::string& file, const std::string& sig_text, const std::vector<PublicKey>& keys) {
  need_sodium();
  Verdict v;
  std::string why;
  auto sig = parse_signature(sig_text, &why);
  if (!sig) {
    v.message = "its signature cannot be read: " + why;
    return v;
  }
  v.key_id = key_id_hex(sig->key_id);
  const PublicKey* key = nullptr;
  for (const auto& k : keys)
    if (k.key_id == sig->key_id) key = &k;
  if (!key) {
    v.message = "it is signed by key " + v.key_id + ", which this kiosk does not trust";
    return v;
  }
  uint8_t digest[crypto_generichash_BYTES_MAX];
  if (!hash_file(file, digest, &why)) {
    v.message = why;
    return v;
  }
  if (crypto_sign_verify_detached(sig->sig.data(), digest, sizeof digest, key->key.data()) != 0) {
    v.message = "it does not match its signature (modified or damaged after signing)";
    return v;
  }
  std::string global(reinterpret_cast<const char*>(sig->sig.data()), 64);
  global += sig->trusted_comment;
  if (crypto_sign_verify_detached(sig->global_sig.data(), reinterpret_cast<const uint8_t*>(global.data()),
                                  global.size(), key->key.data()) != 0) {
    v.message = "its signature's trusted comment was altered";
    return v;
  }
  v.ok = true;
  v.key_path = key->path;
  v.trusted_comment = sig->trusted_comment;
  v.message = "signed by key " + v.key_id + (key->path.empty() ? "" : " (" + key->path + ")");
  return v;
}

Verdict verify_file(const std::string& file, const std::vector<PublicKey>& keys, const std::string& sig_path) {
  std::string path = sig_path.empty() ? signature_path(file) : sig_path;
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    Verdict v;
    v.message = "it is not signed (there is no " + path + ")";
    return v;
  }
  std::string text;
  char buf[4096];
  while (text.size() <= kMaxFile && f.read(buf, sizeof buf).gcount() > 0) text.append(buf, (size_t)f.gcount());
  return verify_file(file, text, keys);
}

std::string trusted_field(const std::string& tc, const std::string& key) {
  std::string want = key + ":";
  size_t start = 0;
  while (start <= tc.size()) {
    size_t tab = tc.find('\t', start);
    std::string field = tc.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
    if (field.compare(0, want.size(), want) == 0) return field.substr(want.size());
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return "";
}

}  // namespace signature
