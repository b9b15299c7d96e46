--[[
word-bookmarks.lua -- pandoc Lua filter used by make_fixtures.py.

In Markdown a Word bookmark is written as a pandoc span with that id:

    []{id="_Hlk221883646"}Tekst ...          (empty span: a point bookmark)
    [Tekst]{id="_Hlk224100117"}              (span with content: the bookmark encloses it)

(`[]{#_Hlk…}` would be nicer, but pandoc 2.17 does not accept an identifier that starts with "_" in
the `#id` shorthand, so the `id="…"` form is used.)

Pandoc's docx writer does turn spans with an id into w:bookmarkStart/w:bookmarkEnd, but it renames
every bookmark whose name does not start with a letter (or is longer than 40 characters) to
"X" + a SHA-1 hash.  Word's hidden bookmarks (_GoBack, _Hlk…, _Ref…, _Toc…) all start with "_", so
for the docx writer this filter emits those bookmarks as raw OOXML, keeping the name.  Other spans
and other output formats are left alone.
--]]

local next_id = 9000 -- well clear of the small ids pandoc allocates for its own bookmarks

local function start_and_end(name)
  next_id = next_id + 1
  return pandoc.RawInline('openxml',
      string.format('<w:bookmarkStart w:id="%d" w:name="%s"/>', next_id, name)),
    pandoc.RawInline('openxml', string.format('<w:bookmarkEnd w:id="%d"/>', next_id))
end

function Span(el)
  if FORMAT ~= 'docx' or not el.identifier:match('^_') then
    return nil
  end
  local bstart, bend = start_and_end(el.identifier)
  local out = pandoc.List({ bstart })
  out:extend(el.content)
  out:insert(bend)
  if #el.classes == 0 and #el.attributes == 0 then
    return out
  end
  -- keep any other attributes on a span without the id
  return pandoc.Span(out, pandoc.Attr('', el.classes, el.attributes))
end
