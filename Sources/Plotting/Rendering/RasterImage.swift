internal import CCairo
import Foundation

/// An RGBA image in memory: `pixels[row * width + column]` is 0xAARRGGBB (straight alpha), row 0 at the top.
///
/// Figures rasterise to it, PNGs decode to it (through Cairo's PNG reader), and image tests compare two of
/// them with a tolerance.
public struct RasterImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt32]

    public init(width: Int, height: Int, pixels: [UInt32]) {
        precondition(pixels.count == width * height, "pixel count must be width × height")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Decodes a PNG.
    /// - Throws: ``PlottingError/invalidPNG`` when Cairo cannot read it.
    public init(pngData: Data) throws {
        final class Reader {
            let bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let reader = Reader([UInt8](pngData))
        let read: cairo_read_func_t = { closure, destination, length in
            guard let closure, let destination else { return CAIRO_STATUS_READ_ERROR }
            let reader = Unmanaged<Reader>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard reader.offset + count <= reader.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            reader.bytes.withUnsafeBufferPointer { source in
                destination.update(from: source.baseAddress! + reader.offset, count: count)
            }
            reader.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        let surface = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(reader).toOpaque())
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw PlottingError.invalidPNG }
        self = RasterImage(surface: surface)
    }

    /// Copies a Cairo image surface (ARGB32 premultiplied or RGB24), undoing the premultiplication.
    init(surface: OpaquePointer?) {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let opaque = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24
        let data = cairo_image_surface_get_data(surface)
        let pixels = [UInt32](unsafeUninitializedCapacity: width * height) { output, initialized in
            for row in 0..<height {
                guard let data else {
                    output.baseAddress!.initialize(repeating: 0, count: width * height)
                    break
                }
                let source = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                for column in 0..<width {
                    let pixel = source[column]
                    output[row * width + column] = opaque ? pixel | 0xFF00_0000 : Self.unpremultiplied(pixel)
                }
            }
            initialized = width * height
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    private static func unpremultiplied(_ pixel: UInt32) -> UInt32 {
        let alpha = pixel >> 24
        guard alpha != 0 && alpha != 255 else { return alpha == 0 ? 0 : pixel }
        func channel(_ shift: UInt32) -> UInt32 { min(255, (((pixel >> shift) & 0xFF) * 255 + alpha / 2) / alpha) }
        return alpha << 24 | channel(16) << 16 | channel(8) << 8 | channel(0)
    }

    /// The image as an RGB PNG (alpha dropped; figures are opaque), through libpng.
    /// - Parameter compression: Every pixel exactly (the default), or a palette where it is visually lossless.
    public func pngData(compression: PNGCompression = .lossless) -> Data {
        pixels.withUnsafeBytes { buffer in
            PNGEncoder.encode(xrgbPixels: buffer.baseAddress!, width: width, height: height, stride: width * 4,
                              compression: compression)
        }
    }

    /// The image in grey, by Rec. 709 luma (0.2126 R + 0.7152 G + 0.0722 B), to check a figure still reads
    /// when printed in black and white.
    public func grayscale() -> RasterImage {
        RasterImage(width: width, height: height, pixels: pixels.map { pixel in
            let red = Double((pixel >> 16) & 0xFF), green = Double((pixel >> 8) & 0xFF), blue = Double(pixel & 0xFF)
            let gray = UInt32((0.2126 * red + 0.7152 * green + 0.0722 * blue).rounded())
            return pixel & 0xFF00_0000 | gray << 16 | gray << 8 | gray
        })
    }
}
