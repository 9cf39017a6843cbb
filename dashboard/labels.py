"""Interface labels in English and Hindi (the Hindi toggle); ids stay English everywhere else.

Every word the app shows is here, as an (English, Hindi) pair, so the Hindi mode is complete and
a test can check it: ids (defence_industry, exercise) never reach the screen. The words of each
page sit in a table of their own, merged into UI, so parallel work on pages merges cleanly."""

from __future__ import annotations

TYPES = {
    "bilateral_ministerial": ("Ministerial meeting", "मंत्रिस्तरीय बैठक"),
    "two_plus_two": ("2+2 dialogue", "2+2 वार्ता"),
    "summit": ("Summit", "शिखर सम्मेलन"),
    "phone_call": ("Phone call", "फोन वार्ता"),
    "sidelines_multilateral": ("Sidelines meeting", "बहुपक्षीय मंच पर बैठक"),
    "exercise": ("Exercise", "सैन्य अभ्यास"),
    "official_dialogue": ("Officials' dialogue", "अधिकारी स्तर की वार्ता"),
    "visit": ("Visit", "यात्रा"),
    "agreement": ("Agreement", "समझौता"),
    "other": ("Other", "अन्य"),
}
STATUSES = {"held": ("Held", "संपन्न"), "planned": ("Planned", "प्रस्तावित"), "ongoing": ("Ongoing", "जारी")}
AREAS = {
    "counter_terrorism": ("Counter-terrorism", "आतंकवाद-रोधी"),
    "maritime_security": ("Maritime security", "समुद्री सुरक्षा"),
    "military_exercises": ("Military exercises", "सैन्य अभ्यास"),
    "defence_industry": ("Defence industry", "रक्षा उद्योग"),
    "mro": ("MRO", "रखरखाव-मरम्मत (MRO)"),
    "emerging_technologies": ("Emerging technologies", "उभरती प्रौद्योगिकियां"),
    "cyber_security": ("Cyber security", "साइबर सुरक्षा"),
    "space": ("Space", "अंतरिक्ष"),
    "logistics_agreements": ("Logistics agreements", "रसद समझौते"),
    "regional_security": ("Regional security", "क्षेत्रीय सुरक्षा"),
    "hadr": ("HADR", "मानवीय सहायता व आपदा राहत"),
    "training_exchanges": ("Training & exchanges", "प्रशिक्षण व आदान-प्रदान"),
    "economic_security": ("Economic security", "आर्थिक सुरक्षा"),
    "strategic_partnership": ("Strategic partnership", "सामरिक साझेदारी"),
}
LANGUAGES = {
    "hi": ("Hindi", "हिंदी"),
    "en": ("English", "अंग्रेज़ी"),
    "mixed": ("Code-mixed", "मिश्रित"),
    "mr": ("Marathi", "मराठी"),
    "ja": ("Japanese", "जापानी"),
    "bn": ("Bengali", "बांग्ला"),
    "gu": ("Gujarati", "गुजराती"),
    "or": ("Odia", "ओड़िया"),
    "ta": ("Tamil", "तमिल"),
    "te": ("Telugu", "तेलुगु"),
    "ur": ("Urdu", "उर्दू"),
}
UI = {
    "title": ("India–Japan defence relations", "भारत–जापान रक्षा संबंध"),
    "overview": ("Overview", "सारांश"),
    "timeline": ("Timeline", "समय-रेखा"),
    "areas": ("Cooperation areas", "सहयोग के क्षेत्र"),
    "articles": ("Articles", "लेख"),
    "review": ("Review", "समीक्षा"),
    "ingest": ("Ingest", "लेख जोड़ें"),
    "filters": ("Filters", "फ़िल्टर"),
    "date_range": ("Date range", "तिथि सीमा"),
    "types": ("Engagement types", "बैठक के प्रकार"),
    "status": ("Status", "स्थिति"),
    "areas_f": ("Areas", "क्षेत्र"),
    "people": ("People", "व्यक्ति"),
    "languages": ("Languages", "भाषाएं"),
    "sources": ("Sources", "स्रोत"),
    "search": ("Search (Hindi or English)", "खोजें (हिंदी या अंग्रेज़ी)"),
    "hindi": ("हिंदी labels", "हिंदी लेबल"),
    "engagements": ("Engagements", "बैठकें"),
    "n_articles": ("Articles", "लेख"),
    "n_sources": ("Sources", "स्रोत"),
    "n_languages": ("Languages", "भाषाएं"),
    "latest": ("Latest engagement", "नवीनतम बैठक"),
    "rising": ("Rising areas", "बढ़ते क्षेत्र"),
    "no_match": ("No engagements match these filters. Widen the date range or clear a filter.", "इन फ़िल्टरों से कोई बैठक नहीं मिली।"),
    "reset": ("Clear filters", "फ़िल्टर हटाएं"),
    "participants": ("Participants", "प्रतिभागी"),
    "evidence": ("In their words", "उनके शब्दों में"),
    "reported_by": ("Reported by", "स्रोत लेख"),
    "period": ("Period", "अवधि"),
    "value": ("Value", "मान"),
    "normalise": ("Share of the period", "अवधि में हिस्सा"),
    "trend": ("Trend per area", "क्षेत्रवार रुझान"),
}


