"""Builds hostile bundles for HostileArchiveTests: make_hostile.py OUTDIR TAG VALID_BUNDLE."""
import gzip, io, os, sys, tarfile

out, tag, valid = sys.argv[1], sys.argv[2], sys.argv[3]


def tgz(name, members, compress=True):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    raw = buf.getvalue()
    with open(os.path.join(out, name), "wb") as f:
        f.write(gzip.compress(raw) if compress else raw)


def reg(path, data=b"x"):
    info = tarfile.TarInfo(path)
    info.size = len(data)
    return info, data


def kind(path, t, linkname=""):
    info = tarfile.TarInfo(path)
    info.type = t
    info.linkname = linkname
    if t in (tarfile.CHRTYPE, tarfile.BLKTYPE):
        info.devmajor, info.devminor = 1, 3
    return info, None


ok = reg("etc/hostname", b"fine\n")
escaped = f"escaped-{tag}"
tgz("absolute.tar.gz", [ok, reg(f"/tmp/{escaped}")])
tgz("dotdot.tar.gz", [ok, reg(f"sys/../../{escaped}")])
tgz("symlink-escape.tar.gz", [ok, kind("up", tarfile.SYMTYPE, "../../../../../../tmp"), reg(f"up/{escaped}")])
# Each link alone stays inside (a/b -> .. is the root, up -> a/b/.. lexically a), but `..` after a link applies to
# where it leads: up resolves above the root.  And an absolute link re-rooted at the root, climbed out of.
tgz("symlink-chain.tar.gz", [ok, kind("a", tarfile.DIRTYPE), kind("a/b", tarfile.SYMTYPE, ".."),
                             kind("up", tarfile.SYMTYPE, "a/b/../tmp")])
tgz("symlink-chain-absolute.tar.gz", [ok, kind("r", tarfile.SYMTYPE, "/"), kind("out", tarfile.SYMTYPE, "r/..")])
tgz("through-symlink.tar.gz", [ok, kind("t", tarfile.SYMTYPE, "/tmp"), reg(f"t/{escaped}")])
tgz("hardlink-escape.tar.gz", [ok, kind("h", tarfile.LNKTYPE, "../../../etc/passwd")])
tgz("hardlink-absolute.tar.gz", [ok, kind("h", tarfile.LNKTYPE, "/etc/passwd")])
tgz("chardev.tar.gz", [ok, kind("dev/nvhost-ctrl-nvdla0", tarfile.CHRTYPE)])
tgz("blockdev.tar.gz", [ok, kind("dev/sda", tarfile.BLKTYPE)])
tgz("fifo.tar.gz", [ok, kind("run/fifo", tarfile.FIFOTYPE)])
tgz("many-entries.tar.gz", [reg(f"f/{i}") for i in range(50)])
tgz("big.tar.gz", [reg("a", b"a" * 600), reg("b", b"b" * 600)])
tgz("ratio-bomb.tar.gz", [reg("zeros", bytes(32 * 1024 * 1024))])
tgz("plain.tar.gz", [ok], compress=False)
with open(os.path.join(out, "text.tar.gz"), "wb") as f:
    f.write(b"this is not an archive at all\n" * 100)
with open(os.path.join(out, "gzip-not-tar.tar.gz"), "wb") as f:
    f.write(gzip.compress(b"hello, no tar here\n" * 1000))
data = open(valid, "rb").read()
with open(os.path.join(out, "truncated.tar.gz"), "wb") as f:
    f.write(data[: len(data) // 2])
corrupt = bytearray(data)
for i in range(len(corrupt) // 3, len(corrupt) // 3 + 64):
    corrupt[i] ^= 0xA5
with open(os.path.join(out, "corrupt.tar.gz"), "wb") as f:
    f.write(bytes(corrupt))
