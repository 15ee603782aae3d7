"""Which sector words describe cooperation between states; elsewhere a sector word is a ``mention`` or, in
talk of conflict, a ``conflict``.

A sector word counts for the sector tables only where cooperation, an agreement or talks *between states*
are described in its own clause (up to a ``party_break`` cue, at most ``sentence_window`` keys either side,
``data/settings.csv``, so a sentence without ends costs no more): a strong cue (``सहयोग``, ``समझौता``,
``वार्ता`` ... cue ``cooperation`` of ``data/cues.csv``) linking two sides -- countries, IGOs, leaders or
government bodies acting (a country as a place, ``चीन में``, or inside a company or product name, ``चीनी मिल``,
is none), a title with no country of its own standing for the home side, or one side with ``के साथ``, or
``दोनों देश``/``द्विपक्षीय`` -- or a contact cue (``बैठक``, ``संबंध``, ``मदद`` ... cue ``contact``) after the
sector word, between two named sides without conflict; and no hope, condition, question or negation in the
clause unless the sides said it. A sentence naming an organisation that is a party to a reported agreement
counts too. A word naming a threat (``आतंकवाद``, ``तस्करी``: cue ``threat``) counts only where a cue governs it:
states act against it or talk about it (``आतंकवाद के खिलाफ``, ``आतंकवाद पर बातचीत``). Conflict, sanctions, pressure and
comparisons (cue ``conflict``) make the context ``conflict``; anything else is ``mention``. ``mention``,
``conflict`` and ``portfolio`` stay out of the default sector tables and charts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .agreements import STATE_LEVEL, is_party, leaders_in, other_sense
from .cues import PHRASE, clause_end, clause_start, cue_at, cue_hits, cue_terms, has_cue
from .outcomes import DEFAULT_LEVELS, DEFAULT_STATUSES
from .sectors import LIST_GLUE, SectorMention
from .sentence_index import ActorMention, SentenceIndex, build_index, in_range
from .settings import window
from .text import Article, Document, as_document

MENTION = "mention"
CONFLICT = "conflict"
COOPERATION = "cooperation"
OFF_CONTEXTS = ("portfolio", MENTION, CONFLICT)  # left out of the default sector tables and charts
UNREAL = ("conditional", "question", "denial")  # cooperation wished, supposed, asked or denied


@dataclass(frozen=True)
class Sides:
    """The sides acting near a sector word: ``named`` countries, IGOs and leaders of known states, ``home``,
    the paper's own government shown only by a title (``प्रधानमंत्री ने``), and ``joint``: two of them are one
    subject (``नेपाल और भूटान ने``)."""

    named: int
    home: bool = False
    joint: bool = False

    @property
    def total(self) -> int:
        return self.named + self.home


def is_cooperation_sentence(keys: Sequence[str], sides: Sides | int) -> bool:
    """True if ``keys`` describe cooperation between states. A strong cue (``सहयोग``, ``समझौता``, ``वार्ता``:
    cue ``cooperation``) needs two sides, a title counting as one, or ``दोनों देश``/``द्विपक्षीय``, or one named
    side with the other implied by ``के साथ`` (news of a state's own government); a contact cue (``बैठक``,
    ``संबंध``, ``मदद``: cue ``contact``) needs two named sides or ``दोनों देश``, and no conflict; a decision
    (``फैसला``: cue ``decision``) is cooperation only when two states make it together."""
    sides = sides if isinstance(sides, Sides) else Sides(sides)
    both = has_cue("both_states", keys) or has_cue("bilateral", keys)
    if has_cue("cooperation", keys):
        return sides.total >= 2 or both or (sides.named == 1 and has_cue("between", keys))
    if (has_cue("contact", keys) or has_cue("mutual", keys)) and not has_cue("conflict", keys):
        return sides.named >= 2 or both
    return sides.joint and has_cue("decision", keys)


def context_of(keys: Sequence[str], sides: Sides | int) -> str:
    """``cooperation``, ``conflict`` or ``mention`` for a sector word whose sentence (window) is ``keys``."""
    if is_cooperation_sentence(keys, sides):
        return COOPERATION
    if has_cue("conflict", keys) and not has_cue("cooperation", keys):
        return CONFLICT
    return MENTION


def n_states(doc: Document, idx: SentenceIndex, sid: int, lo: int, hi: int) -> Sides:
    """Distinct sides acting in sentence ``sid`` between its keys ``lo`` and ``hi``: countries, IGOs and the
    states of leaders standing as parties, plus the paper's own government when only its office holders or a
    state word (``प्रधानमंत्री``) show it (two ministers of one country are one side)."""
    keys = idx.sentence_keys(doc, sid)
    acting = [a for a in in_range(idx, sid, lo, hi) if a.actor_type in STATE_LEVEL and is_party(keys, a)]
    leaders = leaders_in(keys, lo, hi)
    sides = {a.country or (a.id if a.actor_type == "igo" else None) for a in [*acting, *leaders]} - {None}
    # "प्रधानमंत्री नरेंद्र मोदी ने": the leader's state, not a home side too (the entity may span more words)
    home = any(a.actor_type == "government" and not a.country and not _overlaps(a, leaders) for a in acting)
    return Sides(len(sides), home or _home_title(keys, acting, leaders, (lo, hi)), _joint(keys, acting))


def _overlaps(a: ActorMention, others: Sequence[ActorMention]) -> bool:
    """True if ``a`` shares a token with one of ``others``."""
    return any(a.i < b.j and b.i < a.j for b in others)


_AND = frozenset({"और", "तथा", "व", "एवं"})


def _joint(keys: Sequence[str], acting: Sequence[ActorMention]) -> bool:
    """Two states acting as one subject: ``X और Y ने`` (the first ends just before ``और``, the second starts
    after it and is followed by ``ने``)."""
    starts = {a.i: a for a in acting if a.country or a.actor_type == "igo"}
    for a in acting:
        b = starts.get(a.j + 1)
        if a.j < len(keys) and keys[a.j] in _AND and b is not None and b.j < len(keys) and keys[b.j] == "ने":
            return True
    return False


def _home_title(keys: Sequence[str], acting: Sequence[ActorMention], leaders: Sequence[ActorMention],
                span: tuple[int, int]) -> bool:  # fmt: skip
    """A state word (``प्रधानमंत्री``) in ``keys[lo:hi]`` (``span``) that names no side of its own: not ``अमेरिकी
    राष्ट्रपति``, ``पाकिस्तान के प्रधानमंत्री`` (a country ending up to two keys before it) nor ``प्रधानमंत्री
    नवाज शरीफ`` (a known leader right after it)."""
    ends = {a.j for a in acting if a.country}
    starts = {a.i for a in leaders}
    return any(
        not (ends & {i, i - 1, i - 2} or starts & {j, j + 1}) for i, j in cue_hits("state", keys, span[0], span[1])
    )


def mark_mentions(mentions: Sequence[SectorMention], contexts: Mapping[int, str]) -> list[SectorMention]:
    """``cooperation`` mentions get the context ``contexts[n]`` given for their position ``n`` (default: kept)."""
    return [
        replace(m, context=contexts[n]) if m.context == COOPERATION and contexts.get(n, COOPERATION) != m.context else m
        for n, m in enumerate(mentions)
    ]


def party_sentences(entities: Iterable[Any], agreements: Iterable[Any]) -> set[int]:
    """Sentences that name an organisation which is a party to one of the ``agreements`` reported (between
    governments, agreed: an organisation of a planned or domestic deal carries no cooperation elsewhere)."""
    parties = {p for a in agreements if _reported(a) for p in a.parties}
    return {m.sentence_id for e in entities if e.type == "organisation" and e.id in parties for m in e.mentions}


def _reported(agreement: Any) -> bool:
    """An agreement between governments, agreed (what the default tables count)."""
    level, status = getattr(agreement, "level", "government"), getattr(agreement, "status", "agreed")
    return level in DEFAULT_LEVELS and status in DEFAULT_STATUSES


def with_mention_context(
    mentions: Sequence[SectorMention], article: Article, entities: Sequence[Any], agreements: Iterable[Any] = (),
    index: SentenceIndex | None = None,
) -> list[SectorMention]:  # fmt: skip
    """Mark sector words outside cooperation between states as ``mention`` or ``conflict`` (see the module
    docstring); ``index``: the sentence index, if built already."""
    doc = as_document(article)
    idx = index if index is not None else build_index(doc, entities)
    belongs = party_sentences(entities, agreements)
    words = sector_tokens(doc, mentions)
    contexts: dict[int, str] = {}
    memo: dict[tuple[int, ...], str] = {}  # sector words of one clause share its context
    for n, m in enumerate(mentions):
        if m.context != COOPERATION or m.sentence_id in belongs:
            continue
        keys = idx.sentence_keys(doc, m.sentence_id)
        sid = m.sentence_id
        contexts[n] = context_at(doc, idx, sid, keys, _token_at(doc, m), memo, words.get(sid, frozenset()))
    return mark_mentions(mentions, contexts)


def sector_tokens(doc: Document, mentions: Iterable[SectorMention]) -> dict[int, frozenset[int]]:
    """Per sentence, the positions (within it) of every token of its sector words, whatever their context: a list
    of sector words stands between a contact cue and the first of them (``व्यापार, निवेश और ऊर्जा संबंधों``).
    Mentions are token-aligned (:func:`sahyog.sectors.find_sectors`); those outside a sentence are left out."""
    out: dict[int, set[int]] = {}
    for m in mentions:
        if not 0 <= m.sentence_id < len(doc.bounds):
            continue
        first, last = _token_at(doc, m), _token_at(doc, m, m.end)
        out.setdefault(m.sentence_id, set()).update(range(first, max(first + 1, last)))
    return {sid: frozenset(ps) for sid, ps in out.items()}


def context_at(doc: Document, idx: SentenceIndex, sid: int, keys: Sequence[str], i: int,
               memo: dict[tuple[int, ...], str] | None = None, words: frozenset[int] = frozenset()) -> str:  # fmt: skip
    """The context of the sector word at key ``i`` of sentence ``sid``: its comma clause names a conflict and
    no cooperation -> ``conflict``; its clause (up to a ``party_break``, within ``sentence_window``) must hold
    the cooperation cue and the state actors, and no hope, condition, question or negation (``mention``); a
    contact cue counts only for sector words it follows closely (:func:`_before_contact`).
    ``memo``: contexts already decided, by sentence and clause bounds; ``words``: the positions of the sentence's
    sector word tokens (:func:`sector_tokens`)."""
    w = window("sentence_window")
    nlo, nhi = clause_start(keys, i, w), clause_end(keys, i + 1, w)
    lo, hi = clause_start(keys, i, w, "party_break"), clause_end(keys, i + 1, w, "party_break")
    memo = {} if memo is None else memo
    key = (sid, nlo, nhi, lo, hi)
    if key not in memo:
        memo[key] = _decide(doc, idx, sid, keys, (nlo, nhi, lo, hi))
    if memo[key] not in (COOPERATION, _BY_CONTACT):
        return memo[key]
    if memo[key] == _BY_CONTACT and not _before_contact(keys, i, (lo, hi), words):
        return MENTION
    return MENTION if _threat_only(keys, i, hi) else COOPERATION


def _threat_only(keys: Sequence[str], i: int, hi: int) -> bool:
    """The sector word at key ``i`` names a threat (``आतंकवाद``, ``तस्करी``: cue ``threat``) that no cue governs in
    its clause (ending at ``hi``; :func:`_governed`): terrorists, attacks and threats described (``आतंकियों की
    प्रशंसा``, ``आतंकियों ने ... हमला``), not ``आतंकवाद के खिलाफ सहयोग`` or ``आतंकवाद पर बातचीत``."""
    j = cue_at("threat", keys, i)
    if not j:
        return False
    reach = window("threat_window")
    return not _governed(_in_its_sense(keys, j, min(len(keys), hi, j + reach) + PHRASE), reach)


LIST_ITEM = 2  # keys of a list item after a glue word (``, व्यापार और जलवायु परिवर्तन पर``)


def _governed(after: Sequence[str], reach: int) -> bool:
    """Read on from a threat word (``after``: the keys after it, cues read in another sense blanked) over
    ``threat_np`` words, other threats and list items, at most ``reach`` keys, until a ``counter`` cue (``के
    सभी रूपों के खिलाफ``) or, after a ``topic`` word, a cooperation or contact cue (``और ऊर्जा के क्षेत्र में
    सहयोग``). Any other word -- a name, ``ने``, a verb -- ends the reading: nothing governs the threat."""
    topic, free, p = False, 0, 0
    while p < min(reach, len(after)):
        if cue_at("counter", after, p) or (topic and (cue_at("cooperation", after, p) or cue_at("contact", after, p))):
            return True
        about = cue_at("topic", after, p)
        nxt = about or cue_at("threat", after, p) or cue_at("threat_np", after, p)
        if nxt:
            topic, p = topic or bool(about), nxt
        elif after[p] in LIST_GLUE:
            free, p = LIST_ITEM, p + 1
        elif free and after[p]:
            free, p = free - 1, p + 1
        else:
            return False
    return False


_BY_CONTACT = "cooperation by a contact cue"  # a clause verdict of _decide, resolved per sector word


def _before_contact(keys: Sequence[str], i: int, span: tuple[int, int], words: frozenset[int] = frozenset()) -> bool:
    """In a clause that is cooperation through a contact cue (``बैठक``, ``संबंध``; no strong cue), the sector word
    at key ``i`` counts only if it is the topic of a contact cue after it: Hindi puts a verb's topic and a noun's
    modifiers before them (``व्यापार पर चर्चा``, ``आर्थिक संबंध``), so the cue must follow within ``contact_gap``
    words, not counting other sector words (``words``), punctuation, list glue and ``sector_np`` cues (``रक्षा
    के क्षेत्र में संबंध``). A sector word after the relations noun (``घनिष्ठ संबंध और अर्थव्यवस्था में ...``) or a clause
    away from it (``सेना प्रमुख ने ... क्षेत्र में पहल``) says something else. ``आपसी``/``परस्पर`` (cue ``mutual``)
    in the clause (from ``span[0]``) modify what follows them (``आपसी व्यापार``). Known loss: a meeting that frames
    the clause (``इस बैठक में व्यापार ...``)."""
    lo, hi = span
    if has_cue("mutual", keys, lo, i):
        return True
    free, gap = 0, window("contact_gap")
    for k in range(i + 1, hi):
        if 0 < cue_at("contact", keys, k) <= hi:
            return True
        if k not in words and _is_word(keys[k]) and keys[k] not in LIST_GLUE and not cue_at("sector_np", keys, k):
            free += 1
            if free > gap:
                return False
    return False


def _is_word(key: str) -> bool:
    """A key with a letter or digit: quotes, brackets and dashes are no words between a sector word and its cue."""
    return any(ch.isalnum() for ch in key)


def _decide(doc: Document, idx: SentenceIndex, sid: int, keys: Sequence[str], bounds: tuple[int, ...]) -> str:
    """The context of a clause: ``bounds`` are the comma clause's and the clause's (see :func:`context_at`);
    ``_BY_CONTACT`` when only a contact cue makes it cooperation (each sector word's position then decides)."""
    nlo, nhi, lo, hi = bounds
    if has_cue("conflict", keys, nlo, nhi) and not has_cue("cooperation", keys, nlo, nhi):
        return CONFLICT
    context = context_of(keys[lo:hi], _states_near(doc, idx, sid, lo, hi))
    if context != COOPERATION:
        return context
    if is_unreal(keys, lo, hi):
        return MENTION
    # the contact branch decided (the strong, mutual or decision branch did not): the word order decides
    by_contact = has_cue("contact", keys, lo, hi) and not has_cue("cooperation", keys, lo, hi)
    return _BY_CONTACT if by_contact else COOPERATION


def _in_its_sense(keys: Sequence[str], lo: int, hi: int) -> list[str]:
    """``keys[lo:hi]`` with the cooperation cues read in another sense blanked, for the threat reading: the senses
    of the agreement triggers (``data/senses.csv``) hold for the same words as cues (``आतंकी करार देना``: called)."""
    out = list(keys[lo:hi])
    for i, j, term in cue_terms("cooperation", keys, lo, hi):
        if other_sense(term, keys, i, j, lambda: True) is not None:
            out[i - lo : j - lo] = [""] * (j - i)
    return out


def _said(keys: Sequence[str], lo: int, i: int) -> bool:
    """The hope or need at key ``i`` stands in what a side said or agreed: after a ``कि`` that a ``says`` cue
    ends (``सहमति जताई कि ... संभावनाएं हैं``), within the clause from ``lo``, or right before a ``says`` cue
    (``उड़ानों की आवश्यकता पर जोर दिया``)."""
    if has_cue("says", keys, i + 1, min(len(keys), i + 4)):
        return True
    ki = [a for a, _ in cue_hits("complement", keys, lo, i)]
    return bool(ki) and has_cue("says", keys, max(lo, ki[-1] - 3), ki[-1])


def is_unreal(keys: Sequence[str], lo: int, hi: int) -> bool:
    """Cooperation wished, supposed, asked or denied in ``keys[lo:hi]`` (``चाहिए``, ``अगर``, ``क्या``, ``नहीं``;
    ``न केवल`` is no denial)."""
    if any(has_cue(c, keys, lo, hi) for c in UNREAL) or any(
        not _said(keys, lo, h) for h, _ in cue_hits("hope", keys, lo, hi)
    ):
        return True
    return any(not has_cue("not_negation", keys, b, b + 1) for _, b in cue_hits("negation", keys, lo, hi))


def _states_near(doc: Document, idx: SentenceIndex, sid: int, lo: int, hi: int) -> Sides:
    """State actors of the window, or of the sentence before when the sentence opens by referring back to it
    (``इस मुलाकात का उद्देश्य ...``, ``इनमें ...``) and names fewer than two itself."""
    n = n_states(doc, idx, sid, lo, hi)
    keys = idx.sentence_keys(doc, sid)
    if n.total >= 2 or sid == 0 or lo > 0 or not has_cue("refer_back", keys, 0, min(len(keys), 2)):
        return n
    prev = idx.sentence_keys(doc, sid - 1)
    end = min(len(prev), 2 * window("sentence_window"))
    if has_cue("both_states", prev, 0, end) or has_cue("bilateral", prev, 0, end):
        return Sides(2)
    before = n_states(doc, idx, sid - 1, 0, end)
    return before if before.total > n.total else n


def _token_at(doc: Document, m: SectorMention, offset: int | None = None) -> int:
    """The position within its sentence of a sector mention's first token, or of the first token starting at or after
    ``offset`` (the mention's end: one past its last token)."""
    from bisect import bisect_left

    lo, hi = doc.bounds[m.sentence_id]
    return bisect_left(doc.tokens, m.start if offset is None else offset, lo, hi, key=lambda t: t.start) - lo