ROLES = {
    "prime_minister": ("Prime Minister", "प्रधानमंत्री"),
    "defence_minister": ("Defence Minister", "रक्षा मंत्री"),
    "foreign_minister": ("Foreign Minister", "विदेश मंत्री"),
    "vice_minister": ("Vice-Minister", "उप मंत्री"),
    "defence_secretary": ("Defence Secretary", "रक्षा सचिव"),
    "navy_chief": ("Navy chief", "नौसेना प्रमुख"),
    "army_chief": ("Army chief", "थल सेना प्रमुख"),
    "air_chief": ("Air force chief", "वायु सेना प्रमुख"),
    "cds": ("Chief of Defence Staff", "चीफ ऑफ डिफेंस स्टाफ"),
    "joint_staff_chief": ("Chief of the Joint Staff", "संयुक्त स्टाफ प्रमुख"),
    "coast_guard_chief": ("Coast Guard chief", "तटरक्षक प्रमुख"),
    "ambassador": ("Ambassador", "राजदूत"),
    "official": ("Official", "अधिकारी"),
}
DATE_ROLES = {"engagement": ("Engagement", "बैठक की तिथि"), "published": ("Published", "प्रकाशन"), "referenced": ("Mentioned", "उल्लिखित")}
COUNTRIES = {
    "India": ("India", "भारत"),
    "Japan": ("Japan", "जापान"),
    "United States": ("United States", "अमेरिका"),
    "Australia": ("Australia", "ऑस्ट्रेलिया"),
    "China": ("China", "चीन"),
    "Philippines": ("Philippines", "फ़िलीपींस"),
    "Vietnam": ("Vietnam", "वियतनाम"),
    "Nepal": ("Nepal", "नेपाल"),
}
PERIODS = {"month": ("Month", "महीना"), "quarter": ("Quarter", "तिमाही"), "year": ("Year", "वर्ष")}
VALUES = {"engagements": ("Engagements discussing the area", "क्षेत्र पर चर्चा वाली बैठकें"), "mentions": ("Mentions in articles", "लेखों में उल्लेख")}

