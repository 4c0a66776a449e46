import Foundation
import Testing

/// The live path of `watch`: the libudev monitor receives udev events and only DLA devices trigger a check.
///
/// In a private mount and network namespace (root; the host's udev never sees these messages, and its events never
/// reach us) the fixture's `sys/` is bind-mounted over `/sys`, the watcher runs on `/`, and a small Python sender
/// broadcasts udev-format netlink messages (header `libudev`, magic 0xfeedcafe, MurmurHash2 of the subsystem for the
/// kernel-side filter, then the properties) to the `udev` group, as udevd does.
@Suite(
    "watch with the libudev monitor",
    .enabled(if: ChildProcess.canUnshareNetwork, "needs root, unshare -m -n and python3"))
struct WatchUdevMonitorTests {
    /// Sends one udev-group message: `ACTION DEVPATH SUBSYSTEM SEQNUM [KEY=VALUE…]`.
    static let sender = """
        import socket, struct, sys
        def murmur2(data, seed=0):
            m, r, n = 0x5bd1e995, 24, len(data)
            h, i = (seed ^ n) & 0xffffffff, 0
            while n >= 4:
                k = struct.unpack_from('<I', data, i)[0]
                k = (k * m) & 0xffffffff; k ^= k >> r; k = (k * m) & 0xffffffff
                h = ((h * m) & 0xffffffff) ^ k
                i += 4; n -= 4
            if n == 3: h ^= data[i + 2] << 16
            if n >= 2: h ^= data[i + 1] << 8
            if n >= 1: h = ((h ^ data[i]) * m) & 0xffffffff
            h ^= h >> 13; h = (h * m) & 0xffffffff; h ^= h >> 15
            return h
        action, devpath, subsystem, seqnum = sys.argv[1:5]
        props = ["ACTION=" + action, "DEVPATH=" + devpath, "SUBSYSTEM=" + subsystem, "SEQNUM=" + seqnum] + sys.argv[5:]
        body = b"".join(p.encode() + b"\\0" for p in props)
        header = (b"libudev\\0" + struct.pack(">I", 0xfeedcafe) + struct.pack("=III", 40, 40, len(body))
                  + struct.pack(">IIII", murmur2(subsystem.encode()), 0, 0, 0))
        s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 15)  # NETLINK_KOBJECT_UEVENT
        s.bind((0, 0))
        s.sendto(header + body, (0, 2))  # group 2: udev
        """

    static let script = """
        mount --bind "$FIXTURE/sys" /sys || exit 97
        mount -t tmpfs tmpfs /run || exit 97
        SYSTEMD_DEVICE_VERIFY_SYSFS=0 "$BIN" watch -v --state-dir "$STATE" --debounce 0 --min-interval 0 2>"$LOG" &
        pid=$!
        i=0; while [ ! -f "$STATE/status.json" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done
        host1x=/devices/platform/bus@0/13e00000.host1x
        python3 -c "$SENDER" unbind $host1x/15880000.nvdla0 platform 100 OF_COMPATIBLE_0=nvidia,tegra234-nvdla
        python3 -c "$SENDER" add $host1x platform 101 OF_COMPATIBLE_0=nvidia,tegra234-host1x
        python3 -c "$SENDER" add /devices/virtual/net/lo net 102
        python3 -c "$SENDER" add $host1x/158c0000.nvdla1/nvdla1/nvhost-ctrl-nvdla1 nvdla1 103 MAJOR=491 MINOR=0
        i=0; while [ "$(grep -c 'msg=received' "$LOG")" -lt 2 ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done
        sleep 0.3
        kill -TERM $pid
        wait $pid
        echo "exit=$?"
        """

    @Test("DLA platform and node events each lead to a check; other devices and subsystems do not; SIGTERM exits 0")
    func monitor() throws {
        let scratch = try ScratchDirectory("watch-udev")
        let log = scratch.path + "/log"
        let result = try ChildProcess.run(
            "/usr/bin/unshare", ["-m", "-n", "--propagation", "private", "sh", "-c", Self.script],
            environment: [
                "FIXTURE": Binary.packageRoot.path + "/Tests/FakeSysfs/jp6-agx-orin-64gb", "BIN": Binary.url.path,
                "STATE": scratch.path + "/state", "LOG": log, "SENDER": Self.sender,
            ], timeout: 90)
        let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(!result.timedOut)
        #expect(result.stdout.contains("exit=0"), "stdout: \(result.stdout) stderr: \(result.stderr) log: \(text)")
        #expect(text.contains("udev=on"), "\(text)")
        let received = text.split(separator: "\n").filter { $0.contains("msg=received") }.map {
            $0.split(separator: " ").filter { !$0.hasPrefix("ts=") }.joined(separator: " ")
        }
        #expect(
            received == [
                "level=debug msg=received device=15880000.nvdla0 event=unbind",
                "level=debug msg=received device=nvhost-ctrl-nvdla1 event=add",
            ], "\(text)")
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/state/status.json"))
        #expect(text.contains("msg=stopping checks=3") || text.contains("msg=stopping checks=2"), "\(text)")
    }
}
