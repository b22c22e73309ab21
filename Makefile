# museum-kiosk — the two commands of the quick start, and the steps they are made of.
#   make run    install what is missing, build, compile the sample exhibit, start the kiosk
#               (headless demo tour with screenshots when there is no display)
#   make test   the same set-up, then the whole suite under AddressSanitizer + UBSan
#   make package         the Debian package for this machine (debian/), into build-pkg/, lintian-checked
#   make package-arm64   the same, cross-built for Raspberry Pi OS 64-bit
#   make test-arm64      cross-builds the tests for arm64 and runs a slice under qemu-aarch64-static
#   make test-setup      deploy/rpi/setup.sh twice in a cached bookworm chroot (idempotence)
#   make bench  kiosk-bench on the Release build: every performance figure, PASS/FAIL per budget
#               (tests/bench/budgets.h), non-zero exit when any fails; installs chromium first (the first
#               frame is judged against it; bench only, not CI); make bench-callgrind: instructions
#   make bench-load  a bundle 10x the sample opens in at most 12x the instructions (callgrind)
#   make soak   2 and 30 virtual days of attract mode and visitors in the Release build, with
#               RSS, heap, descriptors, textures and the text cache checked for growth
# Everything comes from Debian bookworm packages (the base of Raspberry Pi OS).

PACKAGES := $(shell grep -v '^\#' deploy/debian-packages.txt)

BUILD      ?= build
TEST_BUILD ?= build-test
BUNDLE     := $(BUILD)/exhibit.bundle
SHOTS      := $(BUILD)/shots
JOBS       ?= $(shell nproc)
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

CROSS_PACKAGES := $(shell grep -v '^\#' deploy/debian-packages-cross.txt)
BENCH_PACKAGES := $(shell grep -v '^\#' deploy/debian-packages-bench.txt)
PKG_BUILD   ?= build-pkg
ARM64_BUILD ?= build-arm64
VERSION     := $(shell dpkg-parsechangelog -S Version 2>/dev/null)

.PHONY: run test deps build bundle test-build clean deps-cross package package-arm64 test-arm64 test-setup fuzz soak bench bench-callgrind bench-load deps-bench

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

bundle: build
	$(BUILD)/kiosk-bundle build content/exhibit -o $(BUNDLE)

run: bundle
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] || ls /dev/dri/card* >/dev/null 2>&1; then \
	  $(BUILD)/kiosk --bundle $(BUNDLE) $${WINDOWED:+--windowed}; \
	else \
	  echo "No display here: playing the demo tour headless."; \
	  rm -rf $(SHOTS) && mkdir -p $(SHOTS) && \
	  $(BUILD)/kiosk --bundle $(BUNDLE) --headless --size 1920x1080 --tour tests/screens/demo.tour --shots $(SHOTS) && \
	  echo "Screenshots are in $(SHOTS)/"; \
	fi

test-build: deps
	cmake -S . -B $(TEST_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_SANITIZE=ON
	cmake --build $(TEST_BUILD) -j $(JOBS)

test: test-build
	cd $(TEST_BUILD) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS)

# Packaging and the arm64 cross toolchain, with the :arm64 libraries beside the amd64 ones (multiarch).
deps-cross: deps
	@dpkg --print-foreign-architectures | grep -qx arm64 || $(SUDO) dpkg --add-architecture arm64
	@missing=$$(for p in $(CROSS_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

package: deps-cross
	deploy/build-package.sh $$(dpkg --print-architecture) $(PKG_BUILD)

package-arm64: deps-cross
	deploy/build-package.sh arm64 $(PKG_BUILD)

# The arm64 slice of the tests under qemu-user: every unit test, the bundle tool, one headless tour
# and the watchdog protocol, with SDL's dummy video driver (no GL: far too slow under qemu).
ARM64_TESTS := ^(screens\.bundle|screens\.(tour|compare)\.home\.800x480|kiosk\.watchdog|cli\..*)$$
test-arm64: deps-cross
	cmake -S . -B $(ARM64_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release \
	  -DCMAKE_TOOLCHAIN_FILE=$(CURDIR)/deploy/arm64-toolchain.cmake \
	  $$(command -v ccache >/dev/null && echo -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
	cmake --build $(ARM64_BUILD) -j $(JOBS) --target unit_tests kiosk kiosk-bundle kiosk_watchdog_test compare_shots
	cd $(ARM64_BUILD) && ctest --output-on-failure -j $(JOBS) -L '^unit$$'
	cd $(ARM64_BUILD) && ctest --output-on-failure -j $(JOBS) -R '$(ARM64_TESTS)'

# DEB=path/to/museum-kiosk_…_amd64.deb reuses a package already built.
test-setup: deps-cross
	@[ -n "$(DEB)" ] || $(MAKE) package
	tests/setup/run_setup_test.sh $${DEB:-$(PKG_BUILD)/museum-kiosk_$(VERSION)_$$(dpkg --print-architecture).deb}

# Long fuzzing runs with clang's libFuzzer (ctest only replays the corpus): each target for
# FUZZ_SECONDS. New inputs collect in $(FUZZ_BUILD)/corpus/; crashes and timeouts are written into
# tests/fuzz/corpus/<target>/ as regression inputs that ctest replays from then on.
FUZZ_BUILD   ?= build-fuzz
FUZZ_SECONDS ?= 300
FUZZ_TARGETS := bundle blobs page csv exhibit_sources config
fuzz: deps
	CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  echo "fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_BUILD)/tests/fuzz/fuzz_$$t $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=tests/fuzz/corpus/$$t/ || exit 1; \
	done

soak: bundle
	@for d in 2d 30d; do \
	  echo "== soak $$d (virtual), Release"; start=$$(date +%s); \
	  SDL_VIDEODRIVER=offscreen tests/soak/check_soak.sh $(BUILD)/kiosk $(BUNDLE) $$d || exit 1; \
	  echo "== soak $$d passed in $$(( $$(date +%s) - start )) s"; \
	done

# Performance figures and budgets (README.md, "Performance"). BENCH_ARGS, e.g. --json or --repeats 5.
# Chromium too (deploy/debian-packages-bench.txt): the first frame is judged against its start-up.
deps-bench:
	@missing=$$(for p in $(BENCH_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

bench: build deps-bench
	$(BUILD)/tests/bench/kiosk-bench $(BENCH_ARGS)

# Instruction counts under valgrind's callgrind: start-up, and every frame of the scenarios.
bench-callgrind: build
	$(BUILD)/tests/bench/kiosk-bench --callgrind $(BENCH_ARGS)

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(PKG_BUILD) $(ARM64_BUILD) $(FUZZ_BUILD)

# The linear-load budget, in instructions (valgrind's callgrind): repeatable on a busy machine.
bench-load: build
	tests/bench/run_load_bench.sh $(BUILD)
