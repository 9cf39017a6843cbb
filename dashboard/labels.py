"""Interface labels in English and Hindi (the Hindi toggle); ids stay English everywhere else."""

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


def t(key: str, hindi: bool = False, table: dict | None = None) -> str:
    """A label: t('summit', hindi, TYPES) -> 'शिखर सम्मेलन'; unknown keys come back as they are."""
    pair = (table or UI).get(key)
    if not pair:
        return key
    return pair[1] if hindi else pair[0]
