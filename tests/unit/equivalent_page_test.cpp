// equivalent_page_test.cpp — kiosk-bench's web page of the home screen (tests/bench/
// equivalent_page.h) says what the kiosk's home screen says, from the bundle, with its fonts.
#include <doctest/doctest.h>

#include "test_util.h"
#include "tests/bench/equivalent_page.h"

using namespace testutil;

TEST_CASE("equivalent page: the bundle's title, subtitle, entries and languages, with its fonts") {
  Scratch s("equivalent-page");
  auto r = build(source_dir() + "/content/example", s.path("x.bundle"));
  REQUIRE_MESSAGE(r.code == 0, r.err);
  std::string page, why;
  REQUIRE_MESSAGE(bench::write_home_page(s.path("x.bundle"), s.dir.string(), 1920, 1080, page, why), why);
  const std::string html = read(page);
  auto ex = bundle::Bundle::open(s.path("x.bundle"));
  const std::string lang = ex->exhibit().meta.languages.front();  // the kiosk starts in it
  CHECK(html.find("<title>" + ex->exhibit().meta.title.in(lang) + "</title>") != std::string::npos);
  CHECK(html.find("<h1>" + ex->exhibit().meta.title.in(lang) + "</h1>") != std::string::npos);
  CHECK(html.find(ex->exhibit().meta.subtitle.in(lang)) != std::string::npos);
  for (const auto& code : ex->exhibit().meta.languages) {
    INFO(code);
    CHECK(html.find(">" + ex->exhibit().label("lang." + code, code) + "</button>") != std::string::npos);
  }
  CHECK(html.find("<button class=\"current\">" + ex->exhibit().label("lang." + lang, lang) + "</button>") != std::string::npos);
  CHECK(html.find("<h2>" + ex->exhibit().label("home.map", lang) + "</h2>") != std::string::npos);
  CHECK(html.find("width:1920px;height:1080px") != std::string::npos);
  for (const auto& role : ex->exhibit().font_roles) {
    INFO(role);
    CHECK(html.find("src:url(\"" + role + ".ttf\")") != std::string::npos);
    const std::vector<uint8_t> bytes = ex->font_bytes(role);
    CHECK(!bytes.empty());
    CHECK(read(s.path(role + ".ttf")) == std::string(bytes.begin(), bytes.end()));
  }
  CHECK(html.find("font-family:\"exhibit-serif\";src:url(\"serif_bold.ttf\");font-weight:700") != std::string::npos);
}

TEST_CASE("equivalent page: a curator's text is escaped, and a missing bundle is said") {
  bundle::Exhibit ex;
  ex.meta.languages = {"en"};
  ex.meta.title.by_lang["en"] = "Tom & Jerry <script>";
  const std::string html = bench::home_page_html(ex, {}, 800, 480);
  CHECK(html.find("Tom &amp; Jerry &lt;script&gt;") != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("@font-face") == std::string::npos);
  std::string page, why;
  CHECK_FALSE(bench::write_home_page("/nonexistent/x.bundle", "/tmp", 800, 480, page, why));
  CHECK_FALSE(why.empty());
}
