"""Synthetic articles for scale tests: varied dates, people, areas, languages, formats and duplicates.

Built from the knowledge base (who held which role when), so a synthetic 2+2 in 2022 names the
ministers of 2022. Every record is marked synthetic in the store.
"""

from __future__ import annotations

import csv
import html
import json
import random
from datetime import date, timedelta
from pathlib import Path

from dashboard import knowledge

TYPES = {
    "bilateral_ministerial": ("defence_minister",),
    "two_plus_two": ("defence_minister", "foreign_minister"),
    "summit": ("prime_minister",),
    "phone_call": ("defence_minister",),
    "sidelines_multilateral": ("defence_minister",),
    "exercise": (),
    "official_dialogue": ("defence_secretary",),
    "visit": ("navy_chief",),
    "agreement": ("defence_minister",),
}
LEADS = {
    "en": {
        "bilateral_ministerial": "Defence Minister {in0} held bilateral talks with Japan's Defence Minister {jp0} in {place} on {date_en}.",
        "two_plus_two": "India and Japan held their 2+2 ministerial dialogue in {place} on {date_en}, with {in0} and {in1} meeting {jp0} and {jp1}.",
        "summit": "Prime Minister {in0} and Japanese Prime Minister {jp0} held their annual summit in {place} on {date_en}.",
        "phone_call": "Defence Minister {in0} spoke over the phone with his Japanese counterpart {jp0} on {date_en}.",
        "sidelines_multilateral": "On the sidelines of the ADMM-Plus in {place} on {date_en}, {in0} met Japan's Defence Minister {jp0}.",
        "exercise": "The {exercise} exercise between the {in_force} and the {jp_force} began at {place} on {date_en}.",
        "official_dialogue": "India and Japan held the Defence Policy Dialogue in {place} on {date_en}.",
        "visit": "Navy chief {in0} began a goodwill visit to Japan on {date_en} and called on officials in {place}.",
        "agreement": "India and Japan signed a defence agreement in {place} on {date_en} in the presence of {in0} and {jp0}.",
    },
    "hi": {
        "bilateral_ministerial": "रक्षा मंत्री {in0} ने {date_hi} को {place_hi} में जापान के रक्षा मंत्री {jp0} के साथ द्विपक्षीय बैठक की।",
        "two_plus_two": "भारत और जापान ने {date_hi} को {place_hi} में 2+2 मंत्रिस्तरीय वार्ता की, जिसमें {in0} और {in1} ने {jp0} तथा {jp1} से बातचीत की।",
        "summit": "प्रधानमंत्री {in0} और जापान के प्रधानमंत्री {jp0} ने {date_hi} को {place_hi} में वार्षिक शिखर सम्मेलन किया।",
        "phone_call": "रक्षा मंत्री {in0} ने {date_hi} को जापान के रक्षा मंत्री {jp0} से फोन पर बात की।",
        "sidelines_multilateral": "{place_hi} में {date_hi} को एडीएमएम-प्लस बैठक से इतर {in0} ने जापान के रक्षा मंत्री {jp0} से मुलाकात की।",
        "exercise": "भारत और जापान के बीच {exercise} संयुक्त अभ्यास {date_hi} को {place_hi} में शुरू हुआ।",
        "official_dialogue": "भारत और जापान के बीच रक्षा नीति संवाद {date_hi} को {place_hi} में आयोजित हुआ।",
        "visit": "नौसेना प्रमुख {in0} ने {date_hi} को जापान की सद्भावना यात्रा शुरू की और {place_hi} में अधिकारियों से मुलाकात की।",
        "agreement": "भारत और जापान ने {date_hi} को {place_hi} में एक रक्षा समझौते पर हस्ताक्षर किए।",
    },
}
AREA_SENTENCES = {
    "counter_terrorism": ("Both sides condemned terrorism in all its forms.", "दोनों पक्षों ने आतंकवाद की कड़ी निंदा की।"),
    "maritime_security": ("They discussed maritime security in the Indian Ocean.", "दोनों ने समुद्री सुरक्षा पर चर्चा की।"),
    "military_exercises": ("They agreed to expand joint military exercises.", "दोनों देशों ने संयुक्त सैन्य अभ्यास बढ़ाने पर सहमति जताई।"),
    "defence_industry": ("Cooperation in defence manufacturing was reviewed.", "रक्षा उद्योग में सहयोग की समीक्षा की गई।"),
    "mro": ("India offered its ship repair and MRO facilities.", "भारत ने अपने एमआरओ और जहाज मरम्मत केंद्रों की पेशकश की।"),
    "emerging_technologies": ("Artificial intelligence and unmanned systems were on the agenda.", "आर्टिफिशियल इंटेलिजेंस और मानवरहित प्रणालियों पर बात हुई।"),
    "cyber_security": ("The ministers agreed to deepen cyber security cooperation.", "साइबर सुरक्षा सहयोग बढ़ाने पर सहमति बनी।"),
    "space": ("Space security and satellite cooperation were discussed.", "अंतरिक्ष सहयोग पर भी चर्चा हुई।"),
    "logistics_agreements": ("They welcomed the use of the reciprocal supplies agreement.", "दोनों ने आपूर्ति और सेवाओं के पारस्परिक प्रावधान समझौते के उपयोग का स्वागत किया।"),
    "regional_security": ("Both reaffirmed a free and open Indo-Pacific.", "दोनों ने मुक्त और खुले हिंद-प्रशांत क्षेत्र के प्रति प्रतिबद्धता दोहराई।"),
    "hadr": ("Humanitarian assistance and disaster relief drills were planned.", "मानवीय सहायता और आपदा राहत पर सहयोग की बात हुई।"),
    "training_exchanges": ("Officer exchanges and training courses will grow.", "अधिकारियों के प्रशिक्षण आदान-प्रदान को बढ़ाया जाएगा।"),
    "economic_security": ("Supply chain resilience and economic security were discussed.", "आर्थिक सुरक्षा और आपूर्ति श्रृंखला पर चर्चा हुई।"),
    "strategic_partnership": ("They reviewed the Special Strategic and Global Partnership.", "दोनों ने विशेष सामरिक और वैश्विक साझेदारी में हुई प्रगति पर संतोष जताया।"),
}
PLACES = (("New Delhi", "नई दिल्ली"), ("Tokyo", "टोक्यो"), ("Vientiane", "वियनतियाने"), ("Visakhapatnam", "विशाखापत्तनम"), ("Yokosuka", "योकोसुका"))
EXERCISES = (("JIMEX", "Indian Navy", "JMSDF"), ("Dharma Guardian", "Indian Army", "JGSDF"), ("Shinyuu Maitri", "Indian Air Force", "JASDF"), ("Sahyog Kaijin", "Indian Coast Guard", "Japan Coast Guard"))
HI_MONTHS = ("जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर")
OUTLETS = ("Synthetic Wire", "Sample Samachar", "Test Times", "Bench Daily")
FILLER_EN = "Officials said the talks reflected the steady growth of the partnership over the past decade, and that follow-up meetings would take the work forward. "
FILLER_HI = "अधिकारियों ने कहा कि पिछले एक दशक में दोनों देशों के संबंध लगातार मजबूत हुए हैं और आगे की बैठकों में इस काम को आगे बढ़ाया जाएगा। "


