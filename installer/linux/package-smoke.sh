#!/usr/bin/env bash
# Builds the .deb from a configured build directory, installs it with apt, and smoke-runs what it installed:
#   installer/linux/package-smoke.sh [BUILD_DIR]        (default: ./build)
# 1. configdeck --version prints the package's version; configdeck-cli --help works (from /usr/bin);
# 2. the installed GUI starts offscreen, creates and seeds its Demo workspace and is still running a few
#    seconds later. It runs with a temporary HOME and XDG directories and a private D-Bus session, so the
#    user's files and keyring are never touched.
# 3. the workspace MIME type: dpkg's triggers put it in the system MIME database and the desktop entry in the
#    MIME handler cache; GIO gives that type to the Demo workspace the GUI made (and to a renamed copy, by its
#    content), and xdg-mime names the desktop entry as the handler a double-click launches.
# Needs root or passwordless sudo (apt-get install). Run by `installer/linux/dev.sh test` after ctest.
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir=${1:-build}
gui_timeout=${CONFIGDECK_SMOKE_TIMEOUT:-60} # seconds the GUI may take to create the Demo
alive_seconds=5                              # and must then stay up

fail() {
    echo "package-smoke: FAILED: $*" >&2
    exit 1
}
step() { echo "package-smoke: $*"; }

[ -f "$build_dir/CPackConfig.cmake" ] || fail "$build_dir is not a configured build directory (no CPackConfig.cmake)"

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
        fail "installing the package needs root or passwordless sudo"
    fi
    SUDO=(sudo -n)
fi

# ---- build the package ----------------------------------------------------------------------------------
step "building the package from $build_dir"
cmake --build "$build_dir" --target configdeck configdeck-cli configdeck_package_files
package_dir="$build_dir/packages"
rm -f "$package_dir"/configdeck_*.deb
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$package_dir" >"$package_dir.log" 2>&1 ||
    { cat "$package_dir.log" >&2; fail "cpack could not build the .deb"; }
