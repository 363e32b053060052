#!/usr/bin/env bash
# Installs everything ConfigDeck needs to build, run and test on Debian 12, and on Debian 13 too:
# debian13-check.sh runs this very script inside its Debian 13 root, so the package names must exist in both.
# Idempotent: packages already present are left alone. Run as root or with sudo.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang clang-format libclang-rt-dev
  # Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6sql6-sqlite libqt6svg6
  # libraries (libmicrohttpd: the file server)
  libssl-dev libmosquitto-dev libmicrohttpd-dev qtkeychain-qt6-dev libdtl-dev libarchive-dev
  # the Alibaba Cloud account: AMQP 1.0 server-side subscription; team workspaces on PostgreSQL
  libqpid-proton-cpp12-dev libqt6sql6-psql
  # real services and tools the tests use
  mosquitto mosquitto-clients openssl patch diffutils
  postgresql python3 python3-qpid-proton
  apache2-utils
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  # fonts, so Chinese text renders
  fonts-noto-cjk fonts-dejavu-core
  # packaging: icons, manual pages, the .deb (dpkg-shlibdeps needs file), desktop-entry and AppStream validators
  librsvg2-bin help2man dpkg-dev file desktop-file-utils appstream
  # the workspace file type: the MIME database, GIO and xdg-mime to query it, sqlite3 to make test files,
  # xmllint for the macOS Info.plist, makensis to compile the Windows file association
  shared-mime-info libglib2.0-bin xdg-utils sqlite3 libxml2-utils nsis
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
