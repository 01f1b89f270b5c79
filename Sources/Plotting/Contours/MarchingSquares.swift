import Foundation

/// Contour lines of a ``ScalarGrid`` by marching squares.
///
/// Each grid cell's corners are classified as above (value ≥ level) or below. An edge whose ends differ is
/// crossed at the linearly interpolated point p = a + t(b − a), t = (level − z_a)/(z_b − z_a). A cell with two
/// crossed edges joins them; a saddle cell (two opposite corners above, four crossed edges) is resolved by
/// the mean of its four corners: if the centre is above, the two above corners are connected through the
/// cell and the segments cut off the below corners, otherwise the reverse. Segments sharing an edge are
/// chained into polylines: open ones start and end on the border, the rest are closed loops.
///
/// - Note: Cells with a non-finite corner are skipped, so holes in the data leave gaps in the lines.
public enum MarchingSquares {
    /// For each corner pattern other than the saddles 5 and 10, the two crossed edge slots
    /// (0 bottom, 1 right, 2 top, 3 left): an edge is crossed when its two corners differ.
    private static let crossedEdges: [(Int, Int)] = (0..<16).map { index in
        let above = (0..<4).map { index >> $0 & 1 }
        // Edge slot k joins corners k and k + 1 (corners counter-clockwise from bottom left).
        let crossed = (0..<4).filter { above[$0] != above[($0 + 1) % 4] }
        return crossed.count == 2 ? (crossed[0], crossed[1]) : (0, 0)
    }

    /// All contour lines of `grid` at `level`.
    ///
    /// - Parameters:
    ///   - grid: The sampled function.
    ///   - level: The contour value.
    /// - Returns: Polylines in a deterministic order (by first edge along the grid, open lines first).
    public static func contourLines(in grid: ScalarGrid, level: Double) -> [ContourLine] {
        var workspace = Workspace(grid: grid, blocks: BlockRanges(grid: grid))
        return contourLines(in: grid, level: level, workspace: &workspace)
    }

