/// The in-memory tree a bundle is written from: inner absolute paths (`/sys/…`, `/.nvdla-doctor/kmsg`) to
/// files, directories and symlinks.
struct CapturedTree {
    /// One node of the tree.
    enum Node: Equatable {
        case directory
        case file([UInt8])
        case symlink(String)
    }

    private(set) var nodes: [String: Node] = ["/": .directory]

    /// Adds `node` at `path`, creating parent directories; an existing file or link is kept unless `replace`.
    mutating func add(_ path: String, _ node: Node, replace: Bool = false) {
        guard path.hasPrefix("/"), path != "/" else { return }
        addParents(of: path)
        if let existing = nodes[path] {
            if existing == .directory, node == .directory { return }
            if !replace, existing != .directory { return }
            if existing == .directory, !replace { return }
        }
        nodes[path] = node
    }

    /// Whether a node exists at `path`.
    func contains(_ path: String) -> Bool { nodes[path] != nil }

    private mutating func addParents(of path: String) {
        var parent = ""
        let parts = path.split(separator: "/")
        for part in parts.dropLast() {
            parent += "/" + part
            if nodes[parent] == nil { nodes[parent] = .directory }
        }
    }

    /// Every path with its node, parents before children.
    var sorted: [(path: String, node: Node)] {
        nodes.filter { $0.key != "/" }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Total bytes of file contents.
    var fileBytes: Int {
        nodes.values.reduce(0) { total, node in
            if case .file(let bytes) = node { return total + bytes.count }
            return total
        }
    }
}