MENU = {
    "overview": ("Overview", "सारांश"),
    "timeline": ("Timeline", "समय-रेखा"),
    "areas": ("Cooperation areas", "सहयोग के क्षेत्र"),
    "articles": ("Articles", "लेख"),
    "map": ("Map", "मानचित्र"),
    "meetings": ("Who met whom", "किसने किससे मुलाकात की"),
    "briefing": ("Briefing", "ब्रीफ़िंग"),
    "review": ("Review", "समीक्षा"),
    "ingest": ("Ingest", "लेख जोड़ें"),
    "sources": ("Sources", "स्रोत"),
}
SIDEBAR = {
    "menu": ("Pages", "पृष्ठ"),
    "hindi_help": ("Show labels in Hindi", "लेबल हिंदी में दिखाएं"),
    "from": ("From", "से"),
    "to": ("To", "तक"),
    "dates": ("Dates", "तिथियां"),
    "dates_help": ("Data from {first} to {last}; the presets count back from the newest engagement held, {newest}.", "आंकड़े {first} से {last} तक; विकल्प सबसे नई संपन्न बैठक ({newest}) से पीछे गिने जाते हैं।"),
    "preset_12m": ("Last 12 months", "पिछले 12 महीने"),
    "preset_all": ("All", "सभी"),
    "date_slider": ("Date range", "तिथि सीमा"),
    "all": ("All", "सभी"),
    "counts_help": ("The number beside each choice: engagements under the other filters.", "हर विकल्प के साथ की संख्या: बाकी फ़िल्टरों के अंतर्गत बैठकें।"),
    "all_selected": ("All {n} chosen: that is no filter, so the choice is cleared.", "सभी {n} चुने गए: यानी कोई फ़िल्टर नहीं, इसलिए चुनाव हटा दिया गया।"),
    "link_problems": ("This link held values the dashboard cannot use; they are left out: {items}", "इस लिंक के कुछ मान उपयोग योग्य नहीं थे, छोड़ दिए गए: {items}"),
    "unknown_values": ("not in this database", "इस डेटाबेस में नहीं"),
    "saved_views": ("Saved views", "सहेजे गए दृश्य"),
    "view_name": ("Name of this view", "इस दृश्य का नाम"),
    "save_view": ("Save this view", "यह दृश्य सहेजें"),
    "saved": ("Saved “{name}”.", "“{name}” सहेजा गया।"),
    "choose_view": ("Open a saved view", "सहेजा गया दृश्य खोलें"),
    "open": ("Open", "खोलें"),
    "delete": ("Delete", "हटाएं"),
    "deleted": ("Deleted “{name}”.", "“{name}” हटाया गया।"),
    "no_views": ("No saved views yet.", "अभी कोई दृश्य सहेजा नहीं गया।"),
    "name_needed": ("Give the view a name first.", "पहले दृश्य का नाम लिखें।"),
    "views_readonly": ("Views cannot be saved: {reason}", "दृश्य सहेजा नहीं जा सका: {reason}"),
    "page_error": ("This page could not be shown ({kind}). The details are in the server's log; the other pages still work.", "यह पृष्ठ दिखाया नहीं जा सका ({kind})। विवरण सर्वर लॉग में है; बाकी पृष्ठ काम करते हैं।"),
}
COMMON = {
    "unknown_source": ("unknown source", "अज्ञात स्रोत"),
    "undated": ("undated", "बिना तिथि"),
    "place_not_stated": ("place not stated", "स्थान नहीं बताया गया"),
    "participants_not_named": ("participants not named", "प्रतिभागियों के नाम नहीं"),
    "read": ("Read", "पढ़ें"),
    "new": ("new", "नया"),
    "ongoing_as_of": ("ongoing when last reported, {date}", "अंतिम रिपोर्ट ({date}) के समय जारी"),
    "how_decided": ("How sure, and why", "कितना निश्चित, और क्यों"),
    "col_field": ("Field", "विवरण"),
    "col_value": ("Value", "मान"),
    "col_sure": ("How sure", "निश्चितता"),
    "col_why": ("Why (the parser's words, in English)", "क्यों (पार्सर के शब्द, अंग्रेज़ी में)"),
    "unsure_note": ("? marks a value the parser is less than 80 % sure of: check it against the sentence.", "? वाला मान पार्सर के लिए 80% से कम निश्चित है: वाक्य से मिलाकर देखें।"),
    "sure_dates": ("Only engagements with a sure date", "केवल निश्चित तिथि वाली बैठकें"),
    "sure_dates_help": ("Hide engagements whose date the parser is less than 80 % sure of (shown as 'date?').", "वे बैठकें छिपाएं जिनकी तिथि पार्सर के लिए 80% से कम निश्चित है ('तिथि?' के रूप में दिखती हैं)।"),
}
DECIDED = {
    "date": ("Date", "तिथि"),
    "type": ("Type", "प्रकार"),
    "status": ("Status", "स्थिति"),
    "place": ("Place", "स्थान"),
    "participants": ("Participants", "प्रतिभागी"),
}
OVERVIEW = {
    "help_engagements": ("Real-world India–Japan engagements; several reports of one meeting count once", "भारत–जापान की वास्तविक बैठकें; एक बैठक की कई रिपोर्टें एक ही गिनी जाती हैं"),
    "help_articles": ("India–Japan articles behind them", "उनके पीछे के भारत–जापान लेख"),
    "help_sources": ("Independent outlets: the spellings of one outlet, and outlets of one group (a government's press offices), count once", "स्वतंत्र समाचार स्रोत: एक स्रोत की अलग-अलग वर्तनियां, और एक समूह के स्रोत (किसी सरकार के प्रेस कार्यालय), एक ही गिने जाते हैं"),
    "open_engagement": ("Open this engagement", "यह बैठक खोलें"),
    "compare": ("Periods compared", "तुलना की अवधियां"),
    "this_period": ("This period", "यह अवधि"),
    "against": ("Against", "इससे तुलना"),
    "compare_caption": ("Engagements discussing each area, {a} to {b}, against {c} to {d}.", "हर क्षेत्र पर चर्चा वाली बैठकें, {a} से {b}, तुलना {c} से {d}।"),
    "no_earlier_data": ("There is no data before {first}, so {c} to {d} has nothing to compare with: no area is called new.", "{first} से पहले के आंकड़े नहीं हैं, इसलिए {c} से {d} से तुलना संभव नहीं: कोई क्षेत्र नया नहीं कहा गया।"),
    "col_area": ("Area", "क्षेत्र"),
    "col_current": ("This period", "यह अवधि"),
    "col_previous": ("Before", "पिछली अवधि"),
    "col_change": ("Change", "बदलाव"),
    "ov_timeline_hint": ("Click a mark to open it on the Timeline.", "टाइमलाइन पर खोलने के लिए किसी निशान पर क्लिक करें।"),
    "ov_grid_hint": ("Click a square to read what was said, on Cooperation areas.", "क्या कहा गया, पढ़ने के लिए किसी वर्ग पर क्लिक करें।"),
}
TIMELINE = {
    "tl_caption": ("One mark per engagement · colour and row = type · open circle = planned, diamond = ongoing · size = number of reporting articles. Click a mark for its detail.", "हर बैठक का एक निशान · रंग और पंक्ति = प्रकार · खाली गोला = प्रस्तावित, हीरा = जारी · आकार = रिपोर्ट करने वाले लेखों की संख्या। विवरण के लिए निशान पर क्लिक करें।"),
    "engagement": ("Engagement", "बैठक"),
    "choose_engagement": ("— choose, or click a mark —", "— चुनें, या किसी निशान पर क्लिक करें —"),
    "not_named": ("not named in the reports", "रिपोर्टों में नाम नहीं"),
    "sentences_in": ("{s} in {a}", "{s}, {a} में"),
    "n_reports_in": ("{n} in {languages}", "{n}, {languages} में"),
    "gone_engagement": ("That engagement is not among those the filters select (or no longer in the database).", "यह बैठक चुने गए फ़िल्टरों में नहीं है (या अब डेटाबेस में नहीं है)।"),
}
AREAS_PAGE = {
    "ar_caption": ("Each square is an area in a period; darker = more. Click a square to read the sentences and articles behind its number.", "हर वर्ग किसी अवधि में एक क्षेत्र है; गहरा = अधिक। संख्या के पीछे के वाक्य और लेख पढ़ने के लिए वर्ग पर क्लिक करें।"),
    "normalise_help": ("Each square as a share of its period's engagements, with the count beside it, to compare busy and quiet periods", "हर वर्ग अपनी अवधि की बैठकों के हिस्से के रूप में, साथ में संख्या, ताकि व्यस्त और शांत अवधियों की तुलना हो सके"),
    "share": ("Share of the period's engagements", "अवधि की बैठकों में हिस्सा"),
    "share_caption": ("Colour = share of the period's engagements; size = how many (a full square is the busiest cell). Hover for both figures.", "रंग = अवधि की बैठकों में हिस्सा; आकार = कितनी बैठकें (पूरा वर्ग सबसे व्यस्त खाना है)। दोनों संख्याओं के लिए माउस ले जाएं।"),
    "cell_summary": ("{e} and {m}, in {a}.", "{e} और {m}, {a} में।"),
    "cell_empty": ("No engagement discussed this area in that period under the current filters.", "मौजूदा फ़िल्टरों में इस अवधि में किसी बैठक में इस क्षेत्र पर चर्चा नहीं हुई।"),
    "more_sentences": ("… and {n} more.", "… और {n}।"),
    "trend_areas": ("Areas", "क्षेत्र"),
}
ARTICLES_PAGE = {
    "only_ij": ("Only India–Japan articles", "केवल भारत–जापान लेख"),
    "expand": ("Search other spellings of a name too", "नाम की दूसरी वर्तनियां भी खोजें"),
    "also_searched": ("also searched: {words}", "ये भी खोजे गए: {words}"),
    "and_more": ("… and {n} more", "… और {n}"),
    "n_found": ("{n}. Select a row to read it.", "{n}। पढ़ने के लिए कोई पंक्ति चुनें।"),
    "first_2000": ("(the first 2,000)", "(पहले 2,000)"),
    "col_published": ("Published", "प्रकाशित"),
    "col_title": ("Title", "शीर्षक"),
    "col_source": ("Source", "स्रोत"),
    "col_language": ("Language", "भाषा"),
    "col_engagement": ("Engagement", "बैठक"),
    "col_engagement_date": ("Engagement date", "बैठक की तिथि"),
    "col_link": ("Link", "लिंक"),
    "link_open": ("open", "खोलें"),
    "matches": ("Matches", "मिलान"),
    "matches_help": ("Click a match to read its article.", "लेख पढ़ने के लिए किसी मिलान पर क्लिक करें।"),
    "gone_article": ("That article is not in this database (it may have been removed). Choose another one.", "यह लेख इस डेटाबेस में नहीं है (शायद हटा दिया गया)। कोई और लेख चुनें।"),
    "open_original": ("Open the original", "मूल लेख खोलें"),
    "legend_term": ("search term", "खोज शब्द"),
    "legend_person": ("person", "व्यक्ति"),
    "legend_evidence": ("sentence evidencing an area", "किसी क्षेत्र का प्रमाण देने वाला वाक्य"),
    "record": ("Extracted record", "निकाला गया विवरण"),
    "not_ij": ("Not an India–Japan engagement.", "भारत–जापान बैठक नहीं।"),
    "dates": ("Dates", "तिथियां"),
    "people_h": ("People", "व्यक्ति"),
    "areas_h": ("Areas", "क्षेत्र"),
    "warnings": ("The parser's notes (in English)", "पार्सर की टिप्पणियां (अंग्रेज़ी में)"),
    "col_date": ("Date", "तिथि"),
    "col_role": ("Role", "भूमिका"),
    "col_text": ("In the text", "पाठ में"),
    "col_name": ("Name", "नाम"),
    "col_country": ("Country", "देश"),
    "col_mentions": ("Mentions", "उल्लेख"),
    "col_keywords": ("Keywords", "मुख्य शब्द"),
    "unresolved": ("unresolved", "अनिर्धारित"),
    "date_unknown": ("date unknown", "तिथि अज्ञात"),
    "place_unknown": ("place unknown", "स्थान अज्ञात"),
    "show_on_timeline": ("Show its engagement on the timeline", "इसकी बैठक समय-रेखा पर दिखाएं"),
    "file": ("file", "फ़ाइल"),
}
# counted words: key -> ((English one, English many), (Hindi one, Hindi many))
COUNTED = {
    "engagements": (("{n} engagement", "{n} engagements"), ("{n} बैठक", "{n} बैठकें")),
    "articles": (("{n} article", "{n} articles"), ("{n} लेख", "{n} लेख")),
    "articles_in": (("{n} article", "{n} articles"), ("{n} लेख", "{n} लेखों")),
    "reports": (("{n} report", "{n} reports"), ("{n} रिपोर्ट", "{n} रिपोर्टें")),
    "sentences": (("{n} sentence", "{n} sentences"), ("{n} वाक्य", "{n} वाक्य")),
    "mentions": (("{n} mention", "{n} mentions"), ("{n} उल्लेख", "{n} उल्लेख")),
}
for _table in (MENU, SIDEBAR, COMMON, OVERVIEW, TIMELINE, AREAS_PAGE, ARTICLES_PAGE):
    UI.update(_table)


