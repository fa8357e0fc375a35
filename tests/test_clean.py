import pytest
from hypothesis import given
from hypothesis import strategies as st

from detector.clean import clean_article
from detector.segments import split_segments

paragraphs = st.lists(st.sampled_from(["Body one.", "AD LINE", "  • point", "", "\u00a0", "Tag"]), min_size=1,
                      max_size=15)


def test_nothing_removed_gives_the_text_back_unchanged():
    text = "Head\r\n\r\n\r\n  Body.\n\u00a0\nEnd"
    assert clean_article(text, [True, True, True]) == text


def test_removed_lines_leave_one_paragraph_break_behind():
    text = "Head\r\n\r\n12 views\r\nBody one.\r\n\r\nAD\r\n\r\nBody two.\r\nTag\r\n"
    assert clean_article(text, [True, False, True, False, True, False]) == "Head\r\n\r\nBody one.\r\n\r\nBody two.\r\n"


def test_a_line_removed_inside_a_block_closes_the_gap():
    assert clean_article("a\nb\nc", [True, False, True]) == "a\nc"


def test_everything_removed_gives_an_empty_text():
    assert clean_article("a\n\nb\n", [False, False]) == ""


def test_a_wrong_number_of_flags_is_an_error():
    with pytest.raises(ValueError, match="2 segments but keep has 1"):
        clean_article("a\nb", [True])


@given(paragraphs, st.sampled_from(["\n", "\r\n"]), st.randoms())
def test_a_cleaned_article_is_exactly_its_kept_lines_in_order(parts, newline, random):
    text = newline.join(parts)
    segments = split_segments(text)
    keep = [random.random() < 0.6 for _ in segments]
    cleaned = clean_article(text, keep)
    kept_lines = [s.text for s, k in zip(segments, keep) if k]
    assert [s.text for s in split_segments(cleaned)] == kept_lines
    assert cleaned.count(newline * 3) <= text.count(newline * 3)  # removal never leaves a run of empty lines
    for segment, k in zip(segments, keep):
        if k:  # the whole original line, indentation included, survives byte for byte
            line_start = text.rfind("\n", 0, segment.start) + 1
            assert text[line_start:segment.end] in cleaned
