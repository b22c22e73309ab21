# museum-kiosk — the two commands of the quick start, and the steps they are made of.
#   make run    install what is missing, build, compile the sample exhibit, start the kiosk
#               (headless demo tour with screenshots when there is no display)
#   make test   the same set-up, then the whole suite under AddressSanitizer + UBSan
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

.PHONY: run test soak deps build bundle test-build clean

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

soak: bundle
	@for d in 2d 30d; do \
	  echo "== soak $$d (virtual), Release"; start=$$(date +%s); \
	  SDL_VIDEODRIVER=offscreen tests/soak/check_soak.sh $(BUILD)/kiosk $(BUNDLE) $$d || exit 1; \
	  echo "== soak $$d passed in $$(( $$(date +%s) - start )) s"; \
	done

clean:
	rm -rf $(BUILD) $(TEST_BUILD)
