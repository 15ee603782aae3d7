"""The one lexicon reader (sahyog.lexicon), the phrase matcher (sahyog.matching) and the Document."""

from __future__ import annotations

import pytest

from sahyog import text
from sahyog.agreements import load_triggers
from sahyog.errors import InputError
from sahyog.lexicon import LexiconSchema, group_schema, read_lexicon
from sahyog.matching import PhraseMatcher, term_keys
from sahyog.sectors import SECTORS, load_lexicon

SECTOR_SCHEMA = group_schema("sector", SECTORS)


def write(tmp_path, content: str | bytes, name: str = "sectors.csv"):
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def error_of(path, schema: LexiconSchema = SECTOR_SCHEMA) -> str:
    with pytest.raises(InputError) as info:
        read_lexicon(path, schema)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_comments_blank_lines_and_whitespace(tmp_path) -> None:
    p = write(tmp_path, "# my terms\nsector,term\n\n# trade words\ntrade , व्यापार \nenergy,ऊर्जा\n")
    assert read_lexicon(p, SECTOR_SCHEMA) == [
        {"sector": "trade", "term": "व्यापार"},
        {"sector": "energy", "term": "ऊर्जा"},
    ]


def test_unknown_sector_names_file_and_line(tmp_path) -> None:
    p = write(tmp_path, "sector,term\n# a comment\ntrade,व्यापार\nxyz,कुछ\n")
    assert error_of(p).startswith(f"{p}:4: unknown sector 'xyz'")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"sector,term\n\xff\xfe trade", "not UTF-8"),
        ("", "empty file"),
        ("  \n\n", "empty file"),
        ("sector,term\n", "no rows after the header"),
        ("# only a comment\n", "no header line"),
        ("category,term\ntrade,व्यापार\n", ":1: wrong columns 'category,term'"),
        ("sector,term,extra\ntrade,व्यापार,x\n", ":1: wrong columns"),
        ("sector,term\ntrade,व्यापार,ज़्यादा\n", ":2: 3 fields, but the header has 2"),
        ("sector,term\ntrade\n", ":2: 1 fields"),
        ("sector,term\ntrade,\n", ":2: empty term"),
    ],
)
def test_malformed_lexicons_give_one_line_errors(tmp_path, content, problem) -> None:
    p = write(tmp_path, content)
    message = error_of(p)
    assert message.startswith(str(p)) and problem in message


def test_missing_file(tmp_path) -> None:
    assert "no such file" in error_of(tmp_path / "nope.csv")


def test_optional_column_and_its_values(tmp_path) -> None:
    schema = group_schema("category", ("mou",), extra={"requires": ("", "sense")})
    p = write(tmp_path, "category,term\nmou,समझौता ज्ञापन\n", "agreements.csv")
    assert read_lexicon(p, schema) == [{"category": "mou", "term": "समझौता ज्ञापन", "requires": ""}]
    p = write(tmp_path, "category,term,requires\nmou,करार,meaning\n", "agreements.csv")
    assert ":2: unknown requires 'meaning'" in error_of(p, schema)


def test_sector_lexicon_errors_reach_load_lexicon(tmp_path) -> None:
    p = write(tmp_path, "sector,term\nsport,क्रिकेट\n")
    with pytest.raises(InputError, match=r"sectors\.csv:2: unknown sector 'sport'"):
        load_lexicon(p)


def test_shipped_lexicons_read_cleanly() -> None:
    assert load_lexicon().entries and load_triggers().phrases


# --- the matcher -------------------------------------------------------------------------------


def test_matcher_is_leftmost_longest_without_overlaps() -> None:
    m = PhraseMatcher.build([(("a", "b"), "ab"), (("a",), "a"), (("b", "c", "d"), "bcd"), (("c",), "c")])
    keys = ["x", "a", "b", "c", "d", "a", "c"]
    assert m.scan(keys) == [(1, 3, "ab"), (3, 4, "c"), (5, 6, "a"), (6, 7, "c")]
    # a range: matches stay inside it (a sentence)
    assert m.scan(keys, 2, 4) == [(3, 4, "c")]
    assert m.scan(keys, 1, 2) == [(1, 2, "a")]


def test_first_payload_wins() -> None:
    m = PhraseMatcher.build([(("a",), 1), (("a",), 2)])
    assert m.scan(["a"]) == [(0, 1, 1)]


def test_term_keys_match_document_keys() -> None:
    doc = text.build_document("भारत ने उड़ानों और व्यापारियों पर बात की।")
    m = PhraseMatcher.build([(k, t) for t in ("उड़ान", "व्यापारी") for k in term_keys(t)])
    found = [(doc.text[doc.tokens[i].start : doc.tokens[j - 1].end], t) for i, j, t in m.scan(doc.keys)]
    assert found == [("उड़ानों", "उड़ान"), ("व्यापारियों", "व्यापारी")]


# --- the Document ------------------------------------------------------------------------------


def test_document_has_one_token_stream_with_keys_and_sentence_ids() -> None:
    raw = "नई दिल्ली, 13 मई: भारत और कज़ाकिस्तान ने समझौता किया। दोनों देश खुश हैं।\nUAE भी आया।"
    doc = text.build_document(raw)
    assert doc.tokens == text.tokenize(raw)
    assert len(doc.keys) == len(doc.sentence_of) == doc.n_tokens
    for tok, key in zip(doc.tokens, doc.keys, strict=True):
        assert raw[tok.start : tok.end] == tok.text
        assert key == text.normalize(tok.text, fold_nukta=True).lower()
    assert "कजाकिस्तान" in doc.keys and "uae" in doc.keys  # nukta folded, lower-cased
    assert [t.text for t in doc.sentence_tokens(text.DATELINE_SENTENCE_ID)] == ["नई", "दिल्ली"]
    assert doc.sentence_of[2] == text.NO_SENTENCE  # the "," after the dateline's place
    for sent in doc.sentences:
        toks = doc.sentence_tokens(sent.id)
        assert toks and all(sent.start <= t.start < sent.end for t in toks)
        assert {doc.sentence_of[i] for i in range(*doc.bounds[sent.id])} == {sent.id}
    assert [t.text for t in doc.sentence_tokens(2)] == ["UAE", "भी", "आया", "।"]


def test_tokenising_in_blocks_of_lines_gives_the_same_tokens() -> None:
    lines = ["डॉ. राम ने कहा कि भारत-पाक व्यापार १,२७,३५७ करोड़ है.", "श्री. मोदी 13 मई को आए।", "UAE (यूएई) भी है. फिर"]
    raw = "\n".join(lines * 40) + "\n"
    expected = text.tokenize(raw)
    for block in (10, 37, 200, 1 << 16):
        got = text.tokenize_blocks(raw, block)
        assert got == expected
    shared = text.tokenize_blocks(raw, 50)
    same = [t.text for t in shared if t.text == "राम"]
    assert len(same) == 40 and all(s is same[0] for s in same)  # one string for a repeated token
