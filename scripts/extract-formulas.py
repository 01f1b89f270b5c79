"""Writes each $…$ and $$…$$ formula of Markdown files to its own file, as a fuzzing seed corpus.

Usage: extract-formulas.py NOTES.txt… OUTPUT_FOLDER. Fenced code is skipped; the split is the simple one
(a seed need not be exactly what a Markdown reader would take, only realistic input).
"""
import hashlib
import pathlib
import re
import sys

*inputs, output = sys.argv[1:]
folder = pathlib.Path(output)
folder.mkdir(parents=True, exist_ok=True)
count = 0
for name in inputs:
    text = pathlib.Path(name).read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    for match in re.finditer(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$", text, flags=re.S):
        formula = (match.group(1) or match.group(2)).strip()
        if not formula:
            continue
        digest = hashlib.sha1(formula.encode("utf-8")).hexdigest()[:16]
        (folder / f"seed-{digest}").write_text(formula, encoding="utf-8")
        count += 1
print(f"extract-formulas: {count} formulas from {len(inputs)} files into {folder}")
