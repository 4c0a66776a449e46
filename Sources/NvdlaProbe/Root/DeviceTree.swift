#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The live device tree of a root, read as raw property files under `sys/firmware/devicetree/base`.
///
/// Never `proc/device-tree`: that is an absolute link on real systems (Docs/architecture.md, "Snapshot layout").
public struct DeviceTree: Sendable {
    /// Inner path of the device-tree root.
    public static let base = "/sys/firmware/devicetree/base"
    public let root: SystemRoot

    public init(root: SystemRoot) { self.root = root }

    /// Host-independent path of a node (`/bus@0/host1x@13e00000`) under the DT base.
    public func path(_ node: String) -> String {
        node == "/" || node.isEmpty ? Self.base : Self.base + (node.hasPrefix("/") ? node : "/" + node)
    }

    /// Raw bytes of property `name` of `node` (capped at 256 KiB).
    public func property(_ node: String, _ name: String) -> ReadResult<[UInt8]> {
        root.readBytes(path(node) + "/" + name, cap: 256 * 1024).map { $0.bytes }
    }

    /// A property as a string list.
    public func strings(_ node: String, _ name: String) -> ReadResult<[String]> {
        property(node, name).parse("not a NUL-terminated string list", DeviceTreeProperty.strings)
    }

    /// A property as one string.
    public func string(_ node: String, _ name: String) -> ReadResult<String> {
        property(node, name).parse("not a NUL-terminated string", DeviceTreeProperty.string)
    }

    /// A property as big-endian cells.
    public func cells(_ node: String, _ name: String) -> ReadResult<[UInt32]> {
        property(node, name).parse("length is not a multiple of 4 bytes", DeviceTreeProperty.cells)
    }

    /// Whether the tree exists under this root at all.
    public var isPresent: Bool { root.exists(Self.base) == true }

    /// Child node names of `node` (directories only).
    public func children(_ node: String) -> [String] {
        root.directories(path(node)).value ?? []
    }

    /// Entry names of `node`: its properties and child nodes (`name` excluded), sorted; recorded like a directory
    /// listing. Bootloaders write board IDs as such names (CBoot's `/chosen/plugin-manager/ids/2888-0001-400`).
    public func entryNames(_ node: String) -> ReadResult<[String]> {
        let result = root.listTyped(path(node)).map { entries in
            entries.filter { $0.name != "name" }.map(\.name)
        }
        root.trail.record(
            ReadRecord(path: path(node), access: .directory, outcome: result.outcomeWord, bytes: 0, truncated: false))
        return result
    }

    /// Every node whose `compatible` list contains one of `compatibles`, depth-first, bounded in depth and count.
    ///
    /// Only nodes that `candidate` accepts by name have their `compatible` read, so a walk of a full device tree
    /// (about a thousand nodes on a Jetson) opens a handful of files.
    public func nodes(
        compatibleWith compatibles: Set<String>, maxDepth: Int = 6, maxNodes: Int = 5000,
        candidate: (String) -> Bool = { _ in true }
    ) -> [String] {
        scan(compatibleWith: compatibles, maxDepth: maxDepth, maxNodes: maxNodes, candidate: candidate).found
    }

    /// What a walk for compatible nodes found, and where it could not look.
    public struct Scan: Sendable {
        /// Nodes whose `compatible` matched.
        public var found: [String] = []
        /// Candidate nodes whose `compatible` could not be read, and directories that could not be listed: a
        /// matching node may hide there.
        public var failures: [(path: String, why: Unreadable)] = []
    }

    /// `nodes(compatibleWith:)`, also reporting the candidates and directories it could not read.
    public func scan(
        compatibleWith compatibles: Set<String>, maxDepth: Int = 6, maxNodes: Int = 5000,
        candidate: (String) -> Bool = { _ in true }
    ) -> Scan {
        var result = Scan()
        var visited = 0
        func walk(_ node: String, _ depth: Int) {
            guard depth <= maxDepth, visited < maxNodes else { return }
            visited += 1
            let listing = root.directories(path(node))
            if case .unreadable(let why) = listing { result.failures.append((path(node), why)) }
            for child in listing.value ?? [] {
                let childPath = node == "/" ? "/" + child : node + "/" + child
                if candidate(child) {
                    let compatible = root.readBytes(path(childPath) + "/compatible", cap: 4096)
                    switch compatible {
                    case .value(let read):
                        if let list = DeviceTreeProperty.strings(read.bytes), !compatibles.isDisjoint(with: list) {
                            result.found.append(childPath)
                        }
                    case .unreadable(let why): result.failures.append((path(childPath) + "/compatible", why))
                    default: break
                    }
                }
                walk(childPath, depth + 1)
            }
        }
        walk("/", 0)
        return result
    }

    /// The node whose `phandle` property equals `handle` (searched under the root and `bus@0`).
    public func node(withPhandle handle: UInt32, under parents: [String] = ["/", "/bus@0"]) -> String? {
        for parent in parents {
            for child in children(parent) {
                let childPath = parent == "/" ? "/" + child : parent + "/" + child
                if let cells = cells(childPath, "phandle").value, cells.first == handle { return childPath }
            }
        }
        return nil
    }
}

extension SystemRoot {
    /// Whether `path` is a directory (links followed); false when that cannot be told.
    public func isDirectory(_ path: String) -> Bool {
        guard case .value(let inner) = resolve(path) else { return false }
        return isResolvedDirectory(inner)
    }
}
