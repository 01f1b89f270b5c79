#!/usr/bin/env bash
# Fuzzes the CSV reader (Sources/NeuralNetworks/Data) with libFuzzer, through swiftc's -sanitize=fuzzer.
#
#   scripts/fuzz-csv.sh [seconds]      # default 60; CI runs 30 (.ci/run)
#
# The reader's sources are compiled with the target in Fuzz/CSV, address sanitizer on, and run on a copy of
# the seed corpus Fuzz/CSV/corpus (our CSV fixtures), so a run never changes the repository. A crash or a
# hang (an input taking over 10 s) fails the script and leaves the input in .build/fuzz/csv/ to reproduce:
#   .build/fuzz/csv/fuzz-csv .build/fuzz/csv/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
work=.build/fuzz/csv
mkdir -p "$work"

# Only the files the reader needs: the rest of NeuralNetworks would need OpenBLAS and adds nothing to fuzz.
sources=(
    Sources/NeuralNetworks/Data/CSV*.swift
    Sources/NeuralNetworks/Data/MissingValuePolicy.swift
    Sources/NeuralNetworks/Data/Dataset.swift
    Sources/NeuralNetworks/Data/Dataset+CSV.swift
    Sources/NeuralNetworks/Matrix.swift
    Sources/NeuralNetworks/Matrix+Arithmetic.swift
    Sources/NeuralNetworks/InputFileLedger.swift
    Sources/NeuralNetworks/UsageCheck.swift
    Fuzz/CSV/CSVFuzzTarget.swift
)
if [ ! -x "$work/fuzz-csv" ] || [ -n "$(find "${sources[@]}" -newer "$work/fuzz-csv" 2>/dev/null)" ]; then
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name NeuralNetworks "${sources[@]}" -o "$work/fuzz-csv"
fi
rm -rf "$work/corpus"
cp -R Fuzz/CSV/corpus "$work/corpus"
cd "$work"
./fuzz-csv -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 corpus
