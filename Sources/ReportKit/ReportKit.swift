// The one module an experiment imports: `import ReportKit` brings the training engine, the figures, the math
// converter, the document model and Foundation, so an experiment never needs to know how the package is split.
//
// It also holds the conversions from the engine's values (training histories, optimizer trajectories, data
// sets, networks, test functions, activations) to the figures' inputs (`Conversions/`). They live here because
// this is the one module that sees both sides while each side stays independent: Plotting must not import
// NeuralNetworks (so it can draw any data), and NeuralNetworks must not import Plotting (so it trains without
// Cairo). Both sides use `SIMD2<Double>` for a point in the plane, so no conversion is needed for points.
@_exported import Foundation
@_exported import MathML
@_exported import NeuralNetworks
@_exported import Plotting
@_exported import Report
