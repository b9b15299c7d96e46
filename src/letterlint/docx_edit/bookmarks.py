"""Bookmarks: removing hidden ones that nothing refers to."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from ..findings import Msg
from .package import EditorBase
from .xmlpart import escape_attr


class Bookmarks(EditorBase):
    def remove_bookmarks(self, part_name: str, names: list[str]) -> dict[str, Msg | None]:
        """Remove the named bookmarks from a story part; keep any that some part still names elsewhere."""
        story = self.story(part_name)
        part, w = story.part, story.w
        wanted = set(names)
        starts: dict[str, list[Element]] = {}
        keep_ids = set()
        for el in part.root.iter(f"{w}bookmarkStart"):
            name = el.get(f"{w}name")
            if name in wanted:
                starts.setdefault(name, []).append(el)
            else:
                keep_ids.add(el.get(f"{w}id"))
        results: dict[str, Msg | None] = {}
        mentions = self._mentions([n for n in names if n in starts])
        doomed_ids: set[str | None] = set()
        doomed: list[Element] = []
        for name in names:
            els = starts.get(name)
            if not els:
                results[name] = Msg("bladwijzer niet gevonden", "bookmark not found")
                continue
            if mentions.get(name, 0) > len(els):
                results[name] = Msg("de bladwijzer wordt nog gebruikt (een veld, koppeling of ander onderdeel noemt haar)",
                                    "the bookmark is still used (a field, link or other part names it)")
                continue
            doomed += els
            doomed_ids.update(el.get(f"{w}id") for el in els)
            results[name] = None
        doomed_ids -= keep_ids
        doomed += [el for el in part.root.iter(f"{w}bookmarkEnd") if el.get(f"{w}id") in doomed_ids]
        for el in doomed:
            span = part.span[id(el)]
            part.splice(span[0], span[3], b"")
        return results

    def _mentions(self, names: list[str]) -> dict[str, int]:
        """How often each name occurs, as a whole word, in the XML parts of the package."""
        if not names:
            return {}
        pattern = re.compile(rb"(?<![\w.-])(" + b"|".join(re.escape(escape_attr(n)) for n in names) + rb")(?![\w.-])")
        counts: dict[str, int] = {}
        for entry in self.zip.entries:
            if not entry.name.endswith((".xml", ".rels")):
                continue
            data = self.parts[entry.name].data if entry.name in self.parts else self.read(entry.name)
            for m in pattern.finditer(data):
                key = m.group(1).decode("utf-8", "replace")
                counts[key] = counts.get(key, 0) + 1
        return counts

