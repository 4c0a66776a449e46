import Foundation

/// What one pass over a line's bytes tells `LineClassifier` before it decides: whether the line is binary (a NUL, or
/// more than a tenth control bytes other than tab and escape), whether its content holds a prompt byte within its
/// first 200 bytes, and whether it holds a backtick.
///
/// One 256-entry table of class bits serves every question, and bytes of none of the classes (letters, digits,
/// spaces, most punctuation) cost one lookup, so the tests that each used to walk the line share a single walk.
struct LineCensus {
    /// A NUL, or control bytes other than tab and escape in more than a tenth of the line.
    let binary: Bool
    /// A `$ # % >` or the first byte of `❯`/`➜` in the first 200 bytes of the content (`LineClassifier.promptCommand`
    /// tries the prompt regex only then).
    let promptByte: Bool
    /// A backtick in the content (quoted machine text in a sentence).
    let backtick: Bool

    static let nul: UInt8 = 1
    static let control: UInt8 = 2
    static let prompt: UInt8 = 4
    static let tick: UInt8 = 8

    static let table: [UInt8] = (0...255).map { b -> UInt8 in
        switch b {
        case 0: return nul
        case 9, 27: return 0
        case 1..<32: return control
        case 36, 35, 37, 0xE2, 62: return prompt
        case 96: return tick
        default: return 0
        }
    }

    /// The census of a line with none of its classes: not binary, no prompt byte, no backtick.
    static let none = LineCensus(binary: false, promptByte: false, backtick: false)

    private init(binary: Bool, promptByte: Bool, backtick: Bool) {
        self.binary = binary
        self.promptByte = promptByte
        self.backtick = backtick
    }

    /// Whether the census of a line whose content the prose test took (`LineClassifier.proseTest`: no code span) is
    /// `none`: that test stops at every byte of the census's classes but `%` and the first byte of `❯`/`➜` (the
    /// bytes before the content are spaces, tabs and `>`, which count only inside the content).
    static func ofProse(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = content.baseAddress else { return true }
        return memchr(base, 37, content.count) == nil && memchr(base, 0xE2, content.count) == nil
    }

    /// Counts `line`; its content starts at `start` (`LineShape.contentStart`).
    init(_ line: UnsafeBufferPointer<UInt8>, contentStart start: Int) {
        var controls = 0
        var firstPrompt = -1
        var backtick = false
        var nul = false
        Self.table.withUnsafeBufferPointer { table in
            for i in 0..<line.count {
                let bits = table[Int(line[i])]
                if bits == 0 { continue }
                if bits & Self.nul != 0 {
                    nul = true
                    return
                }
                if bits & Self.control != 0 { controls += 1 }
                if bits & Self.prompt != 0, firstPrompt < 0, i >= start { firstPrompt = i }
                if bits & Self.tick != 0, i >= start { backtick = true }
            }
        }
        binary = nul || (controls > 0 && controls * 10 > line.count)
        promptByte = firstPrompt >= 0 && firstPrompt - start < 200
        self.backtick = backtick
    }
}
