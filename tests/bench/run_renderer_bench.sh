#!/bin/sh
# run_renderer_bench.sh BUILD_DIR — the frame's cost on the software renderer and on OpenGL ES 2
# (SDL's offscreen driver, EGL on Mesa llvmpipe), on home, a room and the map, at 1280x800 and
# 1920x1080: the median of 21 frames each, in ms, of build (screens + ImGui), queue (ImGui's draw
# lists into SDL's command buffer), submit (queue + flush: software has drawn the frame by then,
# OpenGL ES has handed every vertex to the driver) and gpu (OpenGL ES only: glFinish, i.e. Mesa's
# llvmpipe rasterising on this machine's CPU — the V3D GPU's work on a Pi).
set -eu
b=${1:-build}
"$b/kiosk-bundle" build content/exhibit -o "$b/bench.bundle" >/dev/null 2>&1
printf '%-10s %-10s %-6s %7s %7s %7s %8s %8s %6s\n' size renderer screen build queue submit gpu vertices calls
for size in 1280x800 1920x1080; do
  for r in software opengles2; do
    SDL_VIDEODRIVER=offscreen "$b/kiosk" --bundle "$b/bench.bundle" --headless --renderer $r --size $size \
      --tour tests/bench/renderers.tour 2>/dev/null | grep '^frame' |
    awk -v size=$size -v r=$r '
      { q = $2; sub(/:$/, "", q); if (!(q in n)) order[++k] = q; m = ++n[q]
        for (i = 3; i <= NF; ++i) { split($i, kv, "="); f[q, kv[1], m] = kv[2] } }
      function median(q, key,   i, j, t, x, m) {
        m = n[q]
        for (i = 1; i <= m; ++i) x[i] = f[q, key, i] + 0
        for (i = 2; i <= m; ++i) for (j = i; j > 1 && x[j - 1] > x[j]; --j) { t = x[j]; x[j] = x[j - 1]; x[j - 1] = t }
        return x[int((m + 1) / 2)]
      }
      END { for (i = 1; i <= k; ++i) { q = order[i]
        printf "%-10s %-10s %-6s %7.2f %7.2f %7.2f %8.2f %8d %6d\n", size, r, q, median(q, "build_ms"), median(q, "queue_ms"),
               median(q, "submit_ms"), median(q, "gpu_ms"), f[q, "vertices", 1], f[q, "draw_calls", 1] } }'
  done
done
