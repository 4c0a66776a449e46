import Yams

/// A broken `Data/releases.yaml`: what is wrong and where.
public struct ReleaseTableError: Error, CustomStringConvertible, Equatable {
    public let description: String
}

extension ReleaseTable {
    /// Decodes and validates the compiled-in `Data/releases.yaml`.
    public static func load() throws -> ReleaseTable { try load(EmbeddedFiles.data[path]) }

    /// Decodes and validates a YAML release table (`Data/releases.yaml` layout: `schema`, `families`, `releases`,
    /// `tensorrt_dla`); throws `ReleaseTableError` naming the first problem.
    public static func load(_ text: String?) throws -> ReleaseTable {
        guard let text else { throw ReleaseTableError(description: "\(path) is not compiled in") }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ReleaseTableError(description: "\(path) is not YAML: \(error)")
        }
        guard let root = node?.mapping else { throw ReleaseTableError(description: "\(path) is not a mapping") }
        try checkKeys(root, ["schema", "families", "releases", "tensorrt_dla"], "the table")
        guard root["schema"]?.int == 1 else { throw ReleaseTableError(description: "\(path): schema must be 1") }
        let families = try entries(root, "families").map(family)
        let releases = try entries(root, "releases").map { try release($0, families: families) }
        let ranges = try entries(root, "tensorrt_dla").map(range)
        let table = ReleaseTable(releases: releases, families: families, tensorrtRanges: ranges)
        try table.validate()
        return table
    }

    /// Order, uniqueness and agreement between rows and families.
    func validate() throws {
        func fail(_ text: String) -> ReleaseTableError { ReleaseTableError(description: "\(Self.path): \(text)") }
        guard !releases.isEmpty, !families.isEmpty else { throw fail("no releases or no families") }
        if Set(families.map(\.l4tMajor)).count != families.count { throw fail("a family is listed twice") }
        for (previous, next) in zip(releases, releases.dropFirst())
        where (VersionCompare.compare(previous.l4t, next.l4t) ?? 1) >= 0 {
            throw fail("releases out of order or repeated at \(next.l4t)")
        }
        for release in releases {
            guard let family = family(major: release.l4tMajor) else { throw fail("no family for L4T \(release.l4t)") }
            if release.jetpackMajor != family.jetpackMajor {
                throw fail("L4T \(release.l4t) has JetPack \(release.jetpack), not \(family.jetpackMajor).x")
            }
            if release.kernelSeries != family.kernelSeries {
                throw fail("L4T \(release.l4t) has kernel \(release.kernel), not \(family.kernelSeries)")
            }
        }
        for (previous, next) in zip(tensorrtRanges, tensorrtRanges.dropFirst()) where previous.below != next.min {
            throw fail("TensorRT ranges leave a gap or overlap at \(next.min)")
        }
        if let open = tensorrtRanges.dropLast().first(where: { $0.below == nil }) {
            throw fail("only the last TensorRT range may be open-ended (\(open.min))")
        }
    }

    // MARK: - Entries

    static func entries(_ root: Node.Mapping, _ key: String) throws -> [Node.Mapping] {
        guard let list = root[key]?.sequence else {
            throw ReleaseTableError(description: "\(path): `\(key)` must be a list")
        }
        return try list.map { item in
            guard let map = item.mapping else {
                throw ReleaseTableError(
                    description: "\(path) line \(item.mark?.line ?? 0): `\(key)` entries are mappings")
            }
            return map
        }
    }

    static func family(_ map: Node.Mapping) throws -> Family {
        try checkKeys(map, ["l4t", "jetpack", "kernel", "driver", "socs", "cuda_upgrades", "source"], "a family")
        let major = try string(map, "l4t")
        guard let l4t = Int(major), let jetpack = Int(try string(map, "jetpack")) else {
            throw problem(map, "a family's `l4t` and `jetpack` are majors (36, 6)")
        }
        guard let driver = Driver(rawValue: try string(map, "driver")) else {
            throw problem(map, "`driver` is builtin or module")
        }
        var upgrades: Bool?
        if let node = map["cuda_upgrades"] {
            guard let value = node.bool else { throw problem(map, "`cuda_upgrades` is true or false") }
            upgrades = value
        }
        return Family(
            l4tMajor: l4t, jetpackMajor: jetpack, kernelSeries: try version(map, "kernel"), driver: driver,
            socs: try strings(map, "socs"), cudaUpgrades: upgrades, source: try string(map, "source"))
    }

    static func release(_ map: Node.Mapping, families: [Family]) throws -> Release {
        try checkKeys(
            map, ["l4t", "jetpack", "kernel", "cuda", "cudnn", "tensorrt", "socs", "source"], "a release")
        let l4t = try version(map, "l4t")
        guard VersionCompare.components(l4t)?.count == 3 else { throw problem(map, "`l4t` is major.minor.patch") }
        let major = VersionCompare.components(l4t)?.first
        let socs =
            map["socs"] == nil ? families.first { $0.l4tMajor == major }?.socs ?? [] : try strings(map, "socs")
        return Release(
            l4t: l4t, jetpack: try version(map, "jetpack"), kernel: try version(map, "kernel"),
            cuda: try version(map, "cuda"), cudnn: try version(map, "cudnn"), tensorrt: try version(map, "tensorrt"),
            socs: socs, source: try string(map, "source"))
    }

    static func range(_ map: Node.Mapping) throws -> DLARange {
        try checkKeys(map, ["min", "below", "dla", "needs", "why", "source"], "a TensorRT range")
        guard let dla = map["dla"]?.bool else { throw problem(map, "`dla` is true or false") }
        var jetpack: String?
        var modules: [String]?
        if let needs = map["needs"] {
            guard let needsMap = needs.mapping else { throw problem(map, "`needs` is a mapping") }
            try checkKeys(needsMap, ["jetpack", "modules"], "`needs`")
            jetpack = try needsMap["jetpack"].map { _ in try version(needsMap, "jetpack") }
            modules = try needsMap["modules"].map { _ in try strings(needsMap, "modules") }
        }
        return DLARange(
            min: try version(map, "min"), below: try map["below"].map { _ in try version(map, "below") }, dla: dla,
            needsJetPack: jetpack, needsModules: modules, why: try string(map, "why"), source: try string(map, "source")
        )
    }

    // MARK: - Scalars

    static func checkKeys(_ map: Node.Mapping, _ allowed: Set<String>, _ what: String) throws {
        for key in map.keys {
            guard let name = key.string, allowed.contains(name) else {
                throw problem(map, "unknown key `\(key.string ?? "?")` in \(what)")
            }
        }
    }

    static func string(_ map: Node.Mapping, _ key: String) throws -> String {
        guard let text = map[key]?.scalar?.string, !text.isEmpty else { throw problem(map, "`\(key)` is missing") }
        return text
    }

    static func version(_ map: Node.Mapping, _ key: String) throws -> String {
        let text = try string(map, key)
        guard VersionCompare.components(text) != nil else { throw problem(map, "`\(key)` \(text) is not a version") }
        return text
    }

    static func strings(_ map: Node.Mapping, _ key: String) throws -> [String] {
        guard let list = map[key]?.sequence else { throw problem(map, "`\(key)` is a list") }
        let items = list.compactMap { $0.scalar?.string }
        guard items.count == list.count, !items.isEmpty else { throw problem(map, "`\(key)` is a list of names") }
        return items
    }

    static func problem(_ map: Node.Mapping, _ text: String) -> ReleaseTableError {
        let line = map.keys.first?.mark?.line ?? 0
        return ReleaseTableError(description: "\(path) line \(line): \(text)")
    }
}
