internal import CImageQuant
internal import CLibPNG
import Foundation

/// Writes PNGs with libpng (and zlib), optionally through a palette chosen by libimagequant.
///
/// Settings chosen by measuring the five figures of the adam-vs-sgd report (1800 × 1120 and similar, 2.24 MB
/// with the earlier hand-written encoder), every row filter and zlib level 1–9 with the default, filtered and
/// RLE strategies:
///
/// | truecolour setting | bytes | time, 5 figures |
/// |---|---:|---:|
/// | no filter, level 1 | 1,758,053 | 129 ms |
/// | no filter, level 6 | 1,444,912 | 191 ms |
/// | no filter, level 9 | 1,412,228 | 1,305 ms |
/// | "Up", level 1 | 2,033,786 | 141 ms |
/// | adaptive (all five, libpng's heuristic), level 6 | 1,926,781 | 554 ms |
///
/// Plots are large areas of one colour, which zlib's matcher finds best in unfiltered rows; filters turn
/// anti-aliased edges into many small distinct differences. Level 1 without a filter is the fastest setting
/// and already 22 % smaller than the earlier encoder, so ``PNGCompression/lossless`` uses it (figure
/// rendering must stay well ahead of matplotlib); a report wants size, so it uses
/// ``PNGCompression/palette``: 712,129 bytes for the same five figures at zlib level 6 (peak signal-to-noise
/// ratio 52 dB against the truecolour image), or 68 % less. Shaded 3-D surfaces band visibly through a palette
/// (46 dB and blotchy at 2× zoom), so a figure holding one stays truecolour (``Figure/pngData(compression:)``).
///
/// - Note: No tIME, tEXt or other metadata chunks are written, and libimagequant's result does not depend on
///   the number of threads (checked with 1, 2 and 7), so equal pixels give equal files.
enum PNGEncoder {
    /// Encodes 32-bit pixels 0x??RRGGBB (native-endian words, Cairo's RGB24 layout; the top byte is ignored).
    ///
    /// - Parameters:
    ///   - xrgbPixels: The first pixel of the top row.
    ///   - width: Pixels per row.
    ///   - height: Rows.
    ///   - stride: Bytes from one row to the next.
    ///   - compression: Truecolour, or a palette when it is good enough.
    /// - Returns: The PNG file.
    static func encode(xrgbPixels: UnsafeRawPointer, width: Int, height: Int, stride: Int,
                       compression: PNGCompression = .lossless) -> Data {
        if compression == .palette,
           let png = encodePalette(xrgbPixels: xrgbPixels, width: width, height: height, stride: stride) {
            return png
        }
        return write(width: width, height: height, level: compression == .lossless ? 1 : 6) { png in
            // The words' bytes are B, G, R, X on a little-endian machine: libpng reorders and drops the filler,
            // so Cairo's rows go in as they are.
            png_set_bgr(png)
            png_set_filler(png, 0, PNG_FILLER_AFTER)
            for row in 0..<height {
                png_write_row(png, (xrgbPixels + row * stride).assumingMemoryBound(to: UInt8.self))
            }
        } header: { png, info in
            png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB,
                         PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT)
        }
    }

    /// The image through a palette: its own colours when it has at most 256 (exact), else libimagequant's; nil
    /// when 256 colours cannot reproduce it within 45 dB.
    private static func encodePalette(xrgbPixels: UnsafeRawPointer, width: Int, height: Int, stride: Int) -> Data? {
        if let exact = exactPalette(xrgbPixels: xrgbPixels, width: width, height: height, stride: stride) {
            return writePalette(exact.colors, exact.indices, width: width, height: height)
        }
        var rgba = [UInt8](repeating: 255, count: width * height * 4)
        for row in 0..<height {
            let source = (xrgbPixels + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width {
                let pixel = source[column], offset = (row * width + column) * 4
                rgba[offset] = UInt8(truncatingIfNeeded: pixel >> 16)
                rgba[offset + 1] = UInt8(truncatingIfNeeded: pixel >> 8)
                rgba[offset + 2] = UInt8(truncatingIfNeeded: pixel)
            }
        }
        guard let attributes = liq_attr_create() else { return nil }
        defer { liq_attr_destroy(attributes) }
        // Speed 10 (the fastest) measured no larger and no worse than the default 4 on figures, in half the time;
        // it does not measure the result's quality, so the error is checked below.
        liq_set_speed(attributes, 10)
        return rgba.withUnsafeBytes { buffer -> Data? in
            guard let image = liq_image_create_rgba(attributes, buffer.baseAddress!, Int32(width), Int32(height), 0) else {
                return nil
            }
            defer { liq_image_destroy(image) }
            var result: OpaquePointer?
            guard liq_image_quantize(image, attributes, &result) == LIQ_OK, let result else { return nil }
            defer { liq_result_destroy(result) }
            // Dithering scatters noise over flat areas: larger files and grainy lines, for no gain on plots.
            liq_set_dithering_level(result, 0)
            var indices = [UInt8](repeating: 0, count: width * height)
            guard liq_write_remapped_image(result, image, &indices, indices.count) == LIQ_OK,
                  let palette = liq_get_palette(result)?.pointee else { return nil }
            let colors = withUnsafeBytes(of: palette.entries) { entries in
                (0..<Int(palette.count)).map { index -> png_color in
                    let color = entries.load(fromByteOffset: index * 4, as: liq_color.self)
                    return png_color(red: color.r, green: color.g, blue: color.b)
                }
            }
            guard peakSignalToNoiseRatio(rgba, indices, colors) >= minimumPeakSignalToNoiseRatio else { return nil }
            return writePalette(colors, indices, width: width, height: height)
        }
    }

    /// The image's colours in order of first appearance and each pixel's index, or nil past 256 colours:
    /// libimagequant moves even exact colours by a unit or two, so an image that fits a palette gets its own.
    private static func exactPalette(xrgbPixels: UnsafeRawPointer, width: Int, height: Int,
                                     stride: Int) -> (colors: [png_color], indices: [UInt8])? {
        var slots: [UInt32: UInt8] = [:]
        var colors: [png_color] = []
        var indices = [UInt8](repeating: 0, count: width * height)
        var previous: UInt32 = 0xFFFF_FFFF, previousIndex: UInt8 = 0
        for row in 0..<height {
            let source = (xrgbPixels + row * stride).assumingMemoryBound(to: UInt32.self)
            for column in 0..<width {
                let pixel = source[column] & 0x00FF_FFFF
                // Runs of one colour are most of a plot: skip the dictionary for them.
                if pixel != previous {
                    if let known = slots[pixel] {
                        previousIndex = known
                    } else {
                        guard colors.count < 256 else { return nil }
                        previousIndex = UInt8(colors.count)
                        slots[pixel] = previousIndex
                        colors.append(png_color(red: UInt8(pixel >> 16), green: UInt8(pixel >> 8 & 0xFF),
                                                blue: UInt8(pixel & 0xFF)))
                    }
                    previous = pixel
                }
                indices[row * width + column] = previousIndex
            }
        }
        return (colors, indices)
    }

    /// An 8-bit palette PNG at zlib level 6.
    private static func writePalette(_ colors: [png_color], _ indices: [UInt8], width: Int, height: Int) -> Data {
        write(width: width, height: height, level: 6) { png in
            indices.withUnsafeBufferPointer { rows in
                for row in 0..<height { png_write_row(png, rows.baseAddress! + row * width) }
            }
        } header: { png, info in
            png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_PALETTE,
                         PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT)
            colors.withUnsafeBufferPointer { png_set_PLTE(png, info, $0.baseAddress, Int32($0.count)) }
        }
    }

    /// The least PSNR a palette image may have: 45 dB, below the 46–64 dB measured on the shipped figures
    /// (which look the same at 2× zoom), above what 256 colours give a photograph or a smooth colour field.
    static let minimumPeakSignalToNoiseRatio = 45.0

    /// PSNR = 10 log₁₀(255² / MSE) in dB over the R, G and B channels of the palette image against the original;
    /// infinite for an exact copy.
    static func peakSignalToNoiseRatio(_ rgba: [UInt8], _ indices: [UInt8], _ colors: [png_color]) -> Double {
        var squaredError = 0
        for (pixel, index) in indices.enumerated() {
            let color = colors[Int(index)], offset = pixel * 4
            let red = Int(rgba[offset]) - Int(color.red), green = Int(rgba[offset + 1]) - Int(color.green)
            let blue = Int(rgba[offset + 2]) - Int(color.blue)
            squaredError += red * red + green * green + blue * blue
        }
        guard squaredError > 0 else { return .infinity }
        let meanSquaredError = Double(squaredError) / Double(3 * indices.count)
        return 10 * log10(255 * 255 / meanSquaredError)
    }

    /// One PNG through libpng's write structure, into memory: the header, then the rows `body` writes.
    private static func write(width: Int, height: Int, level: Int32, body: (OpaquePointer) -> Void,
                              header: (OpaquePointer, OpaquePointer) -> Void) -> Data {
        // libpng reports errors through this function and must not return to it; errors here mean invalid
        // arguments or exhausted memory, which no input of ours can cause, so they stop the process with the
        // message rather than unwinding through C with longjmp, which Swift does not support.
        let error: png_error_ptr = { _, message in
            fatalError("libpng: \(message.map { String(cString: $0) } ?? "unknown error")")
        }
        let warning: png_error_ptr = { _, _ in }
        guard let png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nil, error, warning) else {
            fatalError("libpng: out of memory")
        }
        var info = png_create_info_struct(png)
        var pngPointer: OpaquePointer? = png
        defer { png_destroy_write_struct(&pngPointer, &info) }
        let sink = ByteSink()
        let append: png_rw_ptr = { png, bytes, length in
            guard let bytes, let context = png_get_io_ptr(png) else { return }
            Unmanaged<ByteSink>.fromOpaque(context).takeUnretainedValue().data.append(bytes, count: length)
        }
        withExtendedLifetime(sink) {
            png_set_write_fn(png, Unmanaged.passUnretained(sink).toOpaque(), append, nil)
            header(png, info!)
            png_set_filter(png, 0, PNG_FILTER_NONE)
            png_set_compression_level(png, level)
            png_write_info(png, info)
            body(png)
            png_write_end(png, info)
        }
        return sink.data
    }
}
