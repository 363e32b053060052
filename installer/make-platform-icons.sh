#!/usr/bin/env bash
# Regenerates the committed Windows and macOS icons from resources/icons/configdeck.svg:
#   resources/icons/configdeck.ico   (16..256 px, for the .exe resource and the NSIS installer)
#   resources/icons/configdeck.icns  (16..1024 px PNG entries, for the macOS bundle)
# Windows and macOS builds cannot render the SVG themselves without extra tools, so these two are committed;
# run this script after changing the SVG. Needs rsvg-convert (librsvg2-bin), ImageMagick and python3.
# The Linux PNG icons are not committed: installer/CMakeLists.txt renders them at build time.
set -euo pipefail
cd "$(dirname "$0")/.."

svg=resources/icons/configdeck.svg
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" --format png --output "$work/$size.png" "$svg"
done

# ICO: PNG-compressed 256 px entry, the others as BMP (what Explorer and the NSIS header expect).
convert "$work"/{16,24,32,48,64,128,256}.png resources/icons/configdeck.ico

# ICNS: a 'icns' header, then one (type, length, PNG data) entry per size; every macOS since 10.7 reads
# PNG payloads for these types.
python3 - "$work" resources/icons/configdeck.icns <<'PY'
import pathlib, struct, sys
work, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
entries = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
           ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]
body = b"".join(t.encode("ascii") + struct.pack(">I", 8 + len(d)) + d
                for t, d in ((t, (work / f"{s}.png").read_bytes()) for t, s in entries))
out.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)
PY
echo "wrote resources/icons/configdeck.ico and resources/icons/configdeck.icns"
