#!/usr/bin/env bash
# Builds ConfigDeck against Qt 6.8 in a Debian 13 (trixie) root file system and runs its ctest suite there,
# so that CI proves the Qt that Windows and macOS users get (6.8 LTS) as well as Debian 12's Qt 6.4.
#
#   installer/linux/debian13-check.sh [--prepare] [ROOT_DIR]
#
# --prepare only makes (or updates) the root, to cache it; nothing is built.
# ROOT_DIR (default $CONFIGDECK_DEBIAN13_ROOT, else /var/tmp/configdeck-debian13) holds the root file system.
# A usable Debian 13 root there is reused; otherwise one is made with debootstrap (variant minbase). Either
# way install-deps.sh runs inside it, so the root gets exactly the packages Debian 12 gets, under Debian 13.
# The source is bind-mounted at /src and built from scratch in /src/build-debian13 (the `debian13` presets);
# the GUI tests run offscreen inside a private D-Bus session with gnome-keyring, as on Debian 12.
# Needs root (debootstrap, mount, chroot); on Debian 12 it installs debootstrap when missing.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
prepare_only=false
if [ "${1:-}" = --prepare ]; then
    prepare_only=true
    shift
fi
root=${1:-${CONFIGDECK_DEBIAN13_ROOT:-/var/tmp/configdeck-debian13}}
mirror=${CONFIGDECK_DEBIAN13_MIRROR:-http://deb.debian.org/debian}
jobs=$(nproc 2>/dev/null || echo 2)

say() { echo "debian13-check: $*"; }
die() {
    say "$*" >&2
    exit 1
}

[ "$(id -u)" -eq 0 ] || die "needs root (debootstrap, mount and chroot); run it with sudo"
root=$(realpath -m "$root")
[ "$root" != / ] || die "refusing to use / as the Debian 13 root"

# Each phase's wall-clock time, printed as it ends and again at the end, to keep CI within its budget.
timings=()
phase_start=$SECONDS
phase_done() {
    local line
    line=$(printf '%-28s %4ds' "$1" $((SECONDS - phase_start)))
    timings+=("$line")
    say "$line"
    phase_start=$SECONDS
}

# ---- mounts, undone on any exit ---------------------------------------------------------------------------
mounted=()
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[i]}" 2>/dev/null || umount --lazy "${mounted[i]}" || true
    done
    mounted=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mount_into() { # mount_into TARGET_IN_ROOT MOUNT_ARGS...
    local target=$root$1
    shift
    mkdir -p "$target"
    mount "$@" "$target"
    mounted+=("$target")
}

mount_system() {
    mount_into /proc -t proc proc
    mount_into /sys -t sysfs sysfs
    mount_into /dev --bind /dev
    mount_into /dev/pts --bind /dev/pts
    mount_into /dev/shm -t tmpfs -o mode=1777 tmpfs
    mount_into /tmp -t tmpfs -o mode=1777 tmpfs
}

# Runs a command in the root with a clean environment (nothing of the host's leaks in). Its own PID
# namespace ends whatever it leaves running (a D-Bus or keyring daemon, a broker) when it ends, so that
# nothing keeps the mounts busy.
in_root() {
    unshare --pid --fork --kill-child chroot "$root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/tmp/home CCACHE_DIR=/var/cache/ccache LANG=C.UTF-8 TERM="${TERM:-dumb}" DEBIAN_FRONTEND=noninteractive "$@"
}

# ---- the root file system ---------------------------------------------------------------------------------
# debootstrap deletes its own work folder when it succeeds: a root that still has it is a broken one.
usable_root() {
    grep -q '^13\.' "$root/etc/debian_version" 2>/dev/null && [ -x "$root/usr/bin/apt-get" ] &&
        [ ! -e "$root/debootstrap" ]
}

if usable_root; then
    say "reusing the Debian 13 root in $root"
else
    if [ -e "$root/debootstrap" ]; then
        findmnt --list --noheadings -o TARGET | grep -q "^$root/" && die "$root has something mounted inside"
        say "removing the unfinished root in $root"
        rm -rf --one-file-system "$root"
    elif [ -e "$root" ] && [ -n "$(ls -A "$root")" ]; then
        die "$root is neither empty nor a Debian 13 root; give another folder"
    fi
    if ! command -v debootstrap >/dev/null; then
        # dev.sh makes the root while Debian 12 builds: wait for any other apt on the host rather than fail.
        apt-get -o DPkg::Lock::Timeout=600 update -qq
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends debootstrap
    fi
    mkdir -p "$root"
    say "making a Debian 13 root in $root (debootstrap, minbase)"
    debootstrap --variant=minbase --components=main trixie "$root" "$mirror" >"$root.debootstrap.log" 2>&1 ||
        {
            tail -n 30 "$root.debootstrap.log" >&2
            die "debootstrap failed (whole log in $root.debootstrap.log)"
        }
    rm -f "$root.debootstrap.log"
    phase_done "debootstrap"
fi

# A throwaway root needs neither durable writes nor documentation: dpkg skips the fsyncs and those files.
cat >"$root/etc/dpkg/dpkg.cfg.d/configdeck-check" <<'EOF'
force-unsafe-io
path-exclude=/usr/share/doc/*
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/locale/*
EOF
# Nor does it start the services it installs (Mosquitto, D-Bus): the tests start their own.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod +x "$root/usr/sbin/policy-rc.d"
printf 'deb %s trixie main\n' "$mirror" >"$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
# Name resolution as on the host: debootstrap's hosts file names ::1 localhost too, and the tests' brokers
# listen on 127.0.0.1 only.
cp /etc/hosts "$root/etc/hosts"

mount_system
mount_into /src --bind "$source_dir"

# The same packages as on Debian 12, from install-deps.sh itself, now with Debian 13's versions.
in_root /src/installer/linux/install-deps.sh
# A cached root keeps a compiler cache too (CMakeLists.txt uses ccache when it is there), so that a second
# run rebuilds quickly; the first build in a new root is cold whatever happens.
in_root sh -c 'command -v ccache >/dev/null || apt-get install -y -qq --no-install-recommends ccache >/dev/null'
in_root apt-get clean
phase_done "build dependencies"
if $prepare_only; then
    say "the root in $root is ready"
    exit 0
fi

# ---- build and test ---------------------------------------------------------------------------------------
in_root qmake6 -query QT_VERSION | sed 's/^/debian13-check: Qt /'
rm -rf "$source_dir/build-debian13"
in_root mkdir -p /tmp/home
in_root sh -c 'cd /src && cmake --preset debian13 >/dev/null'
in_root sh -c "cd /src && cmake --build --preset debian13 --parallel $jobs"
phase_done "cold build"

in_root sh -c "cd /src && tests/with-test-session.sh ctest --preset debian13 --parallel $jobs"
phase_done "ctest"

say "done; phase times:"
printf '  %s\n' "${timings[@]}"
