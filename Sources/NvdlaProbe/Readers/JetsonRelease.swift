/// Parses `jetson_release` output (jetson-stats), with or without ANSI colour codes.
///
/// jetson-stats 4.x prints `Model: NVIDIA Jetson AGX Orin Developer Kit - Jetpack 6.0 [L4T 36.3.0]`,
/// `NV Power Mode[2]: MODE_30W` (older 4.x: `NV Power Mode: MODE_30W - Type: 2`), then sections such as
/// `Hardware:` (` - P-Number: p3701-0005`, ` - Module: …`, ` - SoC: tegra234`, ` - CUDA Arch BIN: 8.7`,
/// ` - 699-level Part Number: …`, ` - L4T: 36.3.0`, ` - Jetpack: 6.0`), `Platform:`, `jtop:` and
/// `Libraries:` (` - CUDA: 12.2.140`, ` - OpenCV: 4.8.0 - with CUDA: NO`). jetson-stats 2.x/3.x prints
/// ` - NVIDIA Jetson Xavier NX (Developer Kit Version)`, `   * Jetpack 4.6.1 [L4T 32.7.1]` and `*` bullets.
public struct JetsonRelease: Sendable, Equatable {
    /// One `jetson_release` `key: value` line with the section it appeared in.
    public struct Field: Sendable, Equatable {
        /// The enclosing section (`Hardware`, `Libraries`, …); `nil` before any section.
        public let section: String?
        /// The key, e.g. `P-Number`.
        public let key: String
        /// The value, e.g. `p3701-0005`.
        public let value: String
    }

    /// jetson-stats version (`Software part of jetson-stats 4.2.12` or the `jtop:` section).
    public let jetsonStatsVersion: String?
    /// The model name, e.g. `NVIDIA Jetson AGX Orin Developer Kit`.
    public let model: String?
    /// The JetPack version, e.g. `6.0`.
    public let jetpack: String?
    /// The L4T version, e.g. `36.3.0`.
    public let l4t: String?
    /// The power mode name, e.g. `MODE_30W`.
    public let powerModeName: String?
    /// The power mode id from `NV Power Mode[2]` or `- Type: 2`.
    public let powerModeID: Int?
    /// The serial number, unless hidden (`[XXX Show with: jetson_release -s XXX]`).
    public let serialNumber: String?
    /// `699-level Part Number`.
    public let partNumber699: String?
    /// `P-Number`, e.g. `p3701-0005`.
    public let pNumber: String?
    /// `Module`, e.g. `NVIDIA Jetson AGX Orin (64GB ram)`.
    public let module: String?
    /// `SoC` (or old `SOC Family`), e.g. `tegra234`.
    public let soc: String?
    /// `CUDA Arch BIN` (or old `CUDA GPU architecture (ARCH_BIN)`), e.g. `8.7`.
    public let cudaArchBin: String?
    /// `Codename` / `Code Name`.
    public let codename: String?
    /// `Distribution`, e.g. `Ubuntu 22.04 Jammy Jellyfish`.
    public let distribution: String?
    /// The kernel release from the Platform section's `Release`, e.g. `5.15.136-tegra`.
    public let kernelRelease: String?
    /// Library lines as printed (`CUDA` → `12.2.140`, `VPI` → `Not installed`).
    public let libraries: [String: String]
    /// CUDA version, `nil` when not installed.
    public let cuda: String?
    /// cuDNN version.
    public let cudnn: String?
    /// TensorRT version.
    public let tensorrt: String?
    /// VPI version.
    public let vpi: String?
    /// Vulkan version.
    public let vulkan: String?
    /// OpenCV version.
    public let opencv: String?
    /// Whether OpenCV was built with CUDA (`with CUDA: YES` / `compiled CUDA: NO`).
    public let opencvWithCUDA: Bool?
    /// Every `key: value` line in output order.
    public let fields: [Field]