def _holder(kb, country: str, role: str, day: date, fallback: str) -> str:
    return kb.holder(country, role, day) or fallback


def _article(rng: random.Random, kb, eng: dict, lang: str, n: int) -> dict:
    d: date = eng["date"]
    place_en, place_hi = eng["place"]
    ex, in_force, jp_force = eng["exercise"]
    slots = {
        "date_en": f"{d.day} {d.strftime('%B')} {d.year}",
        "date_hi": f"{d.day} {HI_MONTHS[d.month - 1]} {d.year}",
        "place": place_en,
        "place_hi": place_hi,
        "exercise": ex,
        "in_force": in_force,
        "jp_force": jp_force,
        "in0": eng["india"][0],
        "in1": eng["india"][-1],
        "jp0": eng["japan"][0],
        "jp1": eng["japan"][-1],
    }
    base = "hi" if lang == "hi" else "en"
    body = [LEADS[base][eng["type"]].format(**slots)]
    for a in eng["areas"]:
        en, hi = AREA_SENTENCES[a]
        body.append(hi if lang == "hi" or (lang == "mixed" and rng.random() < 0.5) else en)
    filler = FILLER_HI if base == "hi" else FILLER_EN
    body.append(filler * rng.randint(2, 8))
    title = (f"India, Japan {eng['type'].replace('_', ' ')} in {place_en}" if base == "en" else f"भारत-जापान {place_hi} में वार्ता")
    published = d + timedelta(days=rng.choice((0, 1, 1, 2)))
    return {
        "title": f"{title} #{n}",
        "text": "\n\n".join(body),
        "published": published.isoformat(),
        "source": rng.choice(OUTLETS),
        "url": f"https://example.org/synthetic/{n}",
        "language": lang,
    }


