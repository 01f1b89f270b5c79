#!/usr/bin/env bash
# Fuzzes the TeX-to-MathML converter with libFuzzer: ./scripts/fuzz-tex.sh [seconds] (default 60).
# Builds Sources/MathML with Fuzz/TeXToMathMLFuzzer.swift under -sanitize=fuzzer,address, seeds the corpus with
# every formula of the course notes (../shared/seeds, when present) and runs for the given time; a crash, a hang
# (over 10 s for one input) or a failed check stops it with a non-zero exit and a crash-* file in .build/fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=.build/fuzz
mkdir -p "$out/tex-corpus" "$out/tex-seeds"
swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name MathML \
    Sources/MathML/*.swift Fuzz/TeXToMathMLFuzzer.swift -o "$out/tex-fuzzer"
if [ -d ../shared/seeds ]; then
    python3 scripts/extract-formulas.py ../shared/seeds/*.txt "$out/tex-seeds"
fi
"$out/tex-fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -dict=Fuzz/tex.dict -artifact_prefix="$out/" -print_final_stats=1 "$out/tex-corpus" "$out/tex-seeds"
