"""The initial memory of a WebAssembly module: its active data segments,
laid out at their offsets, as the browser writes them when it instantiates
the module.

The Python memory snapshot ships as its difference from this (``runtime.
pack_snapshot``): about 3 MB of the image are Pyodide's static data, nearly
unchanged since instantiation, and the browser has those bytes already once
it has instantiated ``pyodide.asm.wasm``.
"""

from __future__ import annotations

MAGIC = b"\0asm"
DATA_SECTION = 11
I32_CONST = 0x41
END = 0x0B


class WasmFormatError(ValueError):
    """The bytes are not a WebAssembly module this reader understands."""


def _leb128(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if at >= len(data):
            raise WasmFormatError("LEB128 number runs past the end of the module")
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def _data_segments(module: bytes) -> list[tuple[int, bytes]]:
    """(offset, bytes) of each active segment with a constant offset."""
    if module[:4] != MAGIC:
        raise WasmFormatError("not a WebAssembly module (no \\0asm at its start)")
    at = 8  # magic and version
    while at < len(module):
        section, at = module[at], at + 1
        size, at = _leb128(module, at)
        if section == DATA_SECTION:
            return _read_data_section(module[at : at + size])
        at += size
    return []


def _read_data_section(section: bytes) -> list[tuple[int, bytes]]:
    count, at = _leb128(section, 0)
    segments = []
    for index in range(count):
        kind, at = _leb128(section, at)
        if kind != 0:
            # Passive segments (kind 1) or other memories (kind 2) are copied by
            # the module's own code, not at instantiation: this reader would
            # describe the memory wrongly, so it refuses.
            raise WasmFormatError(f"data segment {index} is of kind {kind}; only active segments of memory 0 are supported")
        if section[at] != I32_CONST:
            raise WasmFormatError(f"data segment {index} has a computed offset; only i32.const offsets are supported")
        offset, at = _leb128(section, at + 1)
        if section[at] != END:
            raise WasmFormatError(f"data segment {index}: offset expression is not a single constant")
        length, at = _leb128(section, at + 1)
        segments.append((offset, section[at : at + length]))
        at += length
    return segments


def initial_memory(module: bytes) -> bytes:
    """The memory right after instantiation, up to the end of the last data
    segment (beyond it, memory starts as zeros)."""
    segments = _data_segments(module)
    end = max((offset + len(data) for offset, data in segments), default=0)
    memory = bytearray(end)
    for offset, data in segments:
        memory[offset : offset + len(data)] = data
    return bytes(memory)
