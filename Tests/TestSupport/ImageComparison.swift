import Plotting

/// How two images differ, for image tests that allow small rendering differences (font rasterisation,
/// antialiasing) but catch real changes.
public struct ImageComparison: Sendable {
    /// The largest difference of any channel of any pixel (0…255).
    public let maximumChannelDifference: Int
    /// Fraction of pixels with some channel differing by more than the per-channel tolerance.
    public let differingPixelFraction: Double
    /// White where equal, red in proportion to the difference elsewhere (nil when the sizes differ).
    public let differenceImage: RasterImage?
    public let sizesMatch: Bool

    /// Compares two images pixel by pixel.
    ///
    /// - Parameters:
    ///   - actual: The image produced now.
    ///   - reference: The reviewed image.
    ///   - channelTolerance: A pixel counts as differing when some channel differs by more than this.
    public init(actual: RasterImage, reference: RasterImage, channelTolerance: Int = 24) {
        guard actual.width == reference.width, actual.height == reference.height else {
            maximumChannelDifference = 255
            differingPixelFraction = 1
            differenceImage = nil
            sizesMatch = false
            return
        }
        sizesMatch = true
        var maximum = 0
        var differing = 0
        var difference = [UInt32](repeating: 0xFFFF_FFFF, count: actual.pixels.count)
        for index in actual.pixels.indices {
            let a = actual.pixels[index], b = reference.pixels[index]
            guard a != b else { continue }
            var largest = 0
            for shift in stride(from: 0, through: 24, by: 8) {
                largest = max(largest, abs(Int((a >> UInt32(shift)) & 0xFF) - Int((b >> UInt32(shift)) & 0xFF)))
            }
            maximum = max(maximum, largest)
            if largest > channelTolerance { differing += 1 }
            let fade = UInt32(255 - largest)
            difference[index] = 0xFFFF_0000 | fade << 8 | fade
        }
        maximumChannelDifference = maximum
        differingPixelFraction = actual.pixels.isEmpty ? 0 : Double(differing) / Double(actual.pixels.count)
        differenceImage = RasterImage(width: actual.width, height: actual.height, pixels: difference)
    }

    /// Whether the images match within the tolerances.
    ///
    /// - Parameter maximumDifferingFraction: Largest allowed fraction of differing pixels.
    public func matches(maximumDifferingFraction: Double = 0.002) -> Bool {
        sizesMatch && differingPixelFraction <= maximumDifferingFraction
    }
}
