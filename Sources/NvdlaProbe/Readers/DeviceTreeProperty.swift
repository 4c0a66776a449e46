/// Decodes device-tree property bytes as exposed under `/sys/firmware/devicetree/base` (flattened DT format).
///
/// Strings are NUL-terminated, string lists NUL-separated, cells big-endian 32-bit words.
public enum DeviceTreeProperty {
    /// A NUL-separated string list (`compatible`, `clock-names`); `nil` when the bytes are not text.
    public static func strings(_ bytes: [UInt8]) -> [String]? {
        guard !bytes.isEmpty, bytes.last == 0 else { return nil }
        var result: [String] = []
        var current: [UInt8] = []
        for byte in bytes.dropLast() {
            if byte == 0 {
                guard let text = String(validating: current, as: UTF8.self) else { return nil }
                result.append(text)
                current.removeAll(keepingCapacity: true)
            } else {
                guard byte >= 0x20 || byte == 0x09 else { return nil }
                current.append(byte)
            }
        }
        guard let last = String(validating: current, as: UTF8.self) else { return nil }
        result.append(last)
        return result
    }

    /// A single string (`status`, `model`): the first entry of the string list.
    public static func string(_ bytes: [UInt8]) -> String? {
        strings(bytes)?.first
    }

    /// Big-endian u32 cells (`reg`, `iommus`, `interrupts`); `nil` unless the length is a multiple of 4.
    public static func cells(_ bytes: [UInt8]) -> [UInt32]? {
        guard bytes.count % 4 == 0 else { return nil }
        var cells: [UInt32] = []
        cells.reserveCapacity(bytes.count / 4)
        var index = 0
        while index < bytes.count {
            let word =
                UInt32(bytes[index]) << 24 | UInt32(bytes[index + 1]) << 16 | UInt32(bytes[index + 2]) << 8
                | UInt32(bytes[index + 3])
            cells.append(word)
            index += 4
        }
        return cells
    }

    /// A 64-bit size or address from two cells (e.g. `reserved-memory/linux,cma/size`); one cell also accepted.
    public static func u64(_ bytes: [UInt8]) -> UInt64? {
        guard let cells = cells(bytes) else { return nil }
        switch cells.count {
        case 1: return UInt64(cells[0])
        case 2: return UInt64(cells[0]) << 32 | UInt64(cells[1])
        default: return nil
        }
    }
}
