import Plotting

/// Where two renderings of a figure differ, for `report diff`: the share of pixels that changed visibly, and an
/// image of the new figure faded to grey with the changed pixels in red.
struct PixelDifference {
    /// Pixels whose largest channel difference is above `threshold`, as a fraction of all pixels.
    let changedFraction: Double
    /// The new figure at 25 % contrast, changed pixels in full red; `nil` when the sizes differ.
    let image: RasterImage?

    /// - Parameter threshold: a channel may move this much (0…255) without counting as a change, so
    ///   antialiasing noise does not light up the whole image.
    init(old: RasterImage, new: RasterImage, threshold: UInt32 = 8) {
        guard old.width == new.width, old.height == new.height, !new.pixels.isEmpty else {
            changedFraction = 1
            image = nil
            return
        }
        var changed = 0
        var pixels = new.pixels
        for index in pixels.indices {
            let before = old.pixels[index], after = new.pixels[index]
            var largest: UInt32 = 0
            for shift: UInt32 in [0, 8, 16, 24] {
                let a = (before >> shift) & 0xFF, b = (after >> shift) & 0xFF
                largest = max(largest, a > b ? a - b : b - a)
            }
            if largest > threshold {
                changed += 1
                pixels[index] = 0xFFFF_0000
            } else {
                // Luminance of the unchanged pixel, pulled three quarters of the way to white.
                let red = (after >> 16) & 0xFF, green = (after >> 8) & 0xFF, blue = after & 0xFF
                let grey = (red * 299 + green * 587 + blue * 114) / 1000
                let faded = 255 - (255 - grey) / 4
                pixels[index] = 0xFF00_0000 | faded << 16 | faded << 8 | faded
            }
        }
        changedFraction = Double(changed) / Double(pixels.count)
        image = RasterImage(width: new.width, height: new.height, pixels: pixels)
    }
}
