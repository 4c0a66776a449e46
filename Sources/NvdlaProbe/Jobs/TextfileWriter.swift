import Foundation

/// Writes a file for another reader into a directory (node_exporter's textfile, the watcher's `status.json`):
/// through `AtomicOutput`, so the reader sees the previous complete file or the new one — a unique `mkstemp`
/// temporary `.NAME.tmp-XXXXXX` in the directory (the textfile collector reads only `*.prom`), then `rename`
/// over the old file. A temporary left by a killed run never blocks the next one.
public enum TextfileWriter {
    /// The file name the textfile collector reads (`*.prom`).
    public static let fileName = "nvdla_doctor.prom"

    /// Writes `text` to `directory/name` with `mode`; returns an error message on failure.
    public static func write(_ text: String, directory: String, name: String = fileName, mode: mode_t = 0o644)
        -> String?
    {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            return "\(directory): not a directory"
        }
        do {
            try AtomicOutput(destination: directory + "/" + name, force: true, mode: mode).write(
                bytes: Array(text.utf8))
            return nil
        } catch {
            return "\(error)"
        }
    }
}
