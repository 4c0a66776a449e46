/// Parses `/var/lib/nvpmodel/status`: the active power mode as `pmode:%.4d` (e.g. `pmode:0002`).
///
/// Some releases append a fan mode (`pmode:0000 fmode:quiet`); only the power mode is read.
public enum NvpmodelStatus: Sendable, Equatable {
    /// Parses `/var/lib/nvpmodel/status` into the power mode id, e.g. `2`.
    ///
    /// Returns `nil` when no `pmode:` token holds a number.
    public static func parse(_ text: String) -> Int? {
        for line in ReaderLex.lines(text) {
            for token in ReaderLex.fields(line) where ReaderLex.hasPrefix(token, "pmode:") {
                let digits = token.dropFirst("pmode:".count)
                guard digits.utf8.count <= 9, let value = ReaderLex.int(digits), value >= 0 else {
                    return nil
                }
                return value
            }
        }
        return nil
    }
}
