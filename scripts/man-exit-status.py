#!/usr/bin/env python3
"""Replaces the EXIT STATUS of the generated man pages with nvdla-doctor's exit statuses.

swift-argument-parser's generate-manual writes `.Ex -std` ("exits 0 on success, and >0 if an error occurs"),
which is wrong for a tool whose 1 and 2 mean warnings and errors. `make man` runs this on its output directory:

    python3 scripts/man-exit-status.py DIR

The list comes from the "Exit status" table of README.md, which a test keeps equal to `--help`.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def statuses():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        rows = re.findall(r"(?m)^\| (\d+) \| ([^|]+?) \|$", handle.read())
    if not rows:
        sys.exit("man-exit-status: no exit-status table in README.md")
    return rows


def section(rows):
    lines = [".Bl -tag -width 4n"]
    for status, meaning in rows:
        lines += [".It " + status, meaning.replace("\\", "\\e")]
    lines.append(".El")
    return "\n".join(lines)


def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        sys.exit("usage: scripts/man-exit-status.py DIR")
    text = section(statuses())
    for name in sorted(os.listdir(sys.argv[1])):
        if not name.endswith(".1"):
            continue
        path = os.path.join(sys.argv[1], name)
        with open(path, encoding="utf-8") as handle:
            page = handle.read()
        if ".Ex -std" in page:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(page.replace(".Ex -std", text))


if __name__ == "__main__":
    main()
