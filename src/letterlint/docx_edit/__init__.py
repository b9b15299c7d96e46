"""Editing a .docx without disturbing it: text fixes, tracked changes, removal of hidden bookmarks, comments.

The principle: change the fewest bytes possible and leave everything else exactly as it was.

* The zip is rewritten by hand (`ZipPackage`): every entry that is not edited is copied as its original
  bytes (local header, compressed data, data descriptor), in the original order, and its central-directory
  record is kept except for the new offset.  Edited entries keep their name, compression method, time stamp
  and attributes; new entries (a comments part) are added at the end.
* An XML part is edited as bytes, not re-serialised (`XmlPart`): it is parsed with expat to learn the byte
  span of every element, and edits are splices of those spans.  Namespace prefixes, attribute order,
  `mc:Ignorable` declarations, whitespace — everything not edited stays byte for byte.
* Which bytes hold which character of a paragraph is found by walking the part with the .docx reader's own
  rules (`_Tracer` is the reader's `PartReader`, recording the element behind every character), so the
  offsets of the document model (`Paragraph.raw`, `Location.raw_start/raw_end`) map exactly.

Text edits change the text of the `w:t` elements concerned and nothing else: a replacement takes the
formatting of the run where it starts, characters that are deleted vanish from their own runs, a `w:t` left
empty is removed (and a run left without content with it).  Tabs and breaks (`w:tab`, `w:br`, …) inside a
replaced span are removed.  An insertion goes into the text run before the position — except exactly at a
footnote or endnote mark, where it goes after the mark (to put text before a mark, replace the character
before it).  Replacements with a tab or line break are not carried out.

Comment anchors (`--annotate`) split runs where a range starts or ends inside one: both halves keep the run
properties.  Supported: transitional and strict OOXML in UTF-8 (what Word and LibreOffice write); ZIP64,

The package, one module per subject: `zippackage` (the zip), `xmlpart` (byte spans and splices), `story`
(which element holds which character), `package` (parts, relationships, content types, writing), `runs`
(positions in runs, splitting a run), `text` (`--fix` edits), `tracked` (`--suggest` edits), `bookmarks`,
`comments`.  `DocxEditor` joins them.
"""

from .bookmarks import Bookmarks
from .errors import EditError
from .package import EditorBase
from .story import Story
from .text import TextEdits
from .tracked import Tracked
from .xmlpart import XmlPart, escape_attr, escape_text
from .zippackage import ZipPackage


class DocxEditor(TextEdits, Bookmarks, Tracked):
    """Collects edits to a .docx and writes the new package.  Raises EditError when it cannot edit safely."""


__all__ = ["DocxEditor", "EditError", "EditorBase", "Story", "XmlPart", "ZipPackage", "escape_attr", "escape_text"]
