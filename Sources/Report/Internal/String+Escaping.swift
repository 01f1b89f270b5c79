extension String {
    /// The text with the five HTML special characters replaced by entities, safe in element content and in
    /// double- or single-quoted attribute values.
    var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Plain text made literal for GitHub Flavored Markdown inline content (headings, table cells): every
    /// character with inline meaning is backslash-escaped, `|` included so the text is safe in table cells, and
    /// line breaks become spaces.
    var markdownEscaped: String {
        var result = ""
        for character in self {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "$", "~", "&", "!", "#", "@":
                result.append("\\")
                result.append(character)
            case "\n", "\r":
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result
    }
}
