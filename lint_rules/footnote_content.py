"""Leftovers in footnote text: pasted web page titles, tracking links, "Zie voetnoot N" that leads nowhere.

What it checks
  * A pasted web page title: the site's name after a vertical bar, as browsers show a page title —
    "Wijziging van de Omgevingswet … | Tweede Kamer der Staten-Generaal", "Overheidsbrede visie
    Generatieve AI | Rapport | Rijksoverheid.nl" — or after a dash when the site name is a web address
    ("… - Rijksoverheid.nl").  A short name after a bar that is not at the end of the note is left alone.
  * A web address with tracking parameters (``utm_source``, ``utm_medium``, ``fbclid``, ``gclid``,
    ``msclkid``, ``mc_cid`` …: they record where a click came from and do not change the page).  The fix
    removes them (``--fix``, text exports and Markdown).
  * A wrapped link: an Outlook "safe link" (``….safelinks.protection.outlook.com/?url=…``) or a Google
    redirect (``google.com/url?q=…``) in place of the real address.  The fix puts the real address back
    (only with ``--unsafe-fixes``).
  * "Zie voetnoot 7", "zie noot 7", "vgl. eindnoot 7", "zie voetnoten 3 en 4" where the letter has no such
    footnote, in the footnotes and in the running text.  "Zie voetnoot 7 van het rapport" (a footnote of
    another document) is not checked.  In a text export without any footnote markers (a PDF turned into
    text) the check is skipped: the footnotes may simply not have been recognised.

Why
  A page title copied from the browser ("| Tweede Kamer der Staten-Generaal") is not a citation; tracking
  parameters and wrapped links make addresses long, leak where they were clicked and can expire; a
  cross-reference to a footnote that does not exist sends the reader nowhere — often left over after
  footnotes were renumbered.

Options
  tracking-parameters: extra query parameters to treat as tracking (added to the built-in list).

Bad::

    Het wetsvoorstel is ingediend[footnoteRef:1]. [1:  Wijziging van de Omgevingswet in verband met de herziening van de Richtlijn industriële emissies | Tweede Kamer der Staten-Generaal]

Good::

    Het wetsvoorstel is ingediend[footnoteRef:1]. [1:  Kamerstukken II 2024/25, 36 693, nr. 2.]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote, urlsplit

import regex

from letterlint.findings import Finding, Fix, msg
from letterlint.footnotes import notes, ref_related
from letterlint.lazyre import lazy
from letterlint.wording import note_noun

if TYPE_CHECKING:
    from collections.abc import Iterator

    from letterlint.model import Document
    from letterlint.registry import RuleContext
    from letterlint.runner import Where

DOC_NL = """Resten in voetnoottekst: geplakte titels van webpagina's, trackinglinks, "Zie voetnoot N" die nergens heen leidt.

Wat het controleert
  * Een geplakte titel van een webpagina: de naam van de site na een verticale streep, zoals browsers een
    paginatitel tonen — "Wijziging van de Omgevingswet … | Tweede Kamer der Staten-Generaal", "Overheidsbrede
    visie Generatieve AI | Rapport | Rijksoverheid.nl" — of na een streepje als de sitenaam een webadres is
    ("… - Rijksoverheid.nl").  Een korte naam na een streep die niet aan het einde van de noot staat, blijft
    staan.
  * Een webadres met trackingparameters (``utm_source``, ``utm_medium``, ``fbclid``, ``gclid``, ``msclkid``,
    ``mc_cid`` …: ze leggen vast waar een klik vandaan kwam en veranderen de pagina niet).  De fix verwijdert
    ze (``--fix``, tekstexports en Markdown).
  * Een ingepakte link: een Outlook-"safe link" (``….safelinks.protection.outlook.com/?url=…``) of een
    doorverwijzing van Google (``google.com/url?q=…``) in plaats van het echte adres.  De fix zet het echte
    adres terug (alleen met ``--unsafe-fixes``).
  * "Zie voetnoot 7", "zie noot 7", "vgl. eindnoot 7", "zie voetnoten 3 en 4" waar de brief zo'n voetnoot niet
    heeft, in de voetnoten en in de lopende tekst.  "Zie voetnoot 7 van het rapport" (een voetnoot van een
    ander document) wordt niet gecontroleerd.  In een tekstexport zonder voetnootmarkeringen (een PDF die tekst
    is geworden) vervalt deze controle: de voetnoten zijn misschien gewoon niet herkend.

