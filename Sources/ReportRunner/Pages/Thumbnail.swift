import Foundation
import Plotting

/// A small copy of a figure for the index's cards, so the page stays light with every figure embedded.
enum Thumbnail {
    /// The PNG scaled down to at most `width` pixels wide by averaging whole boxes of pixels (a box filter, which
    /// keeps thin lines visible where point sampling would drop them); the original when it is already small
    /// or cannot be read.
    static func png(from data: Data, width: Int = 480) -> Data {
        guard let image = try? RasterImage(pngData: data), image.width > width else { return data }
        let factor = (image.width + width - 1) / width
        let outputWidth = image.width / factor, outputHeight = image.height / factor
        guard outputWidth > 0, outputHeight > 0 else { return data }
        var pixels = [UInt32](repeating: 0, count: outputWidth * outputHeight)
        let area = UInt32(factor * factor)
        for row in 0..<outputHeight {
            for column in 0..<outputWidth {
                var sums = [UInt32](repeating: 0, count: 4)
                for y in row * factor..<(row + 1) * factor {
                    for x in column * factor..<(column + 1) * factor {
                        let pixel = image.pixels[y * image.width + x]
                        for channel in 0..<4 { sums[channel] += (pixel >> UInt32(channel * 8)) & 0xFF }
                    }
                }
                var averaged: UInt32 = 0
                for channel in 0..<4 { averaged |= ((sums[channel] + area / 2) / area) << UInt32(channel * 8) }
                pixels[row * outputWidth + column] = averaged
            }
        }
        return RasterImage(width: outputWidth, height: outputHeight, pixels: pixels).pngData()
    }
}
