extension FactCatalogue {
    static let platformDevices = "/sys/bus/platform/devices/<unit>.nvdla<N>"

    /// The presence chain after the device tree: platform device, driver, module, device nodes, runtime PM.
    static let chainFacts: [FactSpec] = [
        FactSpec("dla.*.sysfs.path", .string, platformDevices, "Platform device path of this instance"),
        FactSpec("dla.*.sysfs.present", .bool, platformDevices, "The platform device exists"),
        FactSpec("dla.*.driver.bound", .bool, "\(platformDevices)/driver", "A driver is bound to the device"),
        FactSpec("dla.*.driver.name", .string, "\(platformDevices)/driver", "Name of the bound driver (nvdla)"),
        FactSpec("dla.*.of_node_matches", .bool, "\(platformDevices)/of_node", "of_node links to this DT node"),
        FactSpec(
            "dla.*.clk_cap.core", .int, "\(platformDevices)/clk_cap/dla*_core (JP5: acm/clk_cap)",
            "Power-mode cap of the DLA core clock (sysfs clk_cap), Hz"),
        FactSpec(
            "dla.*.clk_cap.falcon", .int, "\(platformDevices)/clk_cap/dla*_falcon (JP5: acm/clk_cap)",
            "nvpmodel cap of the DLA falcon clock, Hz"),
        FactSpec("dla.*.iommu_group", .string, "\(platformDevices)/iommu_group", "IOMMU group number"),
        FactSpec(
            "dla.*.power.runtime_status", .string, "\(platformDevices)/power/runtime_status",
            "Runtime PM state (suspended when idle, error after a failed resume)"),
        FactSpec("dla.*.power.control", .string, "\(platformDevices)/power/control", "Runtime PM control (auto/on)"),
        FactSpec("dla.*.log.fused", .bool, "/dev/kmsg", "Kernel log says this instance is disabled in fuse/SKU"),
        FactSpec("dla.*.log.probe_error", .int, "/dev/kmsg", "errno of a failed probe of this instance"),
        FactSpec("dla.*.node.expected", .bool, platformDevices, "Device nodes should exist (enabled and bound)"),
        FactSpec("dla.*.node.ctrl.name", .string, "/sys/class/*/nvhost-ctrl-nvdla*", "Control node name"),
        FactSpec("dla.*.node.ctrl.class_dev", .string, "/sys/class/*/nvhost-ctrl-nvdla*/dev", "MAJ:MIN of the class"),
        FactSpec("dla.*.node.ctrl.present", .bool, "/dev/nvhost-ctrl-nvdla*", "Control node exists as a char device"),
        FactSpec("dla.*.node.ctrl.mode", .string, "/dev/nvhost-ctrl-nvdla*", "Control node permission bits"),
        FactSpec("dla.*.node.ctrl.owner", .string, "/dev/nvhost-ctrl-nvdla*", "Control node user:group"),
        FactSpec("dla.*.node.ctrl.video_access", .bool, "/dev/nvhost-ctrl-nvdla*", "Group video (or all) can open it"),
        FactSpec("dla.*.node.ctrl.devnum", .string, "/dev/nvhost-ctrl-nvdla*", "MAJ:MIN of the node"),
        FactSpec("dla.*.node.ctrl.devnum_matches", .bool, "/dev/nvhost-ctrl-nvdla*", "Node MAJ:MIN equals the class"),
        FactSpec("dla.*.node.ctrl.udev_db", .bool, "/run/udev/data/c<MAJ>:<MIN>", "udev has a database entry"),
        FactSpec("dla.*.node.chan.name", .string, "/sys/class/*/nvhost-nvdla*", "JP5 channel node name"),
        FactSpec("dla.*.node.chan.class_dev", .string, "/sys/class/*/nvhost-nvdla*/dev", "MAJ:MIN of the class"),
        FactSpec("dla.*.node.chan.present", .bool, "/dev/nvhost-nvdla*", "JP5 channel node exists"),
        FactSpec("dla.*.node.chan.mode", .string, "/dev/nvhost-nvdla*", "Channel node permission bits"),
        FactSpec("dla.*.node.chan.owner", .string, "/dev/nvhost-nvdla*", "Channel node user:group"),
        FactSpec("dla.*.node.chan.video_access", .bool, "/dev/nvhost-nvdla*", "Group video (or all) can open it"),
        FactSpec("dla.*.node.chan.devnum", .string, "/dev/nvhost-nvdla*", "MAJ:MIN of the node"),
        FactSpec("dla.*.node.chan.devnum_matches", .bool, "/dev/nvhost-nvdla*", "Node MAJ:MIN equals the class"),
        FactSpec("dla.*.node.chan.udev_db", .bool, "/run/udev/data/c<MAJ>:<MIN>", "udev has a database entry"),
        FactSpec("devnodes.found", .int, "/dev", "DLA device nodes found for enabled, bound instances"),
        FactSpec(
            "devnodes.support_missing", .int, "/dev",
            "How many of /dev/nvmap and (JetPack 6 and later) /dev/host1x-fence are not character devices"),
        FactSpec("devnodes.support_missing_names", .string, "/dev", "Those missing nodes, or none"),
        FactSpec(
            "udev.available", .bool, "/run/udev/data (live root only)",
            "udev's database exists (false: udevd not running, or a container)"),
        FactSpec("udev.dla_devices", .int, "libudev (live root only)", "DLA platform and node devices udev lists"),
        FactSpec("dla.*.udev.found", .bool, "libudev (live root only)", "udev lists the platform device"),
        FactSpec(
            "dla.*.udev.initialized", .bool, "/run/udev/data/+platform:<unit>.nvdla<N> (live root only)",
            "udev has a database entry for the platform device (none is normal without udev properties or tags)"),
        FactSpec("dla.*.udev.driver", .string, "libudev (live root only)", "Driver udev sees bound (nvdla)"),
        FactSpec("dla.*.udev.tags", .list, "/run/udev/data (live root only)", "udev tags of the platform device"),
        FactSpec(
            "dla.*.udev.compatible", .string, "\(platformDevices)/uevent OF_COMPATIBLE_0 (live root only)",
            "First device-tree compatible udev sees"),
        FactSpec(
            "dla.*.node.ctrl.udev_initialized", .bool, "/run/udev/data/c<MAJ>:<MIN> (live root only)",
            "udev has processed the control node"),
        FactSpec("dla.*.node.ctrl.udev_tags", .list, "/run/udev/data (live root only)", "udev tags of the node"),
        FactSpec(
            "dla.*.node.ctrl.udev_devnode", .string, "libudev DEVNAME (live root only)", "Node path udev gives"),
        FactSpec(
            "dla.*.node.chan.udev_initialized", .bool, "/run/udev/data/c<MAJ>:<MIN> (live root only)",
            "udev has processed the JP5 channel node"),
        FactSpec("dla.*.node.chan.udev_tags", .list, "/run/udev/data (live root only)", "udev tags of the node"),
        FactSpec(
            "dla.*.node.chan.udev_devnode", .string, "libudev DEVNAME (live root only)", "Node path udev gives"),
        FactSpec(
            "devnodes.udev_rule", .bool, "/etc/udev/rules.d/99-tegra-devices.rules",
            "L4T's udev rule giving nvhost* nodes to group video is installed"),
        FactSpec(
            "driver.module.expected", .bool, "/etc/nv_tegra_release", "The driver is a module (JP6), not built in"),
        FactSpec("driver.available", .bool, "/proc/modules", "Driver built in, or module loaded and Live"),
        FactSpec("driver.module.loaded", .bool, "/proc/modules", "nvhost_nvdla is in /proc/modules"),
        FactSpec("driver.module.state", .string, "/proc/modules", "Module state (Live, Loading, Unloading)"),
        FactSpec("driver.module.taints", .string, "/proc/modules", "Module taint letters"),
        FactSpec("driver.module.refcount", .int, "/proc/modules", "Module reference count"),
        FactSpec("driver.module.initstate", .string, "/sys/module/nvhost_nvdla/initstate", "Module init state"),
        FactSpec(
            "driver.module.srcversion_loaded", .string, "/sys/module/nvhost_nvdla/srcversion",
            "srcversion of the loaded module"),
        FactSpec("driver.module.file", .string, "/lib/modules/<release>/modules.dep", "Module file on disk"),
        FactSpec(
            "driver.module.vermagic", .string, "nvhost-nvdla.ko .modinfo", "Kernel release the file was built for"),
        FactSpec("driver.module.srcversion_file", .string, "nvhost-nvdla.ko .modinfo", "srcversion of the file"),
        FactSpec("driver.module.depends", .list, "nvhost-nvdla.ko .modinfo", "Modules the file depends on"),
        FactSpec(
            "platform.container", .bool, "/.dockerenv, /run/.containerenv, /proc/1/cgroup",
            "The root is a container"),
        FactSpec(
            "kernel_log.available", .bool, "/dev/kmsg | journal | /var/log/kern.log | /var/log/syslog",
            "The kernel log could be read from one of its sources"),
        FactSpec("root.proc.present", .bool, "/proc", "The root has /proc (absent: its facts are unreadable)"),
        FactSpec(
            "kernel_log.source", .string, "/dev/kmsg | journal | /var/log/kern.log | /var/log/syslog",
            "Where the kernel log was read (a snapshot: .nvdla-doctor/kmsg-source, /dev/kmsg when absent)"),
        FactSpec(
            "firmware.log.load_failed", .string, "/dev/kmsg",
            "Firmware file a failed DLA firmware load named (benign subdirectory retries excluded)"),
    ]
}
