-- The exhibit bundle: one read-only SQLite file holding everything a kiosk shows.
-- application_id 0x4D4B4942 ('MKIB'); user_version is the format version (kFormatVersion in bundle.h).
-- Every visitor-facing text lives in `wording`, keyed by what it belongs to and its language, so that
-- "every text exists in every language" is one query for every kind of content.
PRAGMA application_id = 1296779586;
PRAGMA user_version = 1;

CREATE TABLE meta (            -- id, version, languages, default_language, built, content_hash, timeouts
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE wording (            -- key like 'room.childhood.title', 'ui.home.map', 'quote.q-x.text'
  key   TEXT NOT NULL,
  lang  TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (key, lang)
) WITHOUT ROWID;

CREATE TABLE room (
  id        TEXT PRIMARY KEY,
  ord       INTEGER NOT NULL UNIQUE,
  year_from INTEGER NOT NULL,
  year_to   INTEGER NOT NULL,
  image     TEXT REFERENCES media(id)   -- NULL when the room has no picture
) WITHOUT ROWID;

CREATE TABLE room_page (       -- pages are per language: a translation may need more or fewer
  room     TEXT NOT NULL REFERENCES room(id),
  lang     TEXT NOT NULL,
  n        INTEGER NOT NULL,
  markdown TEXT NOT NULL,      -- paragraphs, *italic* and **bold** only
  PRIMARY KEY (room, lang, n)
) WITHOUT ROWID;

CREATE TABLE room_place (
  room  TEXT NOT NULL REFERENCES room(id),
  n     INTEGER NOT NULL,
  place TEXT NOT NULL REFERENCES place(id),
  PRIMARY KEY (room, n)
) WITHOUT ROWID;

CREATE TABLE place (
  id       TEXT PRIMARY KEY,
  lat      REAL NOT NULL,
  lon      REAL NOT NULL,
  priority INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE stay (            -- the journey, in order
  n         INTEGER PRIMARY KEY,
  place     TEXT NOT NULL REFERENCES place(id),
  date_from TEXT NOT NULL,
  date_to   TEXT NOT NULL,
  kind      TEXT NOT NULL
);

CREATE TABLE quote (
  id     TEXT PRIMARY KEY,
  ord    INTEGER NOT NULL UNIQUE,
  room   TEXT REFERENCES room(id),
  year   INTEGER NOT NULL,
  author TEXT NOT NULL          -- '' means the exhibit's subject
) WITHOUT ROWID;

CREATE TABLE question (
  id  TEXT PRIMARY KEY,
  ord INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

CREATE TABLE attract (
  n       INTEGER PRIMARY KEY,
  kind    TEXT NOT NULL,        -- title | quote | room | journey
  ref     TEXT NOT NULL,        -- quote or room id, '' otherwise
  seconds INTEGER NOT NULL
);

CREATE TABLE media (
  id     TEXT PRIMARY KEY,      -- the source path, e.g. 'images/childhood.png'
  mime   TEXT NOT NULL,
  width  INTEGER NOT NULL,
  height INTEGER NOT NULL,
  bytes  BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE font (
  role  TEXT PRIMARY KEY,       -- serif, serif_italic, serif_bold, sans, sans_bold
  file  TEXT NOT NULL,
  bytes BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE map_layer (        -- triangulated land per level of detail (filled by the map work)
  name           TEXT PRIMARY KEY,
  lod            INTEGER NOT NULL,
  vertex_count   INTEGER NOT NULL,
  triangle_count INTEGER NOT NULL,
  vertices       BLOB NOT NULL, -- float32 x,y pairs in projected units
  indices        BLOB NOT NULL  -- uint32 triangle indices
) WITHOUT ROWID;