Waarom
  Een uit de browser gekopieerde paginatitel ("| Tweede Kamer der Staten-Generaal") is geen bronvermelding;
  trackingparameters en ingepakte links maken adressen lang, verraden waar erop geklikt is en kunnen
  verlopen; een verwijzing naar een voetnoot die niet bestaat stuurt de lezer nergens heen — vaak een rest van
  het hernummeren van voetnoten.

Opties
  tracking-parameters: extra queryparameters die als tracking gelden (bovenop de ingebouwde lijst).
"""  # the documentation in Dutch: same structure, same examples

ID = "footnote-content"
SEVERITY = "info"
SUMMARY = msg(
    "Restanten in voetnoten: geplakte paginatitels, trackinglinks, «zie voetnoot N» naar een noot die niet bestaat",
    "Leftovers in footnotes: pasted page titles, tracking links, 'see footnote N' pointing at no footnote",
)
DEFAULT: dict[str, Any] = {"tracking-parameters": []}
CONF = {"tracking-parameters": {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True}}
FIXABLE = True

TRACKING = {
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "yclid", "igshid",
    "twclid", "ttclid", "li_fat_id", "_hsenc", "_hsmi", "mkt_tok", "_ga", "_gl", "oly_anon_id", "oly_enc_id",
    "vero_id", "wickedid", "rb_clickid", "s_kwcid", "ef_id", "srsltid",
}
URL = lazy(r"(?i)\b(?:https?://|www\.)[^\s<>«»\"“”‘’\[\]]+")
# "Title | Site", "Title | Section | Site" or "Title - site.nl" at the end of the note (or before a URL)
SITE_TITLE = lazy(
    r"(?P<tail>(?:\s\|\s[^|\n]{1,60}?)+|\s[-–—·]\s(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:nl|com|org|eu|net|gov|int|be|de|uk|io))"
    r"\.?(?=\s*(?:(?:https?://|www\.)\S*\s*)?$)"
)
CROSS_REFERENCE = lazy(
    r"(?i)\b(?:zie|vgl\.?|conform)\s+(?:ook\s+)?(?:(?P<kind>voet|eind)?no(?:ot|ten))\s+"
    r"(?P<nums>(?>\d{1,3}(?:\s*(?:,|en|t/m|-|–)\s*\d{1,3})*))"
    r"(?!\s*(?:van|bij|uit|in)\b|[\d/.,]\d)"
)
SAFELINK = lazy(r"(?i)^https?://[\w.-]*safelinks\.protection\.outlook\.com/")
GOOGLE_REDIRECT = lazy(r"(?i)^https?://(?:www\.)?google\.[a-z.]+/url\?")


def prepare(options: dict[str, Any], where: Where) -> frozenset[str] | set[str]:
    return TRACKING | {p.lower() for p in options["tracking-parameters"]}


def check(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    info = notes(doc)
    tracking = ctx.prepared if ctx.prepared is not None else TRACKING
    for note in info.bodies:
        refs = info.refs_of.get(id(note)) or []
        related = tuple(ref_related(doc, r) for r in refs[:1])
        for par in note.paragraphs:
            text = par.text
            if ("|" in text or " - " in text or " – " in text or " — " in text or " · " in text) and len(text) < 2000:
                yield from _site_title(doc, par, related)
            if "://" in text or "www." in text.lower():
                yield from _urls(doc, par, related, tracking)
    yield from _cross_references(doc, info)


def _site_title(doc, par, related):
    text = par.text
    for m in SITE_TITLE.finditer(text):
        tail = m.group("tail")
        segments = [s.strip() for s in regex.split(r"\s[|\-–—·]\s", tail) if s.strip()]
        title = text[: m.start()].strip()
        if not segments or not title or len(title.split()) < 2:
            continue
        site = segments[-1]
        if len(site.split()) > 6 or not (site[0].isupper() or site[0].isdigit() or "." in site):
            continue
        if any(len(s.split()) > 8 for s in segments):
            continue
        start = m.start() + 1  # leave the space before the bar in place
        end = m.end()
        location = doc.locate(par, start, end)
        yield Finding(
            location=location,
            message=msg(f"Geplakte titel van een webpagina: «{tail.strip()}» hoort niet in een bronvermelding",
                        f"Pasted web page title: «{tail.strip()}» does not belong in a citation"),
            suggestion=msg("haal de sitenaam weg en noem de bron zoals gebruikelijk (Kamerstuk, titel, vindplaats)",
                           "remove the site name and cite the source the usual way (parliamentary paper, title, location)"),
            fix=Fix.text_edit(par, m.start(), end, "", "unsafe"),  # the title's bar and site, with the space before
            related=related,
        )


def _strip_trailing(url: str) -> str:
    while url and url[-1] in ".,;:!?'’)":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def _urls(doc, par, related, tracking):
    text = par.text
    for m in URL.finditer(text):
        url = _strip_trailing(m.group())
        start, end = m.start(), m.start() + len(url)
        full = url if "://" in url else "http://" + url
        try:
            parts = urlsplit(full)
        except ValueError:
            continue
        if SAFELINK.match(full) or GOOGLE_REDIRECT.match(full):
            query = dict(parse_qsl(parts.query, keep_blank_values=True))
            target = query.get("url") or query.get("q")
            if not target or not target.lower().startswith(("http://", "https://")):
                continue
            kind_nl = "Outlook-veiligheidslink" if SAFELINK.match(full) else "Google-doorverwijzing"
            kind_en = "Outlook safe link" if SAFELINK.match(full) else "Google redirect"
            yield _url_finding(doc, par, start, end, url, unquote(target) if "%" in target else target, related,
                               msg(f"{kind_nl} in plaats van het echte webadres", f"{kind_en} in place of the real address"),
                               safe=False)
            continue
        if not parts.query:
            continue
        pairs = regex.split(r"[&;]", parts.query)
        kept = [p for p in pairs if not _is_tracking(p.split("=", 1)[0], tracking)]
        if len(kept) == len(pairs):
            continue
        names = [p.split("=", 1)[0] for p in pairs if p not in kept]
        clean = url.split("?", 1)[0] + ("?" + "&".join(kept) if kept else "")
        if parts.fragment:
            clean += "#" + parts.fragment
        yield _url_finding(doc, par, start, end, url, clean, related,
                           msg(f"Webadres met trackingparameters ({', '.join(names)})",
                               f"Web address with tracking parameters ({', '.join(names)})"),
                           safe=True)


def _is_tracking(name: str, tracking: set[str]) -> bool:
    name = unquote(name).lower()
    return name.startswith("utm_") or name in tracking


def _url_finding(doc, par, start, end, url, clean, related, message, safe):
    fix = Fix.text_edit(par, start, end, clean, "safe" if safe else "unsafe")
    return Finding(
        location=doc.locate(par, start, end),
        message=message,
        suggestion=msg(f"gebruik het kale adres: {clean}", f"use the plain address: {clean}"),
        fix=fix,
        related=related,
    )


def _cross_references(doc, info):
    if info.style.unknown_without_marks and not info.refs and not info.bodies:
        return  # plain text without footnote markers (e.g. from a PDF): the footnotes are unknown
    valid: dict[str, set[int]] = {"footnote": set(), "endnote": set()}
    for kind, count in info.counts.items():
        valid.setdefault(kind, set()).update(range(1, count + 1))
    for item in (*info.refs, *info.bodies):
        if item.id.isdigit():
            valid.setdefault(item.kind, set()).add(int(item.id))
    note_of = {id(p): n for n in info.bodies for p in n.paragraphs}
    for par in doc.blocks():
        text = par.text
        if "oot" not in text and "oten" not in text:
            continue
        note = note_of.get(id(par))
        refs = (info.refs_of.get(id(note)) or []) if note is not None else []
        for m in CROSS_REFERENCE.finditer(text):
            kind = {"voet": "footnote", "eind": "endnote"}.get((m.group("kind") or "").lower())
            allowed = valid[kind] if kind else valid["footnote"] | valid["endnote"]
            numbers = [int(n) for n in regex.findall(r"\d+", m.group("nums"))]
            bad = [n for n in numbers if n not in allowed]
            if not bad:
                continue
            nl, en = note_noun(kind), note_noun(kind, "en")
            have = info.counts.get(kind, 0) if kind else sum(info.counts.values())
            bad_text = ", ".join(map(str, bad))
            yield Finding(
                location=doc.locate(par, m.start(), m.end()),
                message=msg(
                    f"«{m.group()}» verwijst naar een {nl} die niet bestaat ({bad_text}); de brief heeft "
                    + (f"{have} {PLURAL_NL[kind]}" if have else f"geen {PLURAL_NL[kind]}"),
                    f"«{m.group()}» refers to a {en} that does not exist ({bad_text}); the letter has "
                    + (f"{have} {en}s" if have else f"no {en}s"),
                ),
                suggestion=msg("pas het nummer aan (na het hernummeren van de voetnoten?)",
                               "correct the number (after the footnotes were renumbered?)"),
                related=tuple(ref_related(doc, r) for r in refs[:1]),
            )


PLURAL_NL = {"footnote": "voetnoten", "endnote": "eindnoten", None: "noten"}
