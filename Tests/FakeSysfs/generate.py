#!/usr/bin/env python3
"""Generate the root-shaped FakeSysfs scenario trees used by nvdla-doctor's tests.

Usage:  python3 Tests/FakeSysfs/generate.py [--check] [SCENARIO ...]

Every scenario is a directory next to this script laid out like the root of a
machine (proc/, sys/, etc/, var/, lib/, usr/, run/ and .nvdla-doctor/), following
the "Snapshot layout" of Docs/architecture.md and the facts in
Docs/platform.md.  Each run deletes and rewrites the scenario
directories it builds, so the output is a pure function of this file
(stdlib only, no clock, no randomness except seeded hashes).  README.md in this
directory is generated too, from the SCENARIOS table at the bottom.

Design: one base tree per board / JetPack (built from a config dict by
build_jetson()), and each variant is "copy of a base + a small override", so a
variant differs from its base only in the broken part.  Overrides that change
the presence chain (DT status, module loaded, probe outcome) are expressed as
config changes, because the kernel derives many files from them; the others
(versions, permissions, garbage) edit the finished tree.

After writing, every tree is verified: all symlinks (relative, and absolute
ones re-rooted at the scenario) resolve inside the scenario, there are no empty
directories (git cannot hold them), no special files, no file above 200 KiB
except the deliberate 100 KiB model, and healthy trees keep stat.tsv and the
class `dev` files in agreement and carry no DLA error in the kernel log.
--check writes nothing: it rebuilds every tree in memory, compares it with
the one on disk (drift means someone edited a tree by hand or forgot to
regenerate) and runs the same verification.
"""

import hashlib
import json
import os
import posixpath
import shutil
import stat as statmod
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------
# In-memory tree
# --------------------------------------------------------------------------


class Tree:
    """A scenario under construction: files, symlinks, stat.tsv rows, kmsg."""

    def __init__(self):
        self.nodes = {}   # root-relative path -> ("f", bytes) | ("l", target)
        self.stat = {}    # "/dev/x" -> (type, mode, user, group, maj:min)
        self.kmsg = []    # (usec, pri, message) ; seq is assigned on write
        self.allowed_bad_links = set()  # bad-input trees only

    def file(self, path, data):
        if isinstance(data, str):
            data = data.encode()
        self.nodes[path] = ("f", data)

    def link(self, path, target):
        self.nodes[path] = ("l", target)

    def rel_link(self, path, target_path):
        """Symlink `path` -> root-relative `target_path`, relative the way sysfs makes it.

        kernfs_get_target_path() climbs from the link's directory to the nearest
        *strict* ancestor of the target, so a link to an ancestor reads
        `../../../15880000.nvdla0`, not `../..` as posixpath.relpath would give."""
        base = posixpath.dirname(path).split("/")
        tgt = target_path.split("/")
        ups = 0
        while base and not (len(base) < len(tgt) and tgt[:len(base)] == base):
            base = base[:-1]
            ups += 1
        self.link(path, "../" * ups + "/".join(tgt[len(base):]))

    def remove(self, path):
        """Remove a file/link, or a whole directory subtree."""
        for p in [p for p in self.nodes if p == path or p.startswith(path + "/")]:
            del self.nodes[p]

    def read(self, path):
        kind, data = self.nodes[path]
        assert kind == "f", path
        return data.decode()

    def replace_in(self, path, old, new, count=1):
        text = self.read(path)
        assert old in text, (path, old)
        self.file(path, text.replace(old, new, count))

    def devnode(self, path, major, minor, mode="0660", user="root", group="video", kind="c"):
        self.stat[path] = (kind, mode, user, group, f"{major}:{minor}")

    def log(self, usec, pri, msg):
        self.kmsg.append((usec, pri, msg))



# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def prng(seed, n):
    """Deterministic pseudo-random bytes."""
    out, i = b"", 0
    while len(out) < n:
        out += hashlib.sha256(f"{seed}:{i}".encode()).digest()
        i += 1
    return out[:n]


def hexid(seed, n, upper=False):
    h = hashlib.sha256(seed.encode()).hexdigest()[:n]
    return h.upper() if upper else h


# Device-tree property encodings (raw bytes, as in /sys/firmware/devicetree/base).
def dt_str(s):
    return s.encode() + b"\0"


def dt_strs(items):
    return b"".join(x.encode() + b"\0" for x in items)


def dt_cells(*vals):
    return b"".join(struct.pack(">I", v) for v in vals)


DT_EMPTY = b""
DTB = "sys/firmware/devicetree/base"


def kv_kb(key, value):
    """One /proc/meminfo line: "%-16s%8lu kB" (key padded incl. colon)."""
    return f"{(key + ':'):<16}{value:>8} kB\n"


# --------------------------------------------------------------------------
# Hardware tables (platform.md §3.1-§3.3)
# --------------------------------------------------------------------------

PH_GIC, PH_BPMP, PH_SMMU_ISO, PH_SMMU_NISO0, PH_SMMU_NISO1, PH_MC, PH_EMC = (
    0x01, 0x02, 0x11, 0x12, 0x13, 0x40, 0x41)

T234_DLA = {
    0: dict(addr=0x15880000, irq=236, pd=32, clk_core=175, clk_falcon=174,
            smmu=0x8000000, smmu_ph=PH_SMMU_NISO1, sid=0x2B, icc=(0xBE, 0xBF, 0xC0, 0xC1)),
    1: dict(addr=0x158C0000, irq=237, pd=33, clk_core=177, clk_falcon=176,
            smmu=0x12000000, smmu_ph=PH_SMMU_NISO0, sid=0x23, icc=(0xC2, 0xC3, 0xC4, 0xC5)),
}
T194_DLA = {
    0: dict(addr=0x15880000, irq=236, pd=24, clk_core=175, clk_falcon=174, nafll=(210, 211),
            smmu=0x12000000, smmu_ph=PH_SMMU_NISO0, sid=0x51),
    1: dict(addr=0x158C0000, irq=237, pd=25, clk_core=177, clk_falcon=176, nafll=(210, 211),
            smmu=0x12000000, smmu_ph=PH_SMMU_NISO0, sid=0x52),
}

ORIN_FEATURES = ("fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid "
                 "asimdrdm lrcpc dcpop asimddp uscat ilrcpc flagm paca pacg")
CARMEL_FEATURES = "fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm dcpop"

JP6_PROC_VERSION = ("Linux version 5.15.148-tegra (buildbrain@mobile-u64-6336-d8000) "
                    "(aarch64-buildroot-linux-gnu-gcc.br_real (Buildroot 2022.08) 11.3.0, "
                    "GNU ld (GNU Binutils) 2.38) #1 SMP PREEMPT Mon Jan  6 19:57:57 PST 2025")
JP5_PROC_VERSION = ("Linux version 5.10.120-tegra (buildbrain@mobile-u64-5494-d8000) "
                    "(aarch64-buildroot-linux-gnu-gcc (Buildroot 2020.08) 9.3.0, "
                    "GNU ld (GNU Binutils) 2.33.1) #1 SMP PREEMPT Tue Aug 1 12:32:50 PDT 2023")

JP4_PROC_VERSION = ("Linux version 4.9.201-tegra (buildbrain@mobile-u64-5273-d7000) (gcc version 7.3.1 20180425 "
                    "[linaro-7.3-2018.05 revision d29120a424ecfbc167ef90065c0eeb7f91977701] (Linaro GCC 7.3-2018.05) ) "
                    "#1 SMP PREEMPT Fri Feb 19 08:40:32 PST 2021")
JP7_PROC_VERSION = ("Linux version 6.8.12-tegra (buildbrain@mobile-u64-7120-d8000) "
                    "(aarch64-buildroot-linux-gnu-gcc.br_real (Buildroot 2024.02) 13.2.0, "
                    "GNU ld (GNU Binutils) 2.41) #1 SMP PREEMPT Wed Apr 22 11:20:14 PDT 2026")

JP4_TEGRA_RELEASE_HEAD = (
    "# R32 (release), REVISION: 5.1, GCID: 26202423, BOARD: t186ref, EABI: aarch64, "
    "DATE: Fri Feb 19 16:45:52 UTC 2021\n")
R38_TEGRA_RELEASE_HEAD = (
    "# R38 (release), REVISION: 4.0, GCID: 43443517, BOARD: generic, EABI: aarch64, "
    "DATE: Fri Jan 16 03:02:26 UTC 2026\n"
    "# KERNEL_VARIANT: oot\n"
    "TARGET_USERSPACE_LIB_DIR=nvidia\n"
    "TARGET_USERSPACE_LIB_DIR_PATH=usr/lib/aarch64-linux-gnu/nvidia\n")
R39_TEGRA_RELEASE_HEAD = (
    "# R39 (release), REVISION: 2.0, GCID: 45017718, BOARD: generic, EABI: aarch64, "
    "DATE: Thu May 28 22:41:09 UTC 2026\n"
    "# KERNEL_VARIANT: oot\n"
    "TARGET_USERSPACE_LIB_DIR=nvidia\n"
    "TARGET_USERSPACE_LIB_DIR_PATH=usr/lib/aarch64-linux-gnu/nvidia\n")

JP6_TEGRA_RELEASE_HEAD = (
    "# R36 (release), REVISION: 4.3, GCID: 38968081, BOARD: generic, EABI: aarch64, "
    "DATE: Wed Jan  8 01:49:37 UTC 2025\n"
    "# KERNEL_VARIANT: oot\n"
    "TARGET_USERSPACE_LIB_DIR=nvidia\n"
    "TARGET_USERSPACE_LIB_DIR_PATH=usr/lib/aarch64-linux-gnu/nvidia\n")
JP5_TEGRA_RELEASE_HEAD = (
    "# R35 (release), REVISION: 4.1, GCID: 33958178, BOARD: t186ref, EABI: aarch64, "
    "DATE: Tue Aug  1 19:57:35 UTC 2023\n")

# Stack versions (Data/releases.yaml; JetPack 6.2 = L4T 36.4.3, JetPack 5.1.2 = L4T 35.4.1, JetPack 4.5.1 = L4T
# 32.5.1, JetPack 7.1 = L4T 38.4.0 (Thor), JetPack 7.2 = L4T 39.2.0). Keyed by the config's "stack".
STACK = {
    4: dict(l4t="32.5.1", l4t_pkg="32.5.1-20210219084526", jetpack="4.5.1-b17",
            kernel="4.9.201-tegra", proc_version=JP4_PROC_VERSION, head=JP4_TEGRA_RELEASE_HEAD,
            trt=("libnvinfer7", "7.1.3-1+cuda10.2", "7.1.3.0-1+cuda10.2", (7, 1, 3, 0)),
            cudnn=("libcudnn8", "libcudnn8-dev", "8.0.0.180-1+cuda10.2", (8, 0, 0)),
            cuda=("10-2", "10.2", "10.2.89-1", "10.2.89", "10.2.89"),
            ubuntu=("18.04.5", "bionic", "Bionic Beaver"),
            libc="2.27-3ubuntu1.4", bash="4.4.18-2ubuntu1.2", udev="237-3ubuntu10.46",
            base_files="10.1ubuntu2.10"),
    "r38": dict(l4t="38.4.0", l4t_pkg="38.4.0-20260116030226", jetpack="7.1+b23",
                kernel="6.8.12-tegra", proc_version=JP7_PROC_VERSION, head=R38_TEGRA_RELEASE_HEAD,
                trt=("libnvinfer10", "10.13.3.9-1+cuda13.0", "10.13.3.9-1+cuda13.0", (10, 13, 3, 9)),
                cudnn=("libcudnn9-cuda-13", "libcudnn9-dev-cuda-13", "9.12.0.46-1", (9, 12, 0)),
                cuda=("13-0", "13.0", "13.0.0-1", "13.0.0", "13.0.48"),
                ubuntu=("24.04.3", "noble", "Noble Numbat"),
                libc="2.39-0ubuntu8.4", bash="5.2.21-2ubuntu4", udev="255.4-1ubuntu8.8",
                base_files="13ubuntu10.2"),
    "r39": dict(l4t="39.2.0", l4t_pkg="39.2.0-20260528224109", jetpack="7.2+b31",
                kernel="6.8.12-tegra", proc_version=JP7_PROC_VERSION, head=R39_TEGRA_RELEASE_HEAD,
                trt=("libnvinfer10", "10.16.2.10-1+cuda13.2", "10.16.2.10-1+cuda13.2", (10, 16, 2, 10)),
                cudnn=("libcudnn9-cuda-13", "libcudnn9-dev-cuda-13", "9.20.0.46-1", (9, 20, 0)),
                cuda=("13-2", "13.2", "13.2.1-1", "13.2.1", "13.2.75"),
                ubuntu=("24.04.4", "noble", "Noble Numbat"),
                libc="2.39-0ubuntu8.6", bash="5.2.21-2ubuntu4", udev="255.4-1ubuntu8.10",
                base_files="13ubuntu10.3"),
    6: dict(l4t="36.4.3", l4t_pkg="36.4.3-20250107174145", jetpack="6.2+b77",
            kernel="5.15.148-tegra", proc_version=JP6_PROC_VERSION, head=JP6_TEGRA_RELEASE_HEAD,
            trt=("libnvinfer10", "10.3.0.30-1+cuda12.5", "10.3.0.30-1+cuda12.5", (10, 3, 0, 30)),
            cudnn=("libcudnn9-cuda-12", "libcudnn9-dev-cuda-12", "9.3.0.75-1", (9, 3, 0)),
            cuda=("12-6", "12.6", "12.6.11-1", "12.6.11", "12.6.68"),
            ubuntu=("22.04.5", "jammy", "Jammy Jellyfish"),
            libc="2.35-0ubuntu3.8", bash="5.1-6ubuntu1.1", udev="249.11-0ubuntu3.12",
            base_files="12ubuntu4.7"),
    5: dict(l4t="35.4.1", l4t_pkg="35.4.1-20230801124926", jetpack="5.1.2-b104",
            kernel="5.10.120-tegra", proc_version=JP5_PROC_VERSION, head=JP5_TEGRA_RELEASE_HEAD,
            trt=("libnvinfer8", "8.5.2-1+cuda11.4", "8.5.2.2-1+cuda11.4", (8, 5, 2, 2)),
            cudnn=("libcudnn8", "libcudnn8-dev", "8.6.0.166-1+cuda11.4", (8, 6, 0)),
            cuda=("11-4", "11.4", "11.4.19-1", "11.4.19", "11.4.298"),
            ubuntu=("20.04.6", "focal", "Focal Fossa"),
            libc="2.31-0ubuntu9.16", bash="5.0-6ubuntu1.2", udev="245.4-4ubuntu3.23",
            base_files="11ubuntu5.8"),
}

# --------------------------------------------------------------------------
# Board / scenario configurations
# --------------------------------------------------------------------------


def dla(hw, *, state="bound", dt_status="okay", devname=None, major=None, minors=None,
        group=None, rpm="suspended"):
    """One DLA instance.

    state: bound | fused (probe -ENODEV, fuse line) | probe_failed (firmware) |
           unprobed (driver never ran: module missing)
    dt_status: "okay" | "disabled" (no platform device at all) | None (property absent)
    devname: class / devfs name (nvdla0 after the single-DLA rename)
    minors: JP6 (ctrl,) ; JP5 (channel, ctrl)
    """
    return dict(hw=hw, state=state, dt_status=dt_status, devname=devname or f"nvdla{hw}",
                major=major, minors=minors, group=group, rpm=rpm)


def cfg_agx_orin_jp6():
    return dict(
        key="agx-orin-64gb-jp6", jp=6, soc="tegra234", pnum="p3701-0005", carrier="p3737-0000",
        model="NVIDIA Jetson AGX Orin Developer Kit",
        compatible=["nvidia,p3737-0000+p3701-0005", "nvidia,p3701-0005", "nvidia,tegra234"],
        ids="3701-0005-500 3737-0000-500", sku="699-13701-0005-500 M.0",
        dtsfilename="tegra234-p3737-0000+p3701-0005-nv.dts",
        serial="1421322045678", hostname="agx-orin", cma_mib=512, cma_base=0x8_5C00_0000,
        mem_total_kb=64335836, ncpu=12, cpu="a78",
        cmdline=("root=PARTUUID=8a3c0d6e-4b1f-4c52-9e3a-7f21b0d4c915 rw rootwait rootfstype=ext4 "
                 "mminit_loglevel=4 console=ttyTCU0,115200 firmware_class.path=/etc/firmware "
                 "fbcon=map:0 net.ifnames=0 nospectre_bhb video=efifb:off console=tty0 "
                 "bl_prof_dataptr=2031616@0x82C610000 bl_prof_ro_ptr=65536@0x82C600000"),
        nvdla_module=True,
        dlas=[dla(0, major=492, minors=(0,), group=10), dla(1, major=491, minors=(0,), group=11)],
        nvmap="10:125", gpu_major=498,
        clk=dict(core_max=1600000000, falcon_max=844800000),
        fw_version="2.1.0",
        nvpmodel=dict(conf="nvpmodel_p3701_0005.conf", default=2, pmode=0, dla_hw=[0, 1],
                      modes=[(0, "MAXN", 12, -1, -1), (1, "MODE_15W", 4, 614400000, 294400000),
                             (2, "MODE_30W", 8, 1369600000, 729600000),
                             (3, "MODE_50W", 12, 1369600000, 729600000)]),
    )


