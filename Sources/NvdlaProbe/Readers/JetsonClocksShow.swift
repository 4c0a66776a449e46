/// Parses `jetson_clocks --show` output (script from `nvidia-l4t-tools`).
///
/// Reads the `SOC family:tegra234  Machine:NVIDIA Jetson AGX Orin Developer Kit` line, `Online CPUs: 0-11`,
/// `NV Power Mode: MAXN`, and every `NAME[:] Key=Value …` line as an engine, e.g.
/// `DLA0_CORE:   Online=1 MinFreq=0 MaxFreq=1600000000 CurrentFreq=1600000000`, `GPU MinFreq=… MaxFreq=…`,
/// `cpu0: Online=1 Governor=schedutil …`.
public struct JetsonClocksShow: Sendable, Equatable {
    /// One `jetson_clocks --show` line of `NAME Key=Value …` pairs.
    public struct Engine: Sendable, Equatable {
        /// The line's name, colon removed (`DLA0_CORE`, `GPU`, `EMC`, `cpu0`).
        public let name: String
        /// `Online=` as a boolean (`1` → true).
        public let online: Bool?
        /// `MinFreq=` (Hz for DLA/GPU/EMC, kHz for CPUs, as the script prints).
        public let minFreq: Int64?
        /// `MaxFreq=`.
        public let maxFreq: Int64?
        /// `CurrentFreq=`.
        public let currentFreq: Int64?
        /// Every `Key=Value` pair of the line.
        public let values: [String: String]
    }

    /// `SOC family:` value, e.g. `tegra234`.
    public let socFamily: String?
    /// `Machine:` value, e.g. `NVIDIA Jetson AGX Orin Developer Kit`.
    public let machine: String?
    /// `Online CPUs:` value, e.g. `0-11`.
    public let onlineCPUs: String?
    /// `NV Power Mode:` value, e.g. `MAXN`.
    public let powerMode: String?
    /// Engine lines in output order.
    public let engines: [Engine]

    /// The `jetson_clocks --show` line with that name, e.g. `engine(named: "DLA0_CORE")`.
    public func engine(named name: String) -> Engine? {
        engines.first { $0.name == name }
    }

    /// Keys that only jetson_clocks' engine rows print (`cpu0: Online=1 Governor=schedutil MinFreq=… MaxFreq=…`,
    /// `GPU MinFreq=… MaxFreq=… CurrentFreq=…`, `EMC MinFreq=… FreqOverride=0`); the `FAN …` row has its own keys.
    static let rowKeys: Set<String> = [
        "Online", "MinFreq", "MaxFreq", "CurrentFreq", "Governor", "IdleStates", "FreqOverride", "GpcMask",
    ]

    /// Parses `jetson_clocks --show` output; `nil` when no recognised line is present.
    public static func parse(_ text: String) -> JetsonClocksShow? {
        var socFamily: String?
        var machine: String?
        var onlineCPUs: String?
        var powerMode: String?
        var engines: [Engine] = []
        for rawLine in ReaderLex.lines(ReaderLex.stripANSI(text)) {
            let line = ReaderLex.trimmed(rawLine)
            if ReaderLex.hasPrefix(line, "SOC family:") {
                var rest = line.dropFirst("SOC family:".count)
                if let range = rest.firstRange(of: "Machine:") {
                    machine = String(ReaderLex.trimmed(rest[range.upperBound...]))
                    rest = rest[..<range.lowerBound]
                }
                socFamily = String(ReaderLex.trimmed(rest))
                continue
            }
            if ReaderLex.hasPrefix(line, "Online CPUs:") {
                onlineCPUs = String(ReaderLex.trimmed(line.dropFirst("Online CPUs:".count)))
                continue
            }
            if ReaderLex.hasPrefix(line, "NV Power Mode:") {
                powerMode = String(ReaderLex.trimmed(line.dropFirst("NV Power Mode:".count)))
                continue
            }
            let columns = ReaderLex.fields(line)
            guard columns.count >= 2 else { continue }
            var values: [String: String] = [:]
            for column in columns.dropFirst() {
                guard let (key, value) = ReaderLex.splitOnce(column, 0x3D), !key.isEmpty else { continue }
                values[String(key)] = String(value)
            }
            // An engine row has jetson_clocks' own keys; other `name key=value` text (a command line) is not one.
            guard values.keys.contains(where: { Self.rowKeys.contains($0) }) || columns[0].hasPrefix("FAN") else {
                continue
            }
            var name = columns[0]
            if name.last == ":" { name = name.dropLast() }
            let number = { (key: String) -> Int64? in values[key].flatMap { ReaderLex.int64($0[...]) } }
            engines.append(
                Engine(
                    name: String(name), online: number("Online").map { $0 != 0 }, minFreq: number("MinFreq"),
                    maxFreq: number("MaxFreq"), currentFreq: number("CurrentFreq"), values: values))
        }
        guard socFamily != nil || powerMode != nil || onlineCPUs != nil || !engines.isEmpty else {
            return nil
        }
        return JetsonClocksShow(
            socFamily: socFamily, machine: machine, onlineCPUs: onlineCPUs, powerMode: powerMode,
            engines: engines)
    }
}
