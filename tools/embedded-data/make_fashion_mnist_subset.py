#!/usr/bin/python3
"""Writes the Fashion-MNIST subset embedded in lrkit-vision's jar.

Reads the four IDX files of Debian's dataset-fashion-mnist package and keeps, from each split, the first
PER_CLASS images of every class in file order (600 per class of the 60,000 training images, 100 per class of
the 10,000 test images), in their original order. Writes them as gzipped IDX files with a fixed gzip header
(no file name, modification time 0, level 9), so running the script twice gives identical bytes.

Usage (from the repository root):
    apt-get install -y dataset-fashion-mnist
    /usr/bin/python3 tools/embedded-data/make_fashion_mnist_subset.py
Optional arguments: SOURCE_DIR (default /usr/share/datasets/fashion-mnist) and OUTPUT_DIR (default the
resource folder below).
"""
import gzip
import hashlib
import struct
import sys
from pathlib import Path

SOURCE_FILES = {
    "train-images-idx3-ubyte.gz": "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
    "train-labels-idx1-ubyte.gz": "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
    "t10k-images-idx3-ubyte.gz": "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
    "t10k-labels-idx1-ubyte.gz": "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05",
}
SPLITS = {"train": 600, "t10k": 100}  # images kept per class
CLASSES = 10
REPO = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = REPO / "lrkit-vision/src/main/resources/org/lrkit/vision/data/fashion-mnist-subset"


def read_idx(path: Path, magic: int, dims: int):
    data = gzip.decompress(path.read_bytes())
    found, = struct.unpack(">I", data[:4])
    if found != magic:
        raise SystemExit(f"{path}: expected IDX magic {magic:#010x}, got {found:#010x}")
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    body = data[4 + 4 * dims:]
    size = 1
    for s in shape:
        size *= s
    if len(body) != size:
        raise SystemExit(f"{path}: header declares {shape} = {size} bytes, file holds {len(body)}")
    return shape, body


def write_gzip(path: Path, payload: bytes) -> None:
    with open(path, "wb") as raw:
        # filename="" and mtime=0 keep the gzip header free of anything that changes between runs.
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as out:
            out.write(payload)


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/usr/share/datasets/fashion-mnist")
    output = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_OUTPUT
    for name, sha in SOURCE_FILES.items():
        got = hashlib.sha256((source / name).read_bytes()).hexdigest()
        if got != sha:
            raise SystemExit(f"{source / name}: SHA-256 {got}, expected {sha} (Debian package "
                             "dataset-fashion-mnist 0.0~git20200523.55506a9-1); the subset would differ")
    output.mkdir(parents=True, exist_ok=True)
    for split, per_class in SPLITS.items():
        (count, rows, cols), pixels = read_idx(source / f"{split}-images-idx3-ubyte.gz", 0x803, 3)
        (label_count,), labels = read_idx(source / f"{split}-labels-idx1-ubyte.gz", 0x801, 1)
        assert label_count == count
        taken = [0] * CLASSES
        keep = []
        for i, label in enumerate(labels):
            if taken[label] < per_class:
                taken[label] += 1
                keep.append(i)
        assert taken == [per_class] * CLASSES, taken
        size = rows * cols
        images = b"".join(pixels[i * size:(i + 1) * size] for i in keep)
        kept_labels = bytes(labels[i] for i in keep)
        write_gzip(output / f"{split}-images-idx3-ubyte.gz", struct.pack(">IIII", 0x803, len(keep), rows, cols) + images)
        write_gzip(output / f"{split}-labels-idx1-ubyte.gz", struct.pack(">II", 0x801, len(keep)) + kept_labels)
    for path in sorted(output.glob("*.gz")):
        print(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.stat().st_size:>9}  {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