def cfg_agx_orin_jp5():
    return dict(
        key="agx-orin-jp5", jp=5, soc="tegra234", pnum="p3701-0000", carrier="p3737-0000",
        model="Jetson AGX Orin",
        compatible=["nvidia,p3737-0000+p3701-0000", "nvidia,p3701-0000", "nvidia,tegra234",
                    "nvidia,tegra23x"],
        ids="3701-0000-300 3737-0000-300", sku="699-13701-0000-300 K.0",
        dtsfilename=("/dvs/git/dirty/git-master_linux/kernel/kernel-5.10/arch/arm64/boot/dts/"
                     "../../../../../../hardware/nvidia/platform/t23x/concord/kernel-dts/"
                     "tegra234-p3701-0000-p3737-0000.dts"),
        serial="1421022011223", hostname="orin-jp5", cma_mib=256, cma_base=0x8_6000_0000,
        mem_total_kb=30536276, ncpu=12, cpu="a78",
        cmdline=("root=/dev/mmcblk0p1 rw rootwait rootfstype=ext4 mminit_loglevel=4 "
                 "console=ttyTCU0,115200 console=ttyAMA0,115200 firmware_class.path=/etc/firmware "
                 "fbcon=map:0 net.ifnames=0 nospectre_bhb"),
        nvdla_module=False, host1x_dev="13e40000.host1x", nvhost_major=508,
        dlas=[dla(0, major=508, minors=(53, 54), group=8), dla(1, major=508, minors=(57, 58), group=9)],
        nvmap="10:124", gpu_major=507,
        clk=dict(core_max=1408000000, falcon_max=844800000),
        fw_version="2.1.0",
        nvpmodel=dict(conf="nvpmodel_p3701_0000.conf", default=2, pmode=0, dla_hw=[0, 1],
                      modes=[(0, "MAXN", 12, -1, -1), (1, "MODE_15W", 4, 614400000, 294400000),
                             (2, "MODE_30W", 8, 1369600000, 729600000),
                             (3, "MODE_50W", 12, 1369600000, 729600000)]),
    )


def cfg_orin_nano_jp6():
    c = cfg_agx_orin_jp6()
    c.update(
        key="orin-nano-jp6", pnum="p3767-0005", carrier="p3768-0000",
        model="NVIDIA Jetson Orin Nano Developer Kit",
        compatible=["nvidia,p3768-0000+p3767-0005", "nvidia,p3767-0005", "nvidia,tegra234"],
        ids="3767-0005-300 3768-0000-ES1", sku="699-13767-0005-300 L.3",
        dtsfilename="tegra234-p3768-0000+p3767-0005-nv.dts",
        serial="1424123009876", hostname="orin-nano", cma_mib=256, cma_base=0x2_3000_0000,
        mem_total_kb=7802244, ncpu=6,
        cmdline=c["cmdline"].replace("8a3c0d6e-4b1f-4c52-9e3a-7f21b0d4c915",
                                     "3f9e2a41-7c0d-4e8b-a5d2-1b6c9e0f7a38"),
        nvdla_module=False,
        dlas=[dla(0, dt_status="disabled"), dla(1, dt_status="disabled")],
        gpu_major=499, clk=dict(core_max=614400000, falcon_max=294400000),
        nvpmodel=dict(conf="nvpmodel_p3767_0003.conf", default=0, pmode=0, dla_hw=[],
                      modes=[(0, "15W", 6, None, None), (1, "7W", 4, None, None)]),
    )
    return c


def cfg_orin_nx8_jp6(variant):
    c = cfg_agx_orin_jp6()
    c.update(
        key="orin-nx-8gb-jp6", pnum="p3767-0001", carrier="p3768-0000",
        model="NVIDIA Jetson Orin NX Engineering Reference Developer Kit",
        compatible=["nvidia,p3768-0000+p3767-0001", "nvidia,p3767-0001", "nvidia,tegra234"],
        ids="3767-0001-300 3768-0000-ES1", sku="699-13767-0001-300 G.1",
        dtsfilename="tegra234-p3768-0000+p3767-0001-nv.dts",
        serial="1423922004321", hostname="orin-nx", cma_mib=256, cma_base=0x2_3000_0000,
        mem_total_kb=7620324, ncpu=6,
        cmdline=c["cmdline"].replace("8a3c0d6e-4b1f-4c52-9e3a-7f21b0d4c915",
                                     "c41d7b20-96e3-4a0f-8d15-5e2f3b7a6c09"),
        gpu_major=497, clk=dict(core_max=614400000, falcon_max=294400000),
        nvpmodel=dict(conf="nvpmodel_p3767_0001.conf", default=2, pmode=0, dla_hw=[0, 1],
                      modes=[(0, "MAXN", 6, -1, -1), (1, "MODE_10W", 4, 153600000, 115000000),
                             (2, "MODE_15W", 6, 614400000, 294400000),
                             (3, "MODE_20W", 6, 614400000, 294400000)]),
    )
    if variant == "dla0":   # DLA1 fused; the bootloader overlay disabled its DT node
        c["dlas"] = [dla(0, major=494, minors=(0,), group=6), dla(1, dt_status="disabled")]
    else:                   # DLA0 fused but its DT node left okay; DLA1 renamed to nvdla0
        c["dlas"] = [dla(0, state="fused", group=6),
                     dla(1, devname="nvdla0", major=494, minors=(0,), group=7)]
    return c


def cfg_agx_xavier_jp5():
    c = cfg_agx_orin_jp5()
    c.update(
        key="agx-xavier-jp5", soc="tegra194", pnum="p2888-0001", carrier="p2822-0000",
        model="Jetson-AGX",
        compatible=["nvidia,galen", "nvidia,jetson-xavier", "nvidia,p2822-0000+p2888-0001",
                    "nvidia,tegra194"],
        ids=None, plugin_ids=["2822-0000-300", "2888-0001-400"],
        dtsfilename=("/dvs/git/dirty/git-master_linux/kernel/kernel-5.10/arch/arm64/boot/dts/"
                     "../../../../../../hardware/nvidia/platform/t19x/galen/kernel-dts/"
                     "tegra194-p2888-0001-p2822-0000.dts"),
        serial="1420619003456", hostname="xavier", cma_mib=None, cma_base=0xFAC0_0000,
        mem_total_kb=32110196, ncpu=8, cpu="carmel",
        cmdline=("root=/dev/mmcblk0p1 rw rootwait rootfstype=ext4 mminit_loglevel=4 "
                 "console=ttyTCU0,115200 console=ttyAMA0,115200 firmware_class.path=/etc/firmware "
                 "fbcon=map:0 net.ifnames=0"),
        host1x_dev="13e10000.host1x", nvhost_major=505,
        dlas=[dla(0, major=505, minors=(41, 42), group=22), dla(1, major=505, minors=(45, 46), group=23)],
        nvmap="10:123", gpu_major=506,
        clk=dict(core_max=1395200000, falcon_max=627200000),
        fw_version="1.2.0",
        nvpmodel=dict(conf="nvpmodel_t194.conf", default=2, pmode=0, dla_hw=[0, 1],
                      modes=[(0, "MAXN", 8, -1, None), (1, "MODE_10W", 2, 550000000, None),
                             (2, "MODE_15W", 4, 750000000, None),
                             (3, "MODE_30W_ALL", 8, 1050000000, None)]),
    )
    return c


def cfg_agx_xavier_jp4():
    """JetPack 4.5.1 (L4T R32.5.1, kernel 4.9): built-in driver, DT devices directly under /sys/devices, CBoot's
    plugin-manager ids, firmware only under lib/firmware/tegra19x (platform.md Corrections 11)."""
    c = cfg_agx_xavier_jp5()
    c.update(
        key="agx-xavier-jp4", jp=4, stack=4, hostname="xavier-jp4",
        dtsfilename=("/dvs/git/dirty/git-master_linux/kernel/kernel-4.9/arch/arm64/boot/dts/"
                     "../../../../../../hardware/nvidia/platform/t19x/galen/kernel-dts/"
                     "tegra194-p2888-0001-p2822-0000.dts"),
        cmdline=("console=ttyTCU0,115200n8 console=tty0 fbcon=map:0 net.ifnames=0 rootfstype=ext4 "
                 "video=tegrafb no_console_suspend=1 earlycon=tegra_comb_uart,mmio32,0x0c168000 "
                 "gpt rootwait root=/dev/mmcblk0p1 rw"),
        dlas=[dla(0, major=504, minors=(41, 42), group=22), dla(1, major=504, minors=(45, 46), group=23)],
        nvhost_major=504,
    )
    return c


def cfg_agx_orin_jp5_64gb():
    """JetPack 5.1.2 AGX Orin 64GB: UEFI writes chosen/ids 3701-0005, but the board runs the p3701-0000 DTB, so
    compatible names the 32GB module (platform.md Corrections 1); the 64GB overlay gives linux,cma 512 MiB (platform.md §5.1)."""
    c = cfg_agx_orin_jp5()
    c.update(
        key="agx-orin-64gb-jp5", ids="3701-0005-500 3737-0000-500", sku="699-13701-0005-500 M.0",
        serial="1421322045901", hostname="orin64-jp5", cma_mib=512, mem_total_kb=64335836,
    )
    c["nvpmodel"] = dict(c["nvpmodel"], conf="nvpmodel_p3701_0005.conf")
    return c


def cfg_agx_orin_jp72():
    """JetPack 7.2 (L4T R39.2.0) on AGX Orin: the JetPack 6 driver layout, CUDA 13, and TensorRT 10.16, which has no
    DLA support (platform.md Corrections 5)."""
    c = cfg_agx_orin_jp6()
    c.update(key="agx-orin-64gb-jp72", jp=7, stack="r39", serial="1421322046012", hostname="orin-jp72",
             cmdline=c["cmdline"].replace("8a3c0d6e-4b1f-4c52-9e3a-7f21b0d4c915",
                                          "e07b3c52-18d4-4f6a-b9c1-2d5e8a0f4b73"))
    return c


def cfg_agx_thor():
    """JetPack 7.1 (L4T R38.4.0) on the AGX Thor devkit: tegra264, no DLA anywhere (platform.md Corrections 7)."""
    c = cfg_agx_orin_jp6()
    c.update(
        key="agx-thor-jp71", jp=7, stack="r38", soc="tegra264", pnum="p3834-0008", carrier="p4071-0000",
        model="NVIDIA Jetson AGX Thor Developer Kit",
        compatible=["nvidia,p4071-0000+p3834-0008", "nvidia,p3834-0008", "nvidia,tegra264"],
        ids="3834-0008-400 4071-0000-000", sku="699-13834-0008-400 G.5",
        dtsfilename="tegra264-p4071-0000+p3834-0008-nv.dts",
        serial="1425025001234", hostname="thor", cma_mib=None, cma_base=0x1_0800_0000,
        mem_total_kb=128218380, ncpu=14, cpu="v3ae",
        cmdline=("root=PARTUUID=5d1e9b70-2c6a-4f83-a0d4-91b7e3c52f18 rw rootwait rootfstype=ext4 "
                 "mminit_loglevel=4 earlycon=tegra_utc,mmio32,0xc5a0000 console=ttyUTC0,115200 "
                 "firmware_class.path=/etc/firmware fbcon=map:0 efi=runtime audit=1 audit_backlog_limit=8192 "
                 "video=efifb:off"),
        nvdla_module=False, dlas=[], gpu_major=499,
        nvpmodel=dict(conf="nvpmodel_p3834_0008.conf", default=0, pmode=0, dla_hw=[],
                      modes=[(0, "MAXN", 14, None, None), (1, "120W", 14, None, None),
                             (2, "90W", 12, None, None), (3, "70W", 10, None, None)]),
    )
    return c


# --------------------------------------------------------------------------
# Derived paths
# --------------------------------------------------------------------------


def hw_table(c):
    return T234_DLA if c["soc"] == "tegra234" else T194_DLA


def host1x_dir(c):
    if oot(c):
        return "sys/devices/platform/bus@0/13e00000.host1x"
    if c["jp"] == 4:   # kernel 4.9: DT root devices sit directly under /sys/devices (platform.md §2.2, platform.md Corrections 11)
        return f"sys/devices/{c['host1x_dev']}"
    return f"sys/devices/platform/{c['host1x_dev']}"


def dt_parent(c):
    """DT path of the node that holds host1x and the SMMUs ('' = root)."""
    return "bus@0" if oot(c) else ""


def dt_join(*parts):
    return "/".join(p for p in parts if p)


def dla_pname(c, d):
    return f"{hw_table(c)[d['hw']]['addr']:x}.nvdla{d['hw']}"


def dla_dir(c, d):
    return f"{host1x_dir(c)}/{dla_pname(c, d)}"


def dla_dt(c, d):
    return dt_join(dt_parent(c), "host1x@13e00000", f"nvdla{d['hw']}@{hw_table(c)[d['hw']]['addr']:x}")


def smmu_dir(c, addr):
    base = ("sys/devices/platform/bus@0" if oot(c) else "sys/devices" if c["jp"] == 4 else "sys/devices/platform")
    return f"{base}/{addr:x}.iommu"


def smmu_class(addr):
    return f"smmu.0x{addr:016x}"


def has_platform_dev(d):
    return d["dt_status"] != "disabled"


def is_bound(d):
    return has_platform_dev(d) and d["state"] == "bound"


def cap_dir(c):
    return "clk_cap" if oot(c) else "acm/clk_cap"


def node_names(c, d):
    """[(devnode name, minor)] for a bound DLA."""
    if oot(c):
        return [(f"nvhost-ctrl-{d['devname']}", d["minors"][0])]
    return [(f"nvhost-{d['devname']}", d["minors"][0]), (f"nvhost-ctrl-{d['devname']}", d["minors"][1])]


def class_dev_dir(c, d, name):
    glue = d["devname"] if oot(c) else c["host1x_dev"]
    return f"{dla_dir(c, d)}/{glue}/{name}"


def class_link(c, d, name):
    cls = d["devname"] if oot(c) else c["host1x_dev"]
    return f"sys/class/{cls}/{name}"


def libdir(c):
    return "usr/lib/aarch64-linux-gnu/" + ("nvidia" if oot(c) else "tegra")


def oot(c):
    """JetPack 6 and later: out-of-tree nvhost-nvdla.ko, DT under bus@0, class nvdla<N>, no channel node."""
    return c["jp"] >= 6


def stack(c):
    return STACK[c.get("stack", c["jp"])]


def has_dla_soc(c):
    return c["soc"] in ("tegra194", "tegra234")


# --------------------------------------------------------------------------
# proc/
# --------------------------------------------------------------------------

# (name, size, extra references, depends-on, out-of-tree) -- newest first, as /proc/modules lists.
JP6_MODULES = [
    ("nvhost_nvdla", 311296, 0, ["host1x_nvhost", "host1x", "nvmap"], True),
    ("nvhost_pva", 229376, 0, ["host1x_nvhost", "host1x", "nvmap"], True),
    ("nvidia_drm", 94208, 2, ["nvidia_modeset"], True),
    ("nvidia_modeset", 1261568, 4, ["nvidia"], True),
    ("nvidia", 1568768, 2, ["tegra_dce"], True),
    ("tegra_dce", 94208, 1, [], True),
    ("nvgpu", 2674688, 23, ["host1x", "nvmap", "mc_utils"], True),
    ("host1x_nvhost", 40960, 0, ["host1x", "nvmap"], True),
    ("host1x_fence", 16384, 0, ["host1x"], True),
    ("nvpmodel_clk_cap", 16384, 0, [], True),
    ("nvmap", 212992, 51, [], True),
    ("host1x", 184320, 2, ["mc_utils"], True),
    ("nvethernet", 126976, 0, [], True),
    ("nvvrs_pseq_rtc", 16384, 0, [], True),
    ("mc_utils", 16384, 0, [], True),
    ("tegra_bpmp_thermal", 16384, 0, [], False),
    ("pwm_fan", 24576, 0, [], False),
    ("ina3221", 24576, 0, [], False),
    ("binfmt_misc", 24576, 1, [], False),
    ("zram", 32768, 4, [], False),
    ("lzo_rle", 16384, 8, [], False),
    ("loop", 36864, 2, [], False),
    ("ramoops", 32768, 0, ["reed_solomon"], False),
    ("reed_solomon", 20480, 0, [], False),
    ("fuse", 118784, 5, [], False),
    ("ip_tables", 32768, 0, ["x_tables"], False),
    ("x_tables", 45056, 0, [], False),
]
JP4_MODULES = [
    ("zram", 26166, 4, [], False),
    ("overlay", 48691, 0, [], False),
    ("nvgpu", 1579891, 18, [], False),
    ("bluedroid_pm", 13912, 0, [], False),
    ("ip_tables", 19441, 0, ["x_tables"], False),
    ("x_tables", 28951, 0, [], False),
]
JP5_MODULES = [
    ("nvidia_drm", 77824, 2, ["nvidia_modeset"], True),
    ("nvidia_modeset", 1216512, 4, ["nvidia"], True),
    ("nvidia", 1376256, 2, [], True),
    ("nvgpu", 2461696, 21, [], False),
    ("pwm_fan", 24576, 0, [], False),
    ("ina3221", 24576, 0, [], False),
    ("binfmt_misc", 24576, 1, [], False),
    ("zram", 32768, 4, [], False),
    ("lzo_rle", 16384, 8, [], False),
    ("loop", 36864, 2, [], False),
    ("ramoops", 28672, 0, ["reed_solomon"], False),
    ("reed_solomon", 20480, 0, [], False),
    ("fuse", 118784, 5, [], False),
    ("ip_tables", 32768, 0, ["x_tables"], False),
    ("x_tables", 45056, 0, [], False),
]
HOST1X_FENCE_MAJOR = 486   # dynamic; any value distinct from the others [GUESS]

# sys/module/<name> is written for these (the DLA chain and every module holding it).
SYS_MODULES = ["nvhost_nvdla", "host1x_nvhost", "host1x", "host1x_fence", "nvmap", "nvgpu", "nvhost_pva"]


def loaded_modules(c):
    mods = JP6_MODULES if oot(c) else JP4_MODULES if c["jp"] == 4 else JP5_MODULES
    drop = set()
    if oot(c) and not c["nvdla_module"]:
        drop.add("nvhost_nvdla")
    if c["pnum"] == "p3767-0005":
        drop.add("nvhost_pva")   # PVA is disabled on Orin Nano too
    return [m for m in mods if m[0] not in drop]


def module_table(c):
    mods = loaded_modules(c)
    rows = []
    for name, size, extra, _deps, oot in mods:
        users = [m[0] for m in mods if name in m[3]]
        rows.append((name, size, len(users) + extra, users, oot))
    return rows


