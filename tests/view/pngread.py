"""A tiny PNG reader for tests (zlib + struct, NumPy for speed): 8-bit greyscale, RGB,
grey+alpha and RGBA, not interlaced — what Chromium writes for screenshots."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

__all__ = ["count_colour", "read_png"]

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type -> samples per pixel


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(kind: int, line: NDArray[np.uint8], previous: NDArray[np.uint8], bpp: int) -> None:
    """Undo one row's filter in place (PNG spec, section 9)."""
    if kind == 0:
        return
    if kind == 1:  # Sub: a running sum per channel, modulo 256
        line[:] = np.cumsum(line.reshape(-1, bpp), axis=0, dtype=np.uint64).reshape(-1) % 256
    elif kind == 2:  # Up
        line += previous
    elif kind in (3, 4):  # Average, Paeth: each byte depends on the one before it
        out, up = bytearray(line.tobytes()), previous.tobytes()
        for i in range(len(out)):
            a = out[i - bpp] if i >= bpp else 0
            c = up[i - bpp] if i >= bpp else 0
            predictor = (a + up[i]) // 2 if kind == 3 else _paeth(a, up[i], c)
            out[i] = (out[i] + predictor) & 0xFF
        line[:] = np.frombuffer(bytes(out), dtype=np.uint8)
    else:
        raise ValueError(f"unknown PNG filter {kind}")


def read_png(path: Path) -> NDArray[np.uint8]:
    """The image as a ``height × width × 3`` RGB array (alpha dropped, grey expanded)."""
    data = path.read_bytes()
    if not data.startswith(_SIGNATURE):
        raise ValueError(f"{path}: not a PNG file")
    pos, idat = len(_SIGNATURE), bytearray()
    width = height = depth = ctype = interlace = -1
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    if depth != 8 or ctype not in _CHANNELS or interlace != 0:
        raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour type {ctype})")
    bpp = _CHANNELS[ctype]
    stride = width * bpp
    raw = np.frombuffer(zlib.decompress(bytes(idat)), dtype=np.uint8)
    rows = raw.reshape(height, stride + 1).copy()
    image = rows[:, 1:]
    previous = np.zeros(stride, dtype=np.uint8)
    for y in range(height):
        _unfilter(int(rows[y, 0]), image[y], previous, bpp)
        previous = image[y]
    pixels = image.reshape(height, width, bpp)
    if bpp <= 2:
        return np.repeat(pixels[:, :, :1], 3, axis=2)
    return pixels[:, :, :3]


def count_colour(pixels: NDArray[np.uint8], hex_colour: str, tolerance: int = 6) -> int:
    """How many pixels are within ``tolerance`` (per channel) of ``#rrggbb``."""
    want = np.array([int(hex_colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)])
    close = np.abs(pixels.astype(np.int16) - want).max(axis=2) <= tolerance
    return int(close.sum())