def t(key: str, hindi: bool = False, table: dict | None = None) -> str:
    """A label: t('summit', hindi, TYPES) -> 'शिखर सम्मेलन'; unknown keys come back as they are."""
    pair = (table or UI).get(key)
    if not pair:
        return key
    return pair[1] if hindi else pair[0]


def n(count: int, key: str, hindi: bool = False) -> str:
    """A counted word: n(1, 'articles') -> '1 article', n(3, 'articles', True) -> '3 लेख'."""
    one, many = COUNTED[key][1 if hindi else 0]
    return (one if count == 1 else many).format(n=f"{count:,}")


def fmt(key: str, hindi: bool = False, **values: object) -> str:
    """A label with blanks filled: fmt('saved', hi, name=...)."""
    return t(key, hindi).format(**values)


# --- briefing, slides, exports, map and who-met-whom (the briefing slice) ---------------------
BRIEF = {
    "briefing": ("Briefing", "ब्रीफ़िंग"),
    "present": ("Presentation mode", "प्रस्तुति मोड"),
    "present_help": ("One slide per screen; arrow keys move, Esc leaves", "हर स्क्रीन पर एक स्लाइड; तीर कुंजियों से आगे-पीछे, Esc से बाहर"),
    "summary": ("Summary", "सारांश"),
    "happened": ("What happened", "क्या हुआ"),
    "discussed": ("What was discussed", "किन विषयों पर चर्चा हुई"),
    "words": ("In their words", "उनके शब्दों में"),
    "next": ("What comes next", "आगे क्या"),
    "engagement": ("Engagement", "बैठक"),
    "legend": ("● held · ○ planned · ◆ ongoing · the larger the mark, the more reports", "● संपन्न · ○ प्रस्तावित · ◆ जारी · निशान जितना बड़ा, उतनी अधिक रिपोर्टें"),
    "export": ("Export", "निर्यात"),
    "prev": ("◀ Previous", "◀ पिछला"),
    "next_btn": ("Next ▶", "अगला ▶"),
    "exit": ("Leave presentation", "प्रस्तुति से बाहर"),
    "slide_of": ("Slide {i} of {n}", "स्लाइड {i} / {n}"),
    "eng_of": ("{i} of {n}", "{n} में से {i}"),
    "place_unknown": ("place not stated", "स्थान नहीं बताया गया"),
    "people_unknown": ("participants not named", "प्रतिभागियों के नाम नहीं"),
    "undated": ("undated", "तिथि रहित"),
    "unnamed_source": ("unnamed source", "अनाम स्रोत"),
    "no_quotes": ("No evidence sentences for this selection.", "इस चयन के लिए कोई साक्ष्य वाक्य नहीं।"),
    "no_planned": ("No planned engagement in the reports for this period.", "इस अवधि की रिपोर्टों में कोई प्रस्तावित बैठक नहीं।"),
    "new_areas": ("New this period", "इस अवधि में नए"),
    "rising": ("Rising", "बढ़ते"),
    "none_rising": ("No area is new or rising", "कोई क्षेत्र नया या बढ़ता हुआ नहीं"),
    "compare": ("Compare with", "तुलना किससे"),
    "compare_prev": ("The period just before, of equal length", "ठीक पहले की बराबर अवधि"),
    "compare_custom": ("A period I choose", "मेरी चुनी अवधि"),
    "compare_from": ("Compare from", "तुलना: से"),
    "compare_to": ("Compare to", "तुलना: तक"),
    "trace": ("Where each figure comes from", "हर आंकड़ा कहां से आया"),
    "trace_engagements_held": ("Engagements held", "हुई बैठकें"),
    "trace_engagements_planned": ("Engagements planned", "प्रस्तावित बैठकें"),
    "trace_latest": ("The latest", "सबसे हालिया"),
    "trace_next": ("Next", "अगली"),
    "india": ("India", "भारत"),
    "japan": ("Japan", "जापान"),
    "date": ("Date", "तिथि"),
    "type": ("Type", "प्रकार"),
    "status": ("Status", "स्थिति"),
    "place": ("Place", "स्थान"),
    "participants": ("Participants", "प्रतिभागी"),
    "reports": ("Reports", "रिपोर्टें"),
    "areas": ("Areas", "क्षेत्र"),
    "id": ("Id", "पहचान"),
    "published": ("Published", "प्रकाशित"),
    "title": ("Title", "शीर्षक"),
    "outlet": ("Source", "स्रोत"),
    "language": ("Language", "भाषा"),
    "url": ("Link", "लिंक"),
    "file": ("File", "फ़ाइल"),
    "engagement_type": ("Engagement", "बैठक का प्रकार"),
    "engagement_date": ("Engagement date", "बैठक की तिथि"),
    "engagement_id": ("Engagement id", "बैठक की पहचान"),
    "period": ("Period", "अवधि"),
    "area": ("Area", "क्षेत्र"),
    "value": ("Value", "मान"),
    "engagements": ("Engagements", "बैठकें"),
    "mentions": ("Mentions", "उल्लेख"),
    "articles_n": ("Articles", "लेख"),
    "independent": ("Independent outlets", "स्वतंत्र स्रोत"),
    "corrected": ("Corrected by a reviewer", "समीक्षक द्वारा सुधार"),
    "briefing_for": ("Briefing for {a} to {b}", "{a} से {b} तक की ब्रीफ़िंग"),
    "built_from": ("Built by the India–Japan defence relations dashboard from {n} engagements; every figure traces to the articles behind it.", "भारत–जापान रक्षा संबंध डैशबोर्ड द्वारा {n} बैठकों से तैयार; हर आंकड़ा अपने पीछे के लेखों तक जाता है।"),
    "dl_html": ("Briefing (HTML)", "ब्रीफ़िंग (HTML)"),
    "dl_pdf": ("Briefing (PDF)", "ब्रीफ़िंग (PDF)"),
    "dl_pptx": ("Slides (PPTX)", "स्लाइड (PPTX)"),
    "dl_xlsx": ("Tables (XLSX)", "तालिकाएं (XLSX)"),
    "dl_engagements": ("Engagements (CSV)", "बैठकें (CSV)"),
    "dl_articles": ("Articles (CSV)", "लेख (CSV)"),
    "dl_area_period": ("Area × period (CSV)", "क्षेत्र × अवधि (CSV)"),
    "dl_timeline.png": ("Timeline (PNG)", "समय-रेखा (PNG)"),
    "dl_areas.png": ("Areas (PNG)", "क्षेत्र (PNG)"),
    "preparing": ("Preparing the exports in the background ({s} s) — a click waits for them.", "निर्यात पृष्ठभूमि में तैयार हो रहे हैं ({s} सेकंड) — क्लिक करने पर तैयार होते ही मिलेंगे।"),
    "ready": ("All exports are ready: the same rows as this page.", "सभी निर्यात तैयार हैं: इसी पृष्ठ की पंक्तियों से।"),
    "failed": ("An export could not be built: {e}", "निर्यात नहीं बन सका: {e}"),
    "names_note": ("File names carry the period and filters.", "फ़ाइल नामों में अवधि और फ़िल्टर हैं।"),
    "map": ("Map of engagements", "बैठकों का मानचित्र"),
    "map_caption": ("One circle per place; size = engagements held there. Drawn offline from the bundled Natural Earth outlines. Click a circle for its engagements.", "हर स्थान का एक वृत्त; आकार = वहां हुई बैठकें। साथ रखे Natural Earth मानचित्र से ऑफ़लाइन बना। बैठकों के लिए वृत्त पर क्लिक करें।"),
    "no_place": ("{n} engagement(s) have no place on the map (place not stated or without coordinates).", "{n} बैठक(ों) का मानचित्र पर स्थान नहीं (स्थान अज्ञात या निर्देशांक नहीं)।"),
    "meetings": ("Who met whom", "किसने किससे मुलाकात की"),
    "meetings_caption": ("Indian participants down, Japanese across; a square = engagements both took part in. Click a square for those engagements.", "नीचे भारतीय, आड़े जापानी प्रतिभागी; वर्ग = दोनों की साझा बैठकें। उन बैठकों के लिए वर्ग पर क्लिक करें।"),
    "open_timeline": ("Open on the timeline", "समय-रेखा पर खोलें"),
    "together": ("{n} engagement(s) together", "{n} साझा बैठक(ें)"),
    "people_shown": ("People shown (most engagements first)", "दिखाए गए व्यक्ति (सबसे अधिक बैठकों वाले पहले)"),
}


