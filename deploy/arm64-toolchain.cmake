# arm64-toolchain.cmake — cross-compile for Raspberry Pi OS (64-bit) from Debian bookworm with
# multiarch: crossbuild-essential-arm64 and the :arm64 -dev packages (make deps-arm64) installed
# side by side with the amd64 ones, so headers and pkg-config files come from /usr, libraries from
# /usr/lib/aarch64-linux-gnu; no sysroot. Tests and build-time tools (kiosk-bundle for the factory
# bundle) run under qemu-user; its loader (/lib/ld-linux-aarch64.so.1, from libc6:arm64) finds the
# arm64 libraries by multiarch, so QEMU_LD_PREFIX is not needed.
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=deploy/arm64-toolchain.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(PKG_CONFIG_EXECUTABLE /usr/bin/aarch64-linux-gnu-pkg-config CACHE FILEPATH "cross pkg-config")
find_program(KIOSK_QEMU_AARCH64 qemu-aarch64-static REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${KIOSK_QEMU_AARCH64})
