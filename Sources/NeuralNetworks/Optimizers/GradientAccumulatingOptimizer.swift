/// An optimizer whose update reads each gradient only through `s + g`, for a state vector `s` it keeps per slot
/// (``Momentum``: `s = ρv`, so `s + g` is the new velocity).
///
/// The training loop can then lend `s` to the network as the gradient buffer and have the backward pass add the
/// gradient into it (``Layer``'s accumulating mode; for dense weights a matrix product with `β = 1`), so that no
/// separate gradient array is zeroed, written and read again each step. Lending and taking back are array swaps.
protocol GradientAccumulatingOptimizer<Scalar>: Optimizer {
    /// Swaps `buffer` with the slot's state `s`, making the slot (for `buffer.count` values) on first use. A
    /// second call with the same buffer swaps back.
    mutating func exchangeAccumulator(_ buffer: inout [Scalar], slot: Int)

    /// One step from the slot's state after a gradient `g` was added to it (`s + g`): the same update as
    /// ``Optimizer/update(_:gradient:slot:)`` with `g`.
    mutating func updateFromAccumulator(_ parameter: inout [Scalar], slot: Int)
}
