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
#   fonts-dejavu-extra             "DejaVu Math TeX Gyre": math in figures and MathML in the HTML, one font
#
# Only with --pdf (for `report run --pdf` and the browser tests of the written reports):
#   chromium                       headless printing of report.html to report.pdf, layout checks
#   poppler-utils                  pdftoppm/pdfinfo, with which the tests measure the printed pages
set -euo pipefail
cd "$(dirname "$0")/.."

with_pdf=0
for argument in "$@"; do
    case "$argument" in
        --pdf) with_pdf=1 ;;
        *) echo "setup: unknown option '$argument' (known: --pdf)" >&2; exit 2 ;;
    esac
done

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
grep -q "DejaVu Math TeX Gyre" <<<"$font_families" || missing+=(fonts-dejavu-extra)
if [ "$with_pdf" -eq 1 ]; then
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
fi

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
