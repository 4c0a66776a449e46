/// Splits the DLA nodes of a graph into loadables, as TensorRT splits a network into DLA subgraphs
/// (`{ForeignNode[…]}` in its logs), and finds the tensors that cross between DLA and GPU.
///
/// A loadable is a connected set of DLA nodes that no path leaves and re-enters through a GPU node (TensorRT cannot
/// run a DLA subgraph that waits on the GPU halfway). Each DLA node gets an epoch: the most GPU-to-DLA transitions on
/// any path reaching it. DLA nodes joined by an edge and sharing an epoch form one loadable; a path that leaves a
/// region and comes back always arrives with a higher epoch, so no loadable needs the GPU in its middle.
public struct Partition: Sendable {
    public struct Loadable: Sendable, Equatable {
        /// Node indices in topological order.
        public var nodes: [Int]
    }

    /// A tensor crossing between a DLA loadable and the GPU (or a network input or output), where TensorRT inserts a
    /// reformat or copy.
    public struct Boundary: Sendable, Equatable {
        public var tensor: String
        public var from: String
        public var to: String
        public var elements: Int64?
    }

    public var loadables: [Loadable] = []
    public var boundaries: [Boundary] = []

    /// Partitions `nodes` (in `order`) with `onDLA` deciding which count as DLA nodes; folded nodes carry no edges.
    public init(
        nodes: [OnnxNode], order: [Int], onDLA: (Int) -> Bool, folded: (Int) -> Bool, facts: [String: TensorFacts],
        graphInputs: Set<String>, graphOutputs: Set<String>
    ) {
        var producer: [String: Int] = [:]
        for i in order { for out in nodes[i].outputs where !out.isEmpty { producer[out] = i } }
        var epoch = [Int](repeating: 0, count: nodes.count)
        var parent = Array(0..<nodes.count)
        func find(_ x: Int) -> Int {
            var root = x
            while parent[root] != root { root = parent[root] }
            var y = x
            while parent[y] != root {
                let next = parent[y]
                parent[y] = root
                y = next
            }
            return root
        }
        for i in order where !folded(i) {
            let dla = onDLA(i)
            var e = 0
            for input in nodes[i].inputs where !input.isEmpty {
                guard let p = producer[input], !folded(p) else { continue }
                let crossing = dla && !onDLA(p)
                e = max(e, epoch[p] + (crossing ? 1 : 0))
            }
            epoch[i] = e
            guard dla else { continue }
            for input in nodes[i].inputs where !input.isEmpty {
                if let p = producer[input], !folded(p), onDLA(p), epoch[p] == e { parent[find(p)] = find(i) }
            }
        }
        var groups: [Int: [Int]] = [:]
        var firstSeen: [Int] = []
        for i in order where !folded(i) && onDLA(i) {
            let root = find(i)
            if groups[root] == nil { firstSeen.append(root) }
            groups[root, default: []].append(i)
        }
        loadables = firstSeen.map { Loadable(nodes: groups[$0] ?? []) }
        var region: [Int: Int] = [:]
        for (r, loadable) in loadables.enumerated() { for n in loadable.nodes { region[n] = r } }

        func side(_ i: Int) -> String { region[i].map { "DLA loadable \($0 + 1)" } ?? "GPU" }
        var seen = Set<String>()
        for i in order where !folded(i) {
            for input in nodes[i].inputs where !input.isEmpty && !seen.contains(input + "→" + side(i)) {
                let elements = facts[input]?.knownDims.flatMap { ShapeMath.product($0) }
                if let p = producer[input], !folded(p) {
                    if side(p) != side(i), region[p] != nil || region[i] != nil {
                        seen.insert(input + "→" + side(i))
                        boundaries.append(Boundary(tensor: input, from: side(p), to: side(i), elements: elements))
                    }
                } else if graphInputs.contains(input), region[i] != nil {
                    seen.insert(input + "→" + side(i))
                    boundaries.append(Boundary(tensor: input, from: "network input", to: side(i), elements: elements))
                }
            }
            if region[i] != nil {
                for out in nodes[i].outputs where graphOutputs.contains(out) {
                    boundaries.append(
                        Boundary(
                            tensor: out, from: side(i), to: "network output",
                            elements: facts[out]?.knownDims.flatMap { ShapeMath.product($0) }))
                }
            }
        }
    }
}
