"""How the engagement is read: relevance, type, place and participants when a text also speaks of
other events. Each test is one mechanism, in a text written for it."""

from pathlib import Path


def test_an_india_japan_story_with_no_defence_in_it_is_not_an_engagement(parse):
    cricket = parse(
        "अंडर-19 विश्व कप: भारत ने जापान को हराया\n\n"
        "ब्लोमफोंटेन, 21 जनवरी (भाषा)। भारत की अंडर-19 टीम ने मंगलवार को जापान को दस विकेट से हराया। "
        "जापान की टीम 41 रन पर सिमट गई और भारत ने लक्ष्य पाँच ओवर में हासिल कर लिया। "
        "भारतीय कप्तान ने कहा कि जापान की टीम ने अच्छा खेल दिखाया और भारत अगला मैच न्यूज़ीलैंड से खेलेगा।"
    )
    assert not cricket.india_japan
    assert cricket.engagement is None
    call = parse(
        "Rajnath Singh speaks to Japan's defence minister\n\n"
        "NEW DELHI, Dec 22 (PTI) - Defence Minister Rajnath Singh spoke to Japan's Minister of Defense "
        "Nobuo Kishi over the phone on Tuesday and reviewed defence cooperation between India and Japan, "
        "including maritime security in the Indo-Pacific."
    )
    assert call.india_japan and call.engagement.type == "phone_call"


def test_a_headline_clause_about_a_coming_engagement_does_not_type_the_report(parse):
    art = parse(
        "Rajnath meets Japan's Kono in Bangkok, 2+2 on Nov 30\n\n"
        "Published: 17 Nov 2019\n\n"
        "Defence Minister Rajnath Singh on Sunday met Japan's Defence Minister Taro Kono on the sidelines "
        "of the ADMM-Plus in Bangkok. The two reviewed maritime security cooperation in the Indo-Pacific."
    )
    assert art.engagement.type == "sidelines_multilateral"
    assert art.engagement.date == "2019-11-17"


def test_a_call_the_ministers_had_last_month_does_not_make_this_meeting_a_call(parse):
    art = parse(
        "Rajnath Singh and Taro Kono meet in Bangkok\n\n"
        "Published: 17 Nov 2019\n\n"
        "Defence Minister Rajnath Singh met Japan's Defence Minister Taro Kono on the sidelines of the "
        "ADMM-Plus in Bangkok on Sunday. They had spoken by telephone last month. The talks covered "
        "maritime security and defence industry cooperation."
    )
    assert art.engagement.type == "sidelines_multilateral"


def test_a_trip_abroad_takes_place_where_it_goes_not_where_it_was_filed(parse):
    art = parse(
        "राजनाथ सिंह की जापान यात्रा आज से\n\n"
        "नई दिल्ली, 1 सितंबर। रक्षा मंत्री राजनाथ सिंह सोमवार से जापान की यात्रा पर रहेंगे। नई दिल्ली में रक्षा मंत्रालय ने "
        "बताया कि वे जापान के रक्षा मंत्री ताकेशी इवाया के साथ वार्षिक रक्षा मंत्री स्तरीय वार्ता करेंगे। बातचीत टोक्यो में "
        "होगी और इसमें समुद्री सुरक्षा तथा रक्षा उद्योग पर चर्चा होगी।"
    )
    assert art.engagement.place == "Tokyo"


def test_the_prime_minister_the_ministers_call_on_is_not_a_participant_of_their_meeting(parse):
    art = parse(
        "India, Japan defence ministers hold talks in Tokyo\n\n"
        "Published: 30 March 2015\n\n"
        "Defence Minister Manohar Parrikar held talks with Japan's Minister of Defense Gen Nakatani in Tokyo "
        "on Monday on maritime security and defence equipment cooperation. Parrikar also called on Prime "
        "Minister Shinzo Abe, who recalled his meeting with Prime Minister Narendra Modi last year."
    )
    assert art.engagement.type == "bilateral_ministerial"
    assert set(art.engagement.participants) == {"Manohar Parrikar", "Gen Nakatani"}


