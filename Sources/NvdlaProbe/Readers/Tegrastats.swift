/// Parses one line of `tegrastats` output (JetPack 4/5/6/7 layouts).
///
/// Example (JetPack 6): `05-09-2026 18:42:06 RAM 18207/62841MB (lfb 466x4MB) SWAP 86/31420MB (cached 0MB)
/// CPU [14%@2188,…] EMC_FREQ 3%@2133 GR3D_FREQ 0%@[0,0] NVENC 79%@166 NVDEC off … NVDLA0 off NVDLA1 off
/// PVA0_FREQ off APE 174 cpu@52.562C … VDD_GPU_SOC 2412mW/2412mW`. JetPack 5 lines carry no `NVDLA*` tokens,
/// so `nvdla0`/`nvdla1` are `nil` there ("not reported", not "off"). Unknown tokens are ignored.
public struct Tegrastats: Sendable, Equatable {
    /// The state of a `tegrastats` engine token.
    ///
    /// Forms: `NVDLA0 off`, `NVDLA0 1600`, `NVDLA0 35%@1600`, `NVDLA0@1600`.
    public struct EngineState: Sendable, Equatable {
        /// `false` for `off`.
        public let isOn: Bool
        /// Utilisation percent when printed.
        public let percent: Int?
        /// Frequency in MHz when printed (the first one of a `[a,b]` list).
        public let frequencyMHz: Int?
    }

    /// A `tegrastats` utilisation/frequency pair such as `EMC_FREQ 3%@2133` or `GR3D_FREQ 0%@[0,0]`.
    public struct Load: Sendable, Equatable {
        /// Utilisation percent.
        public let percent: Int?
        /// Frequency in MHz (the first of a per-GPC list).
        public let frequencyMHz: Int?
    }

    /// A `tegrastats` power rail reading such as `VDD_GPU_SOC 2412mW/2412mW`.
    ///
    /// The values are current/average; JetPack 7 prints a third value, which is ignored.
    public struct Rail: Sendable, Equatable {
        /// Instantaneous power in mW.
        public let currentMilliwatts: Int
        /// Average power in mW.
        public let averageMilliwatts: Int?
    }

    /// The leading `MM-DD-YYYY HH:MM:SS` stamp, when present.
    public let timestamp: String?
    /// Used RAM in MB.
    public let ramUsedMB: Int64?
    /// Total RAM in MB.
    public let ramTotalMB: Int64?
    /// Used swap in MB.
    public let swapUsedMB: Int64?
    /// Total swap in MB.
    public let swapTotalMB: Int64?
    /// `EMC_FREQ`.
    public let emc: Load?
    /// `GR3D_FREQ`.
    public let gr3d: Load?
    /// `NVDLA0`; `nil` when the line has no such token.
    public let nvdla0: EngineState?
    /// `NVDLA1`; `nil` when the line has no such token.
    public let nvdla1: EngineState?
    /// Every `NAME value` engine token (`NVENC`, `NVDEC`, `VIC`, `OFA`, `PVA0_FREQ`, `APE`, `NVDLA0`, …).
    public let engines: [String: EngineState]
    /// Temperatures in °C by sensor (`cpu@52.562C`, `tj@42.593C`; JP7 `cpu@52.9C/52.9C` takes the first).
    public let temperatures: [String: Double]
    /// Power rails by name.
    public let rails: [String: Rail]

