#!/usr/bin/env python3
"""Replaces the generic EXIT STATUS of the man pages generate-manual wrote (`.Ex -std`: "0 on success, >0 if an
error occurs") with nvdla-doctor's contract, the same in every page: man-exit-status.py DIR (every *.1 in it)."""
import pathlib
import sys

CONTRACT = r""".Sh "EXIT STATUS"
The monitoring-plugins convention, so Nagios, Icinga and Zabbix can run
.Nm
as a plugin:
.Bl -tag -width 11n
.It 0
OK: nothing at warning or above, and every check that could report a warning or an error could run.
.It 1
WARNING: the worst finding is a warning.
.It 2
CRITICAL: at least one error.
.It 3
UNKNOWN: nothing could be assessed (no Tegra SoC under the root, an unreadable root or input, binary input to
.Cm analyze ,
a broken rule file, a bundle refused or not written), or no finding at warning or above but a check that could
report one could not read its input (no permission, as for the kernel log without root; busy; I/O error; a FIFO or
device where a file should be; a link leaving the root). The report lists each such check as inconclusive, with the
reason and the fix.
.It 64
Usage error.
.It 74
The report could not be written to standard output (a closed pipe, a full disk, a closed descriptor): one line on
standard error says why.
.It 129, 130, 143
Interrupted by SIGHUP, SIGINT or SIGTERM, after removing what the command had created (the directory a bundle was
unpacked into, a partial archive). A second signal exits at once.
.El
.Pp
.Cm watch
exits 0 on SIGTERM and SIGINT and re-checks on SIGHUP.
"""


def rewrite(page: pathlib.Path) -> bool:
    lines = page.read_text().splitlines(keepends=True)
    out, i, done = [], 0, False
    while i < len(lines):
        line = lines[i]
        if line.strip().upper() in ('.SH "EXIT STATUS"', ".SH EXIT STATUS"):
            out.append(CONTRACT)
            i += 1
            while i < len(lines) and not lines[i].startswith(".Sh"):
                i += 1
            done = True
            continue
        out.append(line)
        i += 1
    page.write_text("".join(out))
    return done


def main() -> int:
    directory = pathlib.Path(sys.argv[1])
    pages = sorted(directory.glob("*.1"))
    missing = [p.name for p in pages if not rewrite(p)]
    if not pages or missing:
        print(f"man-exit-status: no EXIT STATUS section in {missing or 'any page'}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
