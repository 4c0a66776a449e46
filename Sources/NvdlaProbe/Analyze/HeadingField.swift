/// A value under a markdown heading that names it: GitHub's issue forms render each field as a `### Label` heading
/// with the answer as the next paragraph (`### CUDA Driver`, a blank line, `11.8`), so the name and its value are on
/// two lines. `ArtifactAnalysis` keeps a short heading and reads the next non-blank line as `Label: value`.
enum HeadingField {
    /// Longest heading taken for a field label, in bytes.
    static let nameCap = 48
    /// Longest line taken for its value, in bytes.
    static let valueCap = 96

    /// The label of a level-2 to level-6 markdown heading (`## `…`###### `), or nil.
    static func name(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var i = 0
        while i < bytes.count, bytes[i] == 32 { i += 1 }
        let hashes = i
        while i < bytes.count, bytes[i] == 35 { i += 1 }  // #
        guard i - hashes >= 2, i - hashes <= 6, i < bytes.count, bytes[i] == 32 else { return nil }
        while i < bytes.count, bytes[i] == 32 { i += 1 }
        var end = bytes.count
        while end > i, bytes[end - 1] == 32 || bytes[end - 1] == 9 || bytes[end - 1] == 13 { end -= 1 }
        guard end > i, end - i <= nameCap else { return nil }
        return Array(bytes[i..<end])
    }

    /// `name: value` for the line under the heading, or nil when that line is another heading or too long to be one
    /// field's answer.
    static func line(name: [UInt8], value: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var i = 0
        while i < value.count, value[i] == 32 || value[i] == 9 { i += 1 }
        guard i < value.count, value[i] != 35, value.count - i <= valueCap else { return nil }
        return name + [58, 32] + Array(value[i...])
    }

    /// Field names looked up by a line's bytes, without building a string: names by length, in lower case.
    struct Labels: Sendable {
        static let longest = 32
        let byLength: [[[UInt8]]]
        let firstBytes: [Bool]

        init(_ names: some Sequence<String>) {
            var byLength = [[[UInt8]]](repeating: [], count: Self.longest + 1)
            var firstBytes = [Bool](repeating: false, count: 256)
            for name in Set(names.map { $0.lowercased() }) {
                let bytes = Array(name.utf8)
                guard let first = bytes.first, bytes.count <= Self.longest else { continue }
                byLength[bytes.count].append(bytes)
                firstBytes[Int(first)] = true
            }
            self.byLength = byLength
            self.firstBytes = firstBytes
        }

        /// Whether `bytes[start..<end]` is one of the names, ASCII letters compared without case.
        func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            let count = end - start
            guard count > 0, count <= Self.longest else { return false }
            return byLength[count].contains { LineShape.hasFoldedPrefix(bytes, at: start, $0) }
        }
    }

    /// The label of a line that holds only a version field's name (`CUDA version`, `L4T`, `TensorRT:`), as an HTML
    /// table flattened one cell per line prints it (`CUDA version`, a blank line, `13.0`), or nil.
    static func bareLabel(_ bytes: UnsafeBufferPointer<UInt8>, labels: Labels) -> [UInt8]? {
        // Most lines are longer than any label, or start with a byte no name starts with.
        guard bytes.count <= Labels.longest + 4 else { return nil }
        var start = 0
        while start < bytes.count, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        guard start < bytes.count else { return nil }
        guard labels.firstBytes[Int(FoldedLiterals.fold(bytes[start]))] else { return nil }
        var end = bytes.count
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 || bytes[end - 1] == 13 { end -= 1 }
        if end > start, bytes[end - 1] == 58 { end -= 1 }  // :
        guard labels.contains(bytes, start, end) else { return nil }
        return Array(bytes[start..<end])
    }
}
