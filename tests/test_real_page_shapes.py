"""Shapes real news pages have and team-written articles lacked: page furniture, capture stamps,
datelines, weekday and background dates. Every text here is written for the test; each test
fails without the mechanism it names."""


def eng(parse, text, meta=None):
    art = parse(text, meta)
    assert art.india_japan, art.extra
    return art.engagement


def test_a_capture_stamp_is_the_page_date_and_a_weekday_counts_back_from_it(parse):
    e = eng(
        parse,
        " date 2021-03-18 India, Japan talk defence over the phone\n\n"
        "New Delhi: Defence Minister Rajnath Singh spoke to Japan's Defence Minister Nobuo Kishi on the "
        "phone on Tuesday and the two reviewed maritime security cooperation.",
    )
    assert e.date == "2021-03-16"  # 18 March 2021 was a Thursday
    assert e.type == "phone_call"
    why = e.decisions["date"]
    assert "weekday 'Tuesday' counted back from the page date 2021-03-18" in why.reason
    assert why.start >= 0


def test_a_stamp_known_only_to_the_month_dates_an_undated_report_to_that_month(parse):
    e = eng(
        parse,
        " date 2023-06 रक्षा मंत्री राजनाथ सिंह ने जापान के रक्षा मंत्री यासुकाजु हमादा से नई दिल्ली में "
        "मुलाकात की और समुद्री सुरक्षा पर चर्चा की।",
    )
    assert e.date == "2023-06"
    assert e.decisions["date"].confidence < 0.8


def test_a_ticker_and_the_sites_clock_above_the_headline_are_furniture(parse):
    ticker = " | ".join(
        [
            "Heavy rain shuts schools across the coastal districts for two days",
            "Cricket board names a new selection panel after the series defeat",
            "City metro opens its longest line to the airport this weekend",
            "Markets close higher as banks and software stocks rally again",
        ]
    )
    page = (
        "March 3, 2026 09:15 am (IST)\nFollow us:\nfacebook sharing button\ntwitter sharing button\n"
        f"{ticker}\nDefence\n"
        "India and Japan defence ministers review ties on a phone call\n"
        "| @someoutlet | Jan 14, 2021, at 07:10 am\n"
        "New Delhi: Defence Minister Rajnath Singh held a telephonic conversation with Japan's Defence "
        "Minister Nobuo Kishi on Tuesday. The two ministers discussed maritime security and defence "
        "cooperation between the two countries.\n"
    )
    art = parse(page)
    assert art.title == "India and Japan defence ministers review ties on a phone call"
    assert art.published == "2021-01-14"
    assert "Cricket" not in art.body
    assert art.engagement.type == "phone_call"
    assert art.engagement.date == "2021-01-12"


def test_will_be_held_speaks_of_the_future(parse):
    e = eng(
        parse,
        " date 2022-12-20 New Delhi, December 19\n"
        "India and Japan will hold their first air combat exercise in Japan next month. The exercise "
        "Veer Guardian will be held from January 16-26 with the Indian Air Force and the JASDF.",
    )
    assert e.date == "2023-01-16"
    assert e.status == "planned"


def test_a_month_in_background_is_not_the_date_of_an_undated_call(parse):
    e = eng(
        parse,
        "गुरुवार, 14 नवंबर 2019\n\nरक्षा मंत्री ने जापानी समकक्ष से बात की\n\n"
        "राजनाथ सिंह और जापानी रक्षा मंत्री तारो कोनो की फोन पर बात हुई।\n\n"
        "बातचीत में रक्षा सहयोग के कई पहलुओं पर विचार हुआ। सिंह ने याद दिलाया कि सितंबर 2019 "
        "के टोक्यो दौरे में दोनों पक्ष कई मुद्दों पर सहमत हुए थे।",
    )
    assert e.type == "phone_call"
    assert e.date is None


def test_an_unreadable_weekday_of_the_event_beats_the_series_start_month(parse):
    e = eng(
        parse,
        "Japan and India navies drill in the Arabian Sea\n\n"
        "The seventh edition of JIMEX is under way in the Arabian Sea since Monday, with ships of the "
        "Indian Navy and the JMSDF. The JIMEX series began in January 2012 to build maritime "
        "cooperation between India and Japan.",
    )
    assert e.type == "exercise"
    assert e.date is None
    assert "'Monday' names the day" in e.decisions["date"].reason


