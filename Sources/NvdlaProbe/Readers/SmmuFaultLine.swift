/// Parses one arm-smmu fault line of the kernel log: which SMMU instance reported it and the stream-ID value it names.
///
/// Forms (Docs/platform.md §6.2): `arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, iova=0x…, fsynr=0x…,
/// cbfrsynra=0x82b, cb=5` (kernel 5.10 and later; `cbfrsynra` may carry bits above the stream ID), the 4.9 form
/// `… Unhandled context fault: iova=0x…, fsynr=0x…, cb=21, sid=17(0x11 - AFI), pgd=…`, and `Blocked unknown Stream
/// ID 0x835; boot with …`. Any prefix (timestamp, host name) before the device name is ignored.
public struct SmmuFaultLine: Sendable, Equatable {
    /// SMMU unit address as printed (`8000000`, `12000000`).
    public let smmu: String
    /// The value as printed: a `cbfrsynra` register or a stream ID, not yet masked.
    public let raw: Int

    /// Parses `line`; nil when it names no SMMU instance or no stream-ID value.
    public static func parse(_ line: String) -> SmmuFaultLine? {
        let text = Substring(line)
        guard let device = text.range(of: ".iommu:") else { return nil }
        var start = device.lowerBound
        while start > text.startIndex {
            let before = text.index(before: start)
            guard let byte = text[before].asciiValue, ReaderLex.hexDigit(byte) != nil else { break }
            start = before
        }
        let unit = text[start..<device.lowerBound]
        guard !unit.isEmpty, unit.count <= 16 else { return nil }
        let rest = text[device.upperBound...]
        for marker in ["cbfrsynra=0x", "sid=", "Stream ID 0x"] {
            guard let found = rest.range(of: marker) else { continue }
            var valueText = rest[found.upperBound...]
            if marker == "sid=" {
                // `sid=17(0x11 - AFI)`: the hex form in parentheses.
                guard let open = valueText.range(of: "(0x") else { continue }
                valueText = valueText[open.upperBound...]
            }
            let digits = valueText.prefix { $0.asciiValue.map { ReaderLex.hexDigit($0) != nil } ?? false }
            guard let value = ReaderLex.hex64(digits), value <= UInt64(Int32.max) else { return nil }
            return SmmuFaultLine(smmu: String(unit).lowercased(), raw: Int(value))
        }
        return nil
    }
}
