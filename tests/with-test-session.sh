#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so that tests of the OS
# keychain path use a real Secret Service. Without dbus-run-session it runs the command as it is.
#
# The keyring is private too: its files and control socket live in fresh temporary directories, so that a
# developer's own keyring (their XDG_DATA_HOME, or a gnome-keyring-daemon already running for their
# desktop) is never unlocked, created or written to. The directories are removed afterwards.
set -euo pipefail
if [ -z "${CONFIGDECK_IN_TEST_SESSION:-}" ] && command -v dbus-run-session >/dev/null 2>&1; then
    export CONFIGDECK_IN_TEST_SESSION=1
    exec dbus-run-session -- bash "$0" "$@"
fi
if [ -n "${CONFIGDECK_IN_TEST_SESSION:-}" ] && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    session_dir=$(mktemp -d -t configdeck-test-session.XXXXXX)
    trap 'rm -rf "$session_dir"' EXIT
    mkdir -m 0700 "$session_dir/data" "$session_dir/runtime"
    export XDG_DATA_HOME="$session_dir/data" XDG_RUNTIME_DIR="$session_dir/runtime"
    unset GNOME_KEYRING_CONTROL
    # --unlock reads the login keyring's password from stdin; a fresh one is created with it and becomes
    # the default collection that QtKeychain (libsecret) writes to.
    eval "$(printf 'configdeck-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
    eval "$(gnome-keyring-daemon --start --components=secrets 2>/dev/null)" || true
    export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
fi
# Not exec: the trap above removes the private keyring when the command is done.
"$@"
