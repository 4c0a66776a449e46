/// Fills the `{fact}` templates of remedy commands so that every command shown can be pasted into a shell.
///
/// In a finding the facts of the subject fill them (`ls -l {dla.sysfs.path}` → `ls -l
/// /sys/bus/platform/devices/15880000.nvdla0`). Where a fact is not known — `explain`, or an artefact that did not
/// show it — a shell glob that covers every instance stands in (`/sys/bus/platform/devices/*.nvdla*`). A name with no
/// glob is shown as `<name>`, which a shell refuses rather than runs; shipped rules use only names listed here (a
/// test checks it).
public enum CommandTemplate {
    /// Stand-ins for the facts shipped remedy commands name: valid on JetPack 5 and 6, for every DLA instance.
    public static let generic: [String: String] = [
        "dla.sysfs.path": "/sys/bus/platform/devices/*.nvdla*",
        "dla.node.ctrl.name": "nvhost-ctrl-nvdla*",
    ]

    /// `command` with known values from `lookup`, else the generic stand-ins, else `<name>`.
    public static func render(_ command: String, lookup: (String) -> String?) -> String {
        Template.render(command, lookup: { lookup($0) ?? generic[$0] }, unknown: { "<\($0)>" })
    }

    /// `command` as `explain` shows it, with no facts at hand.
    public static func generic(_ command: String) -> String { render(command) { _ in nil } }
}
