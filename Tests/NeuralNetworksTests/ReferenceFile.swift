import Foundation

/// Reads the independent reference values stored beside the tests (computed with numpy and PyTorch).
enum ReferenceFile {
    static func url(_ relativePath: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("References/\(relativePath)")
    }

    static func json(_ relativePath: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(relativePath))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}

extension Dictionary where Key == String, Value == Any {
    func doubles(_ key: String) -> [Double] { (self[key] as! [Any]).map { ($0 as! NSNumber).doubleValue } }
    func matrix(_ key: String) -> [[Double]] { (self[key] as! [[Any]]).map { $0.map { ($0 as! NSNumber).doubleValue } } }
    func object(_ key: String) -> [String: Any] { self[key] as! [String: Any] }
    func number(_ key: String) -> Double { (self[key] as! NSNumber).doubleValue }
}
