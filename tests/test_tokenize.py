"""Unit tests for :func:`sahyog.text.tokenize` on short Hindi written inline (no shared data needed)."""

from __future__ import annotations

import itertools

import pytest

from sahyog.text import TOKEN_KINDS, Token, is_abbreviation, split_sentences, tokenize

ZWJ, ZWNJ = "\u200d", "\u200c"


def texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def pairs(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(text)]


def test_newline_between_two_words_gives_two_tokens():
    assert pairs("भारत\nपाकिस्तान") == [("भारत", "word"), ("पाकिस्तान", "word")]
    assert texts("संयुक्त\r\n\tआयोग") == ["संयुक्त", "आयोग"]


@pytest.mark.parametrize(
    "word",
    [
        "प्रौद्योगिकी",  # vowel signs and virama conjuncts
        "मल\u094d" + ZWJ + "लों",  # ZWJ after virama, as in the treebank's मल्‍लों
        "स्\u200dथान",  # ZWJ inside स्‍थान
        "क\u094d" + ZWNJ + "ष",  # ZWNJ: a visible virama instead of the conjunct
        "कज़ाकिस्तान",  # nukta as a combining sign
        "\u095b\u0930\u0942\u0930\u0940",  # precomposed nukta letter (ज़रूरी)
        "संबंधों",  # anusvara
        "पाँच",  # candrabindu
        "दुःख",  # visarga
    ],
)
def test_devanagari_words_stay_whole(word):
    assert pairs(f"यह {word} है") == [("यह", "word"), (word, "word"), ("है", "word")]


@pytest.mark.parametrize("number", ["13", "2026", "१,२७,३५७", "८.५", "२००३", "13:30", "7.5"])
def test_numbers_ascii_and_devanagari(number):
    assert pairs(f"कुल {number} रुपये") == [("कुल", "word"), (number, "number"), ("रुपये", "word")]


def test_number_keeps_ordinal_and_letter_suffix():
    assert pairs("२१वीं सदी का 13वां सत्र") == [
        ("२१वीं", "number"),
        ("सदी", "word"),
        ("का", "word"),
        ("13वां", "number"),
        ("सत्र", "word"),
    ]
    assert texts("धारा 304ए में") == ["धारा", "304ए", "में"]
    # a word glued to a number is not a suffix
    assert texts("2026में") == ["2026", "में"]


def test_number_followed_by_punctuation():
    assert pairs("वर्ष 2026, और") == [("वर्ष", "word"), ("2026", "number"), (",", "punct"), ("और", "word")]
    assert texts("कीमत ८.५।") == ["कीमत", "८.५", "।"]


def test_hyphenated_compound_is_word_hyphen_word():
    assert pairs("पाकिस्तान-कज़ाकिस्तान आयोग") == [
        ("पाकिस्तान", "word"),
        ("-", "punct"),
        ("कज़ाकिस्तान", "word"),
        ("आयोग", "word"),
    ]


def test_abbreviation_keeps_dot_but_sentence_final_hai_does_not():
    assert pairs("डॉ. सिंह आए") == [("डॉ.", "word"), ("सिंह", "word"), ("आए", "word")]
    assert pairs("वह यहाँ है. फिर गया") == [
        ("वह", "word"),
        ("यहाँ", "word"),
        ("है", "word"),
        (".", "punct"),
        ("फिर", "word"),
        ("गया", "word"),
    ]


def test_one_syllable_verbs_end_sentences():
    # "मुलाकात की." ends a sentence: की, थीं, हूं are verbs and postpositions, never initials
    for word in ("की", "थीं", "हूं"):
        assert texts(f"उन्होंने बात {word}. फिर गए")[2:4] == [word, "."], word
    text = "उन्होंने मुलाकात की. फिर वे लौट गए."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "उन्होंने मुलाकात की.",
        "फिर वे लौट गए.",
    ]


def test_initials_and_titles():
    assert texts("के. आर. नारायणन और एस. पी. सिंह") == ["के.", "आर.", "नारायणन", "और", "एस.", "पी.", "सिंह"]
    assert texts("स्व. श्री. प्रो. शर्मा") == ["स्व.", "श्री.", "प्रो.", "शर्मा"]
    assert texts("एम. फिल. की डिग्री") == ["एम.", "फिल.", "की", "डिग्री"]
    assert is_abbreviation("डॉ") and is_abbreviation("के") and is_abbreviation("एस")
    assert not is_abbreviation("है") and not is_abbreviation("पाकिस्तान")


def test_ud_conventions_for_ranges_runs_currency_and_initials():
    # numeric ranges and dates joined by a hyphen or an en dash are one number, as in UD treebanks
    assert pairs("वर्ष 2015-16 और १९९०–९१ में") == [
        ("वर्ष", "word"),
        ("2015-16", "number"),
        ("और", "word"),
        ("१९९०–९१", "number"),
        ("में", "word"),
    ]
    assert texts("10-12-2015 को") == ["10-12-2015", "को"]
    assert texts("COVID-19 और भारत-नेपाल") == ["COVID", "-", "19", "और", "भारत", "-", "नेपाल"]  # not ranges
    # a run of one punctuation mark is one token; mixed marks are not a run
    assert texts("क्या--नहीं और.. फिर वह... गया!! क्या?!") == [
        "क्या",
        "--",
        "नहीं",
        "और",
        "..",
        "फिर",
        "वह",
        "...",
        "गया",
        "!!",
        "क्या",
        "?",
        "!",
    ]
    # a currency symbol or code is its own token before or after the number
    assert texts("₹500 और 50₹ और रु.500 और Rs.20 और Rs500") == [
        "₹",
        "500",
        "और",
        "50",
        "₹",
        "और",
        "रु.",
        "500",
        "और",
        "Rs.",
        "20",
        "और",
        "Rs",
        "500",
    ]
    # initials written without spaces keep their dots, one initial a token; dotted Latin acronyms stay whole
    assert texts("ए.पी.जे. अब्दुल कलाम और J.P. Morgan, U.S.A.") == [
        "ए.",
        "पी.",
        "जे.",
        "अब्दुल",
        "कलाम",
        "और",
        "J.P.",
        "Morgan",
        ",",
        "U.S.A.",
    ]
    assert texts("वह आया था.फिर गया") == ["वह", "आया", "था", ".", "फिर", "गया"]  # a missing space is no initial