def b(key: str, hindi: bool = False, **fmt) -> str:
    """A briefing-slice label, formatted: b('slide_of', hi, i=2, n=9)."""
    text = t(key, hindi, BRIEF)
    return text.format(**fmt) if fmt else text


# --- the Review page (review.py; the correction forms' words are in pages/review_ui.py) ---------
REVIEW_PAGE = {
    "prev_help": ("previous (K)", "पिछला (K)"),
    "next_help": ("next (J)", "अगला (J)"),
    "col_why": ("Why it is here", "यह यहां क्यों है"),
    "col_what": ("What", "क्या"),
    "col_reasons": ("Reasons", "कारण"),
    "col_when": ("When", "कब"),
    "col_who": ("Who", "किसने"),
    "col_change": ("Change", "बदलाव"),
    "col_target": ("Record", "रिकॉर्ड"),
    "col_note": ("Note", "टिप्पणी"),
    "col_state": ("State", "स्थिति"),
    "col_article": ("Article", "लेख"),
    "col_how": ("How", "कैसे"),
    "col_field": ("Field", "विवरण"),
    "col_before": ("Before", "पहले"),
    "col_after": ("After", "बाद में"),
    "gone": ("an engagement no longer in the database", "एक बैठक जो अब डेटाबेस में नहीं"),
    "gone_article": ("an article no longer in the database", "एक लेख जो अब डेटाबेस में नहीं"),
}
# why an item is in the review queue (review/queue.py TIERS), and its reasons (Item.why)
TIERS = {
    "unsure": ("the parser is unsure of a field", "पार्सर किसी विवरण को लेकर अनिश्चित है"),
    "disagree": ("its reports disagree", "इसकी रिपोर्टें आपस में सहमत नहीं"),
    "few_cues": ("India–Japan on few cues", "भारत–जापान होने के कम संकेत"),
    "single": ("a single report", "केवल एक रिपोर्ट"),
}
REASONS = {
    "unsure": ("{field} {sure} sure", "{field} {sure} निश्चित"),
    "disagree": ("reports say {field}: {values}", "रिपोर्टों में {field}: {values}"),
    "single": ("a single report", "केवल एक रिपोर्ट"),
    "few_cues": ("India–Japan on few cues (score {score})", "भारत–जापान होने के कम संकेत (अंक {score})"),
}

