#!/usr/bin/python3
"""Proves the official SHA-256 of the four Fashion-MNIST downloads from the Debian package's files.

Debian's dataset-fashion-mnist ships the upstream .gz files with their gzip header normalised by
strip-nondeterminism (the stored file name dropped, the modification time set to the package date); the
compressed data is untouched. Putting the original header back (FNAME flag, original name, original
modification time, found once by search and recorded below) rebuilds the files byte for byte: their MD5
equals the checksum Zalando publishes in the upstream README (shipped by Debian in
/usr/share/doc/dataset-fashion-mnist/README.md.gz), and the script then prints their SHA-256, the values
pinned in lrkit's download registry (DownloadRegistry.java).

Usage: /usr/bin/python3 tools/embedded-data/verify_fashion_mnist_checksums.py [/usr/share/datasets/fashion-mnist]
Exit status 0 only if every rebuilt file matches its published MD5.
"""
import hashlib
import struct
import sys
from pathlib import Path

# name -> (original gzip mtime, MD5 published in the upstream README)
FILES = {
    "train-images-idx3-ubyte": (1504176606, "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
    "train-labels-idx1-ubyte": (1504176606, "25c81989df183df01b3e8a0aad5dffbe"),
    "t10k-images-idx3-ubyte": (1504176627, "bef4ecab320f06d8554ea6380940ec79"),
    "t10k-labels-idx1-ubyte": (1504176627, "bb300cfdad3c16e7a12a480ee83cd310"),
}


def rebuild(debian_bytes: bytes, name: str, mtime: int) -> bytes:
    if debian_bytes[:4] != b"\x1f\x8b\x08\x00":
        raise SystemExit(f"{name}.gz: expected a gzip header without optional fields, got {debian_bytes[:4].hex()}")
    header = b"\x1f\x8b\x08\x08" + struct.pack("<I", mtime) + debian_bytes[8:10] + name.encode("ascii") + b"\x00"
    return header + debian_bytes[10:]


def main() -> int:
    directory = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist")
    ok = True
    for name, (mtime, md5) in FILES.items():
        debian = (directory / f"{name}.gz").read_bytes()
        official = rebuild(debian, name, mtime)
        got_md5 = hashlib.md5(official).hexdigest()
        match = got_md5 == md5
        ok &= match
        print(f"{name}.gz size={len(official)} md5={got_md5} ({'matches' if match else 'DIFFERS FROM'} README)"
              f" sha256={hashlib.sha256(official).hexdigest()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
