/// Vertical placement of text relative to its anchor point (top and bottom are the font's ascent and descent).
public enum VerticalAlignment: Sendable { case top, center, baseline, bottom }
