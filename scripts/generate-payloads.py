#!/usr/bin/env python3
"""Writes payload/payload-{100b,1Kb,4Kb,64Kb}.data: OMB's payload file names, deterministic content.

Each file is the SHA-256 stream of "msgbench-payload-<size>-<block>" for block 0, 1, 2, ..., cut to the
size: the same bytes on every machine, incompressible like real payloads (msgbench overwrites the first
32 bytes of every message with its stamp). Run from the repository root; the files are committed.
"""
import hashlib
import pathlib

SIZES = {"payload-100b.data": 100, "payload-1Kb.data": 1024, "payload-4Kb.data": 4096,
         "payload-64Kb.data": 65536}


def content(size):
    out = bytearray()
    block = 0
    while len(out) < size:
        out += hashlib.sha256(f"msgbench-payload-{size}-{block}".encode()).digest()
        block += 1
    return bytes(out[:size])


if __name__ == "__main__":
    folder = pathlib.Path("payload")
    folder.mkdir(exist_ok=True)
    for name, size in SIZES.items():
        (folder / name).write_bytes(content(size))
        print(f"{folder / name}: {size} bytes")
