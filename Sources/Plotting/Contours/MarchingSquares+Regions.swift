extension MarchingSquares {
    /// The boundaries of the superlevel sets {(x, y) : f(x, y) ≥ level} of `grid`, as closed loops.
    ///
    /// The grid is surrounded by a ring of points at the coordinates of its border points, holding a value
    /// below every level and every grid value, and non-finite values are replaced by that value too. Every
    /// contour of this padded grid is closed: where a set reaches the border, its boundary runs along the
    /// border, because a crossing on the zero-length edge between a border point and its ring point lies on
    /// the border point. Filled by the even–odd rule, the loops of a level cover exactly its set and leave
    /// its holes open; away from the border and from holes in the data they are the lines
    /// ``contourLines(in:level:)`` finds.
    ///
    /// - Note: Holes in the data (non-finite values) are left out of every set, their edges crossed between
    ///   the last finite point and the hole as if the hole held the ring's value.
    /// - Parameters:
    ///   - grid: The sampled function.
    ///   - levels: The lower bounds of the sets.
    /// - Returns: `result[k]` holds the loops (first point repeated at the end) around the set of `levels[k]`.
    static func superlevelBoundaries(in grid: ScalarGrid, levels: [Double]) -> [[ContourLine]] {
        guard !levels.isEmpty else { return [] }
        let lowest = min(levels.min()!, grid.finiteRange?.lowerBound ?? levels.min()!)
        let ring = lowest - max(1, abs(lowest))
        let columns = grid.x.count, rows = grid.y.count
        var values = [Double](repeating: ring, count: (columns + 2) * (rows + 2))
        for row in 0..<rows {
            for column in 0..<columns {
                let value = grid[column, row]
                if value.isFinite { values[(row + 1) * (columns + 2) + column + 1] = value }
            }
        }
        // The repeated border coordinates make the ring's cells zero-width (marching squares only interpolates
        // along edges, so it does not need increasing coordinates).
        let padded = ScalarGrid(x: [grid.x[0]] + grid.x + [grid.x[columns - 1]],
                                y: [grid.y[0]] + grid.y + [grid.y[rows - 1]], values: values)
        return contourLines(in: padded, levels: levels)
    }
}
