"""The zip rewritten by hand: entries that are not edited are copied as their original bytes, in order."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

from .errors import EditError

LOCAL_SIG, CD_SIG, EOCD_SIG = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
ZIP64_EXTRA = 0x0001


@dataclass
class _Entry:
    """One member of the zip: its name, central-directory record, and where its bytes are."""

    name: str
    cd: bytes  # the central-directory record, as in the file
    offset: int  # of the local header
    end: int = 0  # end of the entry's bytes (next entry's header, or the central directory)


def _strip_zip64(extra: bytes) -> bytes:
    out, i = b"", 0
    while i + 4 <= len(extra):
        kind, size = struct.unpack("<HH", extra[i : i + 4])
        if kind != ZIP64_EXTRA:
            out += extra[i : i + 4 + size]
        i += 4 + size
    return out


def _deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


class ZipPackage:
    """A zip archive that can be written back with some entries replaced and others added."""

    def __init__(self, data: bytes):
        self.data = data
        i = data.rfind(EOCD_SIG, max(0, len(data) - 65557))
        if i < 0 or len(data) < i + 22:
            raise EditError("the zip archive has no central directory")
        _, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, clen = struct.unpack("<4sHHHHIIH", data[i : i + 22])
        if disk or cd_disk or n_disk != n_total or n_total == 0xFFFF or 0xFFFFFFFF in (cd_size, cd_offset):
            raise EditError("multi-disk and ZIP64 archives are not edited")
        self.comment = data[i + 22 : i + 22 + clen]
        self.cd_offset = cd_offset
        self.entries: list[_Entry] = []
        pos = cd_offset
        for _ in range(n_total):
            if data[pos : pos + 4] != CD_SIG:
                raise EditError("the zip central directory is damaged")
            flags = struct.unpack("<H", data[pos + 8 : pos + 10])[0]
            nlen, xlen, klen = struct.unpack("<HHH", data[pos + 28 : pos + 34])
            offset = struct.unpack("<I", data[pos + 42 : pos + 46])[0]
            end = pos + 46 + nlen + xlen + klen
            try:
                name = data[pos + 46 : pos + 46 + nlen].decode("utf-8" if flags & 0x800 else "cp437")
            except UnicodeDecodeError:
                raise EditError("the zip has an entry name that cannot be decoded") from None
            if flags & 0x1:
                raise EditError("encrypted zip entries are not edited")
            if offset == 0xFFFFFFFF:
                raise EditError("ZIP64 entries are not edited")
            self.entries.append(_Entry(name, data[pos:end], offset))
            pos = end
        by_offset = sorted(self.entries, key=lambda e: e.offset)
        if by_offset and by_offset[0].offset != 0:
            raise EditError("the zip archive has data before its first entry")
        for a, b in zip(by_offset, by_offset[1:] + [None], strict=True):
            a.end = b.offset if b is not None else cd_offset
            if a.end <= a.offset or data[a.offset : a.offset + 4] != LOCAL_SIG:
                raise EditError("the zip archive is damaged (overlapping or missing entries)")
        self.by_name = {e.name: e for e in self.entries}

    def build(self, changes: dict[str, bytes], additions: list[tuple[str, bytes]] | None = None) -> bytes:
        out = bytearray()
        records: dict[int, bytes] = {}
        for e in sorted(self.entries, key=lambda e: e.offset):
            offset = len(out)
            if e.name in changes:
                local, record = self._rewrite(e, changes[e.name], offset)
                out += local
            else:
                out += self.data[e.offset : e.end]
                record = e.cd[:42] + struct.pack("<I", offset) + e.cd[46:]
            records[id(e)] = record
        template = self.by_name.get("word/document.xml") or self.entries[0]
        new_records = []
        for name, content in additions or []:
            if name in self.by_name:
                raise EditError(f"part {name} exists already")
            local, record = self._new(name, content, len(out), template)
            out += local
            new_records.append(record)
        cd_start = len(out)
        for e in self.entries:
            out += records[id(e)]
        for record in new_records:
            out += record
        n = len(self.entries) + len(new_records)
        if n >= 0xFFFF or len(out) >= 0xFFFFFFFF:
            raise EditError("the result would need ZIP64")
        out += struct.pack("<4sHHHHIIH", EOCD_SIG, 0, 0, n, n, len(out) - cd_start, cd_start, len(self.comment))
        out += self.comment
        return bytes(out)

    def _rewrite(self, e: _Entry, content: bytes, offset: int) -> tuple[bytes, bytes]:
        data = self.data
        nlen, xlen = struct.unpack("<HH", data[e.offset + 26 : e.offset + 30])
        name = data[e.offset + 30 : e.offset + 30 + nlen]
        extra = _strip_zip64(data[e.offset + 30 + nlen : e.offset + 30 + nlen + xlen])
        flags = struct.unpack("<H", e.cd[8:10])[0] & ~0x8  # sizes are in the header now: no data descriptor
        method = struct.unpack("<H", e.cd[10:12])[0]
        if method == 0:
            packed = content
        else:
            method, packed = 8, _deflate(content)
        crc = zlib.crc32(content)
        head = data[e.offset : e.offset + 6] + struct.pack("<HH", flags, method) + data[e.offset + 10 : e.offset + 14]
        local = head + struct.pack("<IIIHH", crc, len(packed), len(content), len(name), len(extra)) + name + extra
        cnlen, cxlen, cklen = struct.unpack("<HHH", e.cd[28:34])
        cextra = _strip_zip64(e.cd[46 + cnlen : 46 + cnlen + cxlen])
        record = (
            e.cd[:8] + struct.pack("<HH", flags, method) + e.cd[12:16]
            + struct.pack("<IIIHHH", crc, len(packed), len(content), cnlen, len(cextra), cklen)
            + e.cd[34:42] + struct.pack("<I", offset)
            + e.cd[46 : 46 + cnlen] + cextra + e.cd[46 + cnlen + cxlen :]
        )
        return local + packed, record

    @staticmethod
    def _new(name: str, content: bytes, offset: int, template: _Entry) -> tuple[bytes, bytes]:
        raw_name = name.encode("utf-8")
        flags = 0 if raw_name.isascii() else 0x800
        time_date = template.cd[12:16]  # the main document's time stamp: deterministic output
        packed, crc = _deflate(content), zlib.crc32(content)
        local = (LOCAL_SIG + struct.pack("<HHH", 20, flags, 8) + time_date
                 + struct.pack("<IIIHH", crc, len(packed), len(content), len(raw_name), 0) + raw_name)
        record = (CD_SIG + template.cd[4:6] + struct.pack("<HHH", 20, flags, 8) + time_date
                  + struct.pack("<IIIHHHHHII", crc, len(packed), len(content), len(raw_name), 0, 0, 0, 0, 0, offset)
                  + raw_name)
        return local + packed, record