def test_dates_of_another_exercise_in_the_lead_do_not_date_this_one(parse):
    e = eng(
        parse,
        "Exercise Shinyuu Maitri: IAF transport aircraft train with the JASDF\n\n"
        "The Indian Air Force is taking part in exercise Shinyuu Maitri with the Japan Air Self Defence "
        "Force. It is held alongside exercise Dharma Guardian, which runs from 17 February 2023 to "
        "2 March 2023.\n\nAn IAF C-17 is taking part in Shinyuu Maitri. The exercise is being held on "
        "1 and 2 March 2023.",
    )
    assert e.type == "exercise"
    assert e.date == "2023-03-01"


def test_a_meeting_inside_a_trip_is_dated_by_its_own_day(parse):
    e = eng(
        parse,
        "India and Japan hold defence talks\n\n"
        "Manohar Parrikar is in Japan from 29 March to 1 April, 2015, invited by his counterpart Gen "
        "Nakatani. On March 30, 2015 the two defence ministers met in Tokyo for their annual "
        "ministerial talks.",
    )
    assert e.type == "bilateral_ministerial"
    assert e.date == "2015-03-30"


def test_the_datelines_day_dates_a_report_that_gives_no_other(parse):
    e = eng(
        parse,
        " date 2024-11-22 Vientiane [Laos], November 22 : Defence Minister Rajnath Singh held a "
        "bilateral meeting with the Japanese Defence Minister, General Nakatani, in Laos. They "
        "discussed the Indo-Pacific and defence industry cooperation.",
    )
    assert e.date == "2024-11-22"
    assert "dateline" in e.decisions["date"].reason


def test_a_visarga_dateline_and_a_misspelt_dateline_city_give_the_place(parse):
    e = eng(
        parse,
        "नयी दिल्लीः रक्षा मंत्री मनोहर पर्रिकर ने आज जापान के विदेश मंत्री फूमियो किशिदा से मुलाकात की. "
        "दोनों ने समुद्री सुरक्षा और रक्षा उपकरणों में सहयोग पर चर्चा की.",
    )
    assert e.place == "New Delhi"
    art = parse(
        "विएंतियन | आसियान शिखर सम्मेलन के लिए लाओस पहुंचे नरेन्द्र मोदी की जापानी प्रधानमंत्री शिंजो आबे से "
        "भेंट हुई, जिसमें रक्षा उपकरणों और समुद्री सुरक्षा पर बात हुई।"
    )
    assert art.engagement.place == "Vientiane"
    assert art.engagement.type == "sidelines_multilateral"
    assert any("by spelling similarity" in w for w in art.warnings)


def test_a_headline_with_a_colon_is_not_a_dateline_even_when_it_starts_with_a_city(parse):
    art = parse(
        "गांधीनगर शिखर वार्ता: दोनों प्रधानमंत्रियों ने रक्षा उपकरणों पर सहयोग बढ़ाने की सहमति दी और नए कदमों पर बात की\n\n"
        "प्रधानमंत्री नरेंद्र मोदी और जापान के प्रधानमंत्री शिंजो आबे के बीच गुरुवार को वार्षिक शिखर वार्ता हुई।"
    )
    assert art.title.startswith("गांधीनगर शिखर वार्ता")
    assert art.engagement.type == "summit"


def test_a_wish_to_join_an_exercise_is_not_an_exercise(parse):
    art = parse(
        "भारत-अमेरिका के मालाबार नौसैनिक अभ्यास में टोक्यो अब हर वर्ष शामिल होना चाहता है। "
        "जापानी रक्षा मंत्री इत्सुनोरी ओनोडेरा के अनुसार त्रिपक्षीय अभ्यास समुद्री सुरक्षा के लिए अहम होगा।",
        {"published": "2014-01-12"},
    )
    assert art.engagement.type == "other"


