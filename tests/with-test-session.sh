#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so that tests of the OS
# keychain path use a real Secret Service. Without dbus-run-session it runs the command as it is.
set -euo pipefail
if [ -z "${CONFIGDECK_IN_TEST_SESSION:-}" ] && command -v dbus-run-session >/dev/null 2>&1; then
    export CONFIGDECK_IN_TEST_SESSION=1
    exec dbus-run-session -- "$0" "$@"
fi
if [ -n "${CONFIGDECK_IN_TEST_SESSION:-}" ] && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    export XDG_DATA_HOME=${XDG_DATA_HOME:-$(mktemp -d)}
    # --unlock reads the login keyring's password from stdin; a fresh one is created with it.
    eval "$(printf 'configdeck-test' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
    eval "$(gnome-keyring-daemon --start --components=secrets 2>/dev/null)" || true
    export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
fi
exec "$@"
