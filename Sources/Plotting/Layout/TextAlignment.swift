/// Horizontal placement of text relative to its anchor point.
public enum HorizontalAlignment: Sendable { case left, center, right }

/// Vertical placement of text relative to its anchor point (top and bottom are the font's ascent and descent).
public enum VerticalAlignment: Sendable { case top, center, baseline, bottom }