def test_without_a_page_date_the_role_the_text_states_decides(parse):
    # Takeshi Iwaya was defence minister in 2019-20 and foreign minister from 2024; no date here
    art = parse(
        "रक्षा मंत्री राजनाथ सिंह जापान के चार दिन के दौरे पर हैं. इस दौरान उन्होंने सोमवार को टोक्यो में जापान के रक्षा "
        "मंत्री ताकेशी इवाया से मुलाकात की. दोनों ने आतंकवाद और क्षेत्रीय सुरक्षा पर चर्चा की."
    )
    assert {p.name: p.role_key for p in art.people}["Takeshi Iwaya"] == "defence_minister"
    assert art.engagement.type == "bilateral_ministerial"
    assert art.engagement.status == "held"  # "is on a tour" makes the tour ongoing, not the meeting


def test_a_minister_calling_on_the_other_prime_minister_pays_a_visit(parse):
    e = eng(
        parse,
        "टोक्यो दौरे पर गए रक्षा मंत्री राजनाथ सिंह प्रधानमंत्री फुमियो किशिदा से मिले। "
        "विदेश मंत्री एस. जयशंकर उनके साथ थे। दोनों मंत्री पहले ही 2+2 वार्ता में भाग ले चुके थे।",
        {"published": "2022-09-09"},
    )
    assert e.type == "visit"
    assert "Fumio Kishida" in e.participants


def test_a_length_said_of_an_earlier_exercise_does_not_make_this_one_ongoing(parse):
    e = eng(
        parse,
        " date 2021-06-14 India, Japan navies exercise in the Indian Ocean\n"
        "Ships of the Indian Navy and the JMSDF took part in a joint exercise in the Indian Ocean on Sunday.\n"
        "Last year the two navies held a three-day exercise, JIMEX-2020, in the Arabian Sea.",
    )
    assert e.date == "2021-06-13"
    assert e.status == "held"


def test_a_photo_caption_with_its_credit_is_not_the_headline(parse):
    art = parse(
        " date 2022-09-08 The minister inspects a guard of honour in Tokyo before the talks. (Credits: Twitter/@SomeMinistry)\n\n"
        "In Tokyo on Thursday, Rajnath Singh and Japan's defence minister Yasukazu Hamada held talks "
        "on their joint exercises."
    )
    assert "guard of honour" not in art.body
    assert art.engagement.type == "bilateral_ministerial"


def test_the_sea_in_the_headline_beats_a_sea_named_as_background(parse):
    e = eng(
        parse,
        "India, US, Japan begin Malabar naval drill in Bay of Bengal\n\n"
        "India, the US and Japan today began the Malabar naval exercise with carriers from all three navies, "
        "the Indian Navy said on 10 July 2017.\n\nThe exercise is held off India's east coast until 17 July.\n\n"
        "The three countries are concerned about claims over the waters of the South China Sea.",
    )
    assert e.type == "exercise"
    assert e.place == "Bay of Bengal"


def test_an_ocean_in_an_office_name_is_not_where_a_dialogue_was(parse):
    e = eng(
        parse,
        "Defence Secretary Giridhar Aramane and Japan's Vice-Minister of Defense Oka Masami co-chaired the "
        "Defence Policy Dialogue on Wednesday, the ministry said on 7 April 2023. On Thursday the Vice "
        "Minister visited the Information Fusion Centre for Indian Ocean Region at Gurugram.",
    )
    assert e.type == "official_dialogue"
    assert e.place != "Indian Ocean"


def test_a_city_that_stands_for_its_government_is_not_the_venue(parse):
    e = eng(
        parse,
        "प्रधानमंत्री मोदी की पांच दिन की जापान यात्रा के तीसरे दिन दोनों प्रधानमंत्रियों ने शिखर वार्ता की। "
        "प्रधानमंत्री नरेंद्र मोदी और जापान के प्रधानमंत्री शिंजो आबे ने रक्षा उपकरणों और तकनीक में सहयोग पर बात की। "
        "शिखर वार्ता के बाद आबे ने कहा कि तोक्यो भारत को रक्षा तकनीक में मदद करेगा।",
    )
    assert e.type == "summit"
    assert e.place == "Japan"
    assert "names no city" in e.decisions["place"].reason


