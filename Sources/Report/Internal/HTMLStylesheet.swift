/// The handout's stylesheet, inlined into every HTML report.
///
/// Screen: a single reading column of about 46em, a sans-serif stack that covers Chinese, a math font stack with
/// OpenType MATH tables (without one, browsers draw unstretched brackets and small sums), centred figures with
/// captions, ruled tables that scroll sideways when wider than the column, numbers that never break inside a
/// cell. Dark mode follows the reader's `prefers-color-scheme`; figures stay on white cards, since they are
/// drawn for white paper. Print: always light, A4 pages numbered "n / N", no link colours, figures as wide as
/// the text block but at most 30 % of a page tall, so a figure that does not fit the rest of a page leaves
/// little blank behind it (adam-vs-sgd: 8 pages 56 % full on average before, 5 pages 80 % full with 30 %;
/// 33 % gave 75 %, 42 % gave 69 %), tables narrowed to the text block, figures, tables and callouts kept
/// whole, long listings allowed to continue on the next page (kept whole, one pushed a two-thirds-empty
/// first page), headings kept with what follows. Tables of ``rowsOfALongTable`` rows or more may continue on
/// the next page too, between rows (Chromium repeats the header row), their caption kept with the first rows:
/// backpropagation's 14-row comparison, kept whole, left half a page blank. Paragraphs keep two lines at
/// either side of a break (three forced whole four-line paragraphs onto the next page). Code listings: see the
/// comments at their rules.
///
/// Measured with scripts/page-fill.py (mean over all pages but the last) on the five shipped reports,
/// before → after the long-table and two-line rules: adam-vs-sgd 75.7 → 75.7 %, regularization 81.0 → 81.0 %,
/// gallery 77.7 → 77.8 %, optimizers 74.3 → 74.0 %, backpropagation 72.9 → 76.1 % (with its new subtitle). The rest of each gap is a
/// figure that does not fit the rest of a page and moves to the next whole, which CSS cannot shrink to fit:
/// a global cap of 25–32 % of the page height moves single reports between 73 and 83 % without raising all.
enum HTMLStylesheet {
    /// Tables with at least this many body rows may break across pages in print.
    static let rowsOfALongTable = 10