def test_dot_at_end_of_text_or_line_is_punct():
    assert texts("वे आए डॉ.") == ["वे", "आए", "डॉ", "."]
    assert texts("डॉ.\nसिंह") == ["डॉ", ".", "सिंह"]
    assert texts("एस. ।") == ["एस", ".", "।"]


def test_latin_tokens():
    assert pairs("भारत ने 5G और COVID-19 पर Modi's बयान") == [
        ("भारत", "word"),
        ("ने", "word"),
        ("5G", "latin"),
        ("और", "word"),
        ("COVID", "latin"),
        ("-", "punct"),
        ("19", "number"),
        ("पर", "word"),
        ("Modi's", "latin"),
        ("बयान", "word"),
    ]


def test_punctuation_and_symbols():
    assert pairs("(आईजीसी) “सफल” 50% ₹") == [
        ("(", "punct"),
        ("आईजीसी", "word"),
        (")", "punct"),
        ("“", "punct"),
        ("सफल", "word"),
        ("”", "punct"),
        ("50", "number"),
        ("%", "symbol"),
        ("₹", "symbol"),
    ]
    assert pairs("तैयार हैं।।") == [("तैयार", "word"), ("हैं", "word"), ("।।", "punct")]  # a run is one token
    assert texts("क्या?! हाँ॥") == ["क्या", "?", "!", "हाँ", "॥"]


LONG_SAMPLE = (
    "इस्लामाबाद:\n"
    "पाकिस्तान और कज़ाकिस्तान ने मंगलवार को इस्लामाबाद में पाकिस्तान-कज़ाकिस्तान संयुक्त अंतर सरकारी आयोग"
    " (आईजीसी) के 13 वें सत्र के सफल निष्कर्ष के बाद अपने द्विपक्षीय संबंधों को गहरा करने के लिए तैयार हैं।\n"
    "डॉ. के. आर. सिंह ने कहा कि व्यापार १,२७,३५७ करोड़ रुपये तक पहुँचा है. उन्होंने ८.५ प्रतिशत वृद्धि की"
    " बात की।\r\n\n"
    "सूचना प्रौद्योगिकी, ऊर्जा व मल\u094d\u200dलों के इतिहास पर 2026 में समझौते होंगे — ऐसा “सूत्रों” ने"
    " बताया; 21वीं सदी… 5G, AI\tऔर   ₹500 का निवेश!\n"
)


def test_offsets_match_text_on_long_sample():
    tokens = tokenize(LONG_SAMPLE)
    assert len(tokens) > 80
    for t in tokens:
        assert LONG_SAMPLE[t.start : t.end] == t.text
        assert t.text and not any(ch.isspace() for ch in t.text)
        assert t.kind in TOKEN_KINDS
    starts = [t.start for t in tokens]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))
    # every non-space character is covered by exactly one token
    covered = sum(t.end - t.start for t in tokens)
    assert covered == sum(not ch.isspace() for ch in LONG_SAMPLE)
    assert {t.kind for t in tokens} == set(TOKEN_KINDS)


def test_offsets_are_into_the_string_given():
    text = "  भारत, 13"
    assert [(t.text, t.start, t.end) for t in tokenize(text)] == [("भारत", 2, 6), (",", 6, 7), ("13", 8, 10)]


def test_empty_and_blank_text():
    assert tokenize("") == []
    assert tokenize(" \n\t ") == []


def test_tokens_are_immutable_token_records():
    tok = tokenize("डॉ. सिंह")[0]
    assert type(tok) is Token
    assert tok == Token("डॉ.", 0, 3, "word")
    assert hash(tok) == hash(Token("डॉ.", 0, 3, "word"))
    assert tok._asdict() == {"text": "डॉ.", "start": 0, "end": 3, "kind": "word"}
    assert repr(tok) == "Token(text='डॉ.', start=0, end=3, kind='word')"
    with pytest.raises(AttributeError):
        tok.text = "x"  # type: ignore[misc]


def test_split_abbreviation_candidates_are_tokens_too():
    toks = tokenize("वह है. डॉ. आए")
    assert all(type(t) is Token for t in toks)
    assert [(t.text, t.start, t.end, t.kind) for t in toks] == [
        ("वह", 0, 2, "word"),
        ("है", 3, 5, "word"),
        (".", 5, 6, "punct"),
        ("डॉ.", 7, 10, "word"),
        ("आए", 11, 13, "word"),
    ]


def test_same_result_on_repeated_calls():
    # kinds are cached by token text; a second call must agree with the first
    text = "है. फिर है. डॉ. ५G 5G"
    assert tokenize(text) == tokenize(text)
