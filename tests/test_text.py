"""Clean titles and bodies: slug titles, boilerplate, page dates and datelines leave the body."""

from dashboard.parse.text import clean, deslug, split_sentences


def test_deslug():
    assert deslug("Nakatani -visits-Delhi-for-defence-talks") == "Nakatani visits Delhi for defence talks"
    assert deslug("india-japan-2-plus-2-dialogue-123456.html") == "india japan 2 plus 2 dialogue"
    assert deslug("India, Japan hold talks") == "India, Japan hold talks"


def test_boilerplate_lines_leave_the_body(kb):
    raw = (
        "भारत-जापान-रक्षा-वार्ता\n\nअपडेटेड: 06 मई 2025, 10:15 PM\nशेयर करें\n\n"
        "नई दिल्ली। दोनों देशों के रक्षा मंत्रियों ने बैठक की।\n\nविज्ञापन\n\n"
        "ये भी पढ़ें: क्रिकेट की बड़ी खबर\nAlso Read: Markets today\n"
    )
    c = clean(raw, kb.boilerplate)
    assert c.title == "भारत जापान रक्षा वार्ता"
    assert c.body == "दोनों देशों के रक्षा मंत्रियों ने बैठक की।"
    assert c.page_dates == ["अपडेटेड: 06 मई 2025, 10:15 PM"]
    assert c.dateline == "नई दिल्ली"


def test_wire_dateline(kb):
    raw = "India, Japan hold talks\n\nNew Delhi [India], May 5 (ANI): Defence Minister Rajnath Singh met his counterpart.\n"
    c = clean(raw, kb.boilerplate)
    assert c.dateline_date == "May 5"
    assert c.body.startswith("Defence Minister Rajnath Singh")


def test_sentences_respect_abbreviations():
    body = "Gen. Nakatani met Dr. S. Jaishankar. They spoke।\nदूसरा वाक्य।"
    spans = [body[s:e] for s, e in split_sentences(body)]
    assert spans == ["Gen. Nakatani met Dr. S. Jaishankar.", "They spoke।", "दूसरा वाक्य।"]


def test_a_page_date_line_or_a_headline_with_a_colon_does_not_end_the_header(kb):
    raw = (
        "जनमत भारती\n"
        "राष्ट्रीय | नई दिल्ली ब्यूरो\n"
        "प्रकाशित: 25 अप्रैल 2025, 07:30 पूर्वाह्न | अपडेटेड: 25 अप्रैल 2025, 08:05 पूर्वाह्न\n"
        "🔊 खबर सुनें\n\n"
        "पहलगाम हमले पर जापान भारत के साथ: प्रधानमंत्री इशिबा ने मोदी को फोन कर जताई संवेदना\n\n"
        "नई दिल्ली। जापान के प्रधानमंत्री शिगेरु इशिबा ने गुरुवार को प्रधानमंत्री नरेंद्र मोदी से फोन पर बात की और "
        "पहलगाम में हुए आतंकी हमले की कड़ी निंदा की।"
    )
    c = clean(raw, kb.boilerplate)
    assert c.title == "पहलगाम हमले पर जापान भारत के साथ: प्रधानमंत्री इशिबा ने मोदी को फोन कर जताई संवेदना"
    assert c.body.startswith("जापान के प्रधानमंत्री")
    assert "खबर सुनें" not in c.body


def test_an_english_gloss_in_brackets_is_not_a_dateline(kb):
    c = clean(
        "मालाबार अभ्यास गुआम में शुरू\n\n"
        "प्रशांत महासागर के द्वीप गुआम (Guam) में सोमवार, 10 नवंबर से चार देशों का नौसैनिक अभ्यास मालाबार चल रहा है।",
        kb.boilerplate,
    )
    assert c.dateline is None and c.body.startswith("प्रशांत महासागर")
    wire = clean("Title of the story here\n\nटोक्यो (भाषा) रक्षा मंत्री ने आज जापान के रक्षा मंत्री से मुलाकात की।", kb.boilerplate)
    assert wire.dateline == "टोक्यो (भाषा)" and wire.body.startswith("रक्षा मंत्री")
