"""Talks held between states: the meeting itself as an event (PLOVER ``CONSULT``), beside what it agreed.

Event data counts a meeting of two states' leaders as an event of its own (ICEWS "Consult", "Make a visit";
PLOVER ``CONSULT``), and several outlets report one occasion by different parts of it: one the MoUs signed,
another only the talks or the project the two leaders opened together. A ``talks`` mention is

- a meeting noun in the singular (cue ``talks``: ``वार्ता``, ``बातचीत``, ``मुलाकात``, ``बैठक``) with a participle of
  taking place just before it (``कल हुई वार्ता``) or a verb of it right after it (cue ``held``: ``मुलाकात की``,
  ``बैठक हुई``), whatever later clauses say, or a frame right after it (cue ``held_frame``: ``वार्ता के बाद``,
  ``के दौरान``) unless a future or hope form follows in its clause (then ``planned``); not ``वार्ता रद्द हुई``,
  ``वार्ता का आग्रह किया``, ``वार्ता की घोषणा``; or
- a joint act of two states' leaders (cue ``joint_act``: ``उद्घाटन``, ``हरी झंडी``, ``शिलान्यास``) that was done
  (cue ``act_done``: ``उद्घाटन किया``), with leaders of two states before it in its clause (``मोदी और देउबा ने ...
  उद्घाटन किया``) or ``संयुक्त रूप से`` and two states among its parties;

between two states or more (level ``government``, two countries among the parties of :mod:`sahyog.agreements`;
a country the talks are about is no side, cue ``about``: ``पाकिस्तान के मुद्दे पर ... बैठक``, ``चीन को लेकर``),
not background, denied or hypothetical (:mod:`sahyog.outcomes`: ``मुलाकात हुई थी``; "should", ``बातचीत होनी
चाहिए``, is ``planned``), not dated in an earlier year (``2014 में ... पहली मुलाकात``), not one of several (a
plural noun: ``कई मुलाकातों के दौरान``) and not told in the past perfect, in its clause or as the verb of its
sentence's last clause (``मुलाकात के दौरान मोदी ने कहा था``, ``बैठक के बाद ... सहमति जताई थी``: an editorial
recalling it); parties named only in a content clause after it (``... कहा कि``) are what was said, not sides; an
office holder of no named country is the home state's. One per sentence, and only talks the article reports as its
news: told near its top (the first :data:`LEAD` sentences: headline, lead and the paragraph after), or between
states the article reports an agreement of (the talks at which it was signed). Editorials recall meetings of
earlier months and years in passing, with no year to date them. The talks are kept apart from the agreements
(record keys ``talks`` and ``talks_events``, one event per set of sides): they are not something agreed, and the
agreement tables and their scores do not count them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from . import outcomes
from .agreements import (
    Agreement,
    Found,
    Parties,
    Trigger,
    agreement_level,
    dated_earlier,
    find_parties,
    home_state,
    latest_year,
    leaders_in,
)
from .cues import clause_after, clause_end, clause_start, cue_hits, has_cue
from .sentence_index import SentenceIndex, build_index
from .settings import window
from .text import Article, Document, as_document

CATEGORY = "talks"
LEAD = 8  # sentences near the top that tell of the occasion (as sahyog.events.NEAR)


def find_talks(article: Article, entities: Sequence[Any] | None = None, index: SentenceIndex | None = None,
               agreements: Sequence[Agreement] = ()) -> list[Agreement]:  # fmt: skip
    """Talks held (or planned) between governments in the article, one per sentence (see the module docstring);
    with no entities known there are no parties to tell states by, so none. ``agreements``: the article's, for
    talks told after the lead."""
    doc = as_document(article)
    idx = index if index is not None else build_index(doc, entities)
    if not idx.known:
        return []
    home = home_state(entities)
    latest = cache(lambda: latest_year(doc.keys))  # read only if some sentence has talks that took place
    signed = [set(a.parties) for a in agreements if a.level == "government" and a.status == outcomes.AGREED]
    out: list[Agreement] = []
    for sent in doc.sentences:
        found = _first_talks(doc, idx, sent.id, home, latest)
        if found is None:
            continue
        f, parties = found
        if sent.id >= LEAD and not any(len(set(parties.ids) & p) >= 2 for p in signed):
            continue  # told in passing: not the article's news
        lo = doc.bounds[sent.id][0]
        start, end = doc.tokens[lo + f.i].start, doc.tokens[lo + f.j - 1].end
        out.append(Agreement(sent.id, CATEGORY, [], parties.ids, None, sent.text, start, end, [], "government",
                             f.status))  # fmt: skip
    return out


def _first_talks(doc: Document, idx: SentenceIndex, sid: int, home: str, latest: Callable[[], int | None]
                 ) -> tuple[Found, Parties] | None:  # fmt: skip
    """The first meeting noun or joint act of sentence ``sid`` that took place between governments (``latest``: the
    article's latest year, :func:`sahyog.agreements.latest_year`)."""
    keys = idx.sentence_keys(doc, sid)
    hits = [(i, j, False) for i, j in cue_hits("talks", keys)] + [(i, j, True) for i, j in cue_hits("joint_act", keys)]
    if not hits:
        return None
    for i, j, joint in sorted(hits):
        if told_before(keys, j):
            continue
        status = talks_status(keys, i, j, joint)
        if status is None or dated_earlier(keys, i, latest(), j):
            continue
        parties = find_parties(doc, idx, sid, i, j, home)
        if joint:
            parties = _joint_parties(keys, i, parties)
            if parties is None:
                continue
        parties = _with_home_officials(_before_content(keys, j, _without_topics(keys, parties)), home)
        if len([p for p in parties.ids if len(p) == 2]) < 2:
            continue  # talks have two sides (country ids are ISO2 codes)
        f = Found(i, j, None, status, Trigger(CATEGORY, " ".join(keys[i:j]), ""), 0)
        if agreement_level(doc, idx, sid, f, parties) == "government":
            return f, parties
    return None


def talks_status(keys: Sequence[str], i: int, j: int, joint: bool = False) -> str | None:
    """``agreed`` (held) when a participle of taking place stands just before the noun ``keys[i:j]`` (``हुई वार्ता``)
    or a verb of it follows right after it (cue ``held``: ``वार्ता की।``, ``बैठक हुई``; for a joint act also
    ``act_done``: ``उद्घाटन किया``), whatever later clauses say; after it as a frame (cue ``held_frame``: ``वार्ता के
    बाद``, ``के दौरान``) unless a future or hope form follows in its clause (``वार्ता के बाद घोषणा की जाएगी``:
    ``planned``), as ``प्रस्तावित`` before it makes it; None otherwise (``वार्ता रद्द हुई``, ``वार्ता का आग्रह किया``),
    or background, denied or hypothetical, or its clause's verb in the past perfect (``मुलाकात के दौरान ... कहा
    था``). (Talks are not planned by a discussion after them, as an agreement under discussion is.)"""
    if outcomes.is_background(keys, i, j) or outcomes.is_denied(keys, i, j) or outcomes.is_hypothetical(keys, i, j):
        return None
    after = clause_after(keys, j)
    if has_cue("perfect", after):
        return None  # "मुलाकात के दौरान मोदी ने कहा था": the clause's own verb in the past perfect, recalled
    if has_cue("done", keys, max(0, i - 1), i) or _right_after(keys, j, ("held", "act_done") if joint else ("held",)):
        return outcomes.AGREED
    if has_cue("prospective", keys, max(0, i - 3), i) or has_cue("future", after) or has_cue("hope", after):
        return outcomes.PLANNED  # "वार्ता के बाद घोषणा की जाएगी": the meeting is still to come
    return outcomes.AGREED if _right_after(keys, j, ("held_frame",)) else None


def _right_after(keys: Sequence[str], j: int, kinds: Sequence[str]) -> bool:
    """A cue of one of ``kinds`` starting right after the noun ending at ``j`` (within the window ``talks_verb``)."""
    hi = min(len(keys), j + window("talks_verb"))
    return any(start == j for kind in kinds for start, _ in cue_hits(kind, keys, j, hi))


def _before_content(keys: Sequence[str], j: int, parties: Parties) -> Parties:
    """Parties named only in a content clause after the talks (``... से बातचीत की और कहा कि ... चीन के दावे``) are
    what was said, not a side of the talks."""
    hits = cue_hits("complement", keys, j, clause_end(keys, j, window("party_window"), "party_break"))
    if not hits:
        return parties
    k = hits[0][0]
    late = {a.id for a in parties.states if a.i > k} - {a.id for a in parties.states if a.i < k}
    late |= {a.country for a in parties.states if a.i > k} - {a.country for a in parties.states if a.i < k}
    return Parties([p for p in parties.ids if p not in late], [a for a in parties.states if a.i < k],
                    parties.from_before)  # fmt: skip


def _with_home_officials(parties: Parties, home: str) -> Parties:
    """An office holder of no named country meeting one of another (``संघीय मंत्री अब्दुल अलीम खान और कजाकिस्तान के
    परिवहन मंत्री ... ने मुलाकात की``, datelined Islamabad) is the home state's, as a title or a ministry is
    for agreements (:func:`sahyog.agreements.home_office`)."""
    countries = {a.country for a in parties.states if a.country}
    officials = [a for a in parties.states if a.actor_type == "government" and not a.country and a.etype == "person"]
    if len(countries) != 1 or home in countries or home in parties.ids or not officials:
        return parties
    return Parties([*parties.ids, home], parties.states, parties.from_before)


def told_before(keys: Sequence[str], j: int) -> bool:
    """The sentence's own verb is a past perfect or a past copula (``... सहमति जताई थी।``, ``... बन चुकी थी।``) and
    the talks ending at ``j`` stand in its last clause (``वार्ता हुई, जबकि ... हुआ था`` is another clause's):
    an editorial recalls the meeting as background to something else."""
    end = len(keys)
    while end and has_cue("clause_break", keys, end - 1, end):
        end -= 1
    return end > j and has_cue("perfect", keys, end - 1, end) and not has_cue("party_break", keys, j, end)


def _without_topics(keys: Sequence[str], parties: Parties) -> Parties:
    """A country the talks are about is no side (``पाकिस्तान के मुद्दे पर ... सर्वदलीय बैठक``, ``चीन को लेकर ... से
    मुलाकात``): a state mention followed right after by a topic phrase (cue ``about``)."""
    about = {a.country for a in parties.states if a.country and _right_after(keys, a.j, ("about",))}
    sides = {a.country for a in parties.states if a.country and a.country not in about}
    gone = about - sides
    if not gone:
        return parties
    return Parties([p for p in parties.ids if p not in gone], [a for a in parties.states if a.country not in gone],
                    parties.from_before)  # fmt: skip


def _joint_parties(keys: Sequence[str], i: int, parties: Parties) -> Parties | None:
    """A joint act is an occasion between states when leaders of two states do it (named before it in its clause,
    however long: they are its parties) or it is done ``संयुक्त रूप से`` (jointly) with two states among its
    parties; None otherwise."""
    lo = clause_start(keys, i, window("sentence_window"), "party_break")  # the agents open a long sentence
    leaders = [a for a in leaders_in(keys, lo, i) if a.country]
    countries = [a.country for a in leaders]
    if len(set(countries)) >= 2:
        return Parties(list(dict.fromkeys([*parties.ids, *countries])), [*parties.states, *leaders], False)
    if has_cue("jointly", keys, lo, i) and len({a.country for a in parties.states if a.country}) >= 2:
        return parties
    return None