    /// Parses one `tegrastats` line; `nil` without a `RAM` field, an engine or a temperature token.
    public static func parse(_ text: String) -> Tegrastats? {
        let line = ReaderLex.trimmed(ReaderLex.lines(text).first ?? "")
        let tokens = ReaderLex.fields(line)
        var timestamp: String?
        var ramUsed: Int64?, ramTotal: Int64?, swapUsed: Int64?, swapTotal: Int64?
        var emc: Load?, gr3d: Load?
        var engines: [String: EngineState] = [:]
        var temperatures: [String: Double] = [:]
        var rails: [String: Rail] = [:]

        if tokens.count >= 2, tokens[0].utf8.count == 10, tokens[0].utf8.dropFirst(2).first == 0x2D,
            tokens[1].utf8.count == 8, tokens[1].utf8.dropFirst(2).first == 0x3A
        {
            timestamp = "\(tokens[0]) \(tokens[1])"
        }
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            let next = index + 1 < tokens.count ? tokens[index + 1] : nil
            defer { index += 1 }
            switch token {
            case "RAM":
                if let next, let (used, total) = usedTotal(next) {
                    ramUsed = used
                    ramTotal = total
                    index += 1
                }
                continue
            case "SWAP":
                if let next, let (used, total) = usedTotal(next) {
                    swapUsed = used
                    swapTotal = total
                    index += 1
                }
                continue
            case "EMC_FREQ", "EMC":
                if let next, let load = load(next) {
                    emc = load
                    index += 1
                }
                continue
            case "GR3D_FREQ", "GR3D":
                if let next, let load = load(next) {
                    gr3d = load
                    index += 1
                }
                continue
            default:
                break
            }
            if let at = token.utf8.firstIndex(of: 0x40), isName(token[token.startIndex..<at]) {
                let name = token[token.startIndex..<at]
                let value = token[token.utf8.index(after: at)...]
                if let celsius = temperature(value) {
                    temperatures[String(name)] = celsius
                } else if let frequency = firstNumber(value) {
                    engines[String(name)] = EngineState(isOn: true, percent: nil, frequencyMHz: frequency)
                }
                continue
            }
            guard isName(token), let next else { continue }
            if let rail = rail(next) {
                rails[String(token)] = rail
                index += 1
            } else if let state = engineState(next) {
                engines[String(token)] = state
                index += 1
            }
        }
        guard ramTotal != nil || !engines.isEmpty || !temperatures.isEmpty else { return nil }
        return Tegrastats(
            timestamp: timestamp, ramUsedMB: ramUsed, ramTotalMB: ramTotal, swapUsedMB: swapUsed,
            swapTotalMB: swapTotal, emc: emc, gr3d: gr3d, nvdla0: engines["NVDLA0"],
            nvdla1: engines["NVDLA1"],
            engines: engines, temperatures: temperatures, rails: rails)
    }

    /// ASCII letters, digits and `_`, starting with a letter (`NVDLA0`, `VDD_GPU_SOC`, `cpu`).
    private static func isName(_ token: Substring) -> Bool {
        guard let first = token.utf8.first, isLetter(first) else { return false }
        return token.utf8.allSatisfy { ReaderLex.isDigit($0) || $0 == 0x5F || isLetter($0) }
    }

    /// Whether a byte is an ASCII letter.
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    /// `1282/62795MB` → (1282, 62795).
    private static func usedTotal(_ token: Substring) -> (Int64, Int64)? {
        guard let (used, rest) = ReaderLex.splitOnce(token, 0x2F) else { return nil }
        let total = rest.prefix { $0.isASCII && $0.isNumber }
        guard let usedValue = ReaderLex.int64(used), let totalValue = ReaderLex.int64(total) else {
            return nil
        }
        return (usedValue, totalValue)
    }

    /// `3%@2133`, `0%@[0,0]`, `0%`, `@[1000,1000]` → load.
    private static func load(_ token: Substring) -> Load? {
        var percent: Int?
        var frequency: Int?
        if let (left, right) = ReaderLex.splitOnce(token, 0x40) {
            percent = left.last == "%" ? ReaderLex.int(left.dropLast()) : nil
            frequency = firstNumber(right)
            guard percent != nil || frequency != nil else { return nil }
        } else {
            guard token.last == "%", let value = ReaderLex.int(token.dropLast()) else { return nil }
            percent = value
        }
        return Load(percent: percent, frequencyMHz: frequency)
    }

    /// `off`, `1600`, `35%@1600`, `35%` → engine state.
    private static func engineState(_ token: Substring) -> EngineState? {
        if token.lowercased() == "off" { return EngineState(isOn: false, percent: nil, frequencyMHz: nil) }
        guard let first = token.utf8.first, ReaderLex.isDigit(first) || first == 0x40 else { return nil }
        if let value = ReaderLex.int(token) {
            return EngineState(isOn: true, percent: nil, frequencyMHz: value)
        }
        guard let load = load(token) else { return nil }
        return EngineState(isOn: true, percent: load.percent, frequencyMHz: load.frequencyMHz)
    }

    /// `2412mW/2412mW[/2412mW]` or `5336/4970` → rail.
    private static func rail(_ token: Substring) -> Rail? {
        let parts = token.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        var values: [Int] = []
        for part in parts {
            let digits = part.hasSuffix("mW") ? part.dropLast(2) : part
            guard let value = ReaderLex.int(digits) else { return nil }
            values.append(value)
        }
        return Rail(currentMilliwatts: values[0], averageMilliwatts: values[1])
    }

    /// `52.562C` or `52.968C/52.968C` → 52.562.
    private static func temperature(_ value: Substring) -> Double? {
        let first = value.split(separator: "/").first ?? value
        guard first.last == "C", first.count >= 2 else { return nil }
        let number = first.dropLast()
        guard number.utf8.allSatisfy({ ReaderLex.isDigit($0) || $0 == 0x2E || $0 == 0x2D }) else {
            return nil
        }
        return Double(number)
    }

    /// The first decimal number in `2133`, `[1300,1300]`.
    private static func firstNumber(_ text: Substring) -> Int? {
        let digits = text.drop { !($0.isASCII && $0.isNumber) }.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty || digits.count > 9 ? nil : ReaderLex.int(digits)
    }
}
