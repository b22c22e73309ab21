// signature_fuzz.cpp — libFuzzer target for minisign public keys, secret keys and signatures
// (content/bundle/signature.h): the parsers never crash, refuse with a reason, round-trip what
// they accept, and a parsed signature runs the whole verification against a fixed key.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "content/bundle/signature.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string why;
  if (auto pk = signature::parse_public_key(text, &why)) {
    if (!signature::parse_public_key(signature::format_public_key(*pk), &why)) abort();
  } else if (why.empty()) {
    abort();
  }
  why.clear();
  if (auto sk = signature::parse_secret_key(text, &why)) {
    if (!signature::parse_secret_key(signature::format_secret_key(*sk), &why)) abort();
  } else if (why.empty()) {
    abort();
  }
  why.clear();
  if (auto sig = signature::parse_signature(text, &why)) {
    if (signature::format_signature(*sig).empty()) abort();
    signature::trusted_field(sig->trusted_comment, "hash");
    // The same key id as the signature, so verification gets past the key lookup to the maths.
    signature::PublicKey key;
    key.key_id = sig->key_id;
    for (size_t i = 0; i < key.key.size(); ++i) key.key[i] = (uint8_t)(i * 7 + 1);
    signature::Verdict v = signature::verify_file("/dev/null", text, {key});
    if (v.ok) abort();  // nobody holds this key's secret half
  } else if (why.empty()) {
    abort();
  }
  return 0;
}
