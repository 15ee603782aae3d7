"""Dates: the article's own date and explicit and relative dates resolved against it."""

from __future__ import annotations

import pytest

from sahyog import dates


def _values(text: str, article_date: str | None = None) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.value, d.precision) for d in dates.find_dates(text, 0, article_date)]


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("दोनों देशों ने 24 अगस्त 2017 को करार किया।", "2017-08-24", "day"),
        ("बैठक २४ अगस्त २०१७ को हुई।", "2017-08-24", "day"),
        ("तारीख 24-08-2017 थी।", "2017-08-24", "day"),
        ("अगस्त 2017 में बैठक हुई।", "2017-08", "month"),
        ("बैठक 3 अक्टूबर 2019 को हुई।", "2019-10-03", "day"),
        ("बैठक 3 अक्तूबर 2019 को हुई।", "2019-10-03", "day"),
        ("Updated: 17 September 2014", "2014-09-17", "day"),
        ("From August 24, 2017 on", "2017-08-24", "day"),
    ],
)
def test_explicit_dates(text, value, precision):
    (found,) = dates.find_dates(text)
    assert (found.value, found.precision) == (value, precision)
    assert text[found.start : found.end] == found.text


def test_a_day_without_year_takes_the_articles_year_or_stays_unresolved():
    assert _values("मंत्री 5 मार्च को आए।") == [("5 मार्च", None, None)]
    assert _values("मंत्री 5 मार्च को आए।", "2020-06-01") == [("5 मार्च", "2020-03-05", "day")]
    assert _values("यात्रा 25-26 जनवरी को थी।", "2024-02-01") == [("25-26 जनवरी", "2024-01-25", "day")]


def test_relative_dates_resolve_against_the_article_date():
    # 2024-05-15 is a Wednesday
    day = "2024-05-15"
    assert _values("आज समझौता हुआ।", day) == [("आज", "2024-05-15", "day")]
    assert _values("कल समझौता हुआ।", day) == [("कल", "2024-05-14", "day")]
    assert _values("कल समझौता होगा।", day) == [("कल", "2024-05-16", "day")]
    assert _values("मंगलवार को समझौता हुआ।", day) == [("मंगलवार को", "2024-05-14", "day")]
    assert _values("शुक्रवार को समझौता होगा।", day) == [("शुक्रवार को", "2024-05-17", "day")]
    assert _values("पिछले सप्ताह बात हुई।", day) == [("पिछले सप्ताह", "2024-05", "month")]
    assert _values("इस महीने बात हुई।", day) == [("इस महीने", "2024-05", "month")]
    assert _values("अगले साल बैठक होगी।", day) == [("अगले साल", "2025", "year")]


def test_relative_dates_without_an_article_date_keep_their_words_only():
    assert _values("मंगलवार को समझौता हुआ।") == [("मंगलवार को", None, None)]


def test_words_that_only_look_like_dates_are_not_dates():
    assert _values("कलम और कलाकार आज़ाद हैं, दस वर्ष के लिए।") == []


def test_article_date_in_order_of_sources():
    text = "शीर्षक\nनई दिल्ली, 10 फरवरी 2021 (भाषा)। भारत ने करार किया।"
    assert dates.article_date(text, "x.txt", "2022-01-02") == ("2022-01-02", "caller")
    assert dates.article_date(text, "2024-05-14_x.txt") == ("2024-05-14", "filename")
    assert dates.article_date(text, "x.txt") == ("2021-02-10", "dateline")
    assert dates.article_date("भारत ने 3 मार्च 2020 को करार किया।", "x.txt") == ("2020-03-03", "text")
    assert dates.article_date("भारत ने मंगलवार को करार किया।", "x.txt") == (None, None)


def test_a_dateline_without_a_year_is_found_but_gives_no_article_date():
    text = "शीर्षक यहां\nकाठमांडू, 5 मार्च (भाषा)। नेपाल ने करार किया।"
    line = dates.find_dated_dateline(text)
    assert line is not None and line.place == "काठमांडू" and line.date.text == "5 मार्च"
    assert dates.article_date(text, "x.txt") == (None, None)


def test_file_names_and_caller_dates():
    assert dates.file_name_date("2024-05-14_x.txt") == "2024-05-14"
    assert dates.file_name_date("2024-13-14_x.txt") is None
    assert dates.file_name_date("x_2024-05-14.txt") is None
    assert dates.caller_date(" 2024-05-14 ") == "2024-05-14"
    with pytest.raises(ValueError):
        dates.caller_date("2024-5-44")


@pytest.mark.parametrize(
    ("text", "value", "month_day"),
    [
        ("दिल्ली 7अक्टूबर। दोनों देशों में करार हुआ।", None, "10-07"),
        ("मंत्री ४ दिसंबर को पहुंचे।", None, "12-04"),
        ("बैठक 3 अक्टूबर 2019 को हुई।", "2019-10-03", "10-03"),
        ("अगस्त 2017 में बैठक हुई।", "2017-08", None),
        ("बैठक 31 फरवरी को हुई।", None, None),
    ],
)
def test_a_day_and_month_give_a_month_day_with_or_without_a_year(text, value, month_day):
    (found,) = dates.explicit_dates(text)
    assert (found.value, found.month_day) == (value, month_day)


def test_a_weekday_named_is_kept_resolved_or_not():
    (found,) = dates.relative_dates("दोनों नेताओं ने शुक्रवार को करार किया।")
    assert (found.value, found.weekday) == (None, 4)
    (resolved,) = dates.relative_dates("दोनों नेताओं ने शुक्रवार को करार किया।", 0, "2024-03-11")
    assert (resolved.value, resolved.weekday) == ("2024-03-08", 4)
    (today,) = dates.relative_dates("आज करार हुआ।")
    assert today.weekday is None


def test_a_date_with_a_clock_time_further_down_the_head_is_the_articles_time_stamp():
    text = "शीर्षक\n\nदूसरा शीर्षक\n\nपहला वाक्य यहां।\nदूसरा वाक्य यहां।\n\nसंवाददाता टीमWed, 17 Sep 2014 11:44 PM\nपाठ।"
    assert dates.article_date(text) == ("2014-09-17", "text")
    assert dates.time_stamp("बैठक 17 सितंबर 2014 को हुई, 12 लोग आए।") is None  # no clock time after the date
    assert dates.time_stamp("समय 2014-09-18 15:59:32 पर") == "2014-09-18"
