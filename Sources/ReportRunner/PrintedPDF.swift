import Foundation

/// What the fitting pass reads back from a PDF that Chromium printed: the page count, the page height and the
/// named destinations Chromium writes for every element that a link in the document points to.
///
/// Chromium (Skia's PDF writer) writes uncompressed dictionaries: a `/Dests` dictionary of entries
/// `/name [page 0 R /XYZ x y 0]` where `y` is `pageHeight − distance below the text block's top`, so a
/// destination at the top of the text block reads as the page height. Pages are found through the catalog's
/// `/Pages` tree in order.
struct PrintedPDF {
    var pageCount: Int
    var pageHeight: Double
    var pageWidth: Double
    /// Element id → where its top landed.
    var destinations: [String: PrintedPosition]

    /// Reads `data`. Throws when the PDF does not have the structure described above.
    init(_ data: Data) throws {
        guard let text = String(data: data, encoding: .isoLatin1) else { throw ReportFailure("unreadable PDF") }
        func body(_ object: Int) -> Substring? {
            guard let start = text.range(of: "\n\(object) 0 obj") else { return nil }
            let end = text[start.upperBound...].range(of: "endobj")?.lowerBound ?? text.endIndex
            return text[start.upperBound..<end]
        }
        func reference(_ key: String, in dictionary: Substring) -> Int? {
            guard let range = dictionary.range(of: "/\(key) ") else { return nil }
            return Int(dictionary[range.upperBound...].prefix { $0.isNumber })
        }
        guard let trailer = text.range(of: "trailer", options: .backwards),
              let root = reference("Root", in: text[trailer.upperBound...]), let catalog = body(root),
              let tree = reference("Pages", in: catalog) else {
            throw ReportFailure("the printed PDF has no page tree")
        }
        var pages: [Int] = []
        var height: Double?
        var width: Double?
        func walk(_ object: Int, depth: Int) throws {
            guard depth < 32, let node = body(object) else { throw ReportFailure("the printed PDF's page tree is broken") }
            if height == nil, let box = node.range(of: "/MediaBox [") {
                let numbers = node[box.upperBound...].prefix { $0 != "]" }.split(separator: " ").compactMap { Double($0) }
                if numbers.count == 4 { height = numbers[3] - numbers[1]; width = numbers[2] - numbers[0] }
            }
            if let kids = node.range(of: "/Kids [") {
                let list = node[kids.upperBound...].prefix { $0 != "]" }.split(separator: " ")
                for (index, token) in list.enumerated() where index % 3 == 0 {
                    guard let kid = Int(token) else { throw ReportFailure("the printed PDF's page tree is broken") }
                    try walk(kid, depth: depth + 1)
                }
            } else {
                pages.append(object)
            }
        }
        try walk(tree, depth: 0)
        guard let height, let width, !pages.isEmpty else { throw ReportFailure("the printed PDF has no pages") }
        let pageNumbers = Dictionary(pages.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        var destinations: [String: PrintedPosition] = [:]
        let pattern = try NSRegularExpression(pattern: #"/([^\s/\[\]<>()]+) \[(\d+) 0 R /XYZ [-0-9.]+ ([-0-9.]+)"#)
        let whole = NSRange(text.startIndex..., in: text)
        for match in pattern.matches(in: text, range: whole) {
            guard let name = Range(match.range(at: 1), in: text), let page = Range(match.range(at: 2), in: text),
                  let y = Range(match.range(at: 3), in: text), let object = Int(text[page]),
                  let number = pageNumbers[object], let top = Double(text[y]) else { continue }
            destinations[Self.decodedName(text[name])] = PrintedPosition(page: number, offset: height - top)
        }
        self.pageCount = pages.count
        self.pageHeight = height
        self.pageWidth = width
        self.destinations = destinations
    }

    /// A PDF name with its `#xx` escapes decoded (UTF-8 bytes).
    static func decodedName(_ name: Substring) -> String {
        var bytes: [UInt8] = []
        var index = name.startIndex
        while index < name.endIndex {
            let character = name[index]
            if character == "#", let end = name.index(index, offsetBy: 3, limitedBy: name.endIndex),
               let byte = UInt8(name[name.index(after: index)..<end], radix: 16) {
                bytes.append(byte)
                index = end
            } else {
                bytes.append(contentsOf: Array(String(character).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
                index = name.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `data` with the values of `/CreationDate (D:…)` and `/ModDate (D:…)` replaced by a fixed date of the same
    /// length, so two prints of the same input are byte-identical; same length keeps every xref offset valid.
    static func withFixedDates(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        for key in ["/CreationDate (", "/ModDate ("] {
            let pattern = Array(key.utf8)
            var index = 0
            while let found = firstIndex(of: pattern, in: bytes, from: index) {
                var position = found + pattern.count
                // The fixed date: 2000-01-01 00:00:00 in the same digits-and-offset shape Chromium writes.
                let fixed = Array("D:20000101000000+00'00'".utf8)
                var written = 0
                while position < bytes.count, bytes[position] != UInt8(ascii: ")") {
                    bytes[position] = written < fixed.count ? fixed[written] : UInt8(ascii: " ")
                    written += 1
                    position += 1
                }
                index = position
            }
        }
        return Data(bytes)
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard pattern.count <= bytes.count, start <= bytes.count - pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == pattern[0], Array(bytes[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }
}
