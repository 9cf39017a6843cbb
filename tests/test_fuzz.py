"""Fuzzing the parse API and the readers with hypothesis (fixed seed, CI-sized budget): no input
raises, and none takes longer than a generous bound. `python scripts/fuzz.py --inputs 100000`
runs the same kinds of input at scale (see the README for its last result)."""

import random
from datetime import timedelta

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from dashboard import readers
from tests import fuzz_inputs

# a bound that only an input gone quadratic reaches on a loaded CI machine, not a timing test
BOUND = timedelta(seconds=30)
COMMON = {"deadline": BOUND, "derandomize": True, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large], "database": None}

chars = st.one_of(
    st.sampled_from(fuzz_inputs.SPECIAL),
    *(st.integers(lo, hi).map(chr) for lo, hi in fuzz_inputs.RANGES.values()),
    st.characters(),
)
pieces = st.one_of(chars, st.sampled_from(fuzz_inputs.words()).map(lambda w: w + " "))
texts = st.lists(pieces, max_size=400).map("".join)
metas = st.fixed_dictionaries(
    {},
    optional={
        "published": st.one_of(st.sampled_from(fuzz_inputs.DATES), st.text(max_size=20)),
        "title": texts,
        "source": st.text(max_size=30),
        "language": st.sampled_from(["hi", "en", "ja", "xx", ""]),
    },
)


@seed(20261207)
@settings(max_examples=250, **COMMON)
@given(text=texts, meta=metas)
def test_random_unicode_never_breaks_the_parser(parse, text, meta):
    parse(text, meta).to_dict()


@seed(20261208)
@settings(max_examples=120, **COMMON)
@given(pick=st.integers(0, 10_000), rng=st.randoms(use_true_random=False), meta=metas)
def test_mutated_team_articles_never_break_the_parser(parse, pick, rng, meta):
    articles = fuzz_inputs.articles()
    text = fuzz_inputs.mutate(rng, articles[pick % len(articles)])
    parse(text, meta).to_dict()


@seed(20261209)
@settings(max_examples=150, **COMMON)
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(["", ".txt", ".html", ".json", ".jsonl", ".csv", ".zip"]))
def test_random_bytes_never_break_the_readers(data, suffix):
    for item in readers.read_bytes(data, "fuzz" + suffix, suffix):
        if isinstance(item, readers.RawRecord):
            item.text.encode("utf-8")  # valid text only: no lone surrogate reaches the parser


def test_the_script_draws_the_same_inputs_for_a_seed():
    a = [fuzz_inputs.draw(random.Random(f"12:{n}")) for n in range(20)]
    b = [fuzz_inputs.draw(random.Random(f"12:{n}")) for n in range(20)]
    assert a == b and {k for _t, _m, k in a} == {"random", "mutated"}


def test_a_span_from_29_february_in_a_common_year_does_not_crash(parse):
    """Found by scripts/fuzz.py: a span's year given to a 29 February that year has none."""
    text = (
        "भारत-जापान अभ्यास\n\nभारतीय सेना का दल संयुक्त अभ्यास ‘धर्म गार्डियन’ में भाग लेने के लिए आज जापान "
        "रवाना हुआ। यह अभ्यास 29 फरवरी से 27 मार्च 2025 तक जापान में होगा।"
    )
    parse(text).to_dict()


def test_a_source_that_is_no_host_does_not_crash(parse):
    """Found by tests/test_fuzz.py: a source "[" made urlsplit raise 'Invalid IPv6 URL'."""
    parse("India Japan talks\n\nNew Delhi, 5 May 2025: the defence ministers met.", {"source": "["}).to_dict()
    parse("India Japan talks\n\nNew Delhi, 5 May 2025: the defence ministers met.", {"url": "http://[::1"}).to_dict()