def test_an_exercise_in_japan_next_month_is_placed_in_japan_not_at_the_dateline(parse):
    e = eng(
        parse,
        " date 2022-12-20 New Delhi, December 19\n"
        "India and Japan will hold their first air combat exercise for ten days in Japan next month. The "
        "Japan Air Self-Defence Force will train with the Indian Air Force from January 16-26.",
    )
    assert e.place == "Japan"
    assert e.date == "2023-01-16"


def test_the_place_of_another_exercise_is_not_this_ones(parse):
    e = eng(
        parse,
        "Exercise Shinyuu Maitri: IAF transport aircraft train with the JASDF\n\n"
        "The Indian Air Force is taking part in exercise Shinyuu Maitri with the Japan Air Self Defence "
        "Force. The army exercise Dharma Guardian is being held at Komatsu in Japan from 17 February 2023.\n\n"
        "An IAF C-17 is taking part in Shinyuu Maitri on 1 and 2 March 2023.",
    )
    assert e.place != "Komatsu"


def _areas(art):
    return {a.id for a in art.areas}


def test_defence_cooperation_as_such_is_an_area_only_when_nothing_more_specific_is(parse):
    general = parse(
        "Defence Minister Rajnath Singh met Japan's Defence Minister Gen Nakatani in New Delhi on "
        "5 May 2025. The two ministers reviewed bilateral defence cooperation and the Indo-Pacific."
    )
    assert _areas(general) == {"strategic_partnership", "regional_security"}
    specific = parse(
        "Defence Minister Rajnath Singh met Japan's Defence Minister Gen Nakatani in New Delhi on "
        "5 May 2025. They reviewed defence cooperation, maritime security in the Indo-Pacific and "
        "co-production of defence equipment."
    )
    assert "strategic_partnership" not in _areas(specific)
    assert {"maritime_security", "regional_security", "defence_industry"} <= _areas(specific)


def test_training_that_describes_the_drill_is_the_exercise(parse):
    art = parse(
        "India and Japan will hold exercise Veer Guardian in January 2023. In the exercise bilateral "
        "fighter training of the JASDF and the Indian Air Force will take place at Hyakuri.",
        {"published": "2022-12-20"},
    )
    assert "military_exercises" in _areas(art)
    assert "training_exchanges" not in _areas(art)


def test_peace_named_as_what_an_attack_destabilises_is_not_an_area(parse):
    art = parse(
        "रक्षा मंत्री राजनाथ सिंह ने 5 मई 2025 को नई दिल्ली में जापान के रक्षा मंत्री जनरल नकातानी से मुलाकात की। "
        "दोनों ने आतंकवाद की निंदा की। उन्होंने कहा कि ऐसे हमले क्षेत्रीय शांति को अस्थिर करते हैं।"
    )
    assert "counter_terrorism" in _areas(art)
    assert "regional_security" not in _areas(art)


def test_next_month_in_a_december_report_is_january_of_the_next_year(parse):
    e = eng(
        parse,
        " date 2022-12-23 India and Japan will hold their first fighter exercise in Japan next month, "
        "with the Indian Air Force and the JASDF.",
    )
    assert e.date == "2023-01"
    assert e.status == "planned"


def test_this_month_gives_way_to_the_day_in_that_month(parse):
    e = eng(
        parse,
        " date 2019-11-18 The first India-Japan 2+2 ministerial dialogue will be held this month. "
        "Officials said the foreign and defence ministers will meet in New Delhi on November 30.",
    )
    assert e.date == "2019-11-30"


def test_a_dateline_city_that_only_rhymes_with_a_known_one_is_not_read_as_it(kb):
    from dashboard.parse.entities import dateline_place

    assert dateline_place("वियतितिन", kb) == ("Vientiane", "spelling")  # a misspelling keeps the first sound
    assert dateline_place("Toyko", kb) == ("Tokyo", "spelling")
    assert dateline_place("कोच्चिन्न", kb)[0] != "Visakhapatnam"
    assert dateline_place("हैदराबाद", kb) == ("Hyderabad", "alias")
    for furniture in ("ब्यूरो", "संवाददाता", "डेस्क", "Staff Reporter", "Bureau", "गुरुवार", "Thursday"):
        assert dateline_place(furniture, kb) == (None, "")
