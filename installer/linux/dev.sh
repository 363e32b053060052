#!/usr/bin/env bash
# The README's two commands on Debian 12:
#   installer/linux/dev.sh run    install what is needed, build, launch ConfigDeck (Demo mode)
#   installer/linux/dev.sh test   install what is needed, build, run the whole test suite with ctest
# Packages are installed with sudo when not root; the build happens as the calling user in ./build.
set -euo pipefail
cd "$(dirname "$0")/../.."

mode=${1:-run}
shift || true

installer/linux/install-deps.sh

jobs=$(nproc 2>/dev/null || echo 2)
cmake --preset default
cmake --build --preset default --parallel "$jobs"

case "$mode" in
run)
    exec ./build/app/configdeck "$@"
    ;;
test)
    # Some tests talk to the OS keychain: give them a D-Bus session with an unlocked gnome-keyring.
    # Services such as Mosquitto and the HTTP file server are started by the test fixtures themselves,
    # on free loopback ports.
    tests/with-test-session.sh ctest --preset default --parallel "$jobs" "$@"
    # The protocol decoder under libFuzzer (clang, ASan, UBSan) for a bounded time.
    cmake --preset fuzz
    cmake --build --preset fuzz --parallel "$jobs"
    ctest --preset fuzz
    ;;
build) ;;
*)
    echo "usage: $0 run|test|build [args]" >&2
    exit 2
    ;;
esac
