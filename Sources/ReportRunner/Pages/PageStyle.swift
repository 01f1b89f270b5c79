import Foundation

/// The look shared by the pages `report` writes itself (the index, failure pages, comparisons): one inline
/// stylesheet, system fonts, no scripts, nothing fetched.
enum PageStyle {
    static let stylesheet = """
        :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --pass: #1a7f37; --fail: #cf222e; --card: #ffffff; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 2rem; background: #f6f8fa; color: var(--ink);
               font: 15px/1.5 "Noto Sans CJK SC", "Noto Sans", "DejaVu Sans", system-ui, sans-serif; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
        p.lead { color: var(--muted); margin: 0 0 1.5rem; }
        a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 1.25rem; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; overflow: hidden;
                display: flex; flex-direction: column; }
        .card.failed { border-color: var(--fail); box-shadow: 0 0 0 1px var(--fail) inset; }
        .thumb { display: block; aspect-ratio: 16 / 10; background: #fff; border-bottom: 1px solid var(--line);
                 overflow: hidden; }
        .thumb img { width: 100%; height: 100%; object-fit: contain; display: block; }
        .thumb.empty { display: flex; align-items: center; justify-content: center; color: var(--muted); font-size: .9rem; }
        .body { padding: .8rem 1rem 1rem; display: flex; flex-direction: column; gap: .4rem; }
        .title { font-weight: 600; font-size: 1.05rem; }
        .name { color: var(--muted); font-family: "DejaVu Sans Mono", monospace; font-size: .8rem; }
        .status { display: inline-block; padding: 0 .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 600;
                  color: #fff; background: var(--pass); }
        .status.failed { background: var(--fail); }
        .status.diverged { background: #9a6700; }
        table { border-collapse: collapse; width: 100%; font-size: .85rem; }
        td, th { padding: .15rem .4rem; border-bottom: 1px solid #eaeef2; text-align: left; vertical-align: top; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        .missed { color: var(--fail); font-weight: 600; } .held { color: var(--pass); }
        .failure { color: var(--fail); font-size: .9rem; }
        pre { background: #0d1117; color: #e6edf3; padding: 1rem; border-radius: 8px; overflow-x: auto; font-size: .8rem;
              white-space: pre-wrap; word-break: break-word; }
        .images { display: grid; grid-template-columns: repeat(3, 1fr); gap: .75rem; }
        .images figure { margin: 0; } .images img { width: 100%; border: 1px solid var(--line); background: #fff; }
        .images figcaption { color: var(--muted); font-size: .8rem; }
        @media print { body { background: #fff; padding: 0; } .card { break-inside: avoid; } }
        """

    /// A whole page: doctype, language, title, the stylesheet, and `body`.
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escaped(title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Text made safe inside HTML elements and attribute values.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A PNG as a `data:` URI, so the page needs no other file.
    static func dataURI(png: Data) -> String {
        "data:image/png;base64," + png.base64EncodedString()
    }
}
