"""What the cleaning steps need to know about scripts other than Latin and Devanagari.

Japanese writes no spaces between words, so a line's length in words is estimated from its
characters; Urdu ends a sentence with ۔ and Japanese with 。; Bengali, Odia, Tamil, Telugu,
Gujarati and Urdu have no capital letters, so a dateline in them cannot be told by its capitals.
"""

from __future__ import annotations

import re

CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
# letters of the Indian scripts after Devanagari (Bengali … Malayalam) and of Urdu's Arabic script
OTHER_INDIC_ARABIC = "\u0980-\u0d7f\u0600-\u06ff"
CASELESS = re.compile(f"[{OTHER_INDIC_ARABIC}]")
SENTENCE_MARKS = "。！？۔؟"
# a Japanese word is about two characters long
CJK_CHARS_PER_WORD = 2


def words(line: str) -> int:
    """Words in a line; for Japanese, its CJK characters count as one word per two."""
    n = len(line.split())
    if CJK.search(line) is None:
        return n
    cjk = len(CJK.findall(line))
    return n + cjk // CJK_CHARS_PER_WORD


def length(line: str) -> int:
    """A line's length in Latin-equivalent characters: a CJK character carries a word's half."""
    if CJK.search(line) is None:
        return len(line)
    return len(line) + len(CJK.findall(line)) * 2


# where a span ends ("3月2日まで", "10 मार्चपर्यंत", "১০ জুলাই পর্যন্ত"): the word after the date
UNTIL = "まで|पर्यंत|સુધી|পর্যন্ত|ପର୍ଯ୍ୟନ୍ତ|வரை|వరకు|تک"

# The verb after a date says whether it is to come or is done, as in Hindi (these languages put
# the verb last too): future and past endings of Japanese, Marathi, Gujarati, Bengali, Odia,
# Tamil, Telugu and Urdu.
_END = r"(?![\w\u0900-\u0d7f])"
FUTURE = re.compile(
    "予定|見通し|見込み|します|する[。、]|される[。、]|行う|開く|訪れる|"
    rf"(?:णार|ईल|तील|શે|বেন|বে|ିବେ|ିବ|ବେ|வார்|உள்ளார்|உள்ளனர்|நுள்ளார்|నున్నారు|నుంది|నున్నాయి|స్తారు|స్తుంది|తాయి|ాలని){_END}|"
    r"(?:گے|گی|گا)(?![\u0600-\u06ff])"
)
PAST = re.compile(
    "した|された|れた|まった|だった|ました|"
    rf"(?:झाले|झाली|झाला|झालं|केले|केली|केला|घेतली|घेतले|दिले|आले|गेले|કરી|કર્યું|કર્યો|થયો|થઈ|થયું|યોજાઈ|"
    rf"েছেন|েছে|ছিলেন|ছিল|লেন|িଛନ୍ତି|ିଛି|ିଲେ|னார்|ந்தார்|ட்டார்|னர்|ற்றது|ப்பட்டன|ப்பட்டது|ந்தன|ண்டார்|தின|"
    rf"శారు|్యారు|ించారు|ాయి|ింది|ారు){_END}|"
    r"(?<![\u0600-\u06ff])(?:کیا|کی|کیے|ہوئی|ہوا|ہوئے|تھا|تھی|تھے)(?![\u0600-\u06ff])"
)
OTHER_SCRIPT = re.compile(f"[{OTHER_INDIC_ARABIC}\u3040-\u30ff\u4e00-\u9fff]")

# a Japanese wire dateline: 【ニューデリー共同】, 【ワシントン＝時事】, 【バンコク＝ロイター】
_JA_AGENCIES = "共同通信|共同|時事通信|時事|ロイター|AFP|AP|ブルームバーグ|聯合|新華社|NNA"
DATELINE_JA = re.compile(
    rf"^\s*【(?P<place>[^】=＝\s]{{1,15}}?)\s*[=＝]?\s*(?:{_JA_AGENCIES}|[^】]{{0,6}}?(?:支局|特派員|記者))?】\s*"
)
