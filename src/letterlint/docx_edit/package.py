"""The package: parts read on demand, relationships and content types, and writing the new zip."""

from __future__ import annotations

import posixpath

from ..readers.docx import REL_NS, Package
from .errors import EditError
from .story import Story, trace
from .xmlpart import XmlPart, escape_attr
from .zippackage import ZipPackage

CONTENT_TYPES = "[Content_Types].xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
TRANSITIONAL_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _rels_name(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


def append_to_root(part: XmlPart, element: bytes) -> None:
    """Add `element` as the last child of the part's root element."""
    span = part.span[id(part.root)]
    if part.is_empty(part.root):
        part.splice(span[0], span[3], part.open_tag(part.root) + element + part.close_tag(part.root))
    else:
        part.splice(span[2], span[2], element)


class EditorBase:
    """Collects edits to a .docx and writes the new package.  Raises EditError when it cannot edit safely."""

    def __init__(self, data: bytes, main_part: str):
        self.zip = ZipPackage(data)
        self.main = main_part
        self.parts: dict[str, XmlPart] = {}
        self.stories: dict[str, Story] = {}
        self.added: dict[str, bytes] = {}
        self._w_ok: dict[str, bool] = {}
        self._pkg: Package | None = None

    def has(self, name: str) -> bool:
        return name in self.zip.by_name or name in self.added

    def read(self, name: str) -> bytes:
        from ..readers.common import InputError

        if self._pkg is None:
            self._pkg = Package(self.zip.data)
        try:
            return self._pkg.read(name)
        except KeyError:
            raise EditError(f"part {name} not found") from None
        except InputError as exc:
            raise EditError(str(exc)) from None

    def part(self, name: str) -> XmlPart:
        if name not in self.parts:
            if name not in self.zip.by_name:
                raise EditError(f"part {name} not found")
            self.parts[name] = XmlPart(name, self.read(name))
        return self.parts[name]

    def story(self, name: str) -> Story:
        if name not in self.stories:
            self.stories[name] = trace(self.part(name))
        return self.stories[name]

    def _related(self, kind: str) -> list[str]:
        rels = _rels_name(self.main)
        if rels not in self.zip.by_name:
            return []
        out = []
        folder = posixpath.dirname(self.main)
        for rel in self.part(rels).root.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External" or rel.get("Type", "").rsplit("/", 1)[-1] != kind:
                continue
            target = rel.get("Target", "")
            out.append(target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target)))
        return out

    def _w_prefix(self, part: XmlPart, w_ns: str) -> tuple[str, bytes]:
        """The prefix to write WordprocessingML elements with, and a declaration to add when it is unbound."""
        if part.name not in self._w_ok:
            self._w_ok[part.name] = part.declares("w", w_ns)
        return "w", (b"" if self._w_ok[part.name] else b' xmlns:w="' + escape_attr(w_ns) + b'"')

    def _free_name(self, name: str) -> str:
        base, ext = posixpath.splitext(name)
        n = 1
        while self.has(name):
            name = f"{base}{n}{ext}"
            n += 1
        return name

    def _rel_type_base(self) -> str:
        """The relationship namespace the package uses (transitional or strict), from its officeDocument link."""
        if "_rels/.rels" in self.zip.by_name:
            for rel in self.part("_rels/.rels").root.iter(f"{{{REL_NS}}}Relationship"):
                kind = rel.get("Type", "")
                if kind.endswith("/officeDocument"):
                    return kind.rsplit("/", 1)[0]
        return TRANSITIONAL_RELS

    def _add_relationship(self, target_part: str) -> None:
        rels = _rels_name(self.main)
        target = posixpath.relpath(target_part, posixpath.dirname(self.main) or ".")
        kind = self._rel_type_base() + "/comments"
        if rels not in self.zip.by_name:
            self.added[rels] = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="'
                                + REL_NS.encode() + b'"><Relationship Id="rId1" Type="' + escape_attr(kind)
                                + b'" Target="' + escape_attr(target) + b'"/></Relationships>')
            self._add_override(rels, None)
            return
        part = self.part(rels)
        used = {rel.get("Id") for rel in part.root.iter(f"{{{REL_NS}}}Relationship")}
        n = len(used) + 1
        while f"rId{n}" in used:
            n += 1
        prefix = part.qname(part.root)[: -len(b"Relationships")]
        element = (b"<" + prefix + b'Relationship Id="rId%d" Type="' % n + escape_attr(kind) + b'" Target="'
                   + escape_attr(target) + b'"/>')
        append_to_root(part, element)

    def _add_override(self, name: str, content_type: str | None = COMMENTS_CT) -> None:
        if content_type is None:  # a .rels part: covered by the Default for the extension, if there is one
            part = self.part(CONTENT_TYPES)
            if any(el.get("Extension", "").lower() == "rels" for el in part.root.iter(f"{{{CT_NS}}}Default")):
                return
            content_type = "application/vnd.openxmlformats-package.relationships+xml"
        part = self.part(CONTENT_TYPES)
        for el in part.root.iter(f"{{{CT_NS}}}Override"):
            if el.get("PartName", "").lstrip("/").lower() == name.lower():
                return
        prefix = part.qname(part.root)[: -len(b"Types")]
        element = (b"<" + prefix + b'Override PartName="/' + escape_attr(name) + b'" ContentType="'
                   + escape_attr(content_type) + b'"/>')
        append_to_root(part, element)

    # -- writing ------------------------------------------------------------------------------------------

    def _finish(self) -> None:
        """Place what was collected for the parts (the subclasses' markers) before the parts are written."""

    def save(self) -> bytes:
        self._finish()
        changes = {}
        for name, part in self.parts.items():
            data = part.result()
            if data != part.data:
                changes[name] = data
        if not changes and not self.added:
            return self.zip.data
        return self.zip.build(changes, list(self.added.items()))