def proc_modules(c):
    out = []
    for name, size, refs, users, oot in module_table(c):
        used = "".join(u + "," for u in users) or "-"
        out.append(f"{name} {size} {refs} {used} Live 0x0000000000000000" + (" (O)" if oot else ""))
    return "\n".join(out) + "\n"


def proc_meminfo(total, cma_total, x86=False):
    free = total * 81 // 100
    avail = total * 88 // 100
    cached = total * 5 // 100
    lines = [
        ("MemTotal", total), ("MemFree", free), ("MemAvailable", avail), ("Buffers", total // 400),
        ("Cached", cached), ("SwapCached", 0), ("Active", total * 3 // 100),
        ("Inactive", total * 4 // 100), ("Active(anon)", 1024), ("Inactive(anon)", total * 1 // 100),
        ("Active(file)", total * 3 // 100 - 1024), ("Inactive(file)", total * 3 // 100),
        ("Unevictable", 0), ("Mlocked", 0), ("SwapTotal", total // 2), ("SwapFree", total // 2),
        ("Dirty", 48), ("Writeback", 0), ("AnonPages", total * 1 // 100 + 512), ("Mapped", 301248),
        ("Shmem", 21536), ("KReclaimable", 98112), ("Slab", 241776), ("SReclaimable", 98112),
        ("SUnreclaim", 143664), ("KernelStack", 14240),
    ]
    if not x86:
        lines.append(("ShadowCallStack", 3584))
    lines += [
        ("PageTables", 9876), ("NFS_Unstable", 0), ("Bounce", 0), ("WritebackTmp", 0),
        ("CommitLimit", total // 2 + total // 2), ("Committed_AS", 4431052),
        ("VmallocTotal", 34359738367 if x86 else 133143592960), ("VmallocUsed", 68912),
        ("VmallocChunk", 0), ("Percpu", 5376), ("HardwareCorrupted", 0), ("AnonHugePages", 0),
        ("ShmemHugePages", 0), ("ShmemPmdMapped", 0), ("FileHugePages", 0), ("FilePmdMapped", 0),
        ("CmaTotal", cma_total), ("CmaFree", cma_total * 93 // 100 if cma_total else 0),
    ]
    text = "".join(kv_kb(k, v) for k, v in lines)
    text += ("HugePages_Total:       0\nHugePages_Free:        0\nHugePages_Rsvd:        0\n"
             "HugePages_Surp:        0\n")
    text += kv_kb("Hugepagesize", 2048) + kv_kb("Hugetlb", 0)
    if x86:
        text += kv_kb("DirectMap4k", 412212) + kv_kb("DirectMap2M", 9775104) + kv_kb("DirectMap1G", 23068672)
    return text


def proc_buddyinfo(zones):
    out = ""
    for zone, counts in zones:
        out += f"Node 0, zone {zone:>8} " + "".join(f"{n:6d} " for n in counts) + "\n"
    return out


def proc_cpuinfo_arm(c):
    if c["cpu"] == "a78":
        impl, part, rev, feats = "0x41", "0xd42", "1", ORIN_FEATURES
    elif c["cpu"] == "v3ae":
        impl, part, rev, feats = "0x41", "0xd84", "0", ORIN_FEATURES + " sve sve2 bf16 i8mm"
    else:
        impl, part, rev, feats = "0x4e", "0x004", "0", CARMEL_FEATURES
    out = ""
    for i in range(c["ncpu"]):
        out += (f"processor\t: {i}\nBogoMIPS\t: 62.50\nFeatures\t: {feats}\n"
                f"CPU implementer\t: {impl}\nCPU architecture: 8\nCPU variant\t: 0x0\n"
                f"CPU part\t: {part}\nCPU revision\t: {rev}\n\n")
    return out


def proc_devices(c):
    chars = [(1, "mem"), (4, "/dev/vc/0"), (4, "tty"), (4, "ttyS"), (5, "/dev/tty"),
             (5, "/dev/console"), (5, "/dev/ptmx"), (7, "vcs"), (10, "misc"), (13, "input"),
             (29, "fb"), (89, "i2c"), (116, "alsa"), (128, "ptm"), (136, "pts"), (153, "spi"),
             (180, "usb"), (189, "usb_device"), (226, "drm"), (c["gpu_major"], "nvgpu")]
    if not oot(c):
        chars.append((c["nvhost_major"], "nvhost"))
    else:
        chars += [(d["major"], "nvhost") for d in c["dlas"] if is_bound(d)]
        chars.append((HOST1X_FENCE_MAJOR, "host1x-fence"))
    chars.sort(key=lambda e: e[0])   # stable: registration order within a major
    blocks = [(7, "loop"), (8, "sd"), (179, "mmc"), (252, "zram"), (259, "blkext")]
    return ("Character devices:\n" + "".join(f"{n:3d} {s}\n" for n, s in chars) +
            "\nBlock devices:\n" + "".join(f"{n:3d} {s}\n" for n, s in blocks))


def add_proc(t, c):
    st = stack(c)
    t.file("proc/version", st["proc_version"] + "\n")
    t.file("proc/sys/kernel/osrelease", st["kernel"] + "\n")
    t.file("proc/cmdline", c["cmdline"] + "\n")
    cma = (c["cma_mib"] or 64) * 1024
    t.file("proc/meminfo", proc_meminfo(c["mem_total_kb"], cma))
    t.file("proc/buddyinfo", proc_buddyinfo([
        ("DMA", [312, 201, 97, 63, 41, 22, 14, 9, 6, 3, 214]),
        ("Normal", [1873, 1422, 967, 611, 402, 273, 161, 88, 47, 21, c["mem_total_kb"] // 4096 // 3]),
    ]))
    t.file("proc/cpuinfo", proc_cpuinfo_arm(c))
    t.file("proc/modules", proc_modules(c))
    t.file("proc/devices", proc_devices(c))
    t.link("proc/device-tree", "/sys/firmware/devicetree/base")


# --------------------------------------------------------------------------
# Device tree
# --------------------------------------------------------------------------


def dt_node(t, path, name, props):
    t.file(f"{DTB}/{path}/name" if path else f"{DTB}/name", dt_str(name))
    for k, v in props.items():
        t.file(f"{DTB}/{path}/{k}" if path else f"{DTB}/{k}", v)


def add_dt(t, c):
    jp6 = oot(c)
    t234 = c["soc"] == "tegra234"
    par = dt_parent(c)
    root = {
        "model": dt_str(c["model"]),
        "compatible": dt_strs(c["compatible"]),
        "serial-number": dt_str(c["serial"]),
        "nvidia,dtsfilename": dt_str(c["dtsfilename"]),
        "#address-cells": dt_cells(2), "#size-cells": dt_cells(2),
        "interrupt-parent": dt_cells(PH_GIC),
    }
    if c.get("boardids"):   # older bootloaders only; R35+ UEFI writes chosen/ids instead (platform.md Corrections 1)
        root["nvidia,boardids"] = dt_str(c["boardids"])
    dt_node(t, "", "", root)
    chosen = {"bootargs": dt_str(c["cmdline"])}
    if c.get("ids"):        # UEFI (R35 and later on Orin, Thor): module P-number first, then the carrier
        chosen["ids"] = dt_str(c["ids"])
        chosen["nvidia,sku"] = dt_str(c["sku"])
    dt_node(t, "chosen", "chosen", chosen)
    if c.get("plugin_ids"):  # CBoot (Xavier on R32/R35): one property per board ID (platform.md Corrections 11)
        dt_node(t, "chosen/plugin-manager", "plugin-manager", {})
        dt_node(t, "chosen/plugin-manager/ids", "ids", {i: DT_EMPTY for i in c["plugin_ids"]})
    aliases = {f"nvdla{hw}": dt_str("/" + dla_dt(c, dict(hw=hw))) for hw in (0, 1)}
    dt_node(t, "aliases", "aliases", aliases)
    dt_node(t, "reserved-memory", "reserved-memory", {
        "#address-cells": dt_cells(2), "#size-cells": dt_cells(2), "ranges": DT_EMPTY})
    if c["cma_mib"]:
        dt_node(t, "reserved-memory/linux,cma", "linux,cma", {
            "compatible": dt_str("shared-dma-pool"), "reusable": DT_EMPTY,
            "size": dt_cells(0, c["cma_mib"] << 20), "alignment": dt_cells(0, 0x10000),
            "linux,cma-default": DT_EMPTY, "status": dt_str("okay")})
    else:   # Xavier: no linux,cma node; another carve-out keeps reserved-memory realistic
        dt_node(t, "reserved-memory/vpr-carveout", "vpr-carveout", {
            "compatible": dt_str("nvidia,vpr-carveout"), "size": dt_cells(0, 0x2A000000),
            "alignment": dt_cells(0, 0x400000), "reusable": DT_EMPTY, "status": dt_str("okay")})
    if not has_dla_soc(c):
        # Thor (tegra264) has no DLA: its DT carries no nvdla node (and nothing here reads its other engines).
        dt_node(t, "bpmp", "bpmp", {
            "compatible": dt_strs([f"nvidia,{c['soc']}-bpmp"]), "phandle": dt_cells(PH_BPMP),
            "status": dt_str("okay")})
        return
    dt_node(t, "bpmp", "bpmp", {
        "compatible": dt_strs([f"nvidia,{c['soc']}-bpmp", "nvidia,tegra186-bpmp"]),
        "#clock-cells": dt_cells(1), "#reset-cells": dt_cells(1), "#power-domain-cells": dt_cells(1),
        "phandle": dt_cells(PH_BPMP), "status": dt_str("okay")})
    if jp6:
        dt_node(t, "bus@0", "bus", {
            "compatible": dt_str("simple-bus"), "#address-cells": dt_cells(2),
            "#size-cells": dt_cells(2), "ranges": dt_cells(0, 0, 0, 0, 0x1, 0)})
    dt_node(t, dt_join(par, "interrupt-controller@f400000"), "interrupt-controller", {
        "compatible": dt_str("arm,gic-v3"), "#interrupt-cells": dt_cells(3),
        "interrupt-controller": DT_EMPTY, "phandle": dt_cells(PH_GIC)})
    if t234:
        smmu_compat = (["nvidia,tegra234-smmu", "nvidia,smmu-500"] if jp6
                       else ["arm,mmu-500", "nvidia,tegra194-smmu"])
        smmus = [(0x8000000, PH_SMMU_NISO1), (0x10000000, PH_SMMU_ISO), (0x12000000, PH_SMMU_NISO0)]
    else:
        smmu_compat = ["nvidia,tegra194-smmu", "arm,mmu-500"]
        smmus = [(0x12000000, PH_SMMU_NISO0)]
    for addr, ph in smmus:
        dt_node(t, dt_join(par, f"iommu@{addr:x}"), "iommu", {
            "compatible": dt_strs(smmu_compat), "reg": dt_cells(0, addr, 0, 0x1000000),
            "#iommu-cells": dt_cells(1), "phandle": dt_cells(ph), "status": dt_str("okay")})
    if jp6:
        mc = dt_join(par, "memory-controller@2c00000")
        dt_node(t, mc, "memory-controller", {
            "compatible": dt_str("nvidia,tegra234-mc"), "#interconnect-cells": dt_cells(1),
            "phandle": dt_cells(PH_MC), "status": dt_str("okay")})
        dt_node(t, f"{mc}/external-memory-controller@2c60000", "external-memory-controller", {
            "compatible": dt_str("nvidia,tegra234-emc"), "#interconnect-cells": dt_cells(0),
            "phandle": dt_cells(PH_EMC), "status": dt_str("okay")})
    h1x = dt_join(par, "host1x@13e00000")
    h1x_reg = (dt_cells(0, 0x13E00000, 0, 0x10000, 0, 0x13E40000, 0, 0x10000) if jp6 else
               dt_cells(0, 0x13E40000 if t234 else 0x13E10000, 0, 0x10000, 0, 0x13E00000, 0, 0x10000))
    dt_node(t, h1x, "host1x", {
        "compatible": dt_str(f"nvidia,{c['soc']}-host1x"), "reg": h1x_reg,
        "#address-cells": dt_cells(2), "#size-cells": dt_cells(2), "ranges": DT_EMPTY,
        "status": dt_str("okay")})
    dt_node(t, f"{h1x}/vic@15340000", "vic", {
        "compatible": dt_str(f"nvidia,{c['soc']}-vic"), "reg": dt_cells(0, 0x15340000, 0, 0x40000),
        "status": dt_str("okay")})
    for d in c["dlas"]:
        hw = hw_table(c)[d["hw"]]
        n = d["hw"]
        props = {
            "compatible": dt_str(f"nvidia,{c['soc']}-nvdla"),
            "reg": dt_cells(0, hw["addr"], 0, 0x40000),
            "interrupts": dt_cells(0, hw["irq"], 4),
            "power-domains": dt_cells(PH_BPMP, hw["pd"]),
            "iommus": dt_cells(hw["smmu_ph"], hw["sid"]),
            "dma-coherent": DT_EMPTY,
        }
        if t234:
            props["clocks"] = dt_cells(PH_BPMP, hw["clk_core"], PH_BPMP, hw["clk_falcon"])
            props["clock-names"] = dt_strs([f"nvdla{n}", f"nvdla{n}_flcn"])
        else:
            props["clocks"] = dt_cells(PH_BPMP, hw["nafll"][0], PH_BPMP, hw["nafll"][1],
                                       PH_BPMP, hw["clk_core"], PH_BPMP, hw["clk_falcon"])
            props["clock-names"] = dt_strs(["nafll_dla", "nafll_dla_falcon", f"nvdla{n}", f"nvdla{n}_flcn"])
        if jp6:
            icc = []
            for cid in hw["icc"]:
                icc += [PH_MC, cid, PH_EMC]
            props["interconnects"] = dt_cells(*icc)
            props["interconnect-names"] = dt_strs(["dma-mem", "read-1", "write", "write-1"])
        if d["dt_status"] is not None:
            props["status"] = dt_str(d["dt_status"])
        dt_node(t, dla_dt(c, d), f"nvdla{n}", props)


# --------------------------------------------------------------------------
# sysfs
# --------------------------------------------------------------------------


def platform_dev(t, path, pname, dt_path, compat, ofname, driver=None, fullname=None):
    """Common files of a DT-created platform device."""
    modalias = f"of:N{ofname}T(null)C{compat}"
    t.rel_link(f"sys/bus/platform/devices/{pname}", path)
    t.rel_link(f"{path}/subsystem", "sys/bus/platform")
    t.rel_link(f"{path}/of_node", f"{DTB}/{dt_path}")
    t.file(f"{path}/modalias", modalias + "\n")
    t.file(f"{path}/driver_override", "(null)\n")
    ue = ""
    if driver:
        ue += f"DRIVER={driver}\n"
        t.rel_link(f"{path}/driver", f"sys/bus/platform/drivers/{driver}")
        t.rel_link(f"sys/bus/platform/drivers/{driver}/{pname}", path)
    ue += (f"OF_NAME={ofname}\nOF_FULLNAME={fullname or '/' + dt_path}\n"
           f"OF_COMPATIBLE_0={compat}\nOF_COMPATIBLE_N=1\nMODALIAS={modalias}\n")
    t.file(f"{path}/uevent", ue)


def driver_dir(t, name, module=None):
    for f in ("bind", "unbind", "uevent"):
        t.file(f"sys/bus/platform/drivers/{name}/{f}", "")
    if module:
        t.rel_link(f"sys/bus/platform/drivers/{name}/module", f"sys/module/{module}")


def add_sysfs(t, c):
    jp6 = oot(c)
    soc = c["soc"]
    t.file("sys/devices/soc0/family", "Tegra\n")
    t.file("sys/devices/soc0/soc_id", {"tegra234": "35", "tegra194": "25", "tegra264": "38"}[soc] + "\n")
    t.file("sys/devices/soc0/revision", "A01\n")
    t.rel_link("sys/bus/soc/devices/soc0", "sys/devices/soc0")
    if not has_dla_soc(c):
        driver_dir(t, "tegra-host1x", "host1x")
        add_sys_module(t, c)
        return
    hx = host1x_dir(c)
    hx_name = posixpath.basename(hx)
    # host1x itself
    platform_dev(t, hx, hx_name, dt_join(dt_parent(c), "host1x@13e00000"), f"nvidia,{soc}-host1x",
                 "host1x", driver="tegra-host1x" if jp6 else "host1x")
    driver_dir(t, "tegra-host1x" if jp6 else "host1x", "host1x" if jp6 else None)
    if not jp6:
        # created by nvhost when host1x is not on the platform bus or has another name (platform.md §2.2)
        t.link("sys/devices/platform/host1x", ("../" if c["jp"] == 4 else "") + c["host1x_dev"])
    # SMMUs
    smmus = sorted({hw_table(c)[i]["smmu"] for i in (0, 1)} | ({0x10000000} if soc == "tegra234" else set()))
    driver_dir(t, "arm-smmu")
    for addr in smmus:
        sd = smmu_dir(c, addr)
        platform_dev(t, sd, posixpath.basename(sd), dt_join(dt_parent(c), f"iommu@{addr:x}"),
                     "nvidia,tegra234-smmu" if (soc == "tegra234" and jp6) else
                     ("arm,mmu-500" if soc == "tegra234" else "nvidia,tegra194-smmu"),
                     "iommu", driver="arm-smmu")
        sc = f"{sd}/iommu/{smmu_class(addr)}"
        t.rel_link(f"{sc}/subsystem", "sys/class/iommu")
        t.rel_link(f"sys/class/iommu/{smmu_class(addr)}", sc)
    # the nvdla driver (registered only if its code is there: built in on JP5, module on JP6)
    if not jp6 or c["nvdla_module"]:
        driver_dir(t, "nvdla", "nvhost_nvdla" if jp6 else None)
    for d in c["dlas"]:
        if has_platform_dev(d):
            add_dla_sysfs(t, c, d)
    if jp6:
        add_sys_module(t, c)


def add_dla_sysfs(t, c, d):
    jp6 = oot(c)
    hw = hw_table(c)[d["hw"]]
    P = dla_dir(c, d)
    pname = dla_pname(c, d)
    bound = is_bound(d)
    # The single-DLA rename changes of_node->name, which uevent/modalias print (platform.md §2.1).
    ofname = d["devname"] if bound else f"nvdla{d['hw']}"
    platform_dev(t, P, pname, dla_dt(c, d), f"nvidia,{c['soc']}-nvdla", ofname,
                 driver="nvdla" if bound else None)
    # Runtime PM (platform.md §2.3)
    t.file(f"{P}/power/control", "auto\n")
    if bound:
        t.file(f"{P}/power/runtime_status", d["rpm"] + "\n")
        t.file(f"{P}/power/runtime_active_time", f"{18432 + 977 * d['hw']}\n")
        t.file(f"{P}/power/runtime_suspended_time", f"{5421876 + 31 * d['hw']}\n")
        t.file(f"{P}/power/autosuspend_delay_ms", "500\n")
    else:
        t.file(f"{P}/power/runtime_status", "unsupported\n")
        t.file(f"{P}/power/runtime_active_time", "0\n")
        t.file(f"{P}/power/runtime_suspended_time", "0\n")
    # IOMMU: attached at dma_configure, i.e. whenever the driver core tried to probe.
    if d["state"] in ("bound", "fused", "probe_failed"):
        g = f"sys/kernel/iommu_groups/{d['group']}"
        t.rel_link(f"{P}/iommu_group", g)
        t.file(f"{g}/type", "DMA\n")
        t.rel_link(f"{g}/devices/{pname}", P)
        sc = f"{smmu_dir(c, hw['smmu'])}/iommu/{smmu_class(hw['smmu'])}"
        t.rel_link(f"{P}/iommu", sc)
        t.rel_link(f"{sc}/devices/{pname}", P)
    if not bound:
        return
    # nvpmodel caps (platform.md §2.4), Hz
    n = d["hw"]
    t.file(f"{P}/{cap_dir(c)}/dla{n}_core", f"{c['clk']['core_max']}\n")
    t.file(f"{P}/{cap_dir(c)}/dla{n}_falcon", f"{c['clk']['falcon_max']}\n")
    if not jp6:
        t.file(f"{P}/acm/autosuspend_delay", "500\n")
        t.file(f"{P}/acm/force_on", "0\n")
        t.file(f"{P}/force_idle", "0\n")
    # Class devices and their dev files
    for name, minor in node_names(c, d):
        C = class_dev_dir(c, d, name)
        t.file(f"{C}/dev", f"{d['major']}:{minor}\n")
        t.file(f"{C}/uevent", f"MAJOR={d['major']}\nMINOR={minor}\nDEVNAME={name}\n")
        t.file(f"{C}/power/control", "auto\n")
        t.file(f"{C}/power/runtime_status", "unsupported\n")
        t.rel_link(f"{C}/device", P)
        t.rel_link(f"{C}/subsystem", posixpath.dirname(class_link(c, d, name)))
        t.rel_link(class_link(c, d, name), C)


def add_sys_module(t, c):
    rows = {r[0]: r for r in module_table(c)}
    for name in SYS_MODULES:
        if name not in rows:
            continue
        _, size, refs, users, _oot = rows[name]
        m = f"sys/module/{name}"
        t.file(f"{m}/initstate", "live\n")
        t.file(f"{m}/refcnt", f"{refs}\n")
        t.file(f"{m}/taint", "O\n")
        t.file(f"{m}/srcversion", hexid("srcversion:" + name, 23, upper=True) + "\n")
        t.file(f"{m}/coresize", f"{size}\n")
        t.file(f"{m}/initsize", "0\n")
        for u in users:
            t.rel_link(f"{m}/holders/{u}", f"sys/module/{u}")
        if name == "nvhost_nvdla":
            t.rel_link(f"{m}/drivers/platform:nvdla", "sys/bus/platform/drivers/nvdla")
        if name == "host1x":
            t.rel_link(f"{m}/drivers/platform:tegra-host1x", "sys/bus/platform/drivers/tegra-host1x")


# --------------------------------------------------------------------------
# /dev (stat.tsv), udev database, debugfs
# --------------------------------------------------------------------------


def add_dev(t, c):
    t.stat["/dev"] = ("d", "0755", "root", "root", "-")
    maj, mn = c["nvmap"].split(":")
    t.devnode("/dev/nvmap", maj, mn)
    t.devnode("/dev/nvhost-ctrl-gpu", c["gpu_major"], 2)
    if not oot(c):
        t.devnode("/dev/nvhost-ctrl", c["nvhost_major"], 0)
    else:   # host1x-fence.ko's node: job fences of the OOT stack (meta-tegra scarthgap devices.csv)
        t.devnode("/dev/host1x-fence", HOST1X_FENCE_MAJOR, 0)
    for d in c["dlas"]:
        if not is_bound(d):
            continue
        for k, (name, minor) in enumerate(node_names(c, d)):
            t.devnode(f"/dev/{name}", d["major"], minor)
            t.file(f"run/udev/data/c{d['major']}:{minor}",
                   f"I:{5912345 + 7919 * (2 * d['hw'] + k)}\nV:1\n")
    t.stat["/etc/udev/rules.d/99-tegra-devices.rules"] = ("f", "0644", "root", "root", "-")
    t.stat["/sys/kernel/debug"] = ("d", "0700", "root", "root", "-")


def add_debugfs(t, c):
    dbg = "sys/kernel/debug"
    rates = c["clk"]
    # BPMP registers the DLA clocks even where the IP is fused off ([GUESS], platform.md §3.4); Thor has none.
    for n in ((0, 1) if has_dla_soc(c) else ()):
        for kind, mx in (("core", rates["core_max"]), ("falcon", rates["falcon_max"])):
            cd = f"{dbg}/clk/dla{n}_{kind}"
            t.file(f"{cd}/clk_rate", f"{mx}\n")
            t.file(f"{cd}/clk_max_rate", f"{mx}\n")
            t.file(f"{cd}/clk_min_rate", "0\n")
            t.file(f"{cd}/clk_enable_count", "0\n")
            t.file(f"{cd}/clk_prepare_count", "0\n")
    for d in c["dlas"]:
        if not is_bound(d):
            continue
        # JP6: named from of_node->name before the rename; JP5: devfs (probe-order) name.
        name = f"nvdla{d['hw']}" if oot(c) else d["devname"]
        dd = f"{dbg}/{name}"
        t.file(f"{dd}/debug_mask", "1\n")
        t.file(f"{dd}/en_trace", "0\n")
        t.file(f"{dd}/submit_mode", "0\n")
        t.file(f"{dd}/firmware/version", c["fw_version"] + "\n")
        t.file(f"{dd}/firmware/utilization_rate", "0.0000\n")
        t.stat[f"/{dd}/firmware/utilization_rate"] = ("f", "0400", "root", "root", "-")
    if c["jp"] == 5:
        # CONFIG_ARM_SMMU_DEBUG=y in R35 (platform.md §6.1): masters/<dev>/streamids, "% 3d " per id
        for k, d in enumerate(d for d in c["dlas"] if is_bound(d)):
            hw = hw_table(c)[d["hw"]]
            sid = hw["sid"]
            t.file(f"{dbg}/{hw['smmu']:x}.iommu/masters/{dla_pname(c, d)}/streamids",
                   f"streamids: {sid:3d} \nsmrs: {k + 40:3d} \n")


# --------------------------------------------------------------------------
# Kernel log (.nvdla-doctor/kmsg)
# --------------------------------------------------------------------------

SMMU_DETAIL = ["SMMUv2 with:", "\\x09stage 1 translation", "\\x09stage 2 translation",
               "\\x09nested translation", "\\x09stream matching with 128 register groups",
               "\\x09128 context banks (0 stage-2 only)", "\\x09Supported page sizes: 0x61311000",
               "\\x09Stage-1: 48-bit VA -> 48-bit IPA", "\\x09Stage-2: 48-bit IPA -> 48-bit PA"]


def add_kmsg(t, c):
    jp6 = oot(c)
    st = stack(c)
    cpu_id = {"a78": "0x410fd421", "v3ae": "0x410fd840"}.get(c["cpu"], "0x4e0f0040")
    total = c["mem_total_kb"]
    cma_kb = (c["cma_mib"] or 64) * 1024
    t.log(0, 6, f"Booting Linux on physical CPU 0x0000000000 [{cpu_id}]")
    t.log(0, 5, st["proc_version"])
    t.log(0, 6, f"Machine model: {c['model']}")
    if jp6:
        t.log(0, 6, "efi: EFI v2.70 by EDK II")
    if c["cma_mib"]:
        t.log(0, 6, f"Reserved memory: created CMA memory pool at 0x{c['cma_base']:016x}, "
                    f"size {c['cma_mib']} MiB")
        t.log(0, 6, "OF: reserved mem: initialized node linux,cma, compatible id shared-dma-pool")
    t.log(0, 6, "Zone ranges:")
    t.log(0, 6, "  DMA      [mem 0x0000000080000000-0x00000000ffffffff]")
    t.log(0, 6, "  DMA32    empty")
    t.log(0, 6, f"  Normal   [mem 0x0000000100000000-0x{0x80000000 + total * 1024 + 0x3ffffff:016x}]")
    if not c["cma_mib"]:
        t.log(0, 6, f"cma: Reserved 64 MiB at 0x{c['cma_base']:016x}")
    t.log(0, 5, f"Kernel command line: {c['cmdline']}")
    t.log(0, 6, f"Memory: {total - 1205484 - cma_kb}K/{total + 262144}K available (17856K kernel code, "
                f"3150K rwdata, 7180K rodata, 8128K init, 1153K bss, 1205484K reserved, "
                f"{cma_kb}K cma-reserved)")
    usec = 412003
    smmus = sorted({hw_table(c)[i]["smmu"] for i in (0, 1)} | ({0x10000000} if c["soc"] == "tegra234" else set()))
    if not has_dla_soc(c):
        smmus = []
    for addr in smmus:
        t.log(usec, 6, f"arm-smmu {addr:x}.iommu: probing hardware configuration...")
        for k, line in enumerate(SMMU_DETAIL if addr == smmus[0] else SMMU_DETAIL[:1] + SMMU_DETAIL[6:7]):
            t.log(usec + 3 + k * 3, 6, f"arm-smmu {addr:x}.iommu: {line}")
        usec += 1811
    t.log(1021554, 6, "EXT4-fs (mmcblk0p1): mounted filesystem with ordered data mode. Opts: (null). "
                      "Quota mode: none.")
    t.log(1262031, 30, "systemd[1]: Detected architecture arm64.")
    t.log(1262290, 30, f"systemd[1]: Hostname set to <{c['hostname']}>.")
    if jp6:
        t.log(2104417, 4, "mc_utils: loading out-of-tree module taints kernel.")
    t.log(3411976, 3, "tegra-i2c c250000.i2c: no acknowledge from address 0x36")
    t.log(4120554, 5, "random: crng init done")
    # DLA probe (JP5: built in, early; JP6: module loaded by udev)
    base = 5871002 if jp6 else 1488213
    for k, d in enumerate(c["dlas"]):
        if not has_platform_dev(d) or d["state"] == "unprobed":
            continue
        p = dla_pname(c, d)
        u = base + k * 40117
        t.log(u, 6, f"nvdla {p}: Adding to iommu group {d['group']}")
        if d["state"] == "bound":
            if jp6:
                t.log(u + 2911, 6, f"nvdla {p}: syncpt_unit_base 60000000 syncpt_unit_size 4000000 size 10000")
            else:
                t.log(u + 2911, 6, f"nvdla {p}: initialized")
        elif d["state"] == "fused":
            t.log(u + 1204, 3, f"nvdla {p}: NVDLA{d['hw']} IP is disabled in Fuse")
        elif d["state"] == "probe_failed":
            fw = "nvidia/tegra234/nvdla.bin" if jp6 else "nvhost_nvdla020.fw"
            t.log(u + 1522, 4, f"nvdla {p}: Direct firmware load for {fw} failed with error -2")
            t.log(u + 1530, 3, f"nvdla {p}: probe failed with error -2")
            t.log(u + 1544, 4, f"nvdla: probe of {p} failed with error -2")
    if not jp6 and c["soc"] == "tegra234":
        # benign trap (samples/real/032): another falcon engine, retried from the subdirectory
        t.log(14203118, 4, "falcon 154c0000.nvenc: Direct firmware load for nvhost_nvenc080.fw failed with error -2")
        t.log(14203139, 6, "falcon 154c0000.nvenc: looking for firmware in subdirectory")


# --------------------------------------------------------------------------
# etc/, var/, lib/, usr/
# --------------------------------------------------------------------------

UDEV_RULES = ("# nvidia-l4t device permissions (as shipped in 99-tegra-devices.rules)\n"
              'KERNEL=="nvmap" OWNER="root" GROUP="video" MODE="0660"\n'
              'SUBSYSTEM=="host1x" OWNER="root" GROUP="video" MODE="0660"\n'
              'KERNEL=="nvhost*" OWNER="root" GROUP="video" MODE="0660"\n')

PASSWD = ("root:x:0:0:root:/root:/bin/bash\n"
          "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
          "bin:x:2:2:bin:/bin:/usr/sbin/nologin\n"
          "sys:x:3:3:sys:/dev:/usr/sbin/nologin\n"
          "messagebus:x:102:105::/nonexistent:/usr/sbin/nologin\n"
          "systemd-network:x:100:102:systemd Network Management,,,:/run/systemd:/usr/sbin/nologin\n"
          "nvidia:x:1000:1000:nvidia,,,:/home/nvidia:/bin/bash\n")
GROUP = ("root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:syslog,nvidia\ntty:x:5:\ndisk:x:6:\n"
         "sudo:x:27:nvidia\naudio:x:29:pulse,nvidia\nvideo:x:44:nvidia\nplugdev:x:46:nvidia\n"
         "render:x:109:nvidia\ni2c:x:108:nvidia\ngpio:x:999:nvidia\nnvidia:x:1000:\n")


def ubuntu_os_release(ver, code, name):
    short = ver.rsplit(".", 1)[0]
    return (f'PRETTY_NAME="Ubuntu {ver} LTS"\nNAME="Ubuntu"\nVERSION_ID="{short}"\n'
            f'VERSION="{ver} LTS ({name})"\nVERSION_CODENAME={code}\nID=ubuntu\nID_LIKE=debian\n'
            'HOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\n'
            'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\n'
            'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\n'
            f"UBUNTU_CODENAME={code}\n")


def tegra_release(c):
    head = stack(c)["head"]
    libs = ["libcuda.so.1.1", "libnvdla_runtime.so", "libnvdla_compiler.so", "libnvcudla.so",
            "libnvos.so", "libnvrm_gpu.so", "libnvrm_host1x.so", "libnvrm_mem.so"]
    return head + "".join(f"{hexid(str(c['jp']) + ':' + l, 40)} */{libdir(c)}/{l}\n" for l in libs)


def nvpmodel_conf(c):
    nv = c["nvpmodel"]
    jp6 = oot(c)
    ncpu = c["ncpu"]
    out = ["# nvpmodel configuration file: nvdla-doctor fixture after the layout of",
           "# nvidia-l4t-nvpmodel's /etc/nvpmodel/" + nv["conf"], "",
           "< PARAM TYPE=FILE NAME=CPU_ONLINE >"]
    out += [f"CORE_{i} /sys/devices/system/cpu/cpu{i}/online" for i in range(ncpu)]
    out += ["", "< PARAM TYPE=CLOCK NAME=CPU_CLUSTER0 >",
            "FREQ_TABLE /sys/devices/system/cpu/cpu0/cpufreq/scaling_available_frequencies",
            "MAX_FREQ /sys/devices/system/cpu/cpu0/cpufreq/scaling_max_freq",
            "MIN_FREQ /sys/devices/system/cpu/cpu0/cpufreq/scaling_min_freq", ""]
    gpu = ("/sys/devices/platform/bus@0/17000000.gpu/devfreq/17000000.gpu" if jp6 else
           "/sys/devices/17000000.ga10b/devfreq/17000000.ga10b" if c["soc"] == "tegra234" else
           "/sys/devices/17000000.gv11b/devfreq/17000000.gv11b")
    out += ["< PARAM TYPE=CLOCK NAME=GPU >", f"FREQ_TABLE {gpu}/available_frequencies",
            f"MAX_FREQ {gpu}/max_freq", f"MIN_FREQ {gpu}/min_freq", ""]
    emc = "/sys/kernel/nvpmodel_clk_cap/emc" if jp6 else "/sys/kernel/nvpmodel_emc_cap/emc_iso_cap"
    out += ["< PARAM TYPE=CLOCK NAME=EMC >", f"MAX_FREQ {emc}", ""]
    kinds = ["CORE"] + (["FALCON"] if nv["modes"][0][4] is not None else [])
    for n in nv["dla_hw"]:
        dev = "/" + dla_dir(c, dict(hw=n))
        for kind in kinds:
            path = f"{dev}/{cap_dir(c)}/dla{n}_{kind.lower()}"
            out += [f"< PARAM TYPE=CLOCK NAME=DLA{n}_{kind} >", f"MAX_FREQ {path}"]
            if not jp6:
                out.append(f"MAX_FREQ_KNEXT {path}")
            out.append("")
    for mid, name, cpus, core, falcon in nv["modes"]:
        out.append(f"< POWER_MODEL ID={mid} NAME={name} >")
        out += [f"CPU_ONLINE CORE_{i} {1 if i < cpus else 0}" for i in range(ncpu)]
        out.append(f"CPU_CLUSTER0 MAX_FREQ {-1 if core == -1 else 1497600}")
        out.append(f"GPU MAX_FREQ {-1 if core == -1 else 612000000}")
        out.append(f"EMC MAX_FREQ {-1 if core == -1 else 2133000000}")
        for n in nv["dla_hw"]:
            out.append(f"DLA{n}_CORE MAX_FREQ {core}")
            if "FALCON" in kinds:
                out.append(f"DLA{n}_FALCON MAX_FREQ {falcon}")
        out.append("")
    out.append(f"< PM_CONFIG DEFAULT={nv['default']} >")
    return "\n".join(out) + "\n"


def add_etc(t, c):
    st = stack(c)
    t.file("etc/nv_tegra_release", tegra_release(c))
    t.file("etc/hostname", c["hostname"] + "\n")
    t.file("etc/passwd", PASSWD)
    t.file("etc/group", GROUP)
    t.file("usr/lib/os-release", ubuntu_os_release(*st["ubuntu"]))
    t.link("etc/os-release", "../usr/lib/os-release")
    t.file("etc/udev/rules.d/99-tegra-devices.rules", UDEV_RULES)
    t.file("etc/ld.so.conf.d/nvidia-tegra.conf", "/" + libdir(c) + "\n")
    t.file("etc/modules-load.d/nv.conf", "nvmap\nnvgpu\npwm-fan\nina3221\n")
    nv = c["nvpmodel"]
    t.file(f"etc/nvpmodel/{nv['conf']}", nvpmodel_conf(c))
    t.link("etc/nvpmodel.conf", f"nvpmodel/{nv['conf']}")
    t.file("var/lib/nvpmodel/status", f"pmode:{nv['pmode']:04d}\n")
    t.file("var/lib/nvpmodel/conf_file_path", f"/etc/nvpmodel/{nv['conf']}\n")


def add_firmware(t, c):
    if c["jp"] == 4:
        # R32's nvidia-l4t-firmware installs the DLA firmware only in the SoC subdirectory (platform.md Corrections 11).
        t.file("lib/firmware/tegra19x/nvhost_nvdla010.fw", prng("firmware:nvhost_nvdla010.fw", 448))
        return
    for name, size in (("nvhost_nvdla010.fw", 448), ("nvhost_nvdla020.fw", 384)):
        t.file(f"lib/firmware/{name}", prng("firmware:" + name, size))
    t.link("lib/firmware/nvidia/tegra194/nvdla.bin", "../../nvhost_nvdla010.fw")
    if oot(c):
        t.link("lib/firmware/nvidia/tegra234/nvdla.bin", "../../nvhost_nvdla020.fw")
        kdir = f"lib/modules/{stack(c)['kernel']}"
        t.file(f"{kdir}/modules.dep",
               "updates/drivers/video/tegra/host/nvdla/nvhost-nvdla.ko: "
               "updates/drivers/gpu/host1x-nvhost/host1x-nvhost.ko updates/drivers/gpu/host1x/host1x.ko "
               "updates/drivers/video/tegra/nvmap/nvmap.ko\n"
               "updates/drivers/gpu/host1x-nvhost/host1x-nvhost.ko: updates/drivers/gpu/host1x/host1x.ko "
               "updates/drivers/video/tegra/nvmap/nvmap.ko\n"
               "updates/drivers/gpu/host1x/host1x.ko:\n"
               "updates/drivers/video/tegra/nvmap/nvmap.ko:\n")
        t.file(f"{kdir}/modules.alias",
               "# Aliases extracted from modules themselves.\n"
               "alias of:N*T*Cnvidia,tegra234-nvdlaC* nvhost_nvdla\n"
               "alias of:N*T*Cnvidia,tegra234-nvdla nvhost_nvdla\n"
               "alias of:N*T*Cnvidia,tegra194-nvdlaC* nvhost_nvdla\n"
               "alias of:N*T*Cnvidia,tegra194-nvdla nvhost_nvdla\n")


def placeholder(what):
    return f"nvdla-doctor fixture placeholder for {what}; not a real library\n"


def nvinfer_header(v):
    major, minor, patch, build = v
    return ("/* NvInferVersion.h: nvdla-doctor fixture, same macros as TensorRT's header. */\n\n"
            "//!\n//! \\file NvInferVersion.h\n//!\n//! Defines the TensorRT version\n//!\n"
            "#ifndef NV_INFER_VERSION_H\n#define NV_INFER_VERSION_H\n\n"
            f"#define NV_TENSORRT_MAJOR {major} //!< TensorRT major version.\n"
            f"#define NV_TENSORRT_MINOR {minor} //!< TensorRT minor version.\n"
            f"#define NV_TENSORRT_PATCH {patch} //!< TensorRT patch version.\n"
            f"#define NV_TENSORRT_BUILD {build} //!< TensorRT build number.\n\n"
            "#define NV_TENSORRT_LWS_MAJOR 0 //!< TensorRT LWS major version.\n"
            "#define NV_TENSORRT_LWS_MINOR 0 //!< TensorRT LWS minor version.\n"
            "#define NV_TENSORRT_LWS_PATCH 0 //!< TensorRT LWS patch version.\n\n"
            + (f"#define NV_TENSORRT_SONAME_MAJOR {major} //!< Shared object library major version number.\n"
               f"#define NV_TENSORRT_SONAME_MINOR {minor} //!< Shared object library minor version number.\n"
               f"#define NV_TENSORRT_SONAME_PATCH {patch} //!< Shared object library patch version number.\n\n"
               if major < 10 else "")
            + "#define NV_TENSORRT_RELEASE_TYPE_EARLY_ACCESS 0         //!< An early access release\n"
            "#define NV_TENSORRT_RELEASE_TYPE_RELEASE_CANDIDATE 1    //!< A release candidate\n"
            "#define NV_TENSORRT_RELEASE_TYPE_GENERAL_AVAILABILITY 2 //!< A final release\n\n"
            "#define NV_TENSORRT_RELEASE_TYPE NV_TENSORRT_RELEASE_TYPE_GENERAL_AVAILABILITY "
            "//!< TensorRT release type\n\n#endif // NV_INFER_VERSION_H\n")


def cudnn_header(v):
    major, minor, patch = v
    mult = "10000" if major >= 9 else "1000"
    return ("/* cudnn_version.h: nvdla-doctor fixture, same macros as cuDNN's header. */\n\n"
            "#ifndef CUDNN_VERSION_H_\n#define CUDNN_VERSION_H_\n\n"
            f"#define CUDNN_MAJOR {major}\n#define CUDNN_MINOR {minor}\n#define CUDNN_PATCHLEVEL {patch}\n\n"
            f"#define CUDNN_VERSION (CUDNN_MAJOR * {mult} + CUDNN_MINOR * 100 + CUDNN_PATCHLEVEL)\n\n"
            "#endif /* CUDNN_VERSION_H */\n")


def cuda_version_json(full, cudart):
    comps = [("cuda", "CUDA SDK", full), ("cuda_cccl", "CUDA C++ Core Compute Libraries", cudart),
             ("cuda_cudart", "CUDA Runtime (cudart)", cudart),
             ("cuda_cupti", "CUPTI", cudart), ("cuda_nvcc", "CUDA NVCC", cudart),
             ("cuda_nvrtc", "CUDA NVRTC", cudart), ("libcublas", "CUDA cuBLAS", cudart),
             ("libcudla", "CUDA cuDLA", cudart)]
    return json.dumps({k: {"name": n, "version": v} for k, n, v in comps}, indent=3,
                      separators=(",", " : ")) + "\n"


def add_trt(t, c, trt):
    pkg, _libver, _meta, v = trt
    t.file("usr/include/aarch64-linux-gnu/NvInferVersion.h", nvinfer_header(v))
    full = ".".join(str(x) for x in v[:3])
    t.file(f"usr/lib/aarch64-linux-gnu/libnvinfer.so.{full}", placeholder(f"libnvinfer {full}"))
    t.link(f"usr/lib/aarch64-linux-gnu/libnvinfer.so.{v[0]}", f"libnvinfer.so.{full}")


def add_cudnn(t, c, cudnn):
    v = cudnn[3]
    t.file(f"usr/include/aarch64-linux-gnu/cudnn_version_v{v[0]}.h", cudnn_header(v))
    # Debian alternatives, as the cuDNN packages install it (absolute links).
    t.link("usr/include/cudnn_version.h", "/etc/alternatives/cudnn_version_h")
    t.link("etc/alternatives/cudnn_version_h", f"/usr/include/aarch64-linux-gnu/cudnn_version_v{v[0]}.h")
    full = ".".join(str(x) for x in v)
    t.file(f"usr/lib/aarch64-linux-gnu/libcudnn.so.{full}", placeholder(f"libcudnn {full}"))
    t.link(f"usr/lib/aarch64-linux-gnu/libcudnn.so.{v[0]}", f"libcudnn.so.{full}")


def add_cuda(t, c, cuda):
    _dash, short, _pkg, full, cudart = cuda
    root = f"usr/local/cuda-{short}"
    if int(short.split(".")[0]) <= 10:   # CUDA 10.2 and older: version.txt, no version.json
        t.file(f"{root}/version.txt", f"CUDA Version {full}\n")
    else:
        t.file(f"{root}/version.json", cuda_version_json(full, cudart))
    t.file(f"{root}/targets/aarch64-linux/lib/libcudla.so.{cudart}", placeholder(f"libcudla {cudart}"))
    t.link(f"{root}/targets/aarch64-linux/lib/libcudla.so.1", f"libcudla.so.{cudart}")
    t.link("usr/local/cuda", f"cuda-{short}")


def add_usr(t, c):
    st = stack(c)
    ld = libdir(c)
    for lib in ("libnvdla_runtime.so", "libnvdla_compiler.so", "libnvcudla.so", "libcuda.so.1.1"):
        t.file(f"{ld}/{lib}", placeholder(lib))
    t.link(f"{ld}/libcuda.so", "libcuda.so.1.1")
    add_trt(t, c, st["trt"])
    add_cudnn(t, c, st["cudnn"])
    add_cuda(t, c, st["cuda"])


# dpkg status ---------------------------------------------------------------

NV = "NVIDIA Corporation <linux-tegra-bugs@nvidia.com>"
CT = "cudatools <cudatools@nvidia.com>"
UB = "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>"


def stanza(pkg, ver, *, section="libs", prio="optional", size=100, maint=NV, arch="arm64",
           source=None, depends=None, desc, multiarch=None, conffiles=None, essential=False):
    lines = [f"Package: {pkg}", "Status: install ok installed"]
    if essential:
        lines.append("Essential: yes")
    lines += [f"Priority: {prio}", f"Section: {section}", f"Installed-Size: {size}",
              f"Maintainer: {maint}", f"Architecture: {arch}"]
    if multiarch:
        lines.append(f"Multi-Arch: {multiarch}")
    if source:
        lines.append(f"Source: {source}")
    lines.append(f"Version: {ver}")
    if depends:
        lines.append(f"Depends: {depends}")
    if conffiles:
        lines.append("Conffiles:")
        lines += [f" {p} {md5}" for p, md5 in conffiles]
    summary, *rest = desc.split("\n")
    lines.append(f"Description: {summary}")
    lines += [f" {r}" if r else " ." for r in rest]
    return "\n".join(lines) + "\n"


def l4t_packages(c, l4t_pkg, core_ver=None):
    """nvidia-l4t-* stanzas.  core_ver overrides nvidia-l4t-core only."""
    jp6 = oot(c)
    kernel = stack(c)["kernel"]
    udev_md5 = hashlib.md5(UDEV_RULES.encode()).hexdigest()
    rules = [("/etc/udev/rules.d/99-tegra-devices.rules", udev_md5)]
    v = l4t_pkg
    pkgs = [
        stanza("nvidia-l4t-core", core_ver or v, section="misc", prio="standard", size=94376,
               depends="libc6, libgcc-s1, libstdc++6, libexpat1, libegl1",
               desc="NVIDIA Core Package\nCore libraries of NVIDIA Jetson Linux (L4T), including "
                    "libnvdla_runtime." + ("" if jp6 else "\nAlso provides libnvdla_compiler.")),
        stanza("nvidia-l4t-firmware", v, section="firmware", prio="standard", size=40412,
               desc="NVIDIA Firmware Package\nFirmware for the engines of NVIDIA Jetson modules "
                    "(DLA, PVA, video codecs)."),
        stanza("nvidia-l4t-init", v, section="misc", prio="standard", size=1024,
               depends=f"nvidia-l4t-core (= {v})",
               conffiles=None if jp6 else rules,
               desc="NVIDIA Init Package\nSystem initialisation scripts and udev rules for NVIDIA Jetson."),
        stanza("nvidia-l4t-cuda", v, section="libs", prio="standard", size=48672,
               depends=f"nvidia-l4t-core (= {v})",
               desc="NVIDIA CUDA Package\nCUDA driver libraries (libcuda, libnvcudla) for NVIDIA Jetson."),
        stanza("nvidia-l4t-nvpmodel", v, section="utils", prio="standard", size=480,
               desc="NVIDIA Nvpmodel Package\nPower model tool and configuration files."),
        stanza("nvidia-l4t-tools", v, section="utils", prio="standard", size=3512,
               desc="NVIDIA Public Test Tools Package\njetson_clocks and tegrastats."),
        stanza("nvidia-l4t-kernel", f"{kernel}-{v}", section="kernel", prio="standard", size=262144,
               desc="NVIDIA Kernel Package\nLinux kernel image for NVIDIA Jetson."),
    ]
    pkgs.append(stanza("nvidia-l4t-configs", v, section="misc", prio="standard", size=64,
                       conffiles=rules if jp6 else None,
                       desc="NVIDIA configs package\nConfiguration files (modules-load.d/nv.conf"
                            + (", udev rules" if jp6 else "") + ") for NVIDIA Jetson."))
    if jp6:
        pkgs += [
            stanza("nvidia-l4t-dla-compiler", v, section="libs", prio="standard", size=28904,
                   depends=f"nvidia-l4t-core (= {v})",
                   desc="NVIDIA DLA Compiler Package\nlibnvdla_compiler for the Deep Learning Accelerator."),
            stanza("nvidia-l4t-kernel-oot-modules", f"{kernel}-{v}", section="kernel", prio="standard",
                   size=98304, depends=f"nvidia-l4t-kernel (= {kernel}-{v})",
                   desc="NVIDIA Kernel OOT Modules Package\nOut-of-tree kernel modules (nvhost-nvdla, "
                        "host1x, nvmap, nvgpu...)."),
        ]
    return pkgs


def stack_packages(c, trt=None, cudnn=None, cuda=None, jetpack=None):
    st = stack(c)
    trt = trt or st["trt"]
    cudnn = cudnn or st["cudnn"]
    cuda = cuda or st["cuda"]
    jetpack = jetpack or st["jetpack"]
    tpkg, tver, tmeta, tv = trt
    cpkg, cdev, cver, cv = cudnn
    dash, short, tkver, _full, cudart = cuda
    return [
        stanza("nvidia-jetpack", jetpack, section="metapackages", size=10, maint=NV,
               depends=f"nvidia-jetpack-runtime (= {jetpack}), nvidia-jetpack-dev (= {jetpack})",
               desc="NVIDIA Jetpack Meta Package\nMeta package that installs all of JetPack."),
        stanza(tpkg, tver, size=1812344 if tv[0] >= 10 else 1107336, maint=CT, source="tensorrt",
               desc="TensorRT runtime libraries\nTensorRT runtime libraries (libnvinfer)."),
        stanza("libnvinfer-dev", tver, section="libdevel", size=2048, maint=CT, source="tensorrt",
               depends=f"{tpkg} (= {tver})",
               desc="TensorRT development libraries\nHeaders, including NvInferVersion.h."),
        stanza("tensorrt", tmeta, section="multiverse/devel", size=10, maint=CT,
               depends=f"{tpkg} (= {tver}), libnvinfer-dev (= {tver})",
               desc="Meta package for TensorRT\nMeta package for TensorRT."),
        stanza(cpkg, cver, size=2359296 if cv[0] >= 9 else 1466368, maint=CT, source="cudnn",
               desc="cuDNN runtime libraries\ncuDNN runtime libraries for deep neural networks."),
        stanza(cdev, cver, section="libdevel", size=512, maint=CT, source="cudnn",
               depends=f"{cpkg} (= {cver})",
               desc="cuDNN development headers and symlinks\nIncludes cudnn_version.h."),
        stanza(f"cuda-toolkit-{dash}", tkver, section="devel", size=10, maint=CT,
               depends=f"cuda-cudart-{dash} (>= {cudart}), libcudla-{dash} (>= {cudart})",
               desc=f"CUDA Toolkit {short} meta-package\nInstalls all CUDA Toolkit {short} packages."),
        stanza(f"cuda-cudart-{dash}", f"{cudart}-1", size=1024, maint=CT,
               desc=f"CUDA Runtime native Libraries\nCUDA {short} runtime."),
        stanza(f"libcudla-{dash}", f"{cudart}-1", size=512, maint=CT,
               desc=f"CUDA cuDLA native runtime libraries\ncuDLA (libcudla.so.1) for CUDA {short}."),
    ]


def base_packages(c):
    st = stack(c)
    return [
        stanza("base-files", st["base_files"], section="admin", prio="required", size=399, maint=UB,
               essential=True, desc="Debian base system miscellaneous files\nThis package contains "
                                    "the basic filesystem hierarchy of a Debian system."),
        stanza("bash", st["bash"], section="shells", prio="required", size=1864, maint=UB,
               essential=True, multiarch="foreign", depends="base-files (>= 2.1.12), debianutils (>= 2.15)",
               desc="GNU Bourne Again SHell\nBash is an sh-compatible command language interpreter."),
        stanza("libc6", st["libc"], section="libs", prio="optional", size=13592, maint=UB,
               multiarch="same", source="glibc", depends="libgcc-s1, libcrypt1",
               desc="GNU C Library: Shared libraries\nContains the standard libraries that are used by "
                    "nearly all programs on the system."),
        stanza("udev", st["udev"], section="admin", prio="important", size=10456, maint=UB,
               source="systemd", depends="libc6, libudev1, adduser",
               desc="/dev/ and hotplug management daemon\nudev is a daemon which dynamically creates "
                    "and removes device nodes from /dev/."),
    ]


def dpkg_status(stanzas):
    def key(s):
        return s.split("\n", 1)[0]
    return "\n".join(sorted(stanzas, key=key))


def add_dpkg(t, c):
    st = stack(c)
    t.file("var/lib/dpkg/status",
           dpkg_status(base_packages(c) + l4t_packages(c, st["l4t_pkg"]) + stack_packages(c)))


def build_jetson(c):
    t = Tree()
    add_proc(t, c)
    add_dt(t, c)
    add_sysfs(t, c)
    add_dev(t, c)
    add_debugfs(t, c)
    add_kmsg(t, c)
    add_etc(t, c)
    add_firmware(t, c)
    add_usr(t, c)
    add_dpkg(t, c)
    return t


# --------------------------------------------------------------------------
# Non-Jetson
# --------------------------------------------------------------------------


def build_non_jetson():
    t = Tree()
    ver = ("Linux version 6.1.0-28-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) "
           "12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 "
           "(2024-11-22)")
    cmdline = "BOOT_IMAGE=/boot/vmlinuz-6.1.0-28-amd64 root=UUID=5b0e1c7d-2f44-4a8e-9c61-0d3f8a2b7e15 ro quiet"
    t.file("proc/version", ver + "\n")
    t.file("proc/sys/kernel/osrelease", "6.1.0-28-amd64\n")
    t.file("proc/cmdline", cmdline + "\n")
    total = 32567412
    t.file("proc/meminfo", proc_meminfo(total, 0, x86=True))
    t.file("proc/buddyinfo", proc_buddyinfo([
        ("DMA", [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2]),
        ("DMA32", [7, 6, 8, 9, 7, 6, 5, 6, 4, 5, 612]),
        ("Normal", [2211, 1834, 1207, 822, 499, 301, 177, 91, 40, 22, 6120])]))
    cpu = ""
    for i in range(2):
        cpu += (f"processor\t: {i}\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 167\n"
                "model name\t: 11th Gen Intel(R) Core(TM) i7-11700 @ 2.50GHz\nstepping\t: 1\n"
                "microcode\t: 0x62\ncpu MHz\t\t: 2500.000\ncache size\t: 16384 KB\nphysical id\t: 0\n"
                f"siblings\t: 2\ncore id\t\t: {i}\ncpu cores\t: 2\napicid\t\t: {2 * i}\n"
                "fpu\t\t: yes\nflags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov "
                "pat pse36 clflush mmx fxsr sse sse2 ht syscall nx lm constant_tsc pni ssse3 sse4_1 "
                "sse4_2 avx avx2 avx512f\nbogomips\t: 4992.00\naddress sizes\t: 39 bits physical, "
                "48 bits virtual\n\n")
    t.file("proc/cpuinfo", cpu)
    t.file("proc/modules",
           "snd_hda_intel 57344 3 - Live 0x0000000000000000\n"
           "i915 3891200 22 - Live 0x0000000000000000\n"
           "drm_buddy 20480 1 i915, Live 0x0000000000000000\n"
           "e1000e 327680 0 - Live 0x0000000000000000\n"
           "kvm_intel 380928 0 - Live 0x0000000000000000\n"
           "kvm 1142784 1 kvm_intel, Live 0x0000000000000000\n"
           "nvme 53248 2 - Live 0x0000000000000000\n"
           "loop 32768 0 - Live 0x0000000000000000\n"
           "fuse 176128 3 - Live 0x0000000000000000\n")
    t.file("proc/devices", "Character devices:\n  1 mem\n  4 tty\n  5 /dev/tty\n 10 misc\n 13 input\n"
                           "226 drm\n\nBlock devices:\n  7 loop\n259 blkext\n")
    t.file("etc/hostname", "workstation\n")
    t.file("etc/passwd", PASSWD.replace("nvidia", "alice"))
    t.file("etc/group", GROUP.replace("nvidia", "alice"))
    t.file("usr/lib/os-release",
           'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\n'
           'VERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\n'
           'HOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\n'
           'BUG_REPORT_URL="https://bugs.debian.org/"\n')
    t.link("etc/os-release", "../usr/lib/os-release")
    t.file("etc/debian_version", "12.8\n")
    DM = "Debian Kernel Team <debian-kernel@lists.debian.org>"
    t.file("var/lib/dpkg/status", dpkg_status([
        stanza("base-files", "12.4+deb12u8", section="admin", prio="required", size=341, arch="amd64",
               maint="Santiago Vila <sanvila@debian.org>", essential=True,
               desc="Debian base system miscellaneous files\nThis package contains the basic filesystem "
                    "hierarchy of a Debian system."),
        stanza("bash", "5.2.15-2+b7", section="shells", prio="required", size=7164, arch="amd64",
               maint="Matthias Klose <doko@debian.org>", essential=True, multiarch="foreign",
               source="bash (5.2.15-2)", desc="GNU Bourne Again SHell\nBash is an sh-compatible command "
                                              "language interpreter."),
        stanza("libc6", "2.36-9+deb12u9", section="libs", prio="optional", size=12987, arch="amd64",
               maint="GNU Libc Maintainers <debian-glibc@lists.debian.org>", multiarch="same",
               source="glibc", depends="libgcc-s1", desc="GNU C Library: Shared libraries\nContains the "
                                                        "standard libraries."),
        stanza("udev", "252.31-1~deb12u1", section="admin", prio="important", size=10820, arch="amd64",
               maint="Debian systemd Maintainers <pkg-systemd-maintainers@lists.alioth.debian.org>",
               source="systemd", depends="libc6, libudev1", desc="/dev/ and hotplug management daemon\n"
                                                               "udev is a daemon which dynamically creates "
                                                               "and removes device nodes."),
        stanza("linux-image-6.1.0-28-amd64", "6.1.119-1", section="kernel", size=398848, arch="amd64",
               maint=DM, source="linux-signed-amd64 (6.1.119+1)", depends="kmod, linux-base (>= 4.3~)",
               desc="Linux 6.1 for 64-bit PCs (signed)\nThe Linux kernel 6.1 and modules for use on PCs."),
    ]))
    for name in ("serial8250", "i8042", "pcspkr"):
        t.file(f"sys/devices/platform/{name}/uevent", f"DRIVER={name}\n" if name != "pcspkr" else "")
        t.rel_link(f"sys/bus/platform/devices/{name}", f"sys/devices/platform/{name}")
    t.file("sys/devices/virtual/dmi/id/sys_vendor", "Dell Inc.\n")
    t.file("sys/devices/virtual/dmi/id/product_name", "OptiPlex 7090\n")
    t.rel_link("sys/class/dmi/id", "sys/devices/virtual/dmi/id")
    t.stat["/dev"] = ("d", "0755", "root", "root", "-")
    t.devnode("/dev/kvm", 10, 232, mode="0660", group="kvm")
    t.devnode("/dev/dri/card0", 226, 0, mode="0660", group="video")
    for u, p, m in [(0, 5, ver),
                    (0, 6, f"Command line: {cmdline}"),
                    (0, 6, "DMI: Dell Inc. OptiPlex 7090/0K0N8T, BIOS 1.24.0 07/10/2024"),
                    (0, 6, f"Memory: {total - 400000}K/{total + 754804}K available (14342K kernel code, "
                           "2332K rwdata, 9424K rodata, 2800K init, 17392K bss, 754804K reserved, 0K cma-reserved)"),
                    (118331, 6, "smpboot: CPU0: 11th Gen Intel(R) Core(TM) i7-11700 @ 2.50GHz (family: 0x6, "
                                "model: 0xa7, stepping: 0x1)"),
                    (151120, 6, "DMAR: IOMMU enabled"),
                    (1402211, 6, "[drm] Initialized i915 1.6.0 20201103 for 0000:00:02.0 on minor 0"),
                    (2001187, 6, "EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode. "
                                 "Quota mode: none."),
                    (3010554, 30, "systemd[1]: Detected architecture x86-64."),
                    (3911876, 5, "random: crng init done")]:
        t.log(u, p, m)
    return t


# --------------------------------------------------------------------------
# Variants
# --------------------------------------------------------------------------


def jp6_base():
    return cfg_agx_orin_jp6()


def v_unknown_l4t(t):
    t.replace_in("etc/nv_tegra_release", "REVISION: 4.3, GCID: 38968081",
                 "REVISION: 9.1, GCID: 41730215")
    t.replace_in("etc/nv_tegra_release", "DATE: Wed Jan  8 01:49:37 UTC 2025",
                 "DATE: Thu Mar 12 04:18:55 UTC 2026")
    t.replace_in("var/lib/dpkg/status", "36.4.3-20250107174145", "36.9.1-20260312041855", count=-1)
    t.replace_in("var/lib/dpkg/status", "6.2+b77", "6.3+b12", count=-1)


def v_trt8(t):
    c = jp6_base()
    old = STACK[6]["trt"]
    new = STACK[5]["trt"]
    t.file("var/lib/dpkg/status", dpkg_status(
        base_packages(c) + l4t_packages(c, STACK[6]["l4t_pkg"]) + stack_packages(c, trt=new)))
    full = ".".join(str(x) for x in old[3][:3])
    t.remove(f"usr/lib/aarch64-linux-gnu/libnvinfer.so.{full}")
    t.remove(f"usr/lib/aarch64-linux-gnu/libnvinfer.so.{old[3][0]}")
    add_trt(t, c, new)


def v_core_mismatch(t):
    c = jp6_base()
    t.file("var/lib/dpkg/status", dpkg_status(
        base_packages(c) + l4t_packages(c, STACK[6]["l4t_pkg"], core_ver="36.3.0-20240506102626")
        + stack_packages(c)))


def v_kernel_mismatch(t):
    t.file("proc/version", JP5_PROC_VERSION + "\n")
    t.file("proc/sys/kernel/osrelease", "5.10.120-tegra\n")
    t.kmsg = [(u, p, JP5_PROC_VERSION if m == JP6_PROC_VERSION else m) for u, p, m in t.kmsg]


def v_cuda11(t):
    c = jp6_base()
    t.file("var/lib/dpkg/status", dpkg_status(
        base_packages(c) + l4t_packages(c, STACK[6]["l4t_pkg"])
        + stack_packages(c, cudnn=STACK[5]["cudnn"], cuda=STACK[5]["cuda"])))
    t.remove("usr/local/cuda-12.6")
    t.remove("usr/include/aarch64-linux-gnu/cudnn_version_v9.h")
    t.remove("usr/lib/aarch64-linux-gnu/libcudnn.so.9.3.0")
    t.remove("usr/lib/aarch64-linux-gnu/libcudnn.so.9")
    add_cuda(t, c, STACK[5]["cuda"])
    add_cudnn(t, c, STACK[5]["cudnn"])


def v_no_dpkg(t):
    t.remove("var/lib/dpkg")


def v_devnode_missing(t):
    del t.stat["/dev/nvhost-ctrl-nvdla1"]


def v_devnode_perms(t):
    for n in ("/dev/nvhost-ctrl-nvdla0", "/dev/nvhost-ctrl-nvdla1"):
        kind, _mode, _u, _g, mm = t.stat[n]
        t.stat[n] = (kind, "0600", "root", "root", mm)
    t.remove("etc/udev/rules.d/99-tegra-devices.rules")
    del t.stat["/etc/udev/rules.d/99-tegra-devices.rules"]


def v_devnode_majmin(t):
    kind, mode, u, g, _mm = t.stat["/dev/nvhost-ctrl-nvdla0"]
    t.stat["/dev/nvhost-ctrl-nvdla0"] = (kind, mode, u, g, "492:7")


def v_rpm_error(t):
    c = jp6_base()
    t.file(f"{dla_dir(c, dict(hw=1))}/power/runtime_status", "error\n")


def v_container(t):
    t.file(".dockerenv", "")
    t.file("proc/1/cgroup", "0::/system.slice/docker-"
           + hexid("container", 64) + ".scope\n")
    for n in ("/dev/nvhost-ctrl-nvdla0", "/dev/nvhost-ctrl-nvdla1"):
        del t.stat[n]
    t.remove("run/udev")


def v_status_absent(t):
    c = jp6_base()
    for hw in (0, 1):
        t.remove(f"{DTB}/{dla_dt(c, dict(hw=hw))}/status")


# Memory, SMMU, clocks, firmware (issue 4) ------------------------------------

CMA_AREA = "sys/kernel/debug/cma/cma-linux,cma"


def cma_debugfs(t, pages, used_words_per_block, block_words=128, base_pfn=0x85C000):
    """debugfs CMA area at order_per_bit 0: every block of `block_words` bitmap words starts with
    `used_words_per_block` fully used words (32 pages each); the rest is free (platform.md §5.2: decimal u32 words)."""
    words = []
    for w in range(pages // 32):
        words.append(4294967295 if w % block_words < used_words_per_block else 0)
    used = sum(32 for x in words if x)
    run = (block_words - used_words_per_block) * 32 if used_words_per_block else pages
    t.file(f"{CMA_AREA}/base_pfn", f"{base_pfn}\n")
    t.file(f"{CMA_AREA}/count", f"{pages}\n")
    t.file(f"{CMA_AREA}/order_per_bit", "0\n")
    t.file(f"{CMA_AREA}/used", f"{used}\n")
    t.file(f"{CMA_AREA}/maxchunk", f"{run}\n")
    t.file(f"{CMA_AREA}/bitmap", " ".join(str(x) for x in words) + "\n")
    return used


def set_cma_free(t, free_kb):
    text = t.read("proc/meminfo")
    start = text.index("CmaFree:")
    end = text.index("\n", start) + 1
    t.file("proc/meminfo", text[:start] + kv_kb("CmaFree", free_kb) + text[end:])


def v_cma_exhausted(t):
    set_cma_free(t, 9216)   # 9 MiB of 512 MiB free
    t.log(3601204113, 3, "cma: cma_alloc: alloc failed, req-size: 4096 pages, ret: -12")
    t.log(3601204190, 6, "15880000.nvdla0:nvdla_alloc_dump_region: fail alloc dump region")
    t.log(3602881730, 3, "cma: cma_alloc: alloc failed, req-size: 4096 pages, ret: -12")


def v_cma_fragmented(t):
    used = cma_debugfs(t, 512 * 256, 9)   # 9 of every 128 words used: 93 % free, runs of 3808 pages
    set_cma_free(t, (512 * 256 - used) * 4)


def v_cma_cmdline(t):
    c = jp6_base()
    t.file("proc/cmdline", c["cmdline"] + " cma=64M\n")
    t.file("proc/meminfo", proc_meminfo(c["mem_total_kb"], 65536))
    t.kmsg = [e for e in t.kmsg if "CMA memory pool" not in e[2] and "node linux,cma" not in e[2]]
    t.kmsg = [(u, p, m + (" cma=64M" if m.startswith("Kernel command line") else ""))
              for u, p, m in t.kmsg]
    t.kmsg = [(u, p, m.replace("524288K cma-reserved", "65536K cma-reserved")) for u, p, m in t.kmsg]
    t.log(0, 6, "Reserved memory: bypass linux,cma node, using cmdline CMA params instead")
    t.log(0, 6, "cma: Reserved 64 MiB at 0x00000000fa000000")


def v_smmu_fault_dla0(t):
    # cbfrsynra carries bits above the stream ID, as real Orin lines do (0x835 for stream 0x35; platform.md Corrections 3).
    for k, iova in enumerate((0x3FFFE000, 0x3FFFF000, 0x40000000)):
        t.log(3712008114 + k * 211, 3, f"arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, "
                                        f"iova=0x{iova:08x}, fsynr=0x290011, cbfrsynra=0x82b, cb=5")


def v_smmu_fault_other(t):
    # The real Orin line shape: stream 0x35 (HOST1X_CTX0) on NISO0 with high bits (platform.md Corrections 3), then a trap:
    # stream 0x23 is DLA1 only on 12000000, not on 8000000.
    for k in range(2):
        t.log(3712008114 + k * 977, 3, "arm-smmu 12000000.iommu: Unhandled context fault: fsr=0x402, "
                                        "iova=0x81fa0000, fsynr=0x4a0003, cbfrsynra=0x835, cb=9")
    t.log(3712010002, 3, "arm-smmu 8000000.iommu: Unhandled context fault: fsr=0x402, "
                         "iova=0x81fb0000, fsynr=0x4a0003, cbfrsynra=0x823, cb=11")


def v_default_mode(t):
    # AGX Orin boots in PM_CONFIG DEFAULT=2, MODE_30W: DLA core 1369.6 MHz, falcon 729.6 MHz (platform.md Corrections 10).
    c = jp6_base()
    t.file("var/lib/nvpmodel/status", "pmode:0002\n")
    for hw in (0, 1):
        d = dla_dir(c, dict(hw=hw))
        for kind, cap in (("core", 1369600000), ("falcon", 729600000)):
            t.file(f"{d}/clk_cap/dla{hw}_{kind}", f"{cap}\n")
            t.file(f"sys/kernel/debug/clk/dla{hw}_{kind}/clk_rate", f"{cap}\n")
            t.file(f"sys/kernel/debug/clk/dla{hw}_{kind}/clk_max_rate", f"{cap}\n")


def v_container_partial(t):
    # `docker run --device /dev/nvhost-ctrl-nvdla0 --device /dev/nvhost-ctrl-nvdla1` without the NVIDIA runtime:
    # the DLA nodes are there, /dev/nvmap and /dev/host1x-fence are not (platform.md Corrections 9).
    t.file(".dockerenv", "")
    t.file("proc/1/cgroup", "0::/system.slice/docker-" + hexid("container-partial", 64) + ".scope\n")
    for n in ("/dev/nvmap", "/dev/host1x-fence", "/dev/nvhost-ctrl-gpu"):
        del t.stat[n]
    t.remove("run/udev")


def v_cuda12_on_jp5(t):
    # CUDA 12.2 installed beside JetPack 5's 11.4 and made the default (a supported upgrade, platform.md Corrections 6).
    c = cfg_agx_orin_jp5()
    cuda12 = ("12-2", "12.2", "12.2.12-1", "12.2.12", "12.2.140")
    t.file("var/lib/dpkg/status", dpkg_status(
        base_packages(c) + l4t_packages(c, STACK[5]["l4t_pkg"]) + stack_packages(c)
        + [stanza("cuda-toolkit-12-2", "12.2.12-1", section="devel", size=10, maint=CT,
                  desc="CUDA Toolkit 12.2 meta-package\nInstalls all CUDA Toolkit 12.2 packages.")]))
    t.remove("usr/local/cuda")
    add_cuda(t, c, cuda12)


def v_no_iommu_group(t):
    c = jp6_base()
    d0 = dla_dir(c, dict(hw=0))
    t.remove(f"{d0}/iommu_group")
    t.remove(f"{d0}/iommu")
    t.remove("sys/kernel/iommu_groups/10")
    t.remove(f"{smmu_dir(c, 0x8000000)}/iommu/{smmu_class(0x8000000)}/devices/15880000.nvdla0")
    t.kmsg = [e for e in t.kmsg if "15880000.nvdla0: Adding to iommu group" not in e[2]]


def v_nvpmodel_15w(t):
    c = jp6_base()
    t.file("var/lib/nvpmodel/status", "pmode:0001\n")
    for hw in (0, 1):
        d = dla_dir(c, dict(hw=hw))
        t.file(f"{d}/clk_cap/dla{hw}_core", "614400000\n")
        t.file(f"{d}/clk_cap/dla{hw}_falcon", "294400000\n")
        for kind, cap in (("core", 614400000), ("falcon", 294400000)):
            t.file(f"sys/kernel/debug/clk/dla{hw}_{kind}/clk_rate", f"{cap}\n")
            t.file(f"sys/kernel/debug/clk/dla{hw}_{kind}/clk_max_rate", f"{cap}\n")


def v_clk_zero(t):
    t.file("sys/kernel/debug/clk/dla0_core/clk_enable_count", "1\n")
    t.file("sys/kernel/debug/clk/dla0_core/clk_prepare_count", "1\n")
    t.file("sys/kernel/debug/clk/dla0_core/clk_rate", "0\n")


def v_fw_missing(t):
    t.remove("lib/firmware/nvidia/tegra234")
    t.remove("lib/firmware/nvhost_nvdla020.fw")
    t.log(3650120331, 4, "nvdla 15880000.nvdla0: Direct firmware load for nvidia/tegra234/nvdla.bin failed with error -2")


def v_fw_version(t):
    for hw in (0, 1):
        t.file(f"sys/kernel/debug/nvdla{hw}/firmware/version", "1.3.0\n")
    t.log(3650120331, 6, "15880000.nvdla0:nvhost_nvdla_finalize_poweron: Fw version of kernel [2.1.0] doesn't "
                         "match with actual version[1.3.0]")


def v_nonroot(t):
    # A bundle captured by a user in the adm group (the default JetPack user): debugfs refused (root only, 0700),
    # /dev/kmsg refused (dmesg_restrict=1), the kernel log read from the journal instead.
    t.remove("sys/kernel/debug")
    t.file(".nvdla-doctor/unreadable.tsv", "/sys/kernel/debug\tpermission\n")
    t.file(".nvdla-doctor/kmsg-source", "journal\n")


def v_bad_links(t):
    c = jp6_base()
    t.link("sys/bus/platform/devices/loop-a", "loop-b")
    t.link("sys/bus/platform/devices/loop-b", "loop-a")
    d0 = dla_dir(c, dict(hw=0))
    d1 = dla_dir(c, dict(hw=1))
    t.link(f"{d0}/iommu_group", "../" * 11 + "etc/shadow")
    t.remove("etc/nv_tegra_release")
    t.link("etc/nv_tegra_release", "/etc/hostname")
    # 12 "..": climbs above the scenario root, then back down.  Under chroot-style
    # clamping it lands on the right DT node; resolved naively on the host it reads
    # the host's /sys -- exactly what the tool must never do.
    t.link(f"{d1}/of_node", "../" * 12 + f"{DTB}/{dla_dt(c, dict(hw=1))}")
    t.allowed_bad_links |= {"sys/bus/platform/devices/loop-a", "sys/bus/platform/devices/loop-b",
                            f"{d0}/iommu_group", f"{d1}/of_node"}


def v_bad_garbage(t):
    t.file("etc/nv_tegra_release", b"\x7fELF\x00\x01" + prng("garbage:nv_tegra_release", 250)
           + b"\x00\xff\xfe# R36 (rel\x00")
    t.file("proc/modules", "")
    status = t.read("var/lib/dpkg/status")
    cut = status.index("Package: nvidia-l4t-core")
    cut = status.index("Version: 36.4", cut) + len("Version: 36.4")
    t.file("var/lib/dpkg/status", status[:cut])
    t.file(f"{DTB}/compatible", b"\x9c\xf1\x07")
    unit = b"NVIDIA Jetson AGX Orin Developer Kit "
    t.file(f"{DTB}/model", (unit * (102400 // len(unit) + 1))[:102399] + b"\0")
    t.file("proc/version", b"Linux version 5.15.148-tegra (buildbrain@\xff\xfe\xc3\x28-d8000) "
           b"(gcc \xe2\x82 11.3.0) #1 SMP PREEMPT \xc0\xaf\n")


# --------------------------------------------------------------------------
# Scenario catalogue
# --------------------------------------------------------------------------

AGX64 = ("AGX Orin 64GB devkit", "p3701-0005 (+p3737-0000)", "36.4.3 / 6.2")
AGX_JP5 = ("AGX Orin devkit", "p3701-0000 (+p3737-0000)", "35.4.1 / 5.1.2")
G_JP6 = ("chosen/ids FAB and nvidia,sku revision; module sizes/refcounts; majors 492/491, host1x-fence 486; clk rates; "
         "fw version 2.1.0")


def S(name, board, broken, guesses, build, healthy=False, base=None):
    return dict(name=name, board=board, broken=broken, guesses=guesses, build=build,
                healthy=healthy, base=base)


def derived(base_cfg, change):
    def build():
        c = base_cfg()
        change(c)
        return build_jetson(c)
    return build


def edited(base_build, edit):
    def build():
        t = base_build()
        edit(t)
        return t
    return build


def change_dt_disabled(c):
    # No platform device, hence no modalias uevent: udev never loads nvhost_nvdla (platform.md §1.2).
    c["nvdla_module"] = False
    for d in c["dlas"]:
        d["dt_status"] = "disabled"


def change_module_not_loaded(c):
    c["nvdla_module"] = False
    for d in c["dlas"]:
        d["state"] = "unprobed"


def change_unbound(c):
    c["dlas"][0]["state"] = "probe_failed"


def build_unbound():
    t = derived(jp6_base, change_unbound)()
    t.remove("lib/firmware/nvidia/tegra234")
    t.remove("lib/firmware/nvhost_nvdla020.fw")
    return t


B1 = lambda: build_jetson(cfg_agx_orin_jp6())
B2 = lambda: build_jetson(cfg_agx_orin_jp5())

SCENARIOS = [
    S("jp6-agx-orin-64gb", AGX64, "healthy (2 DLAs, CMA 512 MiB, MAXN)", G_JP6, B1, healthy=True),
    S("jp5-agx-orin", AGX_JP5, "healthy (2 DLAs built-in driver, CMA 256 MiB)",
      "GCID/date of 35.4.1; pkg date suffix; JP5 lsmod contents; minors 53/54, 57/58; clk 1.408 GHz; "
      "SMMU debugfs smrs indexes",
      B2, healthy=True),
    S("jp6-orin-nano", ("Orin Nano devkit", "p3767-0005 (+p3768-0000)", "36.4.3 / 6.2"),
      "healthy: both nvdla DT nodes disabled, no platform devs, nvhost_nvdla not loaded (no DLA, expected)",
      "BPMP still lists dla*_core clocks in debugfs; nvpmodel mode names", lambda: build_jetson(cfg_orin_nano_jp6()),
      healthy=True),
    S("jp6-orin-nx-8gb-dla0", ("Orin NX 8GB", "p3767-0001 (+p3768-0000)", "36.4.3 / 6.2"),
      "healthy: nvdla1 DT node disabled (fused), nvdla0 probed",
      "which DLA is fused; MODE_20W caps; DLA clk 614.4 MHz",
      lambda: build_jetson(cfg_orin_nx8_jp6("dla0")), healthy=True),
    S("jp6-orin-nx-8gb-dla1", ("Orin NX 8GB", "p3767-0001 (+p3768-0000)", "36.4.3 / 6.2"),
      "healthy: nvdla0 DT okay but fused (dev_err in kmsg, 15880000.nvdla0 unbound); 158c0000.nvdla1 "
      "bound and renamed to nvdla0 (class/node nvdla0, debugfs nvdla1)",
      "rename visible in uevent/modalias OF_NAME; iommu group kept after -ENODEV",
      lambda: build_jetson(cfg_orin_nx8_jp6("dla1")), healthy=True),
    S("jp5-agx-xavier", ("AGX Xavier devkit", "p2888-0001 (+p2822-0000)", "35.4.1 / 5.1.2"),
      "healthy (2 T194 DLAs, SIDs 0x51/0x52 on iommu@12000000, CMA 64 MiB from Kconfig, no linux,cma node)",
      "NAFLL clock id 211; nvpmodel_t194 modes/caps (no falcon caps); clk rates; minors 41/42, 45/46; "
      "SMMU debugfs smrs indexes",
      lambda: build_jetson(cfg_agx_xavier_jp5()), healthy=True),
    S("jp4-agx-xavier", ("AGX Xavier devkit", "p2888-0001 (+p2822-0000)", "32.5.1 / 4.5.1"),
      "healthy JetPack 4.5.1, kernel 4.9 layout: built-in driver; DLA devices in sys/devices/13e10000.host1x (no "
      "platform/, no bus@0); /dev/nvhost-nvdla<N> and nvhost-ctrl-nvdla<N> in class 13e10000.host1x; module from "
      "chosen/plugin-manager/ids (no nvidia,boardids, no chosen/ids); firmware only at "
      "lib/firmware/tegra19x/nvhost_nvdla010.fw; TensorRT 7.1.3, cuDNN 8.0.0.180, CUDA 10.2.89 (version.txt); "
      "CMA 64 MiB from the kernel configuration",
      "GCID/date of R32.5.1 and package date suffixes; JP4 lsmod contents; nvhost major 504; SMMU devices under "
      "sys/devices; kernel build string; plugin-manager ids FAB values; fw version 1.2.0",
      lambda: build_jetson(cfg_agx_xavier_jp4()), healthy=True),
    S("jp5-agx-orin-64gb", ("AGX Orin 64GB devkit", "p3701-0005 (+p3737-0000), 0000 DTB", "35.4.1 / 5.1.2"),
      "healthy: UEFI chosen/ids 3701-0005-500 while compatible names p3701-0000 (JetPack 5 flashes the 0000 DTB on "
      "64GB modules); linux,cma 512 MiB from the 64GB overlay",
      "chosen/ids FAB and nvidia,sku revision; nvpmodel_p3701_0005.conf (caps of p3701_0000)",
      lambda: build_jetson(cfg_agx_orin_jp5_64gb()), healthy=True),
    S("jp72-agx-orin-trt-no-dla", ("AGX Orin 64GB devkit", "p3701-0005 (+p3737-0000)", "39.2.0 / 7.2"),
      "stock JetPack 7.2: kernel 6.8.12, CUDA 13.2, cuDNN 9.20.0.46 and TensorRT 10.16.2.10, a TensorRT without DLA "
      "support on Jetson; the DLA kernel side is healthy",
      "GCID/date of R39.2.0, package suffixes and kernel build string; that R39 keeps the JetPack 6 driver layout, "
      "device numbers and firmware link on Orin",
      lambda: build_jetson(cfg_agx_orin_jp72())),
    S("jp71-agx-thor", ("AGX Thor devkit", "p3834-0008 (+p4071-0000)", "38.4.0 / 7.1"),
      "healthy Thor (tegra264): no nvdla DT node, no DLA device, node or clock, nvhost_nvdla not loaded (no DLA, "
      "expected); CUDA 13.0, cuDNN 9.12.0.46, TensorRT 10.13.3.9",
      "model string; carrier FAB in chosen/ids; nvpmodel mode names; GCID/date of R38.4.0; CMA 64 MiB; no SMMU or "
      "host1x content in the tree",
      lambda: build_jetson(cfg_agx_thor()), healthy=True),
    S("non-jetson", ("Debian 12 x86_64 PC", "-", "- / -"),
      "not a Jetson: no device tree, no nv_tegra_release, Intel CPU", "all of it (ordinary PC)",
      build_non_jetson, healthy=True),
    # version area
    S("jp6-agx-orin-unknown-l4t", AGX64[:2] + ("36.9.1 / 6.3",),
      "nv_tegra_release R36 REVISION 9.1, all nvidia-l4t-* 36.9.1 and nvidia-jetpack 6.3+b12 (not in any table)",
      "GCID/date of the fictitious release", edited(B1, v_unknown_l4t), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-trt8", AGX64, "libnvinfer8 8.5.2 (a JetPack 5 TensorRT) on R36; NvInferVersion.h 8.5.2.2",
      "-", edited(B1, v_trt8), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-core-mismatch", AGX64,
      "nvidia-l4t-core 36.3.0-20240506102626 while nv_tegra_release and other nvidia-l4t-* say 36.4.3", "-",
      edited(B1, v_core_mismatch), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-kernel-mismatch", AGX64,
      "kernel release 5.10.120-tegra (proc/version, osrelease, kmsg) with R36.4.3 userspace", "-",
      edited(B1, v_kernel_mismatch), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-cuda11", AGX64,
      "CUDA 11.4 (cuda-toolkit-11-4, version.json 11.4.19) and libcudnn8 8.6.0 on R36", "-",
      edited(B1, v_cuda11), base="jp6-agx-orin-64gb"),
    S("jp5-agx-orin-cuda12", AGX_JP5,
      "CUDA 12.2 (cuda-toolkit-12-2, version.json 12.2.12) installed beside JetPack 5's 11.4, /usr/local/cuda -> "
      "cuda-12.2 (an NVIDIA-supported upgrade)", "-", edited(B2, v_cuda12_on_jp5), base="jp5-agx-orin"),
    S("jp5-agx-orin-no-dpkg", AGX_JP5, "no var/lib/dpkg (Yocto-like): package versions unknown", "-",
      edited(B2, v_no_dpkg), base="jp5-agx-orin"),
    # presence chain
    S("jp6-agx-orin-dt-disabled", AGX64,
      "both DLA DT nodes disabled: no platform devices, nvhost_nvdla not autoloaded, no nodes",
      "module not loaded as a consequence (modalias never emitted)",
      derived(jp6_base, change_dt_disabled), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-unbound", AGX64,
      "nvdla0 probe failed (no driver link, no class/node/debugfs); kmsg firmware -2 + probe failure; "
      "lib/firmware/nvidia/tegra234/nvdla.bin and nvhost_nvdla020.fw missing; nvdla1 still bound",
      "that a missing firmware fails the probe (NVOOT ignores nvdla_fw_init's result); the "
      "'probe failed with error -2' dev_err text",
      build_unbound, base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-module-not-loaded", AGX64,
      "nvhost_nvdla absent from proc/modules and sys/module; drivers/nvdla absent; platform devs unbound, "
      "no iommu_group, no nodes", "-",
      derived(jp6_base, change_module_not_loaded), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-devnode-missing", AGX64,
      "/dev/nvhost-ctrl-nvdla1 absent from stat.tsv (class dev file and udev db entry still there)", "-",
      edited(B1, v_devnode_missing), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-devnode-perms", AGX64,
      "both DLA nodes 0600 root:root and etc/udev/rules.d/99-tegra-devices.rules absent", "-",
      edited(B1, v_devnode_perms), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-devnode-majmin", AGX64,
      "/dev/nvhost-ctrl-nvdla0 is 492:7 in stat.tsv while its class dev file says 492:0", "-",
      edited(B1, v_devnode_majmin), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-rpm-error", AGX64, "nvdla1 power/runtime_status = error (no kmsg line added)", "-",
      edited(B1, v_rpm_error), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-container", AGX64,
      "container view: .dockerenv, proc/1/cgroup docker scope, DT/sysfs bind-mounted, no "
      "/dev/nvhost-ctrl-nvdla* in stat.tsv, no run/udev", "cgroup v2 host-namespace path shape",
      edited(B1, v_container), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-container-partial", AGX64,
      "container given only the DLA nodes (docker run --device /dev/nvhost-ctrl-nvdla0/1): .dockerenv, cgroup; "
      "no /dev/nvmap, /dev/host1x-fence or /dev/nvhost-ctrl-gpu in stat.tsv; no run/udev",
      "cgroup v2 host-namespace path shape", edited(B1, v_container_partial), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-status-absent", AGX64,
      "healthy: DLA DT nodes carry no status property (absent means okay)", "-",
      edited(B1, v_status_absent), healthy=True, base="jp6-agx-orin-64gb"),
    # memory, SMMU, clocks, firmware (issue 4)
    S("jp6-agx-orin-cma-exhausted", AGX64,
      "CmaFree 9 MiB of 512 MiB; kmsg cma_alloc failures (4096 pages, -12) and a DLA dump-region allocation failure",
      "the nvdla function name in the dbg_err prefix", edited(B1, v_cma_exhausted), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-cma-fragmented", AGX64,
      "debugfs cma/cma-linux,cma (CONFIG_CMA_DEBUGFS) with 9 of every 128 bitmap words used: 93 % free, "
      "largest free run 3808 pages (14.9 MiB)", "that JP6 kernels have CMA_DEBUGFS; base_pfn",
      edited(B1, v_cma_fragmented), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-cma-cmdline", AGX64,
      "cma=64M on proc/cmdline: CmaTotal 64 MiB while DT linux,cma says 512 MiB; kmsg bypass line",
      "the placement of the cmdline area", edited(B1, v_cma_cmdline), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-smmu-fault-dla0", AGX64,
      "kmsg: three arm-smmu 8000000.iommu context faults with cbfrsynra=0x82b (stream 0x2b, DLA0, with bits above "
      "the stream ID); sysfs healthy",
      "fsr/fsynr/iova/cb values; the 0x800 bit", edited(B1, v_smmu_fault_dla0), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-smmu-fault-other", AGX64,
      "kmsg: two arm-smmu 12000000.iommu context faults with cbfrsynra=0x835 (HOST1X_CTX0) and one 8000000.iommu "
      "fault with cbfrsynra=0x823 (stream 0x23 on NISO1: not DLA1, which is 0x23 on NISO0)",
      "fault values; which engine uses HOST1X_CTX0", edited(B1, v_smmu_fault_other), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-no-iommu-group", AGX64,
      "nvdla0 bound but without iommu_group/iommu links (group 10 gone, no 'Adding to iommu group' line)", "-",
      edited(B1, v_no_iommu_group), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-nvpmodel-15w", AGX64,
      "pmode:0001 (MODE_15W): clk_cap and debugfs clk rate/max at 614.4 / 294.4 MHz",
      "that clk_max_rate shows the cap", edited(B1, v_nvpmodel_15w), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-default-mode", AGX64,
      "healthy in the module's default power mode: pmode:0002 = PM_CONFIG DEFAULT (MODE_30W), clk_cap and debugfs "
      "clk rate/max at 1369.6 / 729.6 MHz",
      "that clk_max_rate shows the cap", edited(B1, v_default_mode), healthy=True, base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-clk-zero", AGX64, "debugfs dla0_core enabled (enable/prepare count 1) at clk_rate 0",
      "-", edited(B1, v_clk_zero), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-fw-missing", AGX64,
      "lib/firmware/nvidia/tegra234/nvdla.bin and nvhost_nvdla020.fw missing, both DLAs still bound; kmsg "
      "direct-load -2 at first power-on", "that the load happens at power-on, not probe",
      edited(B1, v_fw_missing), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-fw-version", AGX64,
      "debugfs nvdla0/1 firmware/version 1.3.0 (kernel expects 2.1.x; seen with --deep); kmsg version-mismatch line",
      "the mismatching version", edited(B1, v_fw_version), base="jp6-agx-orin-64gb"),
    S("jp6-agx-orin-nonroot", AGX64,
      "healthy, captured without root by a user in the adm group: sys/kernel/debug refused (.nvdla-doctor/unreadable.tsv: permission; debugfs checks inconclusive, status unknown), kernel log from the journal (.nvdla-doctor/kmsg-source)", "-",
      edited(B1, v_nonroot), healthy=True, base="jp6-agx-orin-64gb"),
    # bad input
    S("bad-links", AGX64,
      "symlink loop loop-a<->loop-b; nvdla0 iommu_group -> 11x'..'/etc/shadow (escapes); "
      "etc/nv_tegra_release -> /etc/hostname (absolute, must re-root); nvdla1 of_node with 12x'..' "
      "(only right under chroot-style clamping)", "-",
      edited(B1, v_bad_links), base="jp6-agx-orin-64gb"),
    S("bad-garbage", AGX64,
      "binary nv_tegra_release (NULs); empty proc/modules; dpkg status cut mid-line in the "
      "nvidia-l4t-core stanza; root DT compatible = 3 bytes without NUL; model 100 KiB; invalid UTF-8 in "
      "proc/version", "-", edited(B1, v_bad_garbage), base="jp6-agx-orin-64gb"),
]

# --------------------------------------------------------------------------
# Writing and verification
# --------------------------------------------------------------------------

MAX_FILE = 200 * 1024


def render(t):
    """Everything the scenario directory holds: path -> ("f", bytes) | ("l", target)."""
    out = dict(t.nodes)
    out[".nvdla-doctor/stat.tsv"] = ("f", "".join(
        "\t".join((path,) + tuple(t.stat[path])) + "\n" for path in sorted(t.stat)).encode())
    out[".nvdla-doctor/kmsg"] = ("f", "".join(
        f"{pri},{seq},{usec},-;{msg}\n"
        for seq, (usec, pri, msg) in enumerate(sorted(t.kmsg, key=lambda e: e[0]))).encode())
    # no path may live under a file or a symlink
    for p in out:
        parts = p.split("/")
        for i in range(1, len(parts)):
            anc = "/".join(parts[:i])
            if anc in out:
                raise SystemExit(f"{p} lies under {anc}, which is a {out[anc][0]}")
    return out


def write_tree(entries, root):
    if os.path.lexists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    for p in sorted(entries):
        kind, val = entries[p]
        full = os.path.join(root, p)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if kind == "f":
            with open(full, "wb") as f:
                f.write(val)
        else:
            os.symlink(val, full)


def read_tree(root):
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for n in dirnames + filenames:
            full = os.path.join(dirpath, n)
            rel = os.path.relpath(full, root)
            if os.path.islink(full):
                found[rel] = ("l", os.readlink(full))
            elif os.path.isfile(full):
                with open(full, "rb") as f:
                    found[rel] = ("f", f.read())
    return found


def drift(entries, root):
    """Differences between the generator's output and the tree on disk."""
    if not os.path.isdir(root):
        return ["missing on disk"]
    disk = read_tree(root)
    out = [f"missing {p}" for p in sorted(set(entries) - set(disk))]
    out += [f"unexpected {p}" for p in sorted(set(disk) - set(entries))]
    out += [f"differs {p}" for p in sorted(set(entries) & set(disk)) if entries[p] != disk[p]]
    return out[:20]


class LinkError(Exception):
    pass


def resolve(root, rel, limit=40):
    """Resolve a root-relative path inside `root`; absolute link targets are re-rooted.
    Raises LinkError on escape above the root, loops, or a missing component."""
    todo = [p for p in rel.split("/") if p not in ("", ".")]
    cur, hops = [], 0
    while todo:
        p = todo.pop(0)
        if p == "..":
            if not cur:
                raise LinkError("escapes the root")
            cur.pop()
            continue
        full = os.path.join(root, *cur, p)
        if os.path.islink(full):
            hops += 1
            if hops > limit:
                raise LinkError("symlink loop")
            target = os.readlink(full)
            if target.startswith("/"):
                cur = []
            todo = [x for x in target.split("/") if x not in ("", ".")] + todo
            continue
        if not os.path.lexists(full):
            raise LinkError(f"missing {'/'.join(cur + [p])}")
        cur.append(p)
    return "/".join(cur)


def verify(root, healthy, allowed):
    problems = []
    total = 0
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        if not dirnames and not filenames:
            problems.append(f"empty directory {rel_dir} (git cannot hold it)")
        for n in dirnames + filenames:
            full = os.path.join(dirpath, n)
            rel = os.path.normpath(os.path.join(rel_dir, n))
            st = os.lstat(full)
            if any(ch in n for ch in "\n\r\t\\") or n in (".git",):
                problems.append(f"bad file name {rel!r}")
            if statmod.S_ISLNK(st.st_mode):
                try:
                    resolve(root, rel)
                    if rel in allowed:
                        problems.append(f"{rel} is listed as bad but resolves")
                except LinkError as e:
                    if rel not in allowed:
                        problems.append(f"symlink {rel} -> {os.readlink(full)}: {e}")
            elif statmod.S_ISREG(st.st_mode):
                total += st.st_size
                if st.st_size > MAX_FILE:
                    problems.append(f"{rel} is {st.st_size} bytes")
            elif not statmod.S_ISDIR(st.st_mode):
                problems.append(f"{rel} is a special file")
    if healthy:
        statrows = {}
        for line in open(os.path.join(root, ".nvdla-doctor", "stat.tsv")):
            f = line.rstrip("\n").split("\t")
            assert len(f) == 6, line
            statrows[f[0]] = f
        cls = os.path.join(root, "sys", "class")
        for klass in sorted(os.listdir(cls)) if os.path.isdir(cls) else []:
            for ent in sorted(os.listdir(os.path.join(cls, klass))):
                devfile = os.path.join(cls, klass, ent, "dev")
                if ent.startswith("nvhost") and os.path.isfile(devfile):
                    devnum = open(devfile).read().strip()
                    row = statrows.get("/dev/" + ent)
                    if not row or row[5] != devnum or row[1] != "c":
                        problems.append(f"/dev/{ent}: class dev {devnum} vs stat.tsv {row}")
        for line in open(os.path.join(root, ".nvdla-doctor", "kmsg")):
            pri = int(line.split(",", 1)[0])
            if pri % 8 <= 3 and "nvdla" in line.lower() and "disabled in Fuse" not in line:
                problems.append(f"DLA error in healthy kmsg: {line.strip()}")
    return problems, total


def write_readme():
    rows = []
    for s in SCENARIOS:
        board, pnum, l4t = s["board"]
        broken = s["broken"] + (f" (base: `{s['base']}`)" if s["base"] else "")
        guesses = "as base" if s["base"] and s["guesses"] == "-" else s["guesses"]
        rows.append(f"| `{s['name']}` | {board} | {pnum} | {l4t} | {broken} | {guesses} |")
    text = README_HEAD + "\n".join(rows) + "\n" + README_TAIL
    with open(os.path.join(HERE, "README.md"), "w") as f:
        f.write(text)


def main(argv):
    check_only = "--check" in argv
    names = [a for a in argv if not a.startswith("--")]
    known = {s["name"] for s in SCENARIOS}
    for n in names:
        if n not in known:
            raise SystemExit(f"unknown scenario {n}")
    failed = False
    grand = 0
    for s in SCENARIOS:
        if names and s["name"] not in names:
            continue
        root = os.path.join(HERE, s["name"])
        tree = s["build"]()
        entries = render(tree)
        if check_only:
            problems = drift(entries, root)
        else:
            write_tree(entries, root)
            problems = []
        more, size = verify(root, s["healthy"], tree.allowed_bad_links)
        problems += more
        grand += size
        for p in problems:
            print(f"{s['name']}: {p}", file=sys.stderr)
        failed |= bool(problems)
    if not names and not check_only:
        write_readme()
        for entry in sorted(os.listdir(HERE)):
            if os.path.isdir(os.path.join(HERE, entry)) and entry not in known:
                print(f"note: {entry}/ is not a known scenario (left alone)", file=sys.stderr)
    if grand > 5 * 1024 * 1024:
        print(f"total fixture size {grand} bytes exceeds 5 MiB", file=sys.stderr)
        failed = True
    print(f"{'checked' if check_only else 'generated'} "
          f"{len(names) or len(SCENARIOS)} scenario(s), {grand} bytes of files", file=sys.stderr)
    return 1 if failed else 0


README_HEAD = """# FakeSysfs: root-shaped scenario trees

Generated by `generate.py` (this README too: edit the `SCENARIOS` table there). Each directory is a
snapshot in the layout of [Docs/architecture.md](../../Docs/architecture.md#snapshot-layout): `proc/`, `sys/`, `etc/`, `var/`, `lib/`,
`usr/`, `run/` at their real paths, symlinks kept as symlinks (relative ones as the kernel makes
them; `proc/device-tree -> /sys/firmware/devicetree/base` and the cuDNN alternatives links are
absolute and must be re-rooted), device-tree properties as raw bytes, and `.nvdla-doctor/stat.tsv`
and `.nvdla-doctor/kmsg` for what plain files cannot carry. Facts come from
[`Docs/platform.md`](../../Docs/platform.md) (its Corrections first) and the release table
[`Data/releases.yaml`](../../Data/releases.yaml); the last column lists what goes beyond them.

| scenario | board | P-number | L4T / JetPack | what is broken (or healthy) | [GUESS] beyond the reference |
|---|---|---|---|---|---|
"""

README_TAIL = """
`jp6-agx-orin-sysmodule` is **not generated**: every JP6 tree carries
`sys/module/<m>/{initstate,refcnt,taint,srcversion,coresize,initsize,holders/}` for the loaded
modules among nvhost_nvdla, host1x_nvhost, host1x, host1x_fence, nvmap, nvgpu and nvhost_pva
(`initstate` `live`, `taint` `O`, `refcnt` equal to the proc/modules column, `holders/<user>` for
each "Used by" entry, `nvhost_nvdla/drivers/platform:nvdla`), so base `jp6-agx-orin-64gb` covers
what that variant was for; `jp6-agx-orin-module-not-loaded` has no `sys/module/nvhost_nvdla`.
JP4 and JP5 trees have no `sys/module/nvdla` (built-in code without parameters, platform.md §1.1).

## Releases and layouts

- **JP4** (`jp4-agx-xavier`, L4T 32.5.1, kernel 4.9): DT devices directly under `sys/devices/` (host1x
  `13e10000.host1x`, SMMU `12000000.iommu`), `sys/devices/platform/host1x -> ../13e10000.host1x`, channel and
  control nodes in class `13e10000.host1x`, firmware only at `lib/firmware/tegra19x/nvhost_nvdla010.fw`, module
  from `chosen/plugin-manager/ids`, CUDA `version.txt`, Ubuntu 18.04.
- **JP5** (L4T 35.4.1): `sys/devices/platform/13e40000.host1x` (Orin) / `13e10000.host1x` (Xavier); Orin module
  from UEFI's `chosen/ids` (the 64GB tree runs the p3701-0000 DTB), Xavier from CBoot's `plugin-manager/ids`.
- **JP6** (L4T 36.4.3) and **JP7** (L4T 39.2.0 on Orin, 38.4.0 on Thor): `bus@0`, out-of-tree `nvhost_nvdla`,
  class `nvdla<N>`, `/dev/host1x-fence`, `chosen/ids`. The Thor tree has no DLA, host1x or SMMU content at all.
- No JP5 or later tree carries `nvidia,boardids` (UEFI does not write it, platform.md Corrections 1).

## Conventions

- **stat.tsv**: one row per path, sorted, TAB separated, no header:
  `path type mode user group major:minor` (`c` char, `b` block, `f` file, `d` dir; `-` when not
  applicable). Device nodes exist only here. Healthy trees: the class `dev` file of every DLA node
  equals the row's `major:minor`. Majors are per board: JP6 gives each nvhost client its own
  dynamic major (AGX 492 = nvdla0, 491 = nvdla1, minor 0; NX 494); JP4/JP5 use one nvhost major with 4
  minors per client, channel node at the base and ctrl at base+1 (Orin 508:53/54 and 508:57/58,
  Xavier 505:41/42 and 505:45/46; JP4 Xavier 504). Also listed: `/dev`, `/dev/nvmap`, `/dev/nvhost-ctrl-gpu`,
  `/dev/nvhost-ctrl` (JP4/JP5), `/dev/host1x-fence` (JP6 and later), the udev rules file,
  `/sys/kernel/debug` (0700) and the root-only `utilization_rate`.
- **kmsg**: one `/dev/kmsg` record per line, `PRI,SEQ,USEC,-;message`, SEQ from 0 without gaps,
  sorted by USEC. PRI is facility*8+level: kernel lines 3..6, two `systemd[1]` lines with facility
  3 (PRI 30). Non-printable bytes are escaped the way the kernel does (`\\x09` for the TAB in the
  arm-smmu lines). The dictionary continuation lines (` SUBSYSTEM=…`, ` DEVICE=…`) that real
  `/dev/kmsg` emits after `dev_*` records are not included. Healthy trees carry no DLA error, except
  the fuse line of `jp6-orin-nx-8gb-dla1`, which is expected there. Benign traps are included:
  an unrelated `tegra-i2c` error on every Jetson and the nvenc firmware retry on JP5 Orin.
- **Unbound platform devices** have `power/runtime_status` `unsupported` and no
  `autosuspend_delay_ms` (reading it fails with EIO on a real system); they keep `iommu_group` when
  the driver core got as far as `dma_configure` (fused, probe failed), not when no driver ever
  matched (module not loaded).
- Git cannot hold empty directories: an absent `holders/` or `devices/` directory means empty.
- `jp6-agx-orin-container` keeps the host's kmsg and everything else of the base; only the
  device nodes and `run/udev` are gone.
- The generator's verifier checks that every symlink resolves inside its scenario (absolute
  targets re-rooted, `..` above the root is an error); only the four deliberate links of
  `bad-links` are exempt.

## Beyond the reference (all trees)

[INF]: `lib/firmware/nvidia/tegra234/nvdla.bin -> ../../nvhost_nvdla020.fw` on JP6; the class device
lives under the DLA platform dir in a glue directory named after the class (`<dla>/nvdla0/nvhost-ctrl-nvdla0`
on JP6, `<dla>/13e40000.host1x/nvhost-nvdla0` on JP5, since both pass `&pdev->dev` as parent);
`Adding to iommu group N` printed with the `nvdla` prefix; 5.15 driver-core text
`nvdla: probe of … failed with error -2`; the `syncpt_unit_base 60000000 syncpt_unit_size 4000000 size 10000`
values (T234 shim constants of host1x-nvhost); T234 interconnect client IDs 0xbe-0xc5.
[GUESS]: the FAB fields of `chosen/ids` and the revisions in `chosen/nvidia,sku`; `nvidia,dtsfilename` values; nvpmodel file name
`nvpmodel_p3701_0005.conf` for the 64GB module (caps copied from p3701_0000); the CPU/GPU/EMC lines
of every nvpmodel conf; debugfs clock rates and `firmware/version` (2.1.0 T234, 1.2.0 T194); the
udev database entries (`I:<usec>` and `V:1` only, as for a device no rule adds properties to);
the `nv_tegra_release` checksum lines; the JP5 GCID 33958178 and package date
`35.4.1-20230801124926`; module sizes, refcounts and the non-DLA modules in `proc/modules`;
majors/minors; iommu group numbers; DT phandles; meminfo/buddyinfo numbers; the kernel build
strings in `proc/version`; `lib/modules/5.15.148-tegra/updates/...` paths in `modules.dep`;
`/dev/nvhost-ctrl` only on JP5; the JP6 host1x platform driver name `tegra-host1x`; T194 NAFLL
clock ids 210/211; `sys/devices/soc0/soc_id` 35/25.

## Regenerating

    python3 Tests/FakeSysfs/generate.py            # all scenarios + this README
    python3 Tests/FakeSysfs/generate.py NAME ...   # only these scenarios
    python3 Tests/FakeSysfs/generate.py --check    # compare the trees on disk with the script, write nothing

Python 3.8+, standard library only; the output is deterministic, so a clean `git status` after
regenerating means the committed trees match the script. Commit the script and the trees together.
"""

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
