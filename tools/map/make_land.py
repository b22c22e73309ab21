#!/usr/bin/env python3
"""make_land.py — regenerates assets/map/land-110m.rings and land-50m.rings.

Fetches the npm package world-atlas@2.0.2 (Natural Earth 4.1.0 land as TopoJSON) with
`npm pack` into a temporary folder, checks the tarball's SHA-256, decodes the TopoJSON arcs and
writes each land polygon as rings of quantized lon/lat integers (the package's own quantization,
so nothing is lost). The npm package itself is not kept. Format: see assets/map/README.md.

    python3 tools/map/make_land.py            # from the repository root; needs npm and python3
    python3 tools/map/make_land.py --tarball world-atlas-2.0.2.tgz   # offline, from a saved tarball
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "world-atlas@2.0.2"
SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
LAYERS = ["land-110m", "land-50m"]


def fetch(tmp):
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(tmp, "world-atlas-2.0.2.tgz")


def decode(topo):
    """TopoJSON land object -> list of polygons, each a list of rings of (qx, qy) integers,
    without the repeated closing point."""
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x, y))
        arcs.append(pts)

    def ring(indices):
        pts = []
        for i in indices:
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a if not pts else a[1:])
        if pts and pts[0] == pts[-1]:
            pts.pop()
        return pts

    polys = []
    for g in topo["objects"]["land"]["geometries"]:
        if g["type"] == "Polygon":
            polys.append([ring(r) for r in g["arcs"]])
        elif g["type"] == "MultiPolygon":
            polys.extend([ring(r) for r in p] for p in g["arcs"])
        else:
            sys.exit("unexpected geometry type " + g["type"])
    return polys


def write(name, topo, polys, out_dir):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    path = os.path.join(out_dir, name + ".rings")
    npts = sum(len(r) for p in polys for r in p)
    with open(path, "w", newline="\n") as f:
        f.write("land-rings 1\n")
        f.write("# Natural Earth 4.1.0 land, %s, from the npm package %s (%s.json).\n" % (name.split("-")[1], PACKAGE, name))
        f.write("# Public domain (Natural Earth). Regenerate with tools/map/make_land.py; format in assets/map/README.md.\n")
        f.write("# %d polygons, %d rings, %d points.\n" % (len(polys), sum(len(p) for p in polys), npts))
        f.write("scale %r %r\n" % (sx, sy))
        f.write("translate %r %r\n" % (tx, ty))
        for p in polys:
            f.write("P\n")
            for r in p:
                out = ["R", str(r[0][0]), str(r[0][1])]
                for (ax, ay), (bx, by) in zip(r, r[1:]):
                    out.append(str(bx - ax))
                    out.append(str(by - ay))
                f.write(" ".join(out) + "\n")
    print("%s: %d polygons, %d points, %d bytes" % (path, len(polys), npts, os.path.getsize(path)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tarball", help="use this world-atlas-2.0.2.tgz instead of running npm pack")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "map"))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tgz = args.tarball or fetch(tmp)
        digest = hashlib.sha256(open(tgz, "rb").read()).hexdigest()
        if digest != SHA256:
            sys.exit("%s has SHA-256 %s, expected %s: not the release this data was made from" % (tgz, digest, SHA256))
        with tarfile.open(tgz) as t:
            for name in LAYERS:
                topo = json.load(t.extractfile("package/%s.json" % name))
                write(name, topo, decode(topo), os.path.normpath(args.out))


if __name__ == "__main__":
    main()
