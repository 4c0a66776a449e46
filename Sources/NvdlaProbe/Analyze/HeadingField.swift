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

    /// The label of a line that holds only a version field's name (`CUDA version`, `L4T`, `TensorRT:`), as an HTML
    /// table flattened one cell per line prints it (`CUDA version`, a blank line, `13.0`), or nil. `labels`: the
    /// fields' names in lower case.
    static func bareLabel(_ bytes: UnsafeBufferPointer<UInt8>, labels: Set<String>) -> [UInt8]? {
        // Most lines are longer than any label, or start with something no name starts with.
        guard bytes.count <= 32, let first = bytes.first(where: { $0 != 32 && $0 != 9 }),
            (first >= 65 && first <= 90) || (first >= 97 && first <= 122)
        else { return nil }
        var text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(":") { text.removeLast() }
        guard labels.contains(text.lowercased()) else { return nil }
        return Array(text.utf8)
    }
}