    /// `jetson_release` sections whose lines are libraries.
    private static let librarySections: Set<String> = ["libraries"]
    /// `jetson_release` keys that are libraries wherever they appear (lower-cased).
    private static let libraryKeys: Set<String> = [
        "cuda", "cudnn", "tensorrt", "vpi", "vulkan", "opencv", "visionworks", "cupva",
    ]

    /// Parses `jetson_release` output; `nil` without a model, a JetPack/L4T version or a library.
    public static func parse(_ text: String) -> JetsonRelease? {
        var section: String?
        var fields: [Field] = []
        var statsVersion: String?
        var model: String?
        var jetpack: String?
        var l4t: String?
        var modeName: String?
        var modeID: Int?
        var libraries: [String: String] = [:]
        var opencvWithCUDA: Bool?

        for rawLine in ReaderLex.lines(ReaderLex.stripANSI(text)) {
            var body = ReaderLex.trimmed(rawLine)
            if body.isEmpty { continue }
            var bulleted = false
            if ReaderLex.hasPrefix(body, "- ") || ReaderLex.hasPrefix(body, "* ") {
                body = ReaderLex.trimmed(body.dropFirst(2))
                bulleted = true
            }
            if ReaderLex.hasPrefix(body, "Software part of jetson-stats ") {
                statsVersion = ReaderLex.fields(body.dropFirst("Software part of jetson-stats ".count)).first
                    .map { String($0) }
                continue
            }
            if let (pack, release, before) = jetpackAndL4T(body) {
                jetpack = pack ?? jetpack
                l4t = release ?? l4t
                if let before, !before.isEmpty { model = before }
                continue
            }
            guard let (rawKey, rawValue) = ReaderLex.splitOnce(body, 0x3A) else {
                if bulleted, section == nil, model == nil, !body.contains("Jetpack") {
                    model = String(body)  // 2.x/3.x: " - NVIDIA Jetson Xavier NX (Developer Kit Version)"
                } else if bulleted, ReaderLex.hasPrefix(body, "Version ") {
                    statsVersion = String(ReaderLex.trimmed(body.dropFirst("Version ".count)))
                }
                continue
            }
            var key = String(ReaderLex.trimmed(rawKey))
            let value = String(ReaderLex.trimmed(rawValue))
            if value.isEmpty {
                section = key
                continue
            }
            if ReaderLex.hasPrefix(key[...], "NV Power Mode") {
                let (name, id) = powerMode(key: key, value: value)
                modeName = name
                modeID = id ?? modeID
                key = "NV Power Mode"
            }
            fields.append(Field(section: section, key: key, value: value))
            let lowerKey = key.lowercased()
            if librarySections.contains(section?.lowercased() ?? "") || libraryKeys.contains(lowerKey) {
                libraries[key] = value
                if lowerKey == "opencv" { opencvWithCUDA = openCVCuda(value) }
            }
        }

        /// The first `jetson_release` value for any of the lower-cased keys, optionally within a section.
        func field(_ keys: String..., section wanted: String? = nil) -> String? {
            for field in fields where keys.contains(field.key.lowercased()) {
                if let wanted, field.section?.lowercased() != wanted { continue }
                return field.value
            }
            return nil
        }
        /// The first dotted version in a `jetson_release` library line, e.g. `12.2.140`.
        func library(_ name: String) -> String? {
            guard let raw = libraries.first(where: { $0.key.lowercased() == name })?.value else { return nil }
            return ReaderLex.fields(raw[...]).first { ReaderLex.isDottedNumber($0) }.map { String($0) }
        }

        if model == nil, let value = field("model") { model = value }
        if jetpack == nil, let value = field("jetpack"), ReaderLex.isDottedNumber(value[...]) {
            jetpack = value
        }
        if l4t == nil, let value = field("l4t"), ReaderLex.isDottedNumber(value[...]) { l4t = value }
        if statsVersion == nil { statsVersion = field("version", section: "jtop") }
        let serial = field("serial number").flatMap { $0.hasPrefix("[") ? nil : $0 }
        let soc = field("soc", "soc family").flatMap { ReaderLex.fields($0[...]).first }.map { String($0) }

        guard model != nil || jetpack != nil || l4t != nil || !libraries.isEmpty else { return nil }
        return JetsonRelease(
            jetsonStatsVersion: statsVersion, model: model, jetpack: jetpack, l4t: l4t,
            powerModeName: modeName,
            powerModeID: modeID, serialNumber: serial, partNumber699: field("699-level part number"),
            pNumber: field("p-number"), module: field("module"), soc: soc,
            cudaArchBin: field("cuda arch bin", "cuda gpu architecture (arch_bin)"),
            codename: field("codename", "code name"), distribution: field("distribution"),
            kernelRelease: field("release", section: "platform") ?? field("kernel"), libraries: libraries,
            cuda: library("cuda"), cudnn: library("cudnn"), tensorrt: library("tensorrt"),
            vpi: library("vpi"),
            vulkan: library("vulkan"), opencv: library("opencv"), opencvWithCUDA: opencvWithCUDA,
            fields: fields)
    }

