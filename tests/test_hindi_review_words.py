"""The review queue's reasons, as the Review page words them: types and fields as labels in
either language (never two_plus_two), dates as they are, percentages kept."""

from dashboard.pages.review_ui import reason_words, tier_words
from dashboard.review.queue import Item


def item(*why):
    return Item("engagement", "e1", "disagree", (1,), "", why=list(why))


def test_every_reason_kind_has_words_in_both_languages_and_no_id():
    it = item(("unsure", {"field": "date", "sure": 0.54}), ("disagree", {"field": "type", "values": ["summit", "two_plus_two"]}), ("single", {}), ("few_cues", {"score": 3.25}))
    en, hi = reason_words(it, False), reason_words(it, True)
    assert en == ["Date 54% sure", "reports say Type: Summit, 2+2 dialogue", "a single report", "India–Japan on few cues (score 3.2)"]
    assert hi == ["तिथि 54% निश्चित", "रिपोर्टों में प्रकार: शिखर सम्मेलन, 2+2 वार्ता", "केवल एक रिपोर्ट", "भारत–जापान होने के कम संकेत (अंक 3.2)"]
    assert tier_words("unsure", True) == "पार्सर किसी विवरण को लेकर अनिश्चित है"


def test_reports_disagreeing_on_a_date_show_the_dates():
    assert reason_words(item(("disagree", {"field": "date", "values": ["2024-08-20", "2024-08-21"]})), True) == ["रिपोर्टों में तिथि: 2024-08-20, 2024-08-21"]