debs=("$package_dir"/configdeck_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "expected one configdeck_*.deb in $package_dir"
fi
deb=$(realpath "${debs[0]}")
version=$(dpkg-deb --field "$deb" Version)
step "built $deb (version $version)"
dpkg-deb --field "$deb" Depends Recommends

# ---- install it -------------------------------------------------------------------------------------------
# --reinstall: the same version may already be installed from an earlier run, with other contents.
# --no-install-recommends: the declared Depends alone must be enough to run.
apt_log="$package_dir/apt-install.log"
install_deb() {
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=600 install -y -q --reinstall --no-install-recommends "$deb" >"$apt_log" 2>&1
}
step "installing with apt-get install ./$(basename "$deb")"
if ! install_deb; then
    step "retrying after apt-get update (the package lists may be stale)"
    "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
    install_deb || { cat "$apt_log" >&2; fail "apt-get could not install $deb"; }
fi
grep -E "^(The following|  |Setting up|Processing triggers)" "$apt_log" | sed 's/^/  apt: /' || true
installed=$(dpkg-query -W -f='${Version}' configdeck 2>/dev/null) || fail "dpkg does not list configdeck as installed"
[ "$installed" = "$version" ] || fail "installed version is $installed, expected $version"

# ---- the installed command-line entry points --------------------------------------------------------------
for binary in /usr/bin/configdeck /usr/bin/configdeck-cli; do
    [ -x "$binary" ] || fail "$binary is missing or not executable"
done
output=$(/usr/bin/configdeck --version 2>&1) || fail "configdeck --version exited with $?: $output"
step "configdeck --version: $output"
grep -qF "$version" <<<"$output" || fail "configdeck --version does not print the package version $version"
output=$(/usr/bin/configdeck-cli --version 2>&1) || fail "configdeck-cli --version exited with $?: $output"
step "configdeck-cli --version: $output"
grep -qF "$version" <<<"$output" || fail "configdeck-cli --version does not print the package version $version"
output=$(/usr/bin/configdeck-cli --help 2>&1) || fail "configdeck-cli --help exited with $?: $output"
grep -q "configdeck-cli" <<<"$output" || fail "configdeck-cli --help prints no usage: $output"
step "configdeck-cli --help: OK ($(wc -l <<<"$output") lines)"

# ---- desktop integration files -----------------------------------------------------------------------------
app_id=io.github.configdeck.ConfigDeck
for file in /usr/share/applications/$app_id.desktop /usr/share/metainfo/$app_id.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/$app_id.svg /usr/share/doc/configdeck/copyright; do
    [ -s "$file" ] || fail "$file is not installed"
done
for size in 16 22 24 32 48 64 128 256 512; do
    [ -s "/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png" ] || fail "the ${size}x${size} icon is not installed"
done
step "desktop entry, AppStream metadata and icons (9 sizes + SVG) installed"

# The workspace type (installer/Packaging.cmake). shared-mime-info and desktop-file-utils run
# update-mime-database and update-desktop-database from dpkg triggers on the directories the files land in.
mime_type=application/x-configdeck-workspace
mime_icon=${mime_type/\//-}
for file in /usr/share/mime/packages/$app_id.xml /usr/share/icons/hicolor/scalable/mimetypes/$mime_icon.svg \
    /usr/share/icons/hicolor/48x48/mimetypes/$mime_icon.png; do
    [ -s "$file" ] || fail "$file is not installed"
done
grep -qxF "$mime_type" /usr/share/mime/types ||
    fail "$mime_type is not in the system MIME database: shared-mime-info's trigger did not run update-mime-database"
grep -q "^${mime_type}=.*$app_id.desktop;" /usr/share/applications/mimeinfo.cache ||
    fail "/usr/share/applications/mimeinfo.cache does not name $app_id.desktop for $mime_type"
step "MIME type $mime_type in the system MIME database, handled by $app_id.desktop"

# ---- the installed GUI, offscreen, to its Demo --------------------------------------------------------------
sandbox=$(mktemp -d -t configdeck-smoke.XXXXXX)
gui_pid=""
bus_pid=""
cleanup() {
    # Must not change the script's exit status: every step may fail quietly.
    if [ -n "$gui_pid" ]; then
        kill "$gui_pid" 2>/dev/null || true
        wait "$gui_pid" 2>/dev/null || true
    fi
    if [ -n "$bus_pid" ]; then
        kill "$bus_pid" 2>/dev/null || true
    fi
    rm -rf "$sandbox" || true
}
trap cleanup EXIT
mkdir -p "$sandbox/home" "$sandbox/data" "$sandbox/config" "$sandbox/cache"
mkdir -m 0700 "$sandbox/runtime"
export HOME="$sandbox/home" XDG_DATA_HOME="$sandbox/data" XDG_CONFIG_HOME="$sandbox/config"
export XDG_CACHE_HOME="$sandbox/cache" XDG_RUNTIME_DIR="$sandbox/runtime"
export QT_QPA_PLATFORM=offscreen QT_FORCE_STDERR_LOGGING=1 QT_LOGGING_RULES="configdeck.session.info=true"
export QT_MESSAGE_PATTERN="%{type} %{if-category}%{category}: %{endif}%{message}"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS
# A private session bus, so that nothing the GUI asks of D-Bus (a keychain, a portal) reaches the user's.
if command -v dbus-daemon >/dev/null 2>&1; then
    bus_info=$(dbus-daemon --session --fork --nopidfile --print-address=1 --print-pid=1)
    DBUS_SESSION_BUS_ADDRESS=$(sed -n 1p <<<"$bus_info")
    bus_pid=$(sed -n 2p <<<"$bus_info")
    export DBUS_SESSION_BUS_ADDRESS
fi

# QStandardPaths::AppDataLocation for organisation and application "ConfigDeck".
workspace="$XDG_DATA_HOME/ConfigDeck/ConfigDeck/demo.configdeck"
gui_log="$sandbox/configdeck.log"
show_log() {
    echo "---- configdeck output ----" >&2
    cat "$gui_log" >&2
    echo "---------------------------" >&2
}

# Fails (with the log) when the GUI started by start_gui has exited; says why with "$1".
expect_running() {
    if ! kill -0 "$gui_pid" 2>/dev/null; then
        wait "$gui_pid" && status=0 || status=$?
        gui_pid=""
        show_log
        fail "configdeck exited (status $status) $1"
    fi
}
start_gui() {
    step "starting /usr/bin/configdeck $* offscreen (HOME=$HOME)"
    /usr/bin/configdeck "$@" >"$gui_log" 2>&1 &
    gui_pid=$!
}
stop_gui() {
    kill "$gui_pid"
    wait "$gui_pid" 2>/dev/null || true
    gui_pid=""
}

# A first start without arguments, as from the application menu: the start page, and no workspace made.
start_gui
sleep "$alive_seconds"
expect_running "within ${alive_seconds}s of its first start"
stop_gui
[ ! -e "$workspace" ] || fail "the first start made $workspace instead of showing the start page"
step "first start: still running after ${alive_seconds}s on the start page, no workspace made"

start_gui --demo
deadline=$((SECONDS + gui_timeout))
until [ -s "$workspace" ] && grep -q "seeded the Demo workspace" "$gui_log"; do
    expect_running "before its Demo workspace was ready"
    if [ $SECONDS -ge $deadline ]; then
        show_log
        fail "no seeded Demo workspace at $workspace after ${gui_timeout}s"
    fi
    sleep 0.5
done
step "Demo workspace created and seeded: $workspace ($(stat -c %s "$workspace") bytes)"
sleep "$alive_seconds"
expect_running "within ${alive_seconds}s of opening the Demo"
step "configdeck still running ${alive_seconds}s after opening the Demo; stopping it"
stop_gui
if grep -qE "^(critical|fatal) |driver not loaded" "$gui_log"; then
    show_log
    fail "configdeck logged a critical error"
fi

# ---- the workspace MIME type, as a desktop sees it ---------------------------------------------------------
# The Demo workspace the installed GUI just made is a real one: named *.configdeck, and recognised by its
# content (SQLite with ConfigDeck's application_id) when renamed. GIO_USE_VFS=local: no GVfs daemon.
content_type() { GIO_USE_VFS=local gio info --attributes=standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'; }
renamed="$sandbox/demo-workspace-renamed"
cp "$workspace" "$renamed"
for file in "$workspace" "$renamed"; do
    type=$(content_type "$file") || fail "gio info $file failed"
    [ "$type" = "$mime_type" ] || fail "gio gives $(basename "$file") the type '$type', expected $mime_type"
    step "gio: $(basename "$file") is $type"
done
# xdg-mime's generic lookup (no desktop environment here): mimeapps.list, then the mimeinfo.cache.
handler=$(xdg-mime query default "$mime_type") || fail "xdg-mime query default $mime_type failed"
[ "$handler" = "$app_id.desktop" ] || fail "xdg-mime names '$handler' as the handler of $mime_type, expected $app_id.desktop"
step "xdg-mime: a double-clicked workspace opens with $handler ($(grep '^Exec=' /usr/share/applications/$app_id.desktop))"

# ---- summary ---------------------------------------------------------------------------------------------
step "installed package:"
dpkg-query -W -f='  ${Package} ${Version} (${Architecture}), ${Installed-Size} KiB installed\n  Depends: ${Depends}\n  Recommends: ${Recommends}\n' configdeck
dpkg-query -L configdeck | while read -r path; do [ -d "$path" ] || echo "  $path"; done
step "OK"