    /// `[Model: ]X - Jetpack 6.0 [L4T 36.3.0]` or `Jetpack 4.6.1 [L4T 32.7.1]` → (jetpack, l4t, model part).
    private static func jetpackAndL4T(_ body: Substring) -> (String?, String?, String?)? {
        guard body.utf8.contains(0x5B), let l4tRange = body.firstRange(of: "[L4T ") else { return nil }
        let afterL4T = body[l4tRange.upperBound...]
        let l4t = afterL4T.prefix { $0 != "]" }
        guard let packRange = body.firstRange(of: "Jetpack") ?? body.firstRange(of: "JetPack"),
            packRange.lowerBound < l4tRange.lowerBound
        else { return nil }
        let pack = ReaderLex.trimmed(body[packRange.upperBound..<l4tRange.lowerBound])
        var before = ReaderLex.trimmed(body[..<packRange.lowerBound])
        if before.hasSuffix("-") { before = ReaderLex.trimmed(before.dropLast()) }
        if ReaderLex.hasPrefix(before, "Model:") {
            before = ReaderLex.trimmed(before.dropFirst("Model:".count))
        }
        let trimmedL4T = ReaderLex.trimmed(l4t)
        return (
            ReaderLex.isDottedNumber(pack) ? String(pack) : nil,
            ReaderLex.isDottedNumber(trimmedL4T) ? String(trimmedL4T) : nil,
            before.isEmpty ? nil : String(before)
        )
    }

    /// `NV Power Mode[2]` + `MODE_30W`, or `NV Power Mode` + `MODE_30W - Type: 2` → (name, id).
    private static func powerMode(key: String, value: String) -> (String?, Int?) {
        var id: Int?
        if let open = key.firstIndex(of: "["), let close = key.firstIndex(of: "]"), open < close {
            id = ReaderLex.int(key[key.index(after: open)..<close])
        }
        var name = value[...]
        if let typeRange = value.firstRange(of: " - Type:") {
            id = id ?? ReaderLex.int(ReaderLex.trimmed(value[typeRange.upperBound...]))
            name = ReaderLex.trimmed(value[..<typeRange.lowerBound])
        }
        let token = ReaderLex.fields(name).first.map { String($0) }
        return (token, id)
    }

    /// `4.8.0 - with CUDA: NO` / `4.1.1 compiled CUDA: YES` → false / true.
    private static func openCVCuda(_ value: String) -> Bool? {
        guard let range = value.firstRange(of: "CUDA:") else { return nil }
        let answer = ReaderLex.trimmed(value[range.upperBound...]).uppercased()
        if answer.hasPrefix("YES") { return true }
        if answer.hasPrefix("NO") { return false }
        return nil
    }
}
