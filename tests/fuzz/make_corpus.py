#!/usr/bin/env python3
"""make_corpus.py — (re)writes the seed corpora in tests/fuzz/corpus/ from the repository's own
files and a built example bundle. Run it when a format changes:

    tests/fuzz/make_corpus.py build-dev/kiosk-bundle

Seeds are small on purpose (libFuzzer mutates faster): the bundle seed is the example exhibit
with tiny fonts (Noto Sans Ogham, from fonts-noto-core) and a four-vertex map layer, its content
hash recomputed exactly as content/bundle/content_hash.cpp does. Crash inputs that `make fuzz`
saves (crash-*, timeout-*) live beside the seeds and are kept: they are regression inputs.
"""
import hashlib, os, shutil, sqlite3, struct, subprocess, sys, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(ROOT, "tests", "fuzz", "corpus")
TINY_FONT = "/usr/share/fonts/truetype/noto/NotoSansOgham-Regular.ttf"

# Must match kHashedQueries in content/bundle/content_hash.cpp.
HASHED = [
    "SELECT key, value FROM meta WHERE key <> 'content_hash' ORDER BY key",
    "SELECT key, lang, value FROM wording ORDER BY key, lang",
    "SELECT id, ord, year_from, year_to, image FROM room ORDER BY id",
    "SELECT room, lang, n, markdown FROM room_page ORDER BY room, lang, n",
    "SELECT room, n, place FROM room_place ORDER BY room, n",
    "SELECT id, lat, lon, priority FROM place ORDER BY id",
    "SELECT n, place, date_from, date_to, kind FROM stay ORDER BY n",
    "SELECT id, ord, room, year, author FROM quote ORDER BY id",
    "SELECT id, ord FROM question ORDER BY id",
    "SELECT n, kind, ref, seconds FROM attract ORDER BY n",
    "SELECT id, mime, width, height, bytes FROM media ORDER BY id",
    "SELECT role, file, bytes FROM font ORDER BY role",
    "SELECT name, lod, vertex_count, triangle_count, vertices, indices FROM map_layer ORDER BY name",
]


def content_hash(db):
    h = hashlib.blake2b(digest_size=32)
    feed = lambda b: (h.update(struct.pack("<Q", len(b))), h.update(b))
    for q in HASHED:
        feed(q.encode())
        for row in db.execute(q):
            for v in row:
                if v is None:
                    h.update(bytes([5]))
                elif isinstance(v, int):
                    h.update(bytes([1])); feed(struct.pack("<q", v))
                elif isinstance(v, float):
                    h.update(bytes([2])); feed(struct.pack("<d", v))
                elif isinstance(v, str):
                    h.update(bytes([3])); feed(v.encode())
                else:
                    h.update(bytes([4])); feed(bytes(v))
    return h.hexdigest()


def put(target, name, data):
    os.makedirs(os.path.join(CORPUS, target), exist_ok=True)
    with open(os.path.join(CORPUS, target, name), "wb") as f:
        f.write(data)


def read(*parts):
    with open(os.path.join(ROOT, *parts), "rb") as f:
        return f.read()


def bundle_seed(tool):
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "seed.bundle")
    subprocess.run([tool, "build", os.path.join(ROOT, "content", "example"), "-o", path], check=True, capture_output=True)
    db = sqlite3.connect(path)
    db.execute("UPDATE font SET bytes = ?", (open(TINY_FONT, "rb").read(),))
    xy = struct.pack("<8f", 0, 0, 1, 0, 1, 1, 0, 1)
    idx = struct.pack("<6I", 0, 1, 2, 0, 2, 3)
    db.execute("INSERT INTO map_layer VALUES ('land', 0, 4, 2, ?, ?)", (xy, idx))
    db.commit()
    db.execute("UPDATE meta SET value = ? WHERE key = 'content_hash'", (content_hash(db),))
    db.commit()
    db.execute("VACUUM")
    db.close()
    data = open(path, "rb").read()
    shutil.rmtree(tmp)
    return data


def main():
    tool = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build-dev", "kiosk-bundle")
    put("bundle", "example-tiny-fonts.seed", bundle_seed(tool))  # not .bundle: .gitignore skips those
    for name in ("tiny.png", "grey.png", "tiny.jpg"):
        src = os.path.join(CORPUS, "blobs", name)
        if not os.path.exists(src):
            print("keeping blobs/ as it is; missing", name)
    rooms = sorted(os.listdir(os.path.join(ROOT, "content", "exhibit", "rooms")))
    for r in rooms[:4]:
        put("page", r, read("content", "exhibit", "rooms", r))
    put("page", "emphasis.md", b"*a **b** c* _d_ `code` [link](x) ![img](y)\n\n# heading\n\n- list\n\n> quote\n\n<b>html</b>\n")
    for c in ("journey.csv", "places.csv", "quotes.csv"):
        put("csv", "example-" + c, read("content", "example", c))
    put("csv", "quoted.csv", b'id,room,year,text_es,text_en\r\nq-a,,1905,"dijo ""no""","said\n""no"""\r\n')
    files = ["exhibit.toml", "strings.toml", "questions.toml", "places.csv", "journey.csv", "quotes.csv", "rooms/01-garden.md"]
    for i, f in enumerate(files):
        put("exhibit_sources", "%d-%s" % (i, f.replace("/", "-")), bytes([i]) + read("content", "example", f))
    put("config", "kiosk.toml", read("deploy", "kiosk.toml"))
    put("config", "hours.toml", read("tests", "screens", "hours.toml"))


if __name__ == "__main__":
    main()