    /// Contour lines at several levels (one array per level, in the order given), computed on two threads.
    ///
    /// - Parameters:
    ///   - grid: The sampled function.
    ///   - levels: The contour values.
    /// - Returns: `result[k]` holds the lines of `levels[k]`; the same as calling the one-level version.
    public static func contourLines(in grid: ScalarGrid, levels: [Double]) -> [[ContourLine]] {
        let threads = min(2, levels.count)
        guard threads > 1 else { return levels.map { contourLines(in: grid, level: $0) } }
        final class Results: @unchecked Sendable {
            var lines: [[ContourLine]]
            init(count: Int) { lines = Array(repeating: [], count: count) }
        }
        let results = Results(count: levels.count)
        let lock = NSLock()
        let blocks = BlockRanges(grid: grid)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var workspace = Workspace(grid: grid, blocks: blocks)
            for index in stride(from: thread, to: levels.count, by: threads) {
                let lines = contourLines(in: grid, level: levels[index], workspace: &workspace)
                lock.lock()
                results.lines[index] = lines
                lock.unlock()
            }
        }
        return results.lines
    }

    /// Smallest and largest value (NaN ignored) over the grid points of each block of `size` × `size` cells,
    /// so that blocks a level cannot cross are skipped whole; computed once for all levels and threads.
    private struct BlockRanges: Sendable {
        static let size = 16
        var ranges: [(low: Double, high: Double)]
        let columns: Int

        init(grid: ScalarGrid) {
            let cellColumns = grid.x.count - 1
            let cellRows = grid.y.count - 1
            let blockColumns = (cellColumns + Self.size - 1) / Self.size
            let blockRows = (cellRows + Self.size - 1) / Self.size
            var ranges = [(low: Double, high: Double)](repeating: (.infinity, -.infinity),
                                                       count: blockColumns * blockRows)
            let columns = grid.x.count
            grid.values.withUnsafeBufferPointer { values in
                for blockRow in 0..<blockRows {
                    for blockColumn in 0..<blockColumns {
                        // The grid points of a block's cells: one more row and column than cells.
                        let firstRow = blockRow * Self.size, firstColumn = blockColumn * Self.size
                        let lastRow = min(firstRow + Self.size, cellRows)
                        let lastColumn = min(firstColumn + Self.size, cellColumns)
                        var low = Double.infinity, high = -Double.infinity
                        for row in firstRow...lastRow {
                            for column in firstColumn...lastColumn {
                                let value = values[row * columns + column]
                                // NaN fails both comparisons, so holes never widen the range.
                                if value < low { low = value }
                                if value > high { high = value }
                            }
                        }
                        ranges[blockRow * blockColumns + blockColumn] = (low, high)
                    }
                }
            }
            self.ranges = ranges
            self.columns = blockColumns
        }
    }

    /// Buffers reused from one level to the next: two neighbour links per grid edge, visit marks, and
    /// which grid points lie above the level.
    private struct Workspace {
        var links: [Int32]
        var visited: [Bool]
        /// One bit per edge: set when the edge is first linked (the same edges as `touched`).
        var touchedBits: [UInt64]
        /// One byte per grid point, then 16 bytes of padding that the cell loop may read past the last row.
        var above: [UInt8]
        let blocks: BlockRanges

        init(grid: ScalarGrid, blocks: BlockRanges) {
            above = [UInt8](repeating: 0, count: grid.values.count + 16)
            let edgeCount = (grid.x.count - 1) * grid.y.count + grid.x.count * (grid.y.count - 1)
            links = [Int32](repeating: -1, count: 2 * edgeCount)
            visited = [Bool](repeating: false, count: edgeCount)
            touchedBits = [UInt64](repeating: 0, count: (edgeCount + 63) / 64)
            self.blocks = blocks
        }
    }

    private static func contourLines(in grid: ScalarGrid, level: Double, workspace: inout Workspace) -> [ContourLine] {
        let nx = grid.x.count
        let ny = grid.y.count
        let horizontalCount = (nx - 1) * ny
        var touched: [Int] = []
        let values = grid.values
        defer {
            // Only touched edges were written, so only they need resetting for the next level.
            workspace.links.withUnsafeMutableBufferPointer { links in
                workspace.visited.withUnsafeMutableBufferPointer { visited in
                    for edge in touched {
                        links[2 * edge] = -1
                        links[2 * edge + 1] = -1
                        visited[edge] = false
                    }
                }
            }
        }

        // One classification per grid point instead of four per cell: bit = value ≥ level (false for NaN).
        // Only the points of blocks the level crosses are classified (the cells below read no others); over
        // the whole grid this loop cost more than the cells themselves.
        let crossedEdges = Self.crossedEdges
        values.withUnsafeBufferPointer { values in
            workspace.above.withUnsafeMutableBufferPointer { above in
                let blockSize = BlockRanges.size
                for (block, range) in workspace.blocks.ranges.enumerated() where range.low < level && range.high >= level {
                    let firstRow = block / workspace.blocks.columns * blockSize
                    let firstColumn = block % workspace.blocks.columns * blockSize
                    let lastColumn = min(firstColumn + blockSize, nx - 1)
                    for j in firstRow...min(firstRow + blockSize, ny - 1) {
                        for index in (j * nx + firstColumn)...(j * nx + lastColumn) {
                            above[index] = values[index] >= level ? 1 : 0
                        }
                    }
                }
            }
        }
        values.withUnsafeBufferPointer { values in
        workspace.above.withUnsafeBufferPointer { above in
        workspace.links.withUnsafeMutableBufferPointer { links in
        workspace.touchedBits.withUnsafeMutableBufferPointer { touchedBits in
            func link(_ a: Int, _ b: Int) {
                if links[2 * a] < 0 {
                    links[2 * a] = Int32(b)
                    touched.append(a)
                    touchedBits[a >> 6] |= 1 << UInt64(a & 63)
                } else {
                    links[2 * a + 1] = Int32(b)
                }
                if links[2 * b] < 0 {
                    links[2 * b] = Int32(a)
                    touched.append(b)
                    touchedBits[b >> 6] |= 1 << UInt64(b & 63)
                } else {
                    links[2 * b + 1] = Int32(a)
                }
            }
            /// Links the crossed edges of cell (i, j) whose corner pattern is `index` (1…14).
            @inline(__always) func linkCell(_ i: Int, _ j: Int, _ index: Int) {
                let bottomRow = j * nx
                let topRow = bottomRow + nx
                let z0 = values[bottomRow + i], z1 = values[bottomRow + i + 1]
                let z2 = values[topRow + i + 1], z3 = values[topRow + i]
                guard z0.isFinite, z1.isFinite, z2.isFinite, z3.isFinite else { return }
                // Edge slots: 0 bottom, 1 right, 2 top, 3 left.
                let edges = (j * (nx - 1) + i, horizontalCount + bottomRow + i + 1,
                             (j + 1) * (nx - 1) + i, horizontalCount + bottomRow + i)
                func edge(_ slot: Int) -> Int {
                    switch slot {
                    case 0: return edges.0
                    case 1: return edges.1
                    case 2: return edges.2
                    default: return edges.3
                    }
                }
                if index == 5 || index == 10 {
                    let centerAbove = (z0 + z1 + z2 + z3) / 4 >= level
                    // Case 5: corners 0 and 2 above; case 10: corners 1 and 3 above.
                    if (index == 5) == centerAbove {
                        link(edges.0, edges.1)
                        link(edges.2, edges.3)
                    } else {
                        link(edges.3, edges.0)
                        link(edges.1, edges.2)
                    }
                } else {
                    let pair = crossedEdges[index]
                    link(edge(pair.0), edge(pair.1))
                }
            }
            let blockSize = BlockRanges.size
            let aboveBytes = UnsafeRawPointer(above.baseAddress!)
            for (block, range) in workspace.blocks.ranges.enumerated() where range.low < level && range.high >= level {
                let firstRow = block / workspace.blocks.columns * blockSize
                let firstColumn = block % workspace.blocks.columns * blockSize
                let lastCell = min(firstColumn + blockSize, nx - 1)
                for j in firstRow..<min(firstRow + blockSize, ny - 1) {
                    let bottomRow = j * nx
                    let topRow = bottomRow + nx
                    // Eight cells at a time: byte k of each word is the above-bit of one corner of cell i + k,
                    // so the cell's pattern is b0 | b1 << 1 | t1 << 2 | t0 << 3 bytewise, and a byte of `crossed`
                    // is 1 exactly when the cell's corners disagree. Most cells of a block are not crossed.
                    var i = firstColumn
                    while i < lastCell {
                        let b0 = aboveBytes.loadUnaligned(fromByteOffset: bottomRow + i, as: UInt64.self)
                        let b1 = aboveBytes.loadUnaligned(fromByteOffset: bottomRow + i + 1, as: UInt64.self)
                        let t0 = aboveBytes.loadUnaligned(fromByteOffset: topRow + i, as: UInt64.self)
                        let t1 = aboveBytes.loadUnaligned(fromByteOffset: topRow + i + 1, as: UInt64.self)
                        let cellsHere = min(8, lastCell - i)
                        let inBlock: UInt64 = cellsHere == 8 ? ~0 : (1 << UInt64(8 * cellsHere)) - 1
                        var crossed = ((b0 ^ b1) | (b0 ^ t0) | (b0 ^ t1)) & inBlock
                        if crossed != 0 {
                            let patterns = b0 | b1 << 1 | t1 << 2 | t0 << 3
                            while crossed != 0 {
                                let byte = crossed.trailingZeroBitCount / 8
                                linkCell(i + byte, j, Int((patterns >> UInt64(8 * byte)) & 0xF))
                                crossed &= crossed - 1
                            }
                        }
                        i += 8
                    }
                }
            }
        }
        }
        }
        }

        func point(_ edge: Int) -> (Double, Double) {
            let (i0, j0, i1, j1): (Int, Int, Int, Int)
            // Edges fit in 32 bits (links store them as Int32), and 32-bit division is several times faster.
            if edge < horizontalCount {
                let (j, i) = UInt32(truncatingIfNeeded: edge).quotientAndRemainder(dividingBy: UInt32(nx - 1))
                (i0, j0, i1, j1) = (Int(i), Int(j), Int(i) + 1, Int(j))
            } else {
                let (j, i) = UInt32(truncatingIfNeeded: edge - horizontalCount)
                    .quotientAndRemainder(dividingBy: UInt32(nx))
                (i0, j0, i1, j1) = (Int(i), Int(j), Int(i), Int(j) + 1)
            }
            let za = values[j0 * nx + i0]
            let zb = values[j1 * nx + i1]
            let t = za == zb ? 0.5 : (level - za) / (zb - za)
            return (grid.x[i0] + t * (grid.x[i1] - grid.x[i0]), grid.y[j0] + t * (grid.y[j1] - grid.y[j0]))
        }

        var lines: [ContourLine] = []
        // Walks through the links from `start`; the buffers are passed in so that the loop works on plain
        // pointers rather than on the captured workspace, whose every access was checked for exclusivity.
        func walk(from start: Int, links: UnsafeBufferPointer<Int32>, visited: UnsafeMutableBufferPointer<Bool>)
            -> ContourLine {
            var xs: [Double] = []
            var ys: [Double] = []
            var previous = -1
            var current = start
            var closed = false
            while true {
                visited[current] = true
                let (px, py) = point(current)
                xs.append(px)
                ys.append(py)
                let a = Int(links[2 * current]), b = Int(links[2 * current + 1])
                let next = a != previous ? a : b
                // Two links to the same edge (a degenerate cell) must not reverse the walk.
                let candidate = (a == b && a == previous) ? -1 : next
                if candidate < 0 { break }
                if candidate == start {
                    closed = true
                    xs.append(xs[0])
                    ys.append(ys[0])
                    break
                }
                if visited[candidate] { break }
                previous = current
                current = candidate
            }
            return ContourLine(x: xs, y: ys, isClosed: closed)
        }
        // The touched edges in increasing order, read from their bits (a scan of one word per 64 edges is
        // cheaper than sorting them), clearing the bits for the next level.
        var ordered: [Int] = []
        ordered.reserveCapacity(touched.count)
        workspace.touchedBits.withUnsafeMutableBufferPointer { bits in
            for word in 0..<bits.count where bits[word] != 0 {
                var remaining = bits[word]
                while remaining != 0 {
                    ordered.append(word * 64 + remaining.trailingZeroBitCount)
                    remaining &= remaining - 1
                }
                bits[word] = 0
            }
        }
        workspace.links.withUnsafeBufferPointer { links in
            workspace.visited.withUnsafeMutableBufferPointer { visited in
                for edge in ordered where !visited[edge] && links[2 * edge + 1] < 0 {
                    lines.append(walk(from: edge, links: links, visited: visited))
                }
                for edge in ordered where !visited[edge] {
                    lines.append(walk(from: edge, links: links, visited: visited))
                }
            }
        }
        return lines
    }
}
