/// A CSV field separator.
public enum CSVSeparator: UInt8, Sendable, Equatable, CaseIterable {
    case comma = 0x2C
    case semicolon = 0x3B
    case tab = 0x09
}
