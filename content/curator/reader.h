// reader.h — internal to content/curator: the state of one pass over an exhibit folder, shared by
// the readers of each kind of file (source_exhibit.cpp: exhibit.toml, strings.toml, questions.toml;
// source_tables.cpp: the CSV files; source_rooms.cpp: rooms/ and pictures). It keeps what later
// files refer to (room, place and quotation ids) and whether a file was usable at all, so one
// broken file gives one message instead of an error on every reference to it.
#pragma once
#include <toml++/toml.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "content/bundle/writer.h"
#include "content/curator/csv.h"
#include "content/curator/diagnostics.h"

namespace curator {

int line_of(const toml::node* n, int fallback);
std::string trim(const std::string& s);

struct Reader {
  std::string dir;  // as given, for messages
  Diagnostics& diag;
  std::vector<std::string> langs;
  bundle::Contents out;

  // What later files refer to, and whether the file that defines them could be read at all.
  std::map<std::string, int> place_lines;
  std::set<std::string> room_ids, quote_ids;
  bool places_usable = true, rooms_usable = true, quotes_usable = true;
  std::vector<int> attract_lines;
  // A room's length budget per language; exhibit.toml's [limits] may change it.
  int min_words = 250, max_words = 600, min_pages = 2, max_pages = 5;

  // A text missing in a language (or given in one the exhibit lacks) is counted per file and
  // reported once, so an untranslated third language is one line per file, not one per text.
  struct LangGap {
    int count = 0, first_line = 0;
    std::string first_what, first_message;  // the message when it is the only one
  };
  std::map<std::string, std::map<std::string, LangGap>> missing, stray;  // file -> lang -> gap
  void missing_text(const std::string& file, int line, const std::string& lang, const std::string& what,
                    const std::string& message = "");
  void stray_text(const std::string& file, int line, const std::string& lang, const std::string& what);
  void report_language_gaps();

  // Known keys of the table being read that a misspelt key was taken for (see check_keys): a
  // `titel` is reported once, as unknown with "did you mean", not a second time as title missing.
  std::set<std::string> misspelt;
  void keys(const std::string& file, const toml::table& t, const std::vector<std::string>& known, const std::string& where,
            int line_offset = 0);

  std::string path(const std::string& rel) const;
  std::string lang_list() const;
  std::string example(const std::string& what) const;

  // A table of one text per language, e.g. { es = "…", en = "…" }.
  bundle::Text text(const std::string& file, const toml::node* n, const std::string& what, int parent_line,
                    int line_offset, bool required = true);
  std::string string_at(const std::string& file, const toml::table& t, const char* key, int parent_line, int off,
                        bool required = true);
  // Reads a source file as UTF-8 text (byte-order mark removed); false when it is missing,
  // unreadable or not UTF-8, which has been reported. `what_for` completes "file not found; …".
  bool read_source(const std::string& rel, std::string& body, const std::string& what_for, bool required = true);
  std::optional<toml::table> parse_toml(const std::string& rel, const std::string& body, int line_offset = 0);
  std::optional<toml::table> load_toml(const std::string& rel, bool required = true);

  // source_exhibit.cpp
  void exhibit_toml();
  void exhibit_languages(const std::string& f, const toml::table& t);
  void exhibit_timeouts(const std::string& f, const toml::table* to);
  void exhibit_limits(const std::string& f, const toml::table* lim);
  void exhibit_attract(const std::string& f, const toml::node* n);
  void fonts_table(const std::string& f, const toml::table* t);
  void strings_toml();
  void questions_toml();
  void check_attract();

  // source_tables.cpp
  void places_csv();
  void journey_csv();
  void quotes_csv();
  void quote_author(const std::string& f, const CsvRow& row, bundle::Quote& q);
  bundle::Text row_text(const std::string& rel, const CsvRow& row, const std::string& col);
  bool read_csv(const std::string& rel, const std::vector<std::string>& req, const std::vector<std::string>& opt,
                const std::string& what_for, std::vector<CsvRow>& rows);

  // source_rooms.cpp
  void rooms_dir();
  void room_file(const std::string& rel);
  void room_front(const std::string& f, const toml::table& t, bundle::Room& r);
  void room_image(const std::string& f, const toml::table& img, bundle::Room& r);
  void room_body(const std::string& f, const std::vector<std::string>& lines, size_t start, bundle::Room& r);
  void room_section(const std::string& f, const std::string& lang, int section_line,
                    const std::vector<std::pair<int, std::string>>& pages, bundle::Room& r);
  bool add_image(const std::string& rel, const std::string& from_file, int line);
};

}  // namespace curator
