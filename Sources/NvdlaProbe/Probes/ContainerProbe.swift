/// Tells whether the root is a container's view of a Jetson, where DLA device nodes must be passed in.
///
/// Reads `/.dockerenv` (Docker), `/run/.containerenv` (Podman) and `/proc/1/cgroup` (docker, kubepods,
/// containerd, lxc, libpod hints).
public struct ContainerProbe: Probe {
    public var area: Area { .userspace }

    public init() {}

    public func collect(_ context: ProbeContext, into facts: inout FactTable) {
        let root = context.root
        if root.exists("/.dockerenv") == true {
            facts.set("platform.container", .bool(true), source: "/.dockerenv", raw: "docker")
            return
        }
        if root.exists("/run/.containerenv") == true {
            facts.set("platform.container", .bool(true), source: "/run/.containerenv", raw: "podman")
            return
        }
        let cgroup = root.readText("/proc/1/cgroup", cap: 256 * 1024)
        if case .value(let text) = cgroup {
            let hints = ["docker", "kubepods", "containerd", "lxc", "libpod"]
            if let hint = hints.first(where: { text.contains($0) }) {
                facts.set("platform.container", .bool(true), source: "/proc/1/cgroup", raw: hint)
                return
            }
        }
        facts.set("platform.container", .bool(false), source: "/proc/1/cgroup")
    }
}