def test_a_ministry_named_as_whose_delegation_is_not_where_they_met(parse):
    art = parse(
        "राजनाथ सिंह और नकातानी की बैठक\n\n"
        "नई दिल्ली, 6 मई। रक्षा मंत्री राजनाथ सिंह ने सोमवार को राजधानी में जापान के रक्षा मंत्री जनरल नकातानी के साथ "
        "द्विपक्षीय वार्ता की। नकातानी के साथ जापान के रक्षा मंत्रालय का एक प्रतिनिधिमंडल भी आया है। दोनों ने समुद्री "
        "सुरक्षा और रक्षा उद्योग में सहयोग पर चर्चा की।"
    )
    assert art.engagement.place == "New Delhi"


def test_an_exercise_the_meeting_decided_on_does_not_type_the_meeting(parse):
    art = parse(
        "भारत और जापान की सेनाएं करेंगी पहला संयुक्त अभ्यास\n\n"
        "प्रकाशित: 21 अगस्त 2018\n\n"
        "नई दिल्ली। रक्षा मंत्री निर्मला सीतारमण और जापान के रक्षा मंत्री इत्सुनोरी ओनोडेरा के बीच सोमवार को हुई सालाना "
        "बैठक में तय हुआ कि दोनों देशों की थल सेनाएं इस साल के अंत तक पहली बार आतंकवाद-रोधी संयुक्त सैन्य अभ्यास करेंगी। "
        "यह अभ्यास भारत में होगा और इसमें भारतीय सेना तथा जापान की ग्राउंड सेल्फ डिफेंस फोर्स हिस्सा लेंगी।"
    )
    assert art.engagement.type == "bilateral_ministerial"
    assert set(art.engagement.participants) == {"Nirmala Sitharaman", "Itsunori Onodera"}


def test_an_exercise_off_a_port_is_at_sea(parse):
    art = parse(
        "तटरक्षक बलों का संयुक्त अभ्यास\n\n"
        "चेन्नई, 15 जनवरी। भारतीय तटरक्षक बल और जापान तटरक्षक बल ने शुक्रवार को चेन्नई तट के पास बंगाल की खाड़ी में "
        "'सहयोग-काइजिन' संयुक्त अभ्यास किया। चेन्नई में हुई बैठक में खोज और बचाव पर भी चर्चा हुई।"
    )
    assert art.engagement.place == "Bay of Bengal"


def test_ministers_meeting_in_a_third_country_meet_on_the_sidelines_of_something(parse):
    art = parse(
        "राजनाथ सिंह वियनतियान में जापान के रक्षा मंत्री से मिले\n\n"
        "प्रकाशित: 23 नवंबर 2024\n\n"
        "वियनतियान। रक्षा मंत्री राजनाथ सिंह ने शुक्रवार को वियनतियान में जापान के रक्षा मंत्री जनरल नकातानी के साथ "
        "द्विपक्षीय बैठक की। दोनों ने रक्षा उपकरण और प्रौद्योगिकी सहयोग पर चर्चा की।"
    )
    assert art.engagement.type == "sidelines_multilateral"
    assert art.engagement.place == "Vientiane"


def test_an_exercise_that_began_on_the_page_date_is_under_way(parse):
    art = parse(
        "JIMEX-22 begins off Visakhapatnam\n\n"
        "Published: 11 September 2022\n\n"
        "The sixth edition of the India-Japan maritime exercise JIMEX began today at Visakhapatnam, with ships "
        "of the Indian Navy and the JMSDF taking part in anti-submarine and air defence drills."
    )
    assert art.engagement.type == "exercise"
    assert art.engagement.status == "ongoing"


def test_the_date_beside_the_engagement_words_dates_it_not_the_journey(parse):
    art = parse(
        "Parrikar to visit Japan\n\n"
        "Published: 28 March 2015\n\n"
        "नई दिल्ली। रक्षा मंत्री मनोहर पर्रिकर रविवार से चार दिन की जापान यात्रा पर रहेंगे। सोमवार को वह टोक्यो में जापान के "
        "रक्षा मंत्री जेन नकातानी के साथ सालाना रक्षा मंत्री स्तरीय बैठक करेंगे। बैठक में समुद्री सुरक्षा पर चर्चा होगी।"
    )
    assert art.engagement.type == "bilateral_ministerial"
    assert art.engagement.date == "2015-03-30"


