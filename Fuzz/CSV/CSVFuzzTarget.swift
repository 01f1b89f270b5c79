import Foundation

/// libFuzzer's entry point for the CSV reader: any bytes must give a data set or a `CSVError`, never a crash,
/// a hang or a data set that breaks its own invariants.
///
/// The first byte picks the options (separator given or detected, missing-value policy), so the fuzzer
/// explores all of them; the columns asked for are `x`, `y` and `z`, the names the seed files use, so that
/// mutated seeds reach the number parsing and not only "no column named …".
@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzzTarget(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let selector = start[0]
    let data = Data(bytes: start + 1, count: count - 1)
    let separators: [CSVSeparator?] = [nil, .comma, .semicolon, .tab]
    let policies: [MissingValuePolicy] = [.reject, .fill(0), .fillWithColumnMean, .dropRow]
    let options = CSVOptions(separator: separators[Int(selector & 3)], missingValues: policies[Int((selector >> 2) & 3)])
    let columnChoices: [([String], [String])] = [(["x"], ["y"]), (["x", "z"], ["y"]), (["y"], [])]
    let (inputs, targets) = columnChoices[Int(selector >> 4) % columnChoices.count]
    do {
        let dataset = try Dataset<Float>(csvData: data, fileName: "fuzz.csv", inputColumns: inputs, targetColumns: targets,
                                         options: options)
        guard dataset.count > 0, dataset.inputs.columns == inputs.count, dataset.targets.columns == targets.count,
              dataset.inputs.storage.count == dataset.count * inputs.count,
              dataset.targets.storage.count == dataset.count * targets.count else {
            fatalError("inconsistent data set: \(dataset.count) rows, \(dataset.inputs.columns)+\(dataset.targets.columns) columns")
        }
        // Values are finite doubles rounded to Float, which may overflow to infinity, but never NaN.
        guard !dataset.inputs.storage.contains(where: \.isNaN), !dataset.targets.storage.contains(where: \.isNaN) else {
            fatalError("NaN in a data set read from CSV")
        }
    } catch let error as CSVError {
        // Every message must be printable text that names the file.
        let message = error.description
        guard message.hasPrefix("fuzz.csv"), !message.utf8.contains(0) else { fatalError("bad message: \(message)") }
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}
