#!/usr/bin/env bash
# Installs what `report` needs on Debian (only what is missing) and builds it optimised.
#
# Needed beyond the Swift toolchain:
#   libcairo2-dev                  drawing (the Plotting module), found through pkg-config "cairo"
#   libcmark-gfm(-extensions)-dev  CommonMark/GFM to HTML (the Report module)
#   libopenblas-dev                matrix products for training (the NeuralNetworks module)
#   libpng-dev                     PNG writing (the Plotting module)
#   libimagequant-dev              palette PNGs for reports (the Plotting module)
#   libssl-dev                     SHA-256 of inputs and outputs (cache keys, summaries; the ReportRunner module)
#   fonts-noto-cjk                 one font for Latin and Chinese text in figures, pinned for identical PNGs
#   pkg-config                     how SwiftPM and `report run` find the libraries above
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
has_pc() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1"; }
has_pc cairo || missing+=(libcairo2-dev)
has_pc libcmark-gfm || missing+=(libcmark-gfm-dev)
# The GFM extensions (tables, autolinks) come in a package of their own, with no pkg-config file.
[ -f /usr/include/cmark-gfm-core-extensions.h ] || missing+=(libcmark-gfm-extensions-dev)
has_pc openblas || missing+=(libopenblas-dev)
has_pc libpng || missing+=(libpng-dev)
has_pc imagequant || missing+=(libimagequant-dev)
has_pc libcrypto || missing+=(libssl-dev)
# Read the list first: with pipefail, `fc-list | grep -q` fails when grep stops early and fc-list gets SIGPIPE.
font_families=$(fc-list : family 2>/dev/null || true)
grep -q "Noto Sans CJK SC" <<<"$font_families" || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    # A fresh machine has empty package lists, so update once before installing.
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Every product: `report` and the ReportKit library that experiments are compiled against.
# Progress lines ([12/80] Compiling …) are dropped; warnings, errors and the summary are kept.
swift build -c release 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\]' || true; } >&2
