// signature_test.cpp — minisign-format keys and signatures: round trip, every kind of refusal,
// and the trusted comment tying a signature to one bundle.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "content/bundle/signature.h"
#include "store_fixture.h"

using namespace storetest;

TEST_CASE("signature: keygen writes a 0600 secret key and a public key minisign can read") {
  testutil::Scratch s("sig-keygen");
  auto pk = signature::keygen(s.path("k"));
  struct stat st;
  REQUIRE(stat(s.path("k.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  std::string text = testutil::read(s.path("k.pub"));
  CHECK(text.rfind("untrusted comment: minisign public key " + signature::key_id_hex(pk.key_id) + "\n", 0) == 0);
  auto again = signature::load_public_key(s.path("k.pub"));
  CHECK(again.key == pk.key);
  auto sk = signature::load_secret_key(s.path("k.key"));
  CHECK(sk.key_id == pk.key_id);
  CHECK_THROWS_WITH_AS(signature::keygen(s.path("k")), doctest::Contains("already exists"), std::runtime_error);
}

TEST_CASE("signature: a signed bundle verifies, with its trusted comment naming the bundle") {
  const Kit& k = kit();
  auto v = signature::verify_file(k.v1, {signature::load_public_key(k.pub)});
  CHECK(v.ok);
  CHECK(signature::trusted_field(v.trusted_comment, "bundle") == "example");
  CHECK(signature::trusted_field(v.trusted_comment, "version") == "1");
  CHECK(signature::trusted_field(v.trusted_comment, "hash") == hash_of(k.v1));
  CHECK(signature::trusted_field(v.trusted_comment, "file") == "example-1.bundle");
}

TEST_CASE("signature: wrong key, no signature, edited trusted comment, moved signature are refused") {
  const Kit& k = kit();
  testutil::Scratch s("sig-refuse");
  std::vector<signature::PublicKey> trusted = {signature::load_public_key(k.pub)};

  auto stranger = signature::verify_file(k.v1, {signature::load_public_key(k.other_pub)});
  CHECK_FALSE(stranger.ok);
  CHECK(stranger.message.find("does not trust") != std::string::npos);

  std::string bare = s.path("bare.bundle");
  fs::copy_file(k.v1, bare);
  auto unsigned_ = signature::verify_file(bare, trusted);
  CHECK_FALSE(unsigned_.ok);
  CHECK(unsigned_.message.find("not signed") != std::string::npos);

  std::string sig = testutil::read(k.v1 + ".minisig");
  std::string edited = sig;
  edited.replace(edited.find("version:1"), 9, "version:9");
  auto tampered = signature::verify_file(k.v1, edited, trusted);
  CHECK_FALSE(tampered.ok);
  CHECK(tampered.message.find("trusted comment was altered") != std::string::npos);

  auto moved = signature::verify_file(k.v2, sig, trusted);  // v1's signature beside v2
  CHECK_FALSE(moved.ok);
  CHECK(moved.message.find("does not match its signature") != std::string::npos);
}

TEST_CASE("signature: parsers refuse hostile text with one sentence") {
  std::string why;
  CHECK_FALSE(signature::parse_public_key("", &why));
  CHECK_FALSE(signature::parse_public_key("untrusted comment: x\nnot base64!!\n", &why));
  CHECK(why.find("base64") != std::string::npos);
  CHECK_FALSE(signature::parse_signature("untrusted comment: x\nRUQ=\n", &why));
  CHECK_FALSE(signature::parse_secret_key(std::string(20000, 'A'), &why));
  CHECK(why.find("too large") != std::string::npos);
  // A legacy (non-prehashed) signature is refused by name.
  const Kit& k = kit();
  std::string sig = testutil::read(k.v1 + ".minisig");
  size_t l2 = sig.find('\n') + 1;
  std::string legacy = sig;
  legacy.replace(l2, 3, "RWQ");  // base64 of "Ed…" instead of "ED…"
  CHECK_FALSE(signature::parse_signature(legacy, &why));
  CHECK(why.find("legacy") != std::string::npos);
}

TEST_CASE("signature: format and parse round-trip") {
  const Kit& k = kit();
  std::string text = testutil::read(k.v1 + ".minisig");
  std::string why;
  auto sig = signature::parse_signature(text, &why);
  REQUIRE(sig);
  CHECK(signature::format_signature(*sig) == text);
  auto pk = signature::parse_public_key(testutil::read(k.pub), &why);
  REQUIRE(pk);
  CHECK(signature::format_public_key(*pk) == testutil::read(k.pub));
}
