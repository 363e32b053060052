#!/usr/bin/env bash
# The README's two commands on Debian 12:
#   installer/linux/dev.sh run    install what is needed, build, launch ConfigDeck in its Demo (or with the given args)
#   installer/linux/dev.sh test   install what is needed, build, run the whole test suite with ctest,
#                                 the GUI and session tests under ASan/UBSan (build-asan), build the .deb,
#                                 install it and smoke-run it, then the fuzzer; then the build and the ctest
#                                 suite again against Qt 6.8 in a Debian 13 root (installer/linux/debian13-check.sh)
#   installer/linux/dev.sh package install what is needed, build, make the .deb (build/packages/)
# Packages are installed with sudo when not root; the build happens as the calling user in ./build.
set -euo pipefail
cd "$(dirname "$0")/../.."

mode=${1:-run}
shift || true

installer/linux/install-deps.sh

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# The Debian 13 root for the Qt 6.8 check is made (debootstrap, apt: mostly waiting on the network) while
# Debian 12 builds and tests; the check itself runs last.
debian13_log=$(mktemp -t configdeck-debian13-prepare.XXXXXX)
if [ "$mode" = test ]; then
    as_root installer/linux/debian13-check.sh --prepare >"$debian13_log" 2>&1 &
    debian13_prepare=$!
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset default
if [ "$mode" = package ]; then
    # Only what goes into the package: the two executables, the icons and the Debian doc files.
    cmake --build --preset default --parallel "$jobs" --target configdeck configdeck-cli configdeck_package_files
else
    cmake --build --preset default --parallel "$jobs"
fi

case "$mode" in
run)
    # With no arguments, straight into the Demo (the README promises that); otherwise as given.
    [ $# -gt 0 ] || set -- --demo
    exec ./build/app/configdeck "$@"
    ;;
test)
    # Some tests talk to the OS keychain: give them a D-Bus session with an unlocked gnome-keyring.
    # Services such as Mosquitto and the HTTP file server are started by the test fixtures themselves,
    # on free loopback ports.
    tests/with-test-session.sh ctest --preset default --parallel "$jobs" "$@"
    # The GUI tests and the session tests again under AddressSanitizer and UBSan (GCC), so that a
    # use-after-free or undefined behaviour fails CI. Only their executables are built (the test preset
    # selects them by label); ASAN_OPTIONS/UBSAN_OPTIONS in the preset make any report fail its test.
    cmake --preset asan
    mapfile -t asan_tests < <(ctest --preset asan -N | sed -n 's/^ *Test *#[0-9]*: //p')
    cmake --build --preset asan --parallel "$jobs" --target "${asan_tests[@]}"
    tests/with-test-session.sh ctest --preset asan --parallel "$jobs"
    # The .deb as a user gets it: built, installed with apt, run from /usr/bin (GUI offscreen to its Demo).
    installer/linux/package-smoke.sh build
    # The protocol decoder under libFuzzer (clang, ASan, UBSan) for a bounded time.
    cmake --preset fuzz
    cmake --build --preset fuzz --parallel "$jobs"
    ctest --preset fuzz
    # The same build and ctest suite against Qt 6.8 (Debian 13), in a root file system of its own.
    if ! wait "$debian13_prepare"; then
        cat "$debian13_log" >&2
        echo "dev.sh: making the Debian 13 root failed (above)" >&2
        exit 1
    fi
    sed 's/^/  /' "$debian13_log"
    as_root installer/linux/debian13-check.sh
    ;;
package)
    cpack --config build/CPackConfig.cmake -G DEB -B build/packages
    ;;
build) ;;
*)
    echo "usage: $0 run|test|package|build [args]" >&2
    exit 2
    ;;
esac