    static let css = """
    :root {
      --text: #1f2328;
      --muted: #59636e;
      --rule: #d1d9e0;
      --accent: #0b5cad;
      --code-background: #f6f8fa;
      --note: #0969da;
      --note-background: #ddf4ff;
      --warning: #9a6700;
      --warning-background: #fff8c5;
      --background: #ffffff;
      color-scheme: light dark;
    }
    @media screen and (prefers-color-scheme: dark) {
      :root {
        --text: #e6edf3;
        --muted: #9198a1;
        --rule: #3d444d;
        --accent: #4493f8;
        --code-background: #151b23;
        --note: #4493f8;
        --note-background: #0c2d6b;
        --warning: #d29922;
        --warning-background: #3b2e0a;
        --background: #0d1117;
      }
      figure.figure img, p img { background: #ffffff; padding: 0.5em; border-radius: 6px; box-sizing: border-box; }
    }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0;
      color: var(--text);
      background: var(--background);
      font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
      font-size: 17px;
      line-height: 1.7;
    }
    main { max-width: 46em; margin: 0 auto; padding: 2.5em 1.5em 4em; }
    h1, h2, h3, h4, h5, h6 { line-height: 1.3; margin: 1.8em 0 0.6em; font-weight: 700; }
    h1.title { font-size: 2em; margin-top: 0.5em; padding-bottom: 0.3em; border-bottom: 2px solid var(--rule); }
    header.title-block { margin: 0.5em 0 1.5em; padding-bottom: 0.6em; border-bottom: 2px solid var(--rule); }
    header.title-block h1.title { border-bottom: none; padding-bottom: 0; margin-bottom: 0.2em; }
    .subtitle { font-size: 1.25em; margin: 0.2em 0; color: var(--text); }
    .byline { color: var(--muted); margin: 0.3em 0 0; }
    h2 { font-size: 1.5em; padding-bottom: 0.2em; border-bottom: 1px solid var(--rule); }
    h3 { font-size: 1.2em; }
    h4 { font-size: 1.05em; }
    .number { color: var(--muted); margin-right: 0.4em; font-variant-numeric: tabular-nums; }
    p { margin: 0.8em 0; }
    a { color: var(--accent); text-decoration: none; }
    a:hover { text-decoration: underline; }
    strong { font-weight: 700; }
    nav.toc { margin: 1.5em 0 2em; padding: 0.8em 1.2em; background: var(--code-background); border-radius: 6px; }
    nav.toc h2 { font-size: 1.1em; margin: 0 0 0.4em; border: none; padding: 0; }
    nav.toc ol { list-style: none; margin: 0; padding-left: 1.2em; }
    nav.toc > ol { padding-left: 0; }
    nav.toc li { margin: 0.15em 0; }
    math { font-family: "DejaVu Math TeX Gyre", "STIX Two Math", "Cambria Math", math; font-size: 1.05em; }
    .nowrap { white-space: nowrap; }
    math[display="block"] { display: block math; margin: 1em 0; overflow-x: auto; overflow-y: hidden; }
    /* MathML does not break lines: on a narrow screen a paragraph with a long inline formula scrolls sideways
       by itself instead of widening the whole page. Never up and down: a tall inline formula (a sum with its
       limits) overflows the paragraph by a few pixels of glyph, which would give it a vertical scroll bar. */
    @media screen { main p, main li { overflow-x: auto; overflow-y: hidden; } }
    code, pre {
      font-family: "DejaVu Sans Mono", "Noto Sans Mono CJK SC", "SFMono-Regular", Consolas, monospace;
      font-size: 0.86em;
    }
    :not(pre) > code { background: var(--code-background); padding: 0.1em 0.35em; border-radius: 4px; }
    pre {
      background: var(--code-background);
      border: 1px solid var(--rule);
      border-radius: 6px;
      padding: 0.9em 1em;
      overflow-x: auto;
      line-height: 1.5;
    }
    /* Swift listings, coloured by the syntax classifier (CodeStyle): GitHub's code colours, each at least
       4.5:1 against the code background (ListingColourContrastTests), keywords bold and comments italic so they
       stay apart in black-and-white print. */
    :root {
      --code-keyword: #cf222e;
      --code-string: #0a3069;
      --code-number: #0550ae;
      --code-comment: #59636e;
      --code-type: #953800;
      --code-attribute: #6639ba;
      --code-directive: #116329;
    }
    @media screen and (prefers-color-scheme: dark) {
      :root {
        --code-keyword: #ff7b72;
        --code-string: #a5d6ff;
        --code-number: #79c0ff;
        --code-comment: #9198a1;
        --code-type: #ffa657;
        --code-attribute: #d2a8ff;
        --code-directive: #7ee787;
      }
    }
    pre .kw { color: var(--code-keyword); font-weight: 700; }
    pre .str, pre .re { color: var(--code-string); }
    pre .num { color: var(--code-number); }
    pre .cmt { color: var(--code-comment); font-style: italic; }
    pre .ty { color: var(--code-type); }
    pre .attr { color: var(--code-attribute); }
    pre .pp { color: var(--code-directive); }
    /* Print wraps long lines: each line's continuation is indented 4 characters past the line's own
       indentation, so it cannot be read as a line of its own. */
    @media print {
      pre .line { display: flex; min-height: 1lh; }
      pre .line > .indent { flex: none; white-space: pre; }
      pre .line > .text {
        flex: 1 1 0; min-width: 0; white-space: pre-wrap; overflow-wrap: anywhere;
        padding-left: 4ch; text-indent: -4ch;
      }
      /* A listing that breaks across pages keeps at least three lines on each side, as orphans and widows do
         for a paragraph (they do not apply here: each line is a box of its own). */
      pre > code { display: block; }
      pre .line:nth-child(-n+2) { break-after: avoid; page-break-after: avoid; }
      pre .line:nth-last-child(-n+2) { break-before: avoid; page-break-before: avoid; }
    }
    figure { margin: 1.8em 0; }
    figure.figure { text-align: center; }
    figure.figure img { max-width: 100%; height: auto; }
    figcaption { color: var(--muted); font-size: 0.92em; margin: 0.5em auto; max-width: 40em; }
    figure.figure figcaption { text-align: center; }
    figure.table figcaption, figure.listing figcaption { text-align: left; margin: 0 0 0.5em; }
    figcaption .label { color: var(--text); font-weight: 700; margin-right: 0.3em; }
    figure.table { overflow-x: auto; }
    table { border-collapse: collapse; margin: 1em auto; font-variant-numeric: tabular-nums; }
    figure.table table { margin: 0 auto; }
    th, td { padding: 0.35em 0.6em; border-bottom: 1px solid var(--rule); }
    thead th { border-bottom: 2px solid var(--text); font-weight: 700; vertical-align: bottom; }
    figure.table table { font-size: 0.9em; }
    table { border-top: 2px solid var(--text); border-bottom: 2px solid var(--text); }
    td.number-cell, th.number-cell { white-space: nowrap; }
    td math, th math { white-space: nowrap; }
    .left { text-align: left; }
    .center { text-align: center; }
    .right { text-align: right; }
    blockquote { margin: 1em 0; padding: 0 1em; color: var(--muted); border-left: 4px solid var(--rule); }
    aside.callout { margin: 1.4em 0; padding: 0.6em 1em; border-left: 4px solid; border-radius: 0 6px 6px 0; }
    aside.callout.note { border-color: var(--note); background: var(--note-background); }
    aside.callout.warning { border-color: var(--warning); background: var(--warning-background); }
    .callout-title { font-weight: 700; margin: 0.2em 0; }
    aside.callout.note .callout-title { color: var(--note); }
    aside.callout.warning .callout-title { color: var(--warning); }
    hr { border: none; border-top: 1px solid var(--rule); margin: 2em 0; }
    img { max-width: 100%; }
    @media print {
      @page {
        size: A4;
        margin: 18mm 16mm 20mm 16mm;
        @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #59636e; }
      }
      :root {
        --text: #1f2328; --muted: #59636e; --rule: #d1d9e0; --background: #ffffff; --code-background: #f6f8fa;
      }
      body { font-size: 10.5pt; line-height: 1.55; background: #ffffff; }
      figure { margin: 0.9em 0; }
      figure.figure img { width: auto; height: auto; max-width: 100%; max-height: 30vh; }
      figure.table table { font-size: 0.85em; max-width: 100%; }
      th, td { padding: 0.25em 0.45em; }
      h2 { margin-top: 1.3em; }
      main { max-width: none; padding: 0; }
      a, a:visited { color: inherit; text-decoration: none; }
      nav.toc { background: none; border: 1px solid var(--rule); }
      h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
      figure, table, aside.callout, math[display="block"] { break-inside: avoid; page-break-inside: avoid; }
      figure.table.long, figure.table.long table { break-inside: auto; page-break-inside: auto; }
      figure.table.long tr { break-inside: avoid; page-break-inside: avoid; }
      figure.table.long figcaption { break-after: avoid; page-break-after: avoid; }
      pre, figure.listing { break-inside: auto; page-break-inside: auto; }
      figure.listing figcaption { break-after: avoid; page-break-after: avoid; }
      p { orphans: 2; widows: 2; }
      pre { white-space: pre-wrap; overflow: visible; }
      math[display="block"], figure.table { overflow: visible; }
      aside.callout, nav.toc, pre, :not(pre) > code {
        -webkit-print-color-adjust: exact;
        print-color-adjust: exact;
      }
    }

    """
}
