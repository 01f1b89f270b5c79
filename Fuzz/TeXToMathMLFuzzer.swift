// libFuzzer entry point for the TeX-to-MathML converter, compiled into the MathML module itself by
// scripts/fuzz-tex.sh (swiftc -sanitize=fuzzer,address). Any input must either convert to well-formed MathML or
// throw a ConversionError whose offset lies inside the input; anything else (a crash, a stack overflow, another
// error, unbalanced output, a hang caught by -timeout) is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTeXToMathML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let tex = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let length = tex.count
    for display in [false, true] {
        do {
            let mathML = try TeXToMathML.convert(tex, display: display)
            guard FuzzChecks.isBalanced(mathML) else { fatalError("unbalanced MathML for \(tex.debugDescription): \(mathML)") }
        } catch let error as TeXToMathML.ConversionError {
            guard (0...length).contains(error.offset), !error.message.isEmpty else {
                fatalError("error outside the input for \(tex.debugDescription): \(error)")
            }
        } catch {
            fatalError("unexpected error \(error) for \(tex.debugDescription)")
        }
    }
    // The same text as a document's macros and as the formula a Markdown report keeps.
    var macros = TeXMacros()
    if let expanded = try? macros.expand(tex) {
        _ = try? TeXToMathML.convert(expanded, display: true, macros: macros)
    }
    _ = try? TeXEquations.lines(in: tex)
    return 0
}

enum FuzzChecks {
    /// Whether every element opened in `markup` is closed in order (`<a>…</a>`, `<b/>`), and no `<` is stray:
    /// what an XML parser would reject first. The check reads Unicode scalars, as XML does: a combining mark
    /// after `>` makes one Swift `Character` of the two.
    static func isBalanced(_ markup: String) -> Bool {
        var stack: [String] = []
        let scalars = Array(markup.unicodeScalars)
        var index = 0
        while let open = scalars[index...].firstIndex(of: "<") {
            guard let close = scalars[open...].firstIndex(of: ">") else { return false }
            let tag = String(String.UnicodeScalarView(scalars[(open + 1)..<close]))
            if tag.unicodeScalars.contains("<") { return false }
            if tag.hasPrefix("/") {
                guard stack.popLast() == String(tag.dropFirst()) else { return false }
            } else if !tag.hasSuffix("/") {
                stack.append(String(tag.prefix { $0 != " " }))
            }
            index = close + 1
        }
        return stack.isEmpty
    }
}
