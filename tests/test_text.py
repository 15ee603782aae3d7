"""sahyog.text: loading, normalisation, datelines and sentences on real Hindi text."""

from __future__ import annotations

import pytest

from sahyog import text
from sahyog.errors import InputError, SahyogError
from sahyog.paths import example_article

EXAMPLE = example_article()
HINDI = "पाकिस्तान और कजाकिस्तान ने द्विपक्षीय संबंधों को गहरा करने पर सहमति व्यक्त की।"


# --- load_article -----------------------------------------------------------------------------


def test_loads_example_article():
    body = text.load_article(EXAMPLE)
    assert body.startswith("इस्लामाबाद:\n")
    assert "\r" not in body
    assert text.script_mix(body).devanagari_share > 0.95


@pytest.mark.parametrize(
    "data",
    [
        HINDI.encode("utf-8"),
        b"\xef\xbb\xbf" + HINDI.encode("utf-8"),
        HINDI.encode("utf-16"),  # with BOM
        HINDI.encode("utf-16-be").join([b"\xfe\xff", b""]),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom"],
)
def test_accepted_encodings(tmp_path, data):
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    assert text.load_article(p) == HINDI


def test_crlf_becomes_lf_and_input_is_untouched(tmp_path):
    raw = ("इस्लामाबाद:\r\n" + HINDI + "\r\n").encode("utf-8")
    p = tmp_path / "crlf.txt"
    p.write_bytes(raw)
    assert text.load_article(p) == "इस्लामाबाद:\n" + HINDI + "\n"
    assert p.read_bytes() == raw


def _bad(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError) as info:
        text.load_article(p)
    msg = str(info.value)
    assert str(p) in msg and "\n" not in msg
    return msg


def test_undecodable_bytes(tmp_path):
    msg = _bad(tmp_path, "latin1.txt", "Café de l'Inde".encode("latin-1") + HINDI.encode("utf-8"))
    assert "not UTF-8" in msg and "0xe9" in msg


def test_binary_file(tmp_path):
    # a PNG header: not valid UTF-8
    assert "not UTF-8" in _bad(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_nul_bytes_are_binary(tmp_path):
    assert "binary" in _bad(tmp_path, "nul.txt", HINDI.encode() + b"\x00\x00")


def test_utf16_without_bom_is_named(tmp_path):
    assert "UTF-16 without a byte-order mark" in _bad(tmp_path, "le.txt", HINDI.encode("utf-16-le"))


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"], ids=["empty", "whitespace"])
def test_empty_files(tmp_path, data):
    assert "empty" in _bad(tmp_path, "empty.txt", data)


def test_english_text(tmp_path):
    msg = _bad(tmp_path, "en.txt", b"Pakistan and Kazakhstan agreed to deepen bilateral ties on Tuesday.")
    assert "not Hindi" in msg and "0%" in msg


def test_urdu_text(tmp_path):
    urdu = "پاکستان اور قازقستان نے دو طرفہ تعلقات کو مضبوط کرنے پر اتفاق کیا۔"
    assert "Urdu" in _bad(tmp_path, "ur.txt", urdu.encode("utf-8"))


def test_legacy_font_encoding(tmp_path):
    # "भारत और पाकिस्तान के बीच में बातचीत है" typed in the Kruti Dev font: Latin letters, not Unicode
    kruti = "Hkkjr vkSj ikfdLrku ds chp esa ckrphr gS vkSj ;g le>kSrk gS"
    assert "legacy font" in _bad(tmp_path, "kruti.txt", kruti.encode("ascii"))


def test_directory_and_missing(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        text.load_article(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        text.load_article(tmp_path / "nope.txt")


def test_one_exception_family():
    assert issubclass(InputError, SahyogError)


# --- normalize ----------------------------------------------------------------------------------


def test_dateline_colon_is_not_turned_into_visarga():
    from indicnlp.normalize.indic_normalize import IndicNormalizerFactory

    raw = "इस्लामाबाद:\nपाकिस्तान"
    assert IndicNormalizerFactory().get_normalizer("hi").normalize(raw).startswith("इस्लामाबादः")  # the trap
    assert text.normalize(raw) == raw
    assert text.normalize("दुःख") == "दुःख"  # a real visarga stays


def test_nukta_folding_is_optional():
    assert text.normalize("कज़ाकिस्तान") != text.normalize("कजाकिस्तान")
    assert text.normalize("कज़ाकिस्तान", fold_nukta=True) == text.normalize("कजाकिस्तान", fold_nukta=True)
    # precomposed ज़ (U+095B) and decomposed ज + ़ normalise to the same thing
    assert text.normalize("\u095b") == text.normalize("\u091c\u093c") == "\u091c\u093c"


def test_offsets_map_back_to_the_original():
    raw = "\u095bमीन — क़ानून: उड़ान मल्\u200dलों"  # precomposed nukta, em dash, ZWJ: all change length
    norm = text.normalize_with_offsets(raw, fold_nukta=True)
    assert norm.text == "जमीन  -  कानून: उडान मल्लों"  # indic-nlp writes an em dash as " - ", drops ZWJ
    i = norm.text.index("कानून")
    s, e = norm.to_original(i, i + len("कानून"))
    assert raw[s:e] == "क़ानून"
    j = norm.text.index("उडान")
    s, e = norm.to_original(j, j + 4)
    assert raw[s:e] == "उड़ान"
    k = norm.text.index("मल्लों")
    assert raw[slice(*norm.to_original(k, k + len("मल्लों")))] == "मल्\u200dलों"


def test_offsets_identity_on_plain_text():
    body = text.load_article(EXAMPLE)
    norm = text.normalize_with_offsets(body)
    assert len(norm.text) == len(body)
    assert norm.to_original(0, 10) == (0, 10)


# --- sentences --------------------------------------------------------------------------------------


def test_example_dateline_and_sentences():
    body = text.load_article(EXAMPLE)
    article = text.split_article(body)
    assert article.dateline is not None and article.dateline.text == "इस्लामाबाद"
    assert body[article.dateline.start : article.dateline.end] == "इस्लामाबाद"
    # 15 sentences by reading: 1 + 3 + 2 + 1 + 2 + 2 + 1 + 3 ... counted per danda and line break
    assert len(article.sentences) == 15
    for s in article.sentences:
        assert body[s.start : s.end] == s.text
        assert not s.text.startswith(" ") and not s.text.endswith(" ")
    assert article.sentences[0].text.startswith("पाकिस्तान और कजाकिस्तान ने")
    assert article.sentences[-1].text.startswith("IGC सत्र")
    assert [s.id for s in article.sentences] == list(range(15))


def test_line_breaks_are_sentence_boundaries():
    art = text.split_article("पहली पंक्ति बिना विराम के\nदूसरी पंक्ति है।")
    assert [s.text for s in art.sentences] == ["पहली पंक्ति बिना विराम के", "दूसरी पंक्ति है।"]


def test_full_stop_question_and_danda():
    art = text.split_article("वे आए. क्या वे गए? हाँ! फिर बैठक हुई। समाप्त")
    assert [s.text for s in art.sentences] == ["वे आए.", "क्या वे गए?", "हाँ!", "फिर बैठक हुई।", "समाप्त"]


def test_abbreviation_does_not_end_a_sentence():
    art = text.split_article("डॉ. राम ने भाषण दिया। सभा समाप्त हुई।")
    assert len(art.sentences) == 2


def test_stray_danda_after_full_stop_joins_its_sentence():
    art = text.split_article("प्रधानमंत्री ब्रिटेन जा रहे हैं.। वहाँ बातचीत होगी।")
    assert [s.text for s in art.sentences] == ["प्रधानमंत्री ब्रिटेन जा रहे हैं.।", "वहाँ बातचीत होगी।"]


def test_no_dateline_when_none():
    art = text.split_article(HINDI)
    assert art.dateline is None
    assert art.sentences[0].start == 0


def test_dateline_with_date():
    art = text.split_article("नई दिल्ली, 13 मई: भारत और कजाकिस्तान ने समझौता किया।")
    assert art.dateline is not None and art.dateline.text == "नई दिल्ली"
    assert art.sentences[0].text.startswith("भारत")


def test_dateline_ending_in_colon_dash_leaves_no_dash_in_the_first_sentence():
    for line in ("नई दिल्ली :- भारत और चीन ने समझौता किया।", "नई दिल्ली:-भारत और चीन ने समझौता किया।"):
        art = text.split_article(line)
        assert art.dateline is not None and art.dateline.text == "नई दिल्ली"
        assert art.sentences[0].text == "भारत और चीन ने समझौता किया।"
    assert text.split_article("दिल्ली: -5 डिग्री तापमान रहा।").sentences[0].text.startswith("-5")  # a number's sign
    assert text.split_article("नई दिल्ली:-15 अगस्त को भारत ने कहा।").sentences[0].text.startswith("15 अगस्त")


# --- stop words and statistics ---------------------------------------------------------------------


def test_stopwords_from_maintained_list():
    stop = text.stopwords()
    assert {"और", "के", "में", "ने"} <= stop
    assert "व्यापार" not in stop


def test_an_ordinal_ending_written_apart_is_no_content_word():
    stats = text.token_stats(text.tokenize("भारत के 13 वें सत्र और 14 वें सत्र में 5 वीं बैठक और 9 वाँ दौर हुआ।"))
    words = dict(stats.top_content_words)
    assert words["सत्र"] == 2 and not {"वें", "वीं", "वाँ", "वां"} & set(words)


def test_token_stats_on_example():
    body = text.load_article(EXAMPLE)
    stats = text.token_stats(text.tokenize(body), top=10)
    assert stats.n_tokens == stats.n_words + sum(v for k, v in stats.kinds.items() if k not in ("word", "latin"))
    assert 0 < stats.type_token_ratio < 1
    top = dict(stats.top_content_words)
    assert top["कजाकिस्तान"] >= 8  # the country is named again and again
    assert "और" not in top and "के" not in top
    assert stats.kinds["latin"] == 1  # "IGC"


# --- imports ----------------------------------------------------------------------------------


def test_extraction_does_not_import_pandas():
    """Extraction needs no pandas/pyarrow (they cost ~80 MB of RSS): checked in a fresh interpreter."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from sahyog.extract import extract_text\n"
        "extract_text('डॉ. शर्मा दिल्ली गए. भारत और नेपाल ने समझौते पर हस्ताक्षर किए।', 'x')\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_splitter_stand_in_matches_indic_nlp_transliterator():
    """The stand-in returns Hindi unchanged, as indic-nlp's transliterator does, and hands other pairs on."""
    from indicnlp.transliterate.unicode_transliterate import UnicodeIndicTransliterator as real

    for word in ["डॉ", "श्री", "क्यू", "ज़ेड", "Dr", "१२३", "।"]:
        assert text._SameScript.transliterate(word, "hi", "hi") == real.transliterate(word, "hi", "hi") == word
    assert text._SameScript.transliterate("कखग", "hi", "bn") == "কখগ"
    pieces = text.sentence_tokenize.sentence_split("डॉ. शर्मा आए. वे गए.", "hi", delim_pat=text._SENT_DELIM)
    assert [p.strip() for p in pieces] == [  # the abbreviation डॉ. does not end a sentence
        "डॉ. शर्मा आए.",
        "वे गए.",
    ]


def test_changed_characters_counts_a_dropped_nukta_once():
    """01 printed 2,218 "characters changed" for 6 dropped nuktas: a removal shifted the rest."""
    from sahyog.text import changed_characters, normalize

    assert changed_characters("कज़ाक और ज़मीन", normalize("कज़ाक और ज़मीन", fold_nukta=True)) == 2
    assert changed_characters("भारत", "भारत") == 0
    assert changed_characters("ab", "abc") == 1


def test_matching_keys_write_a_homorganic_nasal_as_anusvara() -> None:
    """सम्बन्ध and संबंध are one word (indic-nlp's strict nasal rule); म्म is no such pair; offsets map back."""
    from sahyog.text import normalize_with_offsets

    doc = text.build_document("नरेन्द्र सम्बन्धों पर सम्मेलन।")
    assert doc.sentence_keys(0)[:4] == ["नरेंद्र", "संबंधों", "पर", "सम्मेलन"]
    assert [t.text for t in doc.tokens][:2] == ["नरेन्द्र", "सम्बन्धों"]  # the text itself is kept
    raw = "ज़रा सम्बन्ध"
    norm = normalize_with_offsets(raw, fold_nukta=True)
    assert norm.text == "जरा संबंध"
    assert norm.to_original(4, 9) == (5, 12)  # संबंध is सम्बन्ध of the original
    spans = [norm.to_original(k, k + 1) for k in range(4, 9)]  # स ं ब ं ध
    assert [raw[a:b] for a, b in spans] == ["स", "म्", "ब", "न्", "ध"]  # each anusvara is its nasal and virama
    assert raw[slice(*norm.to_original(5, 7))] == "म्ब"  # a span that starts on an anusvara
    assert raw[slice(*norm.to_original(4, 6))] == "सम्"  # and one that ends on it
    assert text.fold_nasals("अन्") == "अन्"  # a virama at the end folds nothing
    assert text.fold_nasals("ऩ्त") == "ंत"  # indic-nlp's rule, the nukta nasal too