def test_the_day_it_was_announced_is_not_the_day_it_happened(parse):
    told = parse(
        "India, Japan defence ministers hold talks\n\nPublished: 6 May 2025\n\n"
        "The defence ministry said on Tuesday that Rajnath Singh and Japan's Minister of Defense Gen Nakatani "
        "held bilateral talks in New Delhi on Monday on defence industry cooperation."
    )
    assert told.engagement.date == "2025-05-05"
    art = parse(
        "Indian frigate completes JAIMEX-25 with Japanese navy\n\n"
        "Published: 19 Oct 2025\n\n"
        "The Indian Navy's frigate INS Sahyadri has completed the sea phase of the JAIMEX-25 exercise with the "
        "JMSDF, the navy said on Sunday, after three days of drills that ran from Thursday to Saturday."
    )
    assert art.engagement.date == "2025-10-16"
    assert art.engagement.status == "held"


def test_a_span_written_as_two_year_less_dates_under_way_on_the_page_date(parse):
    art = parse(
        "भारत-जापान वायु सेनाओं का पहला अभ्यास आगरा में\n\n"
        "अंतिम अद्यतन: 4 दिसंबर 2018\n\n"
        "आगरा: भारतीय वायु सेना और जापान की वायु आत्मरक्षा बल का पहला संयुक्त अभ्यास 'शिन्यू मैत्री' सोमवार को शुरू हुआ। "
        "यह अभ्यास 3 दिसंबर से 7 दिसंबर तक चलने वाला होगा।"
    )
    assert art.engagement.date == "2018-12-03"
    assert art.engagement.status == "ongoing"


def test_a_visit_is_placed_in_its_city_not_in_one_office_it_called_at(parse):
    art = parse(
        "Army chief Dwivedi on a visit to Japan\n\n"
        "Published: 15 October 2024\n\n"
        "TOKYO - Army chief General Upendra Dwivedi, on an official visit to Japan, called on Japan's "
        "Minister of Defense Gen Nakatani at the Japanese Ministry of Defense in Ichigaya and met the chief "
        "of staff of the JGSDF on Monday. He reviewed training exchanges in Tokyo."
    )
    assert art.engagement.type == "visit"
    assert art.engagement.place == "Tokyo"


def test_a_bulletin_s_greeting_is_not_its_lead(parse):
    """The anchor's "नमस्कार, आप देख रहे हैं…" comes before the news; the lead is where the news starts."""
    path = Path(__file__).parent / "dev" / "231_teesra-2plus2-tv-bulletin.txt"
    art = parse(path.read_text(encoding="utf-8"))
    assert art.engagement.type == "two_plus_two"
    assert art.engagement.date == "2024-08-20"


def test_an_op_ed_about_one_meeting_named_in_its_standfirst_reports_that_meeting(parse):
    art = parse(
        "OPINION | STRATEGIC AFFAIRS\n\n"
        "Delhi and Tokyo turn solidarity into substance\n"
        "The May 5 defence ministers' meeting showed how far India-Japan defence ties have come\n\n"
        "By a Guest Columnist | 7 May 2025\n\n"
        "When Defence Minister Rajnath Singh received Japan's Minister of Defense Gen Nakatani in New Delhi on "
        "Monday, the two sides went beyond condolences. They agreed to deepen defence industry cooperation."
    )
    assert art.engagement.type == "bilateral_ministerial"
    assert art.engagement.date == "2025-05-05"


def test_the_span_of_a_trip_does_not_date_the_meeting_held_during_it(parse):
    art = parse(
        "India-Japan Annual Defence Ministerial Meeting held in New Delhi\n\n"
        "20-August-2018 18:20 IST\n\n"
        "The Raksha Mantri Smt Nirmala Sitharaman and the Minister of Defense of Japan, Mr. Itsunori Onodera, "
        "held the Annual Defence Ministerial Meeting in New Delhi today. Mr. Onodera is on an official visit to "
        "India on August 19-20, 2018. The Ministers reviewed maritime security cooperation."
    )
    assert art.engagement.date == "2018-08-20"
