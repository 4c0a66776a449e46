/// TensorRT versions as logs print them.
public enum TensorRTVersion {
    /// Decodes trtexec's banner number (`[TensorRT v8502]` → `8.5.2`, `[TensorRT v100300]` → `10.3.0`).
    ///
    /// The banner prints `NV_TENSORRT_VERSION` of `NvInferVersion.h`: `major·1000 + minor·100 + patch` up to 8.x and
    /// `major·10000 + minor·100 + patch` from 10.0, so four digits and six digits decode differently. Patches can
    /// have two digits: `v8510` is 8.5.10, a DRIVE OS release (NVIDIA/TensorRT issue 3286).
    public static func banner(_ digits: Substring) -> String? {
        guard let value = Int(digits), value > 0 else { return nil }
        switch digits.count {
        case 6: return "\(value / 10000).\(value / 100 % 100).\(value % 100)"
        case 4: return "\(value / 1000).\(value / 100 % 10).\(value % 100)"
        default: return nil
        }
    }

    /// The version in `[TensorRT v8502]`, `TensorRT version: 8.5.2` or `Loaded TensorRT 10.3.0`; nil when none.
    public static func find(in message: Substring) -> String? {
        // Every marker holds `TensorRT`, and no other characters are canonically equivalent to those letters: a
        // line without their bytes is passed over without Foundation's search of characters.
        guard holdsName(message) else { return nil }
        if let range = message.range(of: "[TensorRT v") {
            let digits = message[range.upperBound...].prefix { $0.isNumber }
            return banner(digits)
        }
        for marker in ["TensorRT version: ", "TensorRT version ", "Loaded TensorRT "] {
            guard let range = message.range(of: marker) else { continue }
            let text = message[range.upperBound...].prefix { $0.isNumber || $0 == "." }
            // trtexec 8.x prints `TensorRT version: 8502` (getInferLibVersion()).
            if !text.contains("."), let decoded = banner(text) { return decoded }
            if ReaderLex.isDottedNumber(text), (2...4).contains(text.split(separator: ".").count) {
                return String(text)
            }
        }
        return nil
    }

    static let name = LiteralSet(["TensorRT"])

    /// Whether `message` holds the bytes of `TensorRT`.
    static func holdsName(_ message: Substring) -> Bool {
        message.withUTF8Bytes { name.containsAny(in: $0) }
    }
}
