"""An agreement's ``status`` (agreed or only planned, or mere background) and ``level`` (between states or not).

Pure functions over the token keys of one sentence and the position of the trigger, with cue words from
``data/cues.csv`` (future and hope verb forms, approvals to sign, negotiations under way, words of
an earlier time) and actor words from ``data/actors.csv``.

- ``status``: ``agreed`` when the sentence reports the signing, agreeing or announcing; ``planned`` when it
  is still to come (``हस्ताक्षर किए जाएंगे``), hoped for (``की उम्मीद``), approved to be signed (``कैबिनेट ने
  ... हस्ताक्षर करने को मंजूरी दी``) or under negotiation (``बातचीत चल रही``). A trigger in a sentence without
  any verb of agreeing (``समझौता ज्ञापन का उद्देश्य ...``) or telling what follows from it (``समझौते के तहत
  ...``) refers back and takes the status of the agreement before it. Agreements that are only background --
  concluded earlier (``पहले``, ``पूर्व में``, a year with a past perfect ``हुआ था``), between third countries,
  or only named for what follows from them in an article that tells of no signing -- are not reported.
- ``level``: ``government`` when states, government bodies or an intergovernmental meeting are the parties;
  ``institutional`` when only companies, universities, unions ... of two or more countries are;
  ``domestic`` when every party is in one country (the article names fewer than two countries and the
  sentence no bilateral event).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .actors import NON_STATE_TYPES, actor_words
from .cues import clause_after, clause_before, clause_end, clause_start, cue_hits, has_cue, is_cue_at, load_cues
from .matching import plain_keys
from .settings import window

__all__ = ["clause_after", "clause_before", "has_cue", "load_cues"]

LEVELS: tuple[str, ...] = ("government", "institutional", "domestic")
AGREED, PLANNED, BACKGROUND, REFERENCE = "agreed", "planned", "background", "reference"
FOLLOWS = "follows"  # "समझौते से ...", "समझौते के जरिए ...": a reference by what follows from the agreement
REFERENCES = (REFERENCE, FOLLOWS)
# Readable labels for tables and pages.
LEVEL_LABELS: dict[str, str] = {"government": "between governments", "institutional": "non-state bodies",
                                "domestic": "within one country"}  # fmt: skip
# What the default tables, charts and the report index count.
DEFAULT_LEVELS: frozenset[str] = frozenset({"government"})
DEFAULT_STATUSES: frozenset[str] = frozenset({"agreed"})
# Categories that are about the future by nature: a next meeting agreed on is an outcome. (An invitation is
# a visit agreed only once accepted, the wire gold's rule; before, it is planned: see trigger_status.)
FUTURE_BY_NATURE = frozenset({"next_meeting"})
# Categories whose trigger check already finds the giving (a loan given, announced or stated with an amount):
# without another verb they are agreed, not a mere reference.
ASSERTED_BY_CHECK = frozenset({"financing"})


_plain = plain_keys
_GENITIVE = _plain("के", "की", "का")
_LOCATIVE = _plain("में")
_AFTER = _plain("बाद")
# After a party's name: "X ने", "X और Y", "X (XYZ)", "X के बीच/साथ", "X द्वारा"
_PARTY_NEXT = _plain("ने", "और", "तथा", "एवं", "व", ",", "(", "द्वारा")
_PARTY_AFTER_GENITIVE = _plain("बीच", "साथ", "मध्य", "कुलपति", "अध्यक्ष", "प्रबंधन", "प्रतिनिधि", "अधिकारियों")
# A list of places: "X, Y, Z आदि (कई) देशों में", "X, Y और Z में" -- its end decides what its members are
_ETC = _plain("आदि", "इत्यादि")
_AND = _plain("और", "तथा", "एवं", "व")
_POSTPOSITIONS = _plain("ने", "के", "की", "का", "से", "को", "पर", "में", "द्वारा")


def is_year(k: str) -> bool:
    """``2026``, or a year range such as ``2026-27`` (one token since the tokeniser follows UD)."""
    head = k[:4]
    return head.isdigit() and 1900 <= int(head) <= 2200 and (len(k) == 4 or k[4] in "-\u2013")


def is_background(keys: Sequence[str], i: int, j: int) -> bool:
    """Concluded earlier: ``पहले``/``पूर्व में``/``पिछले साल`` before the trigger in its clause (not ``पहले ही``,
    already), a span of years anywhere before it in its clause (``पिछले पांच वर्षों में``: a total, not one
    occasion), or a past perfect in its verb group (``हुआ था``, ``का समझौता था``)."""
    before = clause_before(keys, i)
    for n, k in enumerate(before):
        if k == "पहले" and n + 1 < len(before) and before[n + 1] == "ही":
            before = before[:n]
            break
    if has_cue("period", keys, clause_start(keys, i, window("sentence_window"), "party_break"), i):
        return True
    return has_cue("background", before) or is_past_perfect(keys, i, j) or is_habitual(keys, i, j)


def is_habitual(keys: Sequence[str], i: int, j: int) -> bool:
    """A habitual or generic verb (``करता है``, ``बात करता था``) in the trigger's clause or in a relative clause
    right after it (``..., जिन्हें वह ... इस्तेमाल करता है``), not in a content clause (``कहा कि ...``): a standing
    agreement described, not an event."""
    w = window("sentence_window")
    lo, hi = clause_start(keys, i), clause_end(keys, j, w)
    comp = cue_hits("complement", keys, j, hi)  # "कहा कि यह ... ले जाती है": what a side said is another clause
    hi = comp[0][0] if comp else hi
    if hi + 1 < len(keys) and is_cue_at("relative", keys, hi + 1):
        hi = clause_end(keys, hi + 1, w)
    aux = ("copula", "perfect")
    return any(b < len(keys) and any(is_cue_at(c, keys, b) for c in aux) for _, b in cue_hits("habitual", keys, lo, hi))


def is_past_perfect(keys: Sequence[str], i: int, j: int) -> bool:
    """A past perfect after the trigger ``keys[i:j]``: a participle and ``था/थी/थे`` in its verb group (within
    the window ``verb_group``, in its clause, before any relative pronoun: ``जो ... था`` is another clause's),
    or a year before it and ``था`` after it (``1998 में हुआ समझौता था``)."""
    after = clause_after(keys, j, window("verb_group"))
    rel = cue_hits("relative", after)
    after = after[: rel[0][0]] if rel else after
    for a, _ in cue_hits("perfect", after):
        if has_cue("participle", after, a - 1, a) if a else has_cue("participle", keys, j - 1, j):
            return True  # "हस्ताक्षर किए थे"; a verb trigger itself a participle: "मुहर लगाई थी"
    return has_cue("perfect", after) and any(is_year(k) for k in clause_before(keys, i))


def is_denied(keys: Sequence[str], i: int, j: int) -> bool:
    """The trigger ``keys[i:j]`` is denied: a negation after it in its clause (``कोई समझौता नहीं हुआ``, not
    ``न केवल``), ``बिना`` just before it, or a denial before it in the sentence (``यह मानना गलत होगा कि``)."""
    after = clause_after(keys, j, window("negation_after"))
    for _, b in cue_hits("negation", after):
        if not (b < len(after) and has_cue("not_negation", after, b, b + 1)):
            return True
    if "बिना" in keys[max(0, i - window("negation_before")) : i]:
        return True
    return has_cue("denial", keys, clause_start(keys, i, window("sentence_window"), "party_break"), i)


def is_hypothetical(keys: Sequence[str], i: int, j: int) -> bool:
    """Not a fact: a condition before the trigger in its sentence (``अगर/यदि``), a question (``क्या``, ``?``),
    or a counterfactual after it (``हो गया होता``)."""
    lo = clause_start(keys, i, window("sentence_window"), "party_break")
    if has_cue("conditional", keys, lo, i) or has_cue("question", keys, lo, i):
        return True
    hi = min(len(keys), j + window("sentence_window"))
    comp = cue_hits("complement", keys, j, hi)  # "सहमति बनी कि ... क्या ...": the question is what was agreed
    hi = comp[0][0] if comp and not has_cue("question", keys, lo, j) else hi
    return has_cue("question", keys, j, hi) or has_cue("irrealis", clause_after(keys, j))


def _follows_from(keys: Sequence[str], j: int, cue: str = "consequence") -> bool:
    """``समझौते से ...``, ``समझौते के जरिए ...`` (``cue`` ``consequence``) or ``समझौते के तहत ...`` (``terms``): the
    cue right after the trigger ``keys[..j]`` or after its genitive (a future verb after it is not the agreement's
    own)."""
    if j < len(keys) and is_cue_at(cue, keys, j):
        return True
    return j + 1 < len(keys) and keys[j] in _GENITIVE and is_cue_at(cue, keys, j + 1)


def is_planned(keys: Sequence[str], i: int, j: int) -> bool:
    """Still to come: a future, hope, ongoing or to-sign form after the trigger, a negotiation just after it,
    an approval to sign, ``प्रस्तावित`` just before it, or a hope or need before it in its sentence
    (``इस बात की संभावना है कि ...``)."""
    after = clause_after(keys, j)
    if has_cue("prospective", keys[max(0, i - 3) : i]) or has_cue("negotiation", after[:4]):
        return True
    if has_cue("hope", keys, clause_start(keys, i, window("sentence_window"), "party_break"), i):
        return True
    for n, k in enumerate(after):  # "हस्ताक्षर करने के बाद": after signing, done
        if k in _AFTER and n and after[n - 1] in _GENITIVE:
            after = after[: n - 1]
            break
    if any(has_cue(c, after) for c in ("future", "hope", "ongoing", "to_sign")):
        return True
    return has_cue("approval", after) and (has_cue("approver", keys) or has_cue("to_sign", keys))


def trigger_status(keys: Sequence[str], i: int, j: int, category: str) -> str:
    """Status of the trigger ``keys[i:j]``: agreed, planned, background, or reference (no verb of its own;
    ``follows`` when only a consequence of the agreement is told)."""
    if is_background(keys, i, j) or is_denied(keys, i, j) or is_hypothetical(keys, i, j):
        return BACKGROUND
    if category == "visit":
        return AGREED if has_cue("accepted", keys) else PLANNED
    done = has_cue("done", keys, max(0, i - 1), i)
    if category in FUTURE_BY_NATURE or (done and (has_cue("recent", keys, 0, i) or has_cue("visit", keys, 0, i))):
        return AGREED  # "कल हुए समझौते", "यात्रा पर पहुंचे, वहां हुए समझौते"; "ईरान के साथ हुए समझौते" is a reference
    if _follows_from(keys, j, "terms"):
        return BACKGROUND  # "समझौते के तहत ...": its terms told, the agreement reported where it was made
    if _follows_from(keys, j):
        return FOLLOWS
    if is_planned(keys, i, j):
        return PLANNED
    return AGREED if reports_event(keys, i, j) or category in ASSERTED_BY_CHECK else REFERENCE


def verb_status(keys: Sequence[str], i: int, j: int) -> str:
    """Status of a verb of agreeing (``सहमति जताई``, ``हामी भरी``): the event itself unless background, denied,
    hypothetical, or still to come (a future or hope form after it: ``सहमत होंगे``)."""
    if is_background(keys, i, j) or is_denied(keys, i, j) or is_hypothetical(keys, i, j):
        return BACKGROUND
    after = clause_after(keys, j)
    return PLANNED if has_cue("future", after) or has_cue("hope", after) else AGREED


def reports_event(keys: Sequence[str], i: int, j: int) -> bool:
    """The sentence reports the agreement's making: a signing or agreeing word after the trigger in its clause
    (``समझौते पर हस्ताक्षर``, ``... पर सहमति``; not ``2003 की सहमति को संधि में बदलने``), or a verb of its own
    in its verb group (window ``own_verb`` after it, before a relative pronoun: ``समझौता किया``, ``समझौते
    हुए``, ``घोषणापत्र जारी``) -- not a verb of another clause (``संधि के प्रारूप में ... उपाय किए गए``) nor an
    adverbial ``बोलते हुए``."""
    if has_cue("event", keys, j, clause_end(keys, j, window("sentence_window"), "party_break")):
        return True
    if j + 1 < len(keys) and keys[j] == "की" and has_cue("clause_break", keys, j + 1, j + 2):
        return True  # "ईरान के साथ संधि की।": करना, not the genitive (rows "की है", "की गई" are event verbs)
    group = clause_after(keys, j, window("own_verb"))
    rel = cue_hits("relative", group)
    hits = cue_hits("event_verb", group, 0, rel[0][0] if rel else None)
    return any(not (a and group[a - 1].endswith("ते")) for a, _ in hits)  # "बोलते हुए": while speaking


_RANK = {AGREED: 0, REFERENCE: 1, FOLLOWS: 1, PLANNED: 2}


def better_status(a: str | None, b: str) -> bool:
    """True if status ``b`` should replace ``a`` for one category in one sentence (agreed beats planned)."""
    return a is None or _RANK.get(b, 9) < _RANK.get(a, 9)


def resolve_references(statuses: Iterable[str], signed_in_article: bool = True,
                       sentence_ids: Sequence[int] | None = None) -> list[str]:  # fmt: skip
    """Statuses in article order with each ``reference``/``follows`` replaced by the status of the mention it
    refers to: the one before it, itself perhaps a reference (a leading one: the first after it). With
    ``sentence_ids``, only a mention at most ``refer_reach`` sentences away is referred to; a reference with
    none near is ``background`` (an editorial that discusses an old treaty paragraphs after a signing). An article
    that only names agreements (``संधि के तहत उसे सौंपा जाएगा`` in a crime report) reports none -- they become
    ``background`` -- unless it tells of a signing somewhere (``signed_in_article``: ``इस पर हस्ताक्षर हुए``)."""
    statuses = list(statuses)
    sids = list(sentence_ids) if sentence_ids is not None else [0] * len(statuses)
    reach = window("refer_reach") if sentence_ids is not None else len(statuses) + 1
    heads = [(sid, st) for sid, st in zip(sids, statuses, strict=True) if st not in REFERENCES]
    if not heads:
        return [AGREED if signed_in_article else BACKGROUND] * len(statuses)
    out: list[str] = []
    last: tuple[int, str] | None = None
    for sid, st in zip(sids, statuses, strict=True):
        if st not in REFERENCES:
            last = (sid, st)
            out.append(st)
            continue
        near = last if last is not None else heads[0]  # no mention before: the first after
        st = near[1] if abs(near[0] - sid) <= reach else BACKGROUND
        out.append(st)
        if st != BACKGROUND:
            last = (sid, st)  # a list of agreements over several sentences is one chain
    return out


# ---------------------------------------------------------------------------------------------
# Level


@dataclass(frozen=True)
class PartyMention:
    """An entity that can be a party, as mentioned in a sentence: token range ``[i, j)``, type and country;
    ``paired``: the second of a hyphenated pair of countries (``भारत-बांग्लादेश में``)."""

    i: int
    j: int
    actor_type: str | None
    country: str | None
    paired: bool = False


def is_acting(keys: Sequence[str], p: PartyMention) -> bool:
    """A country mention that acts (``भारत ने``, ``भारत और नेपाल के बीच``, ``भारत-बांग्लादेश में``), not a location
    (``चीन में``) nor the owner of a non-state body (``ऑस्ट्रेलिया के मेलबर्न विश्वविद्यालय``, ``चीनी कंपनी``)."""
    nxt = keys[p.j] if p.j < len(keys) else ""
    listed = nxt == "," or nxt in _ETC or (nxt in _AND and p.i > 0 and keys[p.i - 1] == ",")  # in a list
    if (nxt in _LOCATIVE and not p.paired) or (listed and _list_of_places(keys, p.j)):
        return False  # "चीन में" is a place; "भारत-बांग्लादेश में" is between the two
    if nxt in _PARTY_NEXT:
        return True
    window = keys[p.j + 1 : p.j + 6] if nxt in _GENITIVE else keys[p.j : p.j + 4]
    return not any(t.actor_type in NON_STATE_TYPES for _, _, t in actor_words(window))


def _list_of_places(keys: Sequence[str], j: int) -> bool:
    """The list going on at ``keys[j]`` (a comma or ``आदि`` after a name) ends in ``में``: ``इराक, ईरान, सीरिया
    आदि कई देशों में``, ``भारत, चीन और जापान में`` name places, not sides (the first postposition decides)."""
    for k in range(j, min(len(keys), j + window("list_reach"))):
        if keys[k] in _ETC:
            return any(w in _LOCATIVE for w in keys[k + 1 : k + 4])
        if keys[k] in _POSTPOSITIONS:
            return keys[k] in _LOCATIVE
    return False


def is_party_position(keys: Sequence[str], j: int) -> bool:
    """The name ending before ``keys[j]`` stands where a party stands: ``X ने``, ``X और Y``, ``X के साथ/बीच``,
    ``X के कुलपति`` -- not ``X की स्थापना`` (the purpose of an agreement)."""
    if j >= len(keys):
        return False
    if keys[j] in _PARTY_NEXT:
        return True
    return keys[j] in _GENITIVE and j + 1 < len(keys) and keys[j + 1] in _PARTY_AFTER_GENITIVE


def is_third_country(keys: Sequence[str], parties: Sequence[PartyMention], main: Iterable[str]) -> bool:
    """Two or more countries act in the sentence and none is one of the article's main countries."""
    acting = {p.country for p in parties if p.actor_type == "state" and p.country and is_acting(keys, p)}
    return len(acting) >= 2 and not acting & set(main)


def agreement_level(keys: Sequence[str], parties: Sequence[PartyMention], n_countries: int) -> str:
    """``government``, ``institutional`` or ``domestic`` for an agreement in the sentence ``keys``.

    ``n_countries``: how many countries the article names. It is international with two or more, or with one
    and a state-level word in the sentence, or with a bilateral word (``द्विपक्षीय``). State-level evidence is a
    country or an IGO acting in the sentence or a word such as ``प्रधानमंत्री``, ``दोनों देश``; without it, a
    company, university, union, party, sports or media name where a party stands (:func:`is_party_position`)
    makes the agreement institutional.
    """
    state_word = has_cue("state", keys)
    if n_countries < 2 and not (n_countries == 1 and state_word) and not has_cue("bilateral", keys):
        return "domestic"
    strong = state_word or any(p.actor_type in ("state", "igo") and is_acting(keys, p) for p in parties)
    if has_non_state_party(keys, parties) and not strong:
        return "institutional"
    return "government"


def has_subnational_party(keys: Sequence[str], parties: Sequence[PartyMention]) -> bool:
    """A subnational government (``राज्य सरकार``, ``मुख्यमंत्री``, a prefecture) where a party stands."""
    return any(t.actor_type == "subnational" and is_party_position(keys, j) for _, j, t in actor_words(keys)) or any(
        p.actor_type == "subnational" and is_party_position(keys, p.j) for p in parties
    )


def has_non_state_party(keys: Sequence[str], parties: Sequence[PartyMention]) -> bool:
    """A company, university, union, party, subnational government ... where a party stands (``X ने``,
    ``X और Y``, ``X के बीच``), by a lexicon word or an entity."""
    return any(t.actor_type in NON_STATE_TYPES and is_party_position(keys, j) for _, j, t in actor_words(keys)) or any(
        p.actor_type in NON_STATE_TYPES and is_party_position(keys, p.j) for p in parties
    )


def has_date_or_place(keys: Sequence[str], places: Sequence[PartyMention] | None) -> bool:
    """A date (month, weekday, ``अगले सप्ताह``, a year) or a place followed by ``में`` in the sentence;
    ``places`` None (no entities known) counts as yes."""
    if places is None or has_cue("date", keys) or any(is_year(k) for k in keys):
        return True
    return any(p.j < len(keys) and keys[p.j] in _LOCATIVE for p in places)
