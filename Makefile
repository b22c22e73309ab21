# museum-kiosk — the two commands of the quick start, and the steps they are made of.
#   make run    install what is missing, build, compile the sample exhibit, start the kiosk
#               (headless demo tour with screenshots when there is no display)
#   make test   the same set-up, then the whole suite under AddressSanitizer + UBSan
# Everything comes from Debian bookworm packages (the base of Raspberry Pi OS).

PACKAGES := $(shell grep -v '^\#' deploy/debian-packages.txt)

BUILD      ?= build
TEST_BUILD ?= build-test
BUNDLE     := $(BUILD)/exhibit.bundle
SHOTS      := $(BUILD)/shots
JOBS       ?= $(shell nproc)
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test deps build bundle test-build fuzz clean

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

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(FUZZ_BUILD)
