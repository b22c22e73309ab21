// signature.h — Ed25519 signatures of bundle files in minisign's format (libsodium primitives).
//
// Does:     make a key pair, sign a whole file, verify a file against any of several trusted
//           public keys, parse minisign public keys, secret keys and signatures. The files are
//           minisign's own, so `minisign -Vm FILE -p KEY.pub` verifies what we sign, and a
//           key made with `minisign -G -W` (no password) signs with `kiosk-bundle sign`.
//             KEY.pub:    "untrusted comment: …\n" base64("Ed" key_id[8] public_key[32])
//             KEY.key:    "untrusted comment: …\n" base64("Ed" kdf"\0\0" "B2" salt[32] ops[8]
//                         mem[8] key_id[8] secret_key[64] blake2b256("Ed" key_id secret_key)[32])
//             FILE.minisig: "untrusted comment: …\n" base64("ED" key_id[8] sig[64])
//                         "trusted comment: …\n" base64(global_sig[64])
//           "ED" signs BLAKE2b-512(file) (minisign's prehashed mode); the global signature signs
//           sig[64] ‖ trusted comment, so the trusted comment cannot be edited either.
// Does not: password-protected (scrypt) secret keys — it says so and how to make one without;
//           the legacy non-prehashed "Ed" signatures (refused: we only ever write "ED");
//           decide what the trusted comment means (the store does: see trusted_comment()).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace signature {

using KeyId = std::array<uint8_t, 8>;

struct PublicKey {
  KeyId key_id{};
  std::array<uint8_t, 32> key{};
  std::string path;  // where it was read from ("" when parsed from text)
};

struct SecretKey {
  KeyId key_id{};
  std::array<uint8_t, 64> key{};  // libsodium's Ed25519 secret key (seed ‖ public key)
};

struct Signature {
  std::string untrusted_comment;
  KeyId key_id{};
  std::array<uint8_t, 64> sig{};         // over BLAKE2b-512 of the file
  std::string trusted_comment;           // signed by global_sig
  std::array<uint8_t, 64> global_sig{};  // over sig ‖ trusted_comment
};

// The key id as minisign prints it: 16 upper-case hex digits (the id read little-endian).
std::string key_id_hex(const KeyId& id);

// Parsers for the three file kinds. Never throw; on failure return nullopt and set *error to one
// sentence saying what is wrong. Hostile input is expected here (see tests/fuzz/).
std::optional<PublicKey> parse_public_key(const std::string& text, std::string* error);
std::optional<SecretKey> parse_secret_key(const std::string& text, std::string* error);
std::optional<Signature> parse_signature(const std::string& text, std::string* error);

// Texts of the three file kinds.
std::string format_public_key(const PublicKey&);
std::string format_secret_key(const SecretKey&);
std::string format_signature(const Signature&);

// Reads a file; throws std::runtime_error with a one-line message naming the file.
PublicKey load_public_key(const std::string& path);
SecretKey load_secret_key(const std::string& path);

// Writes OUT.key (mode 0600, refusing to overwrite) and OUT.pub. Throws std::runtime_error.
PublicKey keygen(const std::string& out_base);

// The name of a file's detached signature: FILE.minisig (what minisign reads by default).
std::string signature_path(const std::string& file);

// Signs `file` with `key`, putting `trusted_comment` (one line) in the signature. Returns the
// signature; the caller writes it (see write_signature_file).
Signature sign_file(const std::string& file, const SecretKey& key, const std::string& trusted_comment);
void write_signature_file(const std::string& sig_path, const Signature&);  // temp → fsync → rename

// The outcome of checking a file against trusted keys.
struct Verdict {
  bool ok = false;
  std::string key_id;           // the signer's key id (hex), also when it is not trusted
  std::string key_path;         // the trusted .pub that verified it
  std::string trusted_comment;  // only meaningful when ok
  std::string message;          // one line: what is wrong and what to do, or "signed by …"
};

// Verifies `file` against `sig_text` (the .minisig's contents) and any of `keys`.
Verdict verify_file(const std::string& file, const std::string& sig_text, const std::vector<PublicKey>& keys);
// Same, reading the signature from signature_path(file) (or `sig_path` when given).
Verdict verify_file(const std::string& file, const std::vector<PublicKey>& keys, const std::string& sig_path = "");

// Fields of a trusted comment written as "key:value" pairs separated by tabs, minisign's own
// style ("timestamp:… file:…"). Unknown fields are kept; a field without ':' is ignored.
std::string trusted_field(const std::string& trusted_comment, const std::string& key);

}  // namespace signature