# a correction in words, for the review log and an engagement's history (review/service.py describe)
CHANGES = {
    "merged": ("merged with {other}", "{other} के साथ जोड़ा गया"),
    "split": ("{n} report(s) split off into an engagement of their own", "{n} रिपोर्ट(ें) अलग बैठक में की गईं"),
    "moved": ("moved from {old} to {new}", "{old} से {new} में ले जाया गया"),
    "none": ("none", "कोई नहीं"),
    "own": ("an engagement of its own", "अपनी अलग बैठक"),
    "reviewed": ("reviewed: right as shown", "समीक्षित: जैसा दिखा, सही"),
    "spelling": ("spelling {alias} added for {name}", "{name} के लिए वर्तनी {alias} जोड़ी गई"),
    "yes": ("yes", "हां"),
    "no": ("no", "नहीं"),
    "undone": ("undone by {by} on {day}", "{by} द्वारा {day} को वापस लिया गया"),
    "applied": ("applied", "लागू"),
    "waiting": ("waiting", "प्रतीक्षा में"),
    "agrees": ("the parser now agrees", "अब पार्सर भी सहमत"),
    "superseded": ("changed again later", "बाद में फिर बदला गया"),
}

# --- the Sources page (sources.py) ------------------------------------------------------------
SOURCES_PAGE = {
    "sources": ("Sources", "स्रोत"),
    "caption": (
        "Feeds (RSS, Atom), sitemaps and article pages that the dashboard's follow command fetches on a schedule; new articles are parsed and stored like uploaded files. "
        "The same story at several addresses is stored once, and a wire story re-published by several outlets is one story with several reports.",
        "फ़ीड (RSS, Atom), साइटमैप और लेख-पृष्ठ, जिन्हें डैशबोर्ड का अनुसरण आदेश तय समय पर लाता है; नए लेख अपलोड की गई फ़ाइलों की तरह पढ़े और सहेजे जाते हैं। "
        "कई पतों पर एक ही ख़बर एक बार सहेजी जाती है, और कई स्रोतों द्वारा दोबारा छापी गई एजेंसी की ख़बर कई रिपोर्टों वाली एक ख़बर है।",
    ),
    "add": ("Follow a source", "नया स्रोत जोड़ें"),
    "url": ("URL of a feed, sitemap or article page", "फ़ीड, साइटमैप या लेख-पृष्ठ का URL"),
    "name": ("Name", "नाम"),
    "name_ph": ("(its host)", "(उसका होस्ट)"),
    "every": ("Fetch every", "कितनी देर में लाएं"),
    "language": ("Language", "भाषा"),
    "detect": ("(detect)", "(अपने-आप पहचानें)"),
    "private": ("It is on this machine or a private network", "यह इसी मशीन या निजी नेटवर्क पर है"),
    "private_help": ("Allows only this URL's host and port; links from it to other private addresses are still refused.", "केवल इस URL के होस्ट और पोर्ट की अनुमति; इससे दूसरे निजी पतों की कड़ियां फिर भी अस्वीकार होती हैं।"),
    "follow": ("Follow", "अनुसरण करें"),
    "editor_needed": ("Adding, pausing and removing sources needs the editor role.", "स्रोत जोड़ने, रोकने और हटाने के लिए संपादक होना ज़रूरी है।"),
    "bad_url": ("A source is an http or https URL.", "स्रोत एक http या https URL होना चाहिए।"),
    "following": ("Following {name}: fetched at the next follow round.", "{name} का अनुसरण शुरू: अगले दौर में लाया जाएगा।"),
    "followed": ("Followed sources", "जिन स्रोतों का अनुसरण हो रहा है"),
    "none_followed": ("No source is followed yet. Add one above, or with the command line: {cmd}", "अभी किसी स्रोत का अनुसरण नहीं हो रहा। ऊपर जोड़ें, या कमांड लाइन से: {cmd}"),
    "col_id": ("No.", "क्रमांक"),
    "col_name": ("Name", "नाम"),
    "col_status": ("Status", "स्थिति"),
    "col_result": ("Last result", "पिछला परिणाम"),
    "col_error": ("Last error", "पिछली त्रुटि"),
    "col_new": ("New", "नए"),
    "col_near": ("Other reports", "अन्य रिपोर्टें"),
    "col_duplicate": ("Duplicates", "दोहराव"),
    "col_failed": ("Failed", "विफल"),
    "col_last": ("Last fetch", "पिछली बार लाया गया"),
    "col_next": ("Next fetch", "अगली बार"),
    "col_kind": ("Kind", "प्रकार"),
    "col_url": ("URL", "URL"),
    "active": ("active", "सक्रिय"),
    "paused": ("paused", "रुका हुआ"),
    "not_fetched": ("not fetched yet", "अभी लाया नहीं गया"),
    "never": ("never", "कभी नहीं"),
    "now": ("now", "अभी"),
    "utc": ("UTC", "यूटीसी"),
    "is_paused": ("{name} is paused: {why}", "{name} रुका हुआ है: {why}"),
    "last_errors": ("Last errors", "पिछली त्रुटियां"),
    "links_failed": ("{n} link(s) failed", "{n} कड़ी(यां) विफल"),
    "pick": ("Source", "स्रोत"),
    "pause": ("Pause", "रोकें"),
    "resume": ("Resume", "फिर शुरू करें"),
    "fetch_soon": ("Fetch soon", "जल्द लाएं"),
    "fetch_soon_help": ("Due at the next follow round", "अगले दौर में लाया जाएगा"),
    "remove": ("Remove", "हटाएं"),
    "remove_help": ("Stop following it; its articles stay", "अनुसरण बंद करें; इसके लेख बने रहेंगे"),
    "stories": ("Stories and reports", "ख़बरें और रिपोर्टें"),
    "reports_followed": ("Reports followed", "अनुसरण से मिली रिपोर्टें"),
    "reports_followed_help": ("Pages stored or counted by following, one per outlet's page", "अनुसरण से सहेजे या गिने गए पृष्ठ, हर स्रोत के पृष्ठ का एक"),
    "independent": ("Independent stories", "स्वतंत्र ख़बरें"),
    "independent_help": ("Reports that are copies of one wire story (near-duplicates) count once", "एक ही एजेंसी ख़बर की प्रतियां (लगभग दोहराव) एक बार गिनी जाती हैं"),
    "syndicated": ("Syndicated stories", "कई स्रोतों में छपी ख़बरें"),
    "syndicated_help": ("Stories carried by more than one outlet", "एक से अधिक स्रोतों में छपी ख़बरें"),
    "col_title": ("Title", "शीर्षक"),
    "col_reports": ("Reports", "रिपोर्टें"),
    "col_outlets": ("Outlets", "स्रोत"),
    "col_first_seen": ("First seen", "पहली बार दिखी"),
    "watches": ("Watches", "निगरानी"),
    "watch_name": ("Save the current sidebar filters as a watch named", "साइडबार के मौजूदा फ़िल्टर इस नाम की निगरानी के रूप में सहेजें"),
    "watch_ph": ("e.g. maritime exercises", "जैसे: समुद्री अभ्यास"),
    "no_filters": ("no filters", "कोई फ़िल्टर नहीं"),
    "save_watch": ("Save watch", "निगरानी सहेजें"),
    "watch_needs_name": ("A watch needs a name.", "निगरानी का नाम चाहिए।"),
    "watch_saved": ("Watch {name} saved: what matches now is its baseline; later matches show here.", "निगरानी {name} सहेजी गई: अभी के मिलान उसका आधार हैं; बाद के मिलान यहां दिखेंगे।"),
    "new_matches": ("{name} — {n} new match(es)", "{name} — {n} नए मिलान"),
    "col_found": ("Found", "मिला"),
    "col_date": ("Date", "तिथि"),
    "col_type": ("Type", "प्रकार"),
    "col_place": ("Place", "स्थान"),
    "col_participants": ("Participants", "प्रतिभागी"),
    "remove_watch": ("Remove watch", "निगरानी हटाएं"),
    "rounds": ("Recent follow rounds", "हाल के दौर"),
    "col_started": ("Started", "शुरू"),
    "col_finished": ("Finished", "समाप्त"),
    "no_rounds": ("No follow round yet. Run once: {once}; or on a schedule: {every}", "अभी कोई दौर नहीं चला। एक बार चलाएं: {once}; या तय समय पर: {every}"),
}
# what a followed source is (follow/feeds.py decides "auto" at the first fetch) and how its last fetch went
SOURCE_KINDS = {
    "auto": ("decided at the first fetch", "पहली बार लाने पर तय होगा"),
    "feed": ("feed", "फ़ीड"),
    "sitemap": ("sitemap", "साइटमैप"),
    "sitemapindex": ("sitemap index", "साइटमैप सूची"),
    "page": ("article page", "लेख-पृष्ठ"),
}
OUTCOMES = {
    "ok": ("fetched", "लाया गया"),
    "not modified": ("unchanged since the last fetch", "पिछली बार से नहीं बदला"),
    "failed": ("failed", "विफल"),
    "stopped": ("stopped", "रोका गया"),
}
# how often a source is fetched: the stored form (schedule.seconds reads it) -> the words shown
EVERY = {
    "15m": ("every 15 minutes", "हर 15 मिनट"),
    "30m": ("every 30 minutes", "हर 30 मिनट"),
    "1h": ("every hour", "हर घंटे"),
    "3h": ("every 3 hours", "हर 3 घंटे"),
    "6h": ("every 6 hours", "हर 6 घंटे"),
    "12h": ("every 12 hours", "हर 12 घंटे"),
    "1d": ("every day", "हर दिन"),
}
BRIEF.update(
    {
        "current": ("Shown now", "अभी दिखाई जा रही"),
        "period_default": ("Period: the last twelve months of reports (change it in the sidebar)", "अवधि: पिछले बारह महीने (साइडबार में बदलें)"),
        "forces": ("Include forces and services", "सेनाएं और बल भी"),
        "forces_help": ("Pairs such as Indian Navy — JMSDF as well as the people", "व्यक्तियों के साथ भारतीय नौसेना — जापानी समुद्री आत्मरक्षा बल जैसी जोड़ियां भी"),
    }
)
