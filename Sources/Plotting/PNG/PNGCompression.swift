/// How a figure's pixels are stored in its PNG.
public enum PNGCompression: Sendable, Equatable {
    /// Every pixel exactly, as 8-bit truecolour with no row filter at zlib level 1, the fastest setting (see
    /// ``PNGEncoder`` for the measurements behind the choice). The default of ``Figure/pngData()``.
    case lossless
    /// Every pixel exactly, at zlib level 6: about a fifth smaller than ``lossless`` and slower, for files kept.
    case losslessSmall
    /// The image's own colours when it has at most 256 (exact); otherwise 256 colours chosen by libimagequant,
    /// without dithering, when they reproduce the image with a peak
    /// signal-to-noise ratio of at least 45 dB; ``losslessSmall`` otherwise, and always for a figure with a shaded
    /// 3-D surface. Plots are mostly flat colour plus anti-aliased edges, so this is visually lossless at 2× zoom
    /// (46–64 dB on the shipped figures) and a third of the size: what a written report embeds.
    case palette
}