def generate(n_articles: int, seed: int = 7, kb=None) -> list[dict]:
    """n_articles synthetic records (dicts in the JSON export shape), about 5 % exact duplicates."""
    kb = kb or knowledge.default()
    rng = random.Random(seed)
    out: list[dict] = []
    n = 0
    start, span = date(2014, 6, 1), (date(2025, 10, 1) - date(2014, 6, 1)).days
    while len(out) < n_articles:
        d = start + timedelta(days=rng.randrange(span))
        etype = rng.choice(list(TYPES))
        roles = TYPES[etype] or ("defence_minister",)
        india = [_holder(kb, "India", r, d, "Rajnath Singh") for r in roles]
        japan = [_holder(kb, "Japan", r, d, "Gen Nakatani") for r in roles]
        eng = {
            "date": d,
            "type": etype,
            "place": rng.choice(PLACES),
            "exercise": rng.choice(EXERCISES),
            "india": india,
            "japan": japan,
            "areas": rng.sample(list(AREA_SENTENCES), rng.randint(2, 5)),
        }
        for _ in range(rng.randint(1, 4)):
            if len(out) >= n_articles:
                break
            n += 1
            if out and rng.random() < 0.05:
                out.append(dict(out[-1]))  # an exact duplicate, as aggregators produce
                continue
            out.append(_article(rng, kb, eng, rng.choice(("hi", "hi", "en", "mixed")), n))
    return out


def write(records: list[dict], folder: str | Path, seed: int = 7) -> list[Path]:
    """Spread records over JSON-lines files (most), JSON, CSV, txt and html files, like real exports."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths: list[Path] = []
    chunk: list[dict] = []
    for i, r in enumerate(records):
        roll = rng.random()
        if roll < 0.01:
            p = folder / f"synthetic_{i:07d}.txt"
            p.write_text(f"{r['title']}\n\nPublished: {r['published']}\n\n{r['text']}\n", encoding="utf-8")
            paths.append(p)
        elif roll < 0.015:
            p = folder / f"synthetic_{i:07d}.html"
            paras = "".join(f"<p>{html.escape(x)}</p>" for x in r["text"].split("\n\n"))
            p.write_text(
                f'<html><head><title>{html.escape(r["title"])}</title><meta property="article:published_time" content="{r["published"]}"></head>'
                f"<body><nav>Home | News</nav><article><h1>{html.escape(r['title'])}</h1>{paras}</article><footer>© Synthetic</footer></body></html>",
                encoding="utf-8",
            )
            paths.append(p)
        else:
            chunk.append(r)
        if len(chunk) >= 500 or (i == len(records) - 1 and chunk):
            kind = rng.choice(("jsonl", "jsonl", "jsonl", "json", "csv"))
            p = folder / f"synthetic_{i:07d}.{kind}"
            if kind == "jsonl":
                p.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in chunk) + "\n", encoding="utf-8")
            elif kind == "json":
                p.write_text(json.dumps(chunk, ensure_ascii=False), encoding="utf-8")
            else:
                with p.open("w", encoding="utf-8", newline="") as fh:
                    w = csv.DictWriter(fh, fieldnames=list(chunk[0]))
                    w.writeheader()
                    w.writerows(chunk)
            paths.append(p)
            chunk = []
    return paths
