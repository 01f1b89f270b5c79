#!/usr/bin/env python3
"""Page fill of a PDF: for each page, the share of the text block's rows that hold ink.

Renders every page with pdftoppm (poppler-utils) in grey at 50 dpi, takes the rows between the A4 page's
top and bottom margins of the handout stylesheet (18 mm, 20 mm; the page number sits in the bottom margin),
and counts a row as filled when any pixel in it is darker than 250 of 255. Rows between the first and last
filled row of the page that are blank inside paragraphs (line gaps) count as filled too only when the blank
run is shorter than 4 mm, so the number is "how much of the page is used", not "how much ink".

Usage: page-fill.py report.pdf   (prints one line per page and the mean over all pages but the last)
"""
import subprocess, sys, tempfile, os, glob

def pages(pdf, dpi=50):
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", pdf, os.path.join(folder, "page")], check=True)
        for path in sorted(glob.glob(os.path.join(folder, "page*.pgm"))):
            with open(path, "rb") as file:
                data = file.read()
            # Binary PGM: "P5\n<width> <height>\n255\n" then width*height bytes.
            parts = data.split(b"\n", 3)
            width, height = map(int, parts[1].split())
            pixels = parts[3]
            yield width, height, pixels

def fill(width, height, pixels, dpi=50):
    millimetre = dpi / 25.4
    top, bottom = int(18 * millimetre), height - int(20 * millimetre)
    inked = [min(pixels[row * width:(row + 1) * width]) < 250 for row in range(top, bottom)]
    gap = int(4 * millimetre)
    used, run = 0, 0
    seen = False
    for filled in inked:
        if filled:
            if seen and run < gap:
                used += run
            used += 1
            run = 0
            seen = True
        else:
            run += 1
    return used / max(len(inked), 1)

if __name__ == "__main__":
    fills = [fill(*page) for page in pages(sys.argv[1])]
    for index, value in enumerate(fills, 1):
        print(f"page {index}: {value:.0%}")
    body = fills[:-1] if len(fills) > 1 else fills
    print(f"pages {len(fills)}, mean fill without the last page {sum(body) / len(body):.1%}")
