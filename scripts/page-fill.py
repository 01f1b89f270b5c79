#!/usr/bin/env python3
"""Page fill of a PDF: for each page, the share of the text block that content reaches down to.

Renders every page with pdftoppm (poppler-utils) in grey at 50 dpi and takes the rows between the A4 page's
top and bottom margins of the handout stylesheet (18 mm, 20 mm; the page number sits in the bottom margin).
A row holds ink when any pixel in it is darker than 250 of 255.

"used" is the share of the text block from its top to the page's last inked row. Chromium lays a report out
in one flow, so the only blank a page break leaves is at the end of the page, and "used" measures exactly
that loss; blank inside the page (the spacing between display equations, paragraphs and figures, the white
inside a figure) is the stylesheet's spacing, not unused paper.

"ink rows" is an older, harsher count kept for comparison: inked rows, with blank runs shorter than 4 mm
between them counted as filled. It counts every gap of 4 mm or more as unused, which includes the spacing
around display equations: a page of stacked matrix equations that reaches the bottom margin scores ~73 %.

Usage: page-fill.py report.pdf   (prints one line per page and the means over all pages but the last)
"""
import glob, os, subprocess, sys, tempfile

DPI = 50

def pages(pdf, dpi=DPI):
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", pdf, os.path.join(folder, "page")], check=True)
        for path in sorted(glob.glob(os.path.join(folder, "page*.pgm"))):
            with open(path, "rb") as file:
                data = file.read()
            # Binary PGM: "P5\n<width> <height>\n255\n" then width*height bytes.
            parts = data.split(b"\n", 3)
            width, height = map(int, parts[1].split())
            yield width, height, parts[3]

def inked_rows(width, height, pixels, dpi=DPI):
    millimetre = dpi / 25.4
    top, bottom = int(18 * millimetre), height - int(20 * millimetre)
    return [min(pixels[row * width:(row + 1) * width]) < 250 for row in range(top, bottom)]

def used(inked):
    """Share of the text block from its top down to the last inked row."""
    last = max((index for index, filled in enumerate(inked) if filled), default=-1)
    return (last + 1) / max(len(inked), 1)

def ink_rows(inked, dpi=DPI):
    """Inked rows plus blank runs under 4 mm between them, as a share of the text block."""
    gap = int(4 * dpi / 25.4)
    total, run, seen = 0, 0, False
    for filled in inked:
        if filled:
            if seen and run < gap:
                total += run
            total += 1
            run, seen = 0, True
        else:
            run += 1
    return total / max(len(inked), 1)

def mean(values):
    body = values[:-1] if len(values) > 1 else values
    return sum(body) / len(body)

if __name__ == "__main__":
    rows = [inked_rows(*page) for page in pages(sys.argv[1])]
    useds, inks = [used(r) for r in rows], [ink_rows(r) for r in rows]
    for index, (u, i) in enumerate(zip(useds, inks), 1):
        print(f"page {index}: used {u:.0%}, ink rows {i:.0%}")
    print(f"pages {len(rows)}, mean without the last page: used {mean(useds):.1%}, ink rows {mean(inks):.1%}")
