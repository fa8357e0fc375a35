from hypothesis import given
from hypothesis import strategies as st

from detector.segments import split_lines, split_segments

lines_text = st.lists(st.sampled_from(["Hello world.", "  • bullet", "\u00a0", "", "\t", "\u200b", "12 views |",
                                       "Ünïcødé 東京", "  x  "]), max_size=12)
newlines = st.sampled_from(["\n", "\r\n", "\r"])


@given(lines_text, newlines)
def test_every_segment_is_its_span_of_the_original(parts, newline):
    text = newline.join(parts)
    for segment in split_segments(text):
        assert text[segment.start:segment.end] == segment.text
        assert segment.text == segment.text.strip()
        assert "\n" not in segment.text and "\r" not in segment.text


@given(lines_text, newlines)
def test_lines_join_back_to_the_text(parts, newline):
    text = newline.join(parts)
    contents, newlines, _ = split_lines(text)
    assert "".join(content + newline for content, newline in zip(contents, newlines)) == text


def test_one_segment_per_non_blank_line_stripped():
    text = "Title\r\n\r\n  • first point\n\u00a0\n\tBody text.  \n\u200b\n- dash item"
    assert [s.text for s in split_segments(text)] == ["Title", "• first point", "Body text.", "- dash item"]


def test_blank_and_invisible_lines_are_not_segments():
    assert split_segments(" \n\u00a0\t\n\u200b\ufeff\n") == []
    assert split_segments("") == []


def test_seed_articles_split_exactly_as_their_gold_segments(seeds):
    for text, gold in seeds.values():
        assert [s.text for s in split_segments(text)] == [p["text"] for p in gold["paragraphs"]]
