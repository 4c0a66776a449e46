import Yams

/// The build a model is judged for: TensorRT release, platform and precision, and the rule table of that release.
public struct DlaTarget: Sendable {
    public var platform: String
    public var precision: String
    /// The TensorRT release as given or implied by the JetPack (`8.6`, `10.3`, `10.16`).
    public var tensorrt: String
    public var jetpack: String?
    /// The rule table, when the release has DLA and a table; nil otherwise with `noTable` saying why.
    public var table: DlaRuleTable?
    public var noTable: String?
    /// Whether this release has no DLA at all (TensorRT 10.8–11.3).
    public var noDLA = false
}

/// Resolves `--jetpack`/`--tensorrt`/`--platform`/`--precision` through `Data/dla/index.yaml`.
///
/// The index maps JetPack releases to the TensorRT they ship and TensorRT releases to their rule table (until a
/// shared release table lands, the JetPack→TensorRT mapping lives here; sources are in the index's comments).
public enum DlaTargets {
    public struct Entry: Sendable, Equatable {
        public var jetpack: String?
        public var tensorrt: String
        public var platforms: [String]
        public var table: String?
        public var why: String?
        public var dla = true
    }

    /// Why the options do not name a target this tool can judge: a usage error.
    public struct UsageError: Error, Equatable, Sendable {
        public let message: String
    }

    public static let indexPath = "Data/dla/index.yaml"

    /// The index entries from the embedded `Data/dla/index.yaml`.
    public static func entries(_ given: String? = nil) -> (jetpack: [Entry], tensorrt: [Entry]) {
        guard let text = given ?? EmbeddedFiles.data[indexPath],
            let top = (try? Yams.load(yaml: text)) as? [String: Any]
        else { return ([], []) }
        func read(_ key: String) -> [Entry] {
            ((top[key] as? [Any]) ?? []).compactMap { raw in
                guard let e = raw as? [String: Any], let trt = e["tensorrt"] else { return nil }
                var entry = Entry(
                    jetpack: e["jetpack"].map { "\($0)" }, tensorrt: "\(trt)",
                    platforms: (e["platforms"] as? [Any])?.map { "\($0)" } ?? [], table: e["table"] as? String,
                    why: e["why"] as? String)
                entry.dla = (e["dla"] as? Bool) ?? true
                return entry
            }
        }
        return (read("jetpack"), read("tensorrt"))
    }

    /// The target for the options; a usage error for unknown releases or impossible combinations.
    public static func resolve(
        jetpack: String?, tensorrt: String?, platform: String?, precision: String?
    ) -> Result<DlaTarget, UsageError> {
        let index = entries()
        let precision = (precision ?? "fp16").lowercased()
        guard ["fp16", "int8"].contains(precision) else {
            return .failure(UsageError(message: "--precision must be fp16 or int8 (DLA runs only FP16 and INT8)"))
        }
        if jetpack != nil, tensorrt != nil {
            return .failure(UsageError(message: "give --jetpack or --tensorrt, not both"))
        }
        var entry: Entry
        if let jetpack {
            guard let found = index.jetpack.first(where: { $0.jetpack == jetpack }) else {
                let known = index.jetpack.compactMap(\.jetpack).joined(separator: ", ")
                return .failure(UsageError(message: "unknown JetPack \(jetpack) (known: \(known))"))
            }
            entry = found
        } else {
            let wanted = tensorrt ?? "10.3"
            guard let found = index.tensorrt.first(where: { matches(wanted, $0.tensorrt) }) else {
                let known = index.tensorrt.map(\.tensorrt).joined(separator: ", ")
                return .failure(UsageError(message: "unknown TensorRT \(wanted) (known: \(known))"))
            }
            entry = found
            if tensorrt != nil { entry.tensorrt = wanted }
        }
        let platform = (platform ?? entry.platforms.first ?? "orin").lowercased()
        guard ["orin", "xavier"].contains(platform) else {
            return .failure(UsageError(message: "--platform must be orin or xavier"))
        }
        if entry.dla, !entry.platforms.isEmpty, !entry.platforms.contains(platform) {
            let what =
                entry.jetpack.map { "JetPack \($0) (TensorRT \(entry.tensorrt))" } ?? "TensorRT \(entry.tensorrt)"
            return .failure(
                UsageError(
                    message:
                        "\(what) does not run on \(platform) (it ships for \(entry.platforms.joined(separator: ", ")))")
            )
        }
        var target = DlaTarget(
            platform: platform, precision: precision, tensorrt: entry.tensorrt, jetpack: entry.jetpack)
        if !entry.dla {
            target.noDLA = true
            target.noTable = entry.why ?? "TensorRT \(entry.tensorrt) has no DLA support"
            return .success(target)
        }
        guard let tablePath = entry.table.map({ "Data/dla/" + $0 }), let text = EmbeddedFiles.data[tablePath] else {
            target.noTable = entry.why ?? "no DLA rule table for TensorRT \(entry.tensorrt)"
            return .success(target)
        }
        do {
            target.table = try DlaRuleTable.parse(text, path: tablePath)
        } catch {
            target.noTable = error.message
        }
        return .success(target)
    }

    /// `8.6` matches `8.6`, `8.6.2`, `8.6.2.3`; a range entry `10.8-11.3` matches any release inside it.
    static func matches(_ wanted: String, _ entry: String) -> Bool {
        if entry.contains("-") {
            let ends = entry.split(separator: "-").map(String.init)
            guard ends.count == 2 else { return false }
            return VersionOrder.compare(wanted, ends[0]) >= 0 && VersionOrder.compare(wanted, ends[1]) <= 0
                || wanted.hasPrefix(ends[1] + ".")
        }
        return wanted == entry || wanted.hasPrefix(entry + ".")
    }
}

/// Dotted version comparison (`10.16` after `10.8`).
enum VersionOrder {
    static func compare(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: ".").map { Int($0) ?? 0 }
        let y = b.split(separator: ".").map { Int($0) ?? 0 }
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? x[i] : 0
            let r = i < y.count ? y[i] : 0
            if l != r { return l < r ? -1 : 1 }
        }
        return 0
    }
}
