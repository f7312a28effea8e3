#!/usr/bin/env python3
"""Writes a synthetic sitegen site for benchmarking.

    python3 Benchmarks/generate.py --articles N --out DIR

DIR receives Content/ (site.yaml, entities.yaml, articles/*.md, pages/about.md) and a
copy of the repository's Templates/, so the site builds on its own:

    sitegen build --site DIR

The output depends only on N: everything random comes from random.Random(42).
Articles follow README.md and SPEC.md section 5: YAML front matter with typed fact
blocks whose money and number literals use every form the spec lists, then a
CommonMark body of 500-900 words with headings, lists, emphasis, links between
articles, fact links whose text states the fact's value, and chart fences.
Python 3 standard library only.
"""

import argparse
import os
import random
import re
import shutil
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = 42

# ---------------------------------------------------------------------------
# Word lists
# ---------------------------------------------------------------------------

# Han characters with the pinyin ICU gives them (toneless), so that Chinese names
# whose pinyin differs also get different slugs. Polyphonic characters are left out.
HAN = {
    "星": "xing", "云": "yun", "海": "hai", "光": "guang", "天": "tian", "月": "yue",
    "灵": "ling", "深": "shen", "明": "ming", "华": "hua", "辰": "chen", "宇": "yu",
    "量": "liang", "芯": "xin", "远": "yuan", "航": "hang", "极": "ji", "锐": "rui",
    "澜": "lan", "启": "qi", "川": "chuan", "河": "he", "峰": "feng", "图": "tu",
    "源": "yuan", "思": "si", "维": "wei", "博": "bo", "文": "wen", "象": "xiang",
    "言": "yan", "墨": "mo", "石": "shi", "松": "song", "林": "lin", "青": "qing",
    "蓝": "lan", "鲸": "jing", "鹰": "ying", "龙": "long", "凤": "feng", "麟": "lin",
    "晨": "chen", "曦": "xi", "阳": "yang", "霞": "xia", "岚": "lan", "帆": "fan",
}
CN_SUFFIXES = [("科技", "Technology"), ("智能", "Intelligence"), ("", "AI")]

EN_PREFIXES = [
    "Nova", "Deepwave", "Bright", "Quantum", "Vector", "Lumen", "Aster", "Cobalt", "Helix",
    "Orbit", "Pixel", "Sable", "Tensor", "Vertex", "Zenith", "Cinder", "Atlas", "Boreal",
    "Cirrus", "Delta", "Ember", "Fathom", "Granite", "Harbor", "Iris", "Juniper", "Kestrel",
    "Lattice", "Meridian", "Nimbus", "Onyx", "Prism", "Quill", "Radiant", "Summit", "Tidal",
    "Umbra", "Vivid", "Willow", "Xenon", "Yarrow", "Zephyr", "Arcadia", "Beacon", "Cascade",
]
EN_SUFFIXES = ["Labs", "AI", "Robotics", "Systems", "Intelligence", "Dynamics", "Mind", "Works", "Cloud", "Logic"]
INVESTOR_WORDS = [
    "Redwood", "Bluestone", "Northstar", "Silverline", "Goldcrest", "Ironbridge", "Lakeside",
    "Highland", "Crescent", "Pinecone", "Riverbend", "Stonegate", "Sunrise", "Westbrook",
    "Evergreen", "Oakmont", "Skyline", "Harborview", "Maplewood", "Foxglove",
]
INVESTOR_SUFFIXES = ["Capital", "Ventures", "Partners"]

CITIES = [
    "Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Hong Kong", "Singapore", "San Francisco",
    "London", "Paris", "Berlin", "Guangzhou", "Chengdu", "Suzhou", "Seattle", "Toronto",
]
SECTORS = [
    "large-model", "robotics", "autonomous driving", "AI chip", "cloud computing",
    "enterprise software", "computer vision", "speech recognition", "healthcare AI",
    "financial technology", "e-commerce", "gaming", "education technology",
    "smart manufacturing", "drug discovery", "edge computing", "AI search", "AI video",
]
SECTORS_CN = ["大模型", "机器人", "自动驾驶", "AI芯片", "云计算", "具身智能", "AI搜索", "AI视频"]
ROLES = [
    "Large-model algorithm engineer", "AI product manager", "Core AI technical intern",
    "Research scientist", "Perception engineer", "Chip design engineer", "Inference engineer",
    "Data annotation lead", "Robotics control engineer", "Head of AI research",
    "Senior technical leader", "Machine-learning platform engineer", "Recommendation engineer",
    "Speech model engineer", "Campus hire, algorithm track", "AI safety researcher",
]
UNLISTED_EMPLOYERS = [
    "Major tech firms", "A Shanghai robotics startup", "Leading model makers",
    "A Beijing AI unicorn", "Top internet platforms", "A Shenzhen chip designer",
]
FIRST_NAMES = ["Li", "Wang", "Zhang", "Chen", "Liu", "Yang", "Zhao", "Huang", "Sarah", "James", "Maria", "David", "Aiko", "Priya"]
LAST_NAMES = ["Wei", "Jing", "Min", "Hao", "Yan", "Lei", "Fang", "Miller", "Okafor", "Rossi", "Tanaka", "Sharma", "Novak", "Duarte"]
TITLE_ROLES = ["chief executive", "chief technology officer", "head of research", "co-founder", "head of talent", "chief financial officer"]
OUTLETS = ["TechWire", "Pacific Ledger", "Harbour Times", "Asia Markets Daily", "The Data Desk", "Circuit Review", "Capital Journal"]
PROVIDERS = ["Maimai", "Liepin", "Boss Zhipin", "a recruitment survey", "an industry association", "company filings"]

TAGS = [
    "funding", "ipo", "salaries", "talent-flows", "compute", "robotics", "autonomous-driving",
    "chips", "cloud", "open-source", "hiring", "layoffs", "equity", "valuations", "m-and-a",
    "regulation", "export-controls", "data-centres", "inference", "training", "agents",
    "multimodal", "speech", "vision", "healthcare", "fintech", "gaming", "education",
    "manufacturing", "drug-discovery", "edge-ai", "search", "video", "campus-recruitment",
    "internships", "executives", "overseas", "hong-kong", "shanghai", "beijing", "shenzhen",
    "hangzhou", "silicon-valley", "europe", "singapore", "state-capital", "venture-capital",
    "strategic-investment", "secondary-sales", "pay-bands", "benchmarks", "efficiency",
    "startups", "big-tech", "research", "partnerships", "policy", "market-size", "surveys",
    "outlook",
]
assert len(TAGS) == 60 and len(set(TAGS)) == 60

ROUNDS = ["Angel", "Seed", "Pre-A", "Series A", "Series B", "Series C", "Series D", "Series E", "Pre-IPO",
          "Strategic 2023", "Strategic 2024", "Strategic 2025"]
ROUND_CN = {"Angel": "天使轮", "Seed": "种子轮", "Pre-A": "Pre-A轮", "Series A": "A轮", "Series B": "B轮",
            "Series C": "C轮", "Series D": "D轮", "Series E": "E轮", "Pre-IPO": "Pre-IPO轮"}
# Typical round size in US dollars: (low, high).
ROUND_SIZE = {"Angel": (5e5, 3e6), "Seed": (1e6, 1e7), "Pre-A": (5e6, 2e7), "Series A": (1e7, 8e7),
              "Series B": (3e7, 2e8), "Series C": (8e7, 5e8), "Series D": (1.5e8, 1e9),
              "Series E": (3e8, 2e9), "Pre-IPO": (2e8, 1.5e9), "Strategic": (5e7, 1.5e9)}
# Approximate units of each currency per US dollar, only to size amounts plausibly.
PER_USD = {"USD": 1, "CNY": 7, "HKD": 8, "EUR": 1, "GBP": 1}

# ---------------------------------------------------------------------------
# Numbers and money literals (SPEC section 5)
# ---------------------------------------------------------------------------

NICE = [Decimal(m) for m in ("1", "1.2", "1.5", "2", "2.5", "3", "3.5", "4", "4.5", "5", "6", "7", "7.5", "8", "9")]

# (spelling, power of ten, glued to the number)
LATIN_SCALES = [
    ("k", 3, True), ("thousand", 3, False),
    ("M", 6, True), ("m", 6, True), ("mn", 6, True), ("million", 6, False),
    ("B", 9, True), ("bn", 9, True), ("billion", 9, False),
    ("T", 12, True), ("trillion", 12, False),
]
CN_SCALES = [("万", 4), ("亿", 8)]

CURRENCY_FORMS = {
    # prefix symbols, prefix codes, suffix words/codes (with their leading space), Chinese suffix
    "USD": {"sym": ["$", "US$"], "pre": ["USD "], "post": [" USD", " dollars"], "cn": "美元"},
    "CNY": {"sym": ["¥"], "pre": ["RMB ", "CNY "], "post": [" CNY", " yuan", " RMB"], "cn": "元"},
    "HKD": {"sym": ["HK$"], "pre": ["HKD "], "post": [" HKD"], "cn": "港元"},
    "EUR": {"sym": ["€"], "pre": ["EUR "], "post": [" EUR", " euros"], "cn": None},
    "GBP": {"sym": ["£"], "pre": ["GBP "], "post": [" GBP", " pounds"], "cn": None},
}

PERIODS_EN = {
    "day": ["/day", " per day", " a day"],
    "month": ["/month", " per month", " a month"],
    "year": ["/year", " per year", " a year"],
}
PERIODS_CN = {"day": "/天", "month": "/月", "year": "/年"}


def plain(d, commas=False):
    """An exact decimal as digits, no exponent, no trailing zeros, optional thousands commas."""
    d = Decimal(d)
    text = format(d.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if commas:
        whole, _, frac = text.partition(".")
        whole = f"{int(whole):,}"
        text = whole + ("." + frac if frac else "")
    return text


def exact_scaled(value, exponent, max_int=999):
    """value / 10^exponent if it has at most two decimals and reads naturally, else None."""
    n = Decimal(value) / (Decimal(10) ** exponent)
    if n != n.quantize(Decimal("0.01")):
        return None
    if n < 1 and not (exponent >= 9 and n >= Decimal("0.1")):
        return None
    if n > (9999 if exponent == 4 else max_int):
        return None
    return n


def nice_between(rng, low, high):
    """A round number (1, 1.5, 2, 2.5 ... times a power of ten) between low and high."""
    candidates = []
    for e in range(0, 14):
        for m in NICE:
            v = m * (Decimal(10) ** e)
            if Decimal(str(low)) <= v <= Decimal(str(high)):
                candidates.append(v)
    return rng.choice(candidates) if candidates else Decimal(str(int(low)))


def number_text(rng, value, allow_cn=True, allow_none=True):
    """(number, scale spelling, glued?, is_chinese) choices that state value exactly; one is picked."""
    options = []
    if allow_none:
        options.append((plain(value, commas=value >= 1000 and rng.random() < 0.8), "", True, False))
    for spelling, e, glued in LATIN_SCALES:
        n = exact_scaled(value, e)
        if n is not None:
            options.append((plain(n), spelling, glued, False))
    if allow_cn:
        for spelling, e in CN_SCALES:
            n = exact_scaled(value, e)
            if n is not None:
                options.append((plain(n), spelling, True, True))
    return rng.choice(options)


def money_literal(rng, value, cur, high=None, period=None, bound=None, style=None):
    """A literal stating value (or value..high) in cur, with an optional pay period and bound.

    Every form is exact: parsing it gives back value, high, cur and period.
    """
    forms = CURRENCY_FORMS[cur]
    if high is None:
        num, scale, glued, cn = number_text(rng, value, allow_cn=forms["cn"] is not None or cur == "CNY")
        scaled = num + ("" if not scale else (scale if glued else " " + scale))
        if cn:
            # 30万元, 6亿美元, ¥30万
            choice = rng.random()
            if forms["cn"] and (choice < 0.7 or cur != "CNY"):
                text = scaled + forms["cn"]
            else:
                text = forms["sym"][0] + scaled
            per = PERIODS_CN[period] if period else ""
        else:
            kind = style or rng.choice(["sym", "sym", "pre", "post"])
            if kind == "sym":
                text = rng.choice(forms["sym"]) + scaled
            elif kind == "pre":
                text = rng.choice(forms["pre"]) + scaled
            else:
                text = scaled + rng.choice(forms["post"])
            per = rng.choice(PERIODS_EN[period]) if period else ""
        text += per
    else:
        text = range_literal(rng, value, high, cur, period)
    if bound:
        text = bound + " " + text
    return text


def range_literal(rng, low, high, cur, period):
    forms = CURRENCY_FORMS[cur]
    # A scale that states both ends exactly.
    scales = [(s, e, g) for s, e, g in LATIN_SCALES
              if exact_scaled(low, e) is not None and exact_scaled(high, e) is not None]
    cn_scales = [(s, e) for s, e in CN_SCALES
                 if exact_scaled(low, e) is not None and exact_scaled(high, e) is not None]
    kinds = ["none"]
    if scales:
        kinds += ["both", "word", "to"]
    if cn_scales and forms["cn"]:
        kinds.append("cn")
    kind = rng.choice(kinds)
    per_en = rng.choice(PERIODS_EN[period]) if period else ""
    if kind == "cn":
        s, e = rng.choice(cn_scales)
        lo, hi = plain(exact_scaled(low, e)), plain(exact_scaled(high, e))
        return f"{lo}{s}–{hi}{s}{forms['cn']}" + (PERIODS_CN[period] if period else "")
    if kind == "none":
        lo, hi = plain(low, commas=True), plain(high, commas=True)
        return f"{rng.choice(forms['sym'])}{lo}–{hi}{per_en}"
    s, e, g = rng.choice(scales)
    if any(x[0] == "M" for x in scales) and rng.random() < 0.5:
        s, e, g = "M", 6, True  # the forms SPEC section 5 shows: 30M–40M CNY, $1M to $2M
    lo, hi = plain(exact_scaled(low, e)), plain(exact_scaled(high, e))
    if kind == "both":
        sep = s if g else " " + s
        if rng.random() < 0.5:
            return f"{lo}{sep}–{hi}{sep}{rng.choice(forms['post'])}{per_en}"   # 30M–40M CNY/year
        return f"{rng.choice(forms['sym'])}{lo}{sep}–{hi}{sep}{per_en}"        # ¥30k–50k/month
    if kind == "word":
        word = {3: "thousand", 6: "million", 9: "billion", 12: "trillion"}[e]
        return f"{lo}–{hi} {word}{rng.choice(forms['post'])}{per_en}"          # 30–40 million yuan
    sep = s if g else " " + s
    sym = rng.choice(forms["sym"])
    return f"{sym}{lo}{sep} to {sym}{hi}{sep}{per_en}"                        # $1M to $2M


def number_literal(rng, value, bound=None):
    """A plain number: 5 million, 120,000, 500万, 1.71."""
    if value != value.to_integral_value():
        text = plain(value)
    else:
        num, scale, glued, _ = number_text(rng, value)
        text = num + ("" if not scale else (scale if glued else " " + scale))
    return (bound + " " + text) if bound else text


def percent_literal(rng, value, bound=None):
    text = plain(value) + ("%" if rng.random() < 0.9 else " percent")
    return (bound + " " + text) if bound else text


# ---------------------------------------------------------------------------
# YAML
# ---------------------------------------------------------------------------

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_RESERVED = {"", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"}


def y(text, flow=False):
    """A YAML scalar: plain when that reads back as the same text, double-quoted otherwise."""
    s = str(text)
    needs = (
        s.lower() in _RESERVED
        or s[0] in _INDICATORS or s[0] == " " or s[-1] == " "
        or ": " in s or " #" in s or s.endswith(":")
        or "\n" in s or "\t" in s
        or (flow and any(c in s for c in ",[]{}"))
    )
    if not needs:
        return s
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow_map(pairs):
    return "{ " + ", ".join(f"{k}: {y(v, flow=True)}" for k, v in pairs) + " }"


def flow_list(items):
    return "[" + ", ".join(y(i, flow=True) for i in items) + "]"


# ---------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------

class Entity:
    def __init__(self, name, key, aliases, kind, currency, about, url=None, english=None):
        self.name = name          # as written in entities.yaml
        self.key = key            # ASCII id stem for fact ids
        self.aliases = aliases
        self.kind = kind          # "company" or "investor"
        self.currency = currency  # usual funding currency
        self.about = about
        self.url = url
        self.english = english or name  # what English prose calls it

    def any_name(self, rng):
        """The name or, sometimes, an alias: facts resolve either way."""
        if self.aliases and rng.random() < 0.25:
            return rng.choice(self.aliases)
        return self.name


def make_entities(rng):
    entities = []
    used = set()  # normalised names and aliases

    def norm(s):
        return " ".join(re.split(r"[\s,.]+", s.lower())).strip()

    def claim(*names):
        if any(norm(n) in used for n in names):
            return False
        for n in names:
            used.add(norm(n))
        return True

    # 40 Chinese-named companies, 智谱 first.
    claim("智谱", "Zhipu AI", "Beijing Zhipu Huazhang Technology")
    entities.append(Entity("智谱", "zhipu", ["Zhipu AI", "Beijing Zhipu Huazhang Technology"], "company", "CNY",
                           "Beijing-based foundational-model developer.", "https://www.zhipuai.cn/", english="Zhipu"))
    chars = list(HAN)
    pinyins = {"zhi pu"}
    while len(entities) < 40:
        a, b = rng.sample(chars, 2)
        py = f"{HAN[a]} {HAN[b]}"
        if py in pinyins:
            continue
        suffix, english_suffix = rng.choice(CN_SUFFIXES)
        name = a + b + suffix
        roman = (HAN[a] + HAN[b]).capitalize()
        aliases = [f"{roman} {english_suffix}"]
        if rng.random() < 0.5:
            aliases.append(f"{roman} {rng.choice(CITIES)} Co., Ltd.")
        if not claim(name, *aliases):
            continue
        pinyins.add(py)
        city = rng.choice(CITIES[:6] + ["Guangzhou", "Chengdu", "Suzhou"])
        entities.append(Entity(name, HAN[a] + HAN[b], aliases, "company", rng.choice(["CNY", "CNY", "CNY", "USD", "HKD"]),
                               f"{city}-based {rng.choice(SECTORS)} company.",
                               f"https://www.{HAN[a]}{HAN[b]}.example.cn/" if rng.random() < 0.6 else None,
                               english=roman))
    # 200 companies with English names.
    combos = [(p, s) for p in EN_PREFIXES for s in EN_SUFFIXES]
    rng.shuffle(combos)
    for p, s in combos:
        if len(entities) >= 240:
            break
        name = f"{p} {s}"
        aliases = []
        r = rng.random()
        if r < 0.3:
            aliases = [f"{name} Inc."]
        elif r < 0.45:
            aliases = [f"{p}{s}", f"{p} {s} Holdings"]
        if not claim(name, *aliases):
            continue
        key = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        entities.append(Entity(name, key, aliases, "company",
                               rng.choice(["USD", "USD", "USD", "EUR", "GBP", "CNY"]),
                               f"{rng.choice(CITIES)}-based {rng.choice(SECTORS)} company.",
                               f"https://www.{key.replace('-', '')}.example.com/" if rng.random() < 0.7 else None))
    # 60 investors.
    for w in INVESTOR_WORDS:
        for s in INVESTOR_SUFFIXES:
            name = f"{w} {s}"
            claim(name)
            key = re.sub(r"[^a-z0-9]+", "-", name.lower())
            entities.append(Entity(name, key, [], "investor", "USD",
                                   f"{rng.choice(CITIES)} investor in {rng.choice(SECTORS)} and {rng.choice(SECTORS)} startups."))
    assert len(entities) == 300, len(entities)
    return entities


def entities_yaml(entities):
    lines = ["# Synthetic companies for the sitegen benchmark (Benchmarks/generate.py).", ""]
    for e in entities:
        lines.append(f"{y(e.name)}:")
        if e.aliases:
            lines.append(f"  aliases: {flow_list(e.aliases)}")
        if e.url:
            lines.append(f"  url: {e.url}")
        lines.append(f"  about: {y(e.about)}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# Funding registry: one amount and valuation per (company, round) site-wide,
# so that articles repeating a round agree (sitegen warns when they do not).
# ---------------------------------------------------------------------------

class Round:
    def __init__(self, company, name, amount, high, currency, valuation, rdate, investors):
        self.company, self.name, self.amount, self.high = company, name, amount, high
        self.currency, self.valuation, self.date, self.investors = currency, valuation, rdate, investors


class Registry:
    def __init__(self, rng, investors):
        self.rng = rng
        self.investors = investors
        self.rounds = {}  # (entity name, round) -> Round
        self.by_company = {}  # entity name -> [Round]

    def round_for(self, company, around):
        rng = self.rng
        existing = self.by_company.get(company.name, [])
        if existing and rng.random() < 0.45:
            return rng.choice(existing)
        name = rng.choice(ROUNDS)
        key = (company.name, name)
        if key in self.rounds:
            return self.rounds[key]
        base = name.split()[0] if name.startswith("Strategic") else name
        lo, hi = ROUND_SIZE[base]
        per = PER_USD[company.currency]
        amount = nice_between(rng, lo * per, hi * per)
        high = None
        if base in ("Angel", "Seed") and rng.random() < 0.3:
            high = amount * 2
        valuation = None
        if rng.random() < 0.6:
            valuation = nice_between(rng, float(amount) * 4, float(amount) * 15)
        year = int(name.split()[1]) if name.startswith("Strategic") else around.year
        rdate = f"{year}-{rng.randint(1, 12):02d}"
        investors = rng.sample(self.investors, rng.randint(1, 4))
        names = [i.any_name(rng) for i in investors]
        if rng.random() < 0.6:
            names[0] += " (lead)"
        r = Round(company, name, amount, high, company.currency, valuation, rdate, names)
        self.rounds[key] = r
        self.by_company.setdefault(company.name, []).append(r)
        return r


# ---------------------------------------------------------------------------
# Facts of one article
# ---------------------------------------------------------------------------

class Fact:
    """One fact entry: its YAML lines and the link texts that state its value."""

    def __init__(self, kind, fid, lines, link_texts, describe):
        self.kind, self.id, self.lines, self.link_texts, self.describe = kind, fid, lines, link_texts, describe


def unique_id(used, stem):
    stem = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:60].strip("-") or "fact"
    fid, n = stem, 2
    while fid in used:
        fid, n = f"{stem}-{n}", n + 1
    used.add(fid)
    return fid


def funding_facts(rng, ctx, used):
    facts = []
    companies = [ctx["company"]] + rng.sample(ctx["companies"], 2)
    for company in companies[: rng.randint(1, 3)]:
        r = ctx["registry"].round_for(company, ctx["date"])
        if any(f.describe.get("round") is r for f in facts):
            continue
        fid = unique_id(used, f"{company.key}-{r.name}")
        bound = "about" if r.high is None and rng.random() < 0.08 else None
        amount = money_literal(rng, r.amount, r.currency, high=r.high, bound=bound)
        millions = (r.amount / 1000000, r.high / 1000000) if r.high else None
        if millions and r.currency == "USD" and all(m == m.to_integral_value() for m in millions) and rng.random() < 0.5:
            amount = f"${plain(millions[0])}M to ${plain(millions[1])}M"  # as SPEC section 5 writes it
        pairs = [("id", fid), ("company", company.any_name(rng)), ("round", r.name)]
        pairs.append(("date", r.date))  # funding charts are timelines: every round needs a date
        pairs.append(("amount", amount))
        links = [amount, money_literal(rng, r.amount, r.currency, high=r.high)]
        if r.valuation is not None and rng.random() < 0.7:
            valuation = money_literal(rng, r.valuation, r.currency)
            pairs.append(("valuation", valuation))
            links.append(money_literal(rng, r.valuation, r.currency))
        lines = [f"  - id: {fid}"] + [f"    {k}: {y(v)}" for k, v in pairs[1:]]
        lines.append(f"    investors: {flow_list(r.investors)}")
        if rng.random() < 0.3:
            lines.append(f"    note: {y(rng.choice(NOTES))}")
        if rng.random() < 0.15:
            lines.append(f"    source: {flow_map([('name', rng.choice(OUTLETS)), ('date', ctx['date'].isoformat())])}")
        facts.append(Fact("funding", fid, lines, links, {"round": r, "company": company}))
    return facts


def salary_facts(rng, ctx, used):
    facts = []
    for _ in range(rng.randint(1, 3)):
        role = rng.choice(ROLES)
        r = rng.random()
        if r < 0.7:
            employer_entity = rng.choice([ctx["company"]] + ctx["companies"])
            employer = employer_entity.any_name(rng)
            cur = employer_entity.currency if employer_entity.currency in ("CNY", "USD", "EUR", "GBP", "HKD") else "USD"
        else:
            employer_entity = None
            employer = rng.choice(UNLISTED_EMPLOYERS)
            cur = "CNY"
        if rng.random() < 0.15:
            cur = rng.choice(["USD", "CNY", "HKD", "EUR", "GBP"])
        period = rng.choice(["day", "month", "month", "year", "year", "year"])
        per = PER_USD[cur]
        if period == "day":
            low = nice_between(rng, 300 * per / 7 * 1.5, 6000 * per / 7)
        elif period == "month":
            low = nice_between(rng, 2000 * per, 15000 * per)
        else:
            low = nice_between(rng, 40000 * per, 1500000 * per)
        high = None
        if rng.random() < 0.35:
            high = low * rng.choice([Decimal(2), Decimal("1.5"), Decimal(4)])
        bound = None
        if high is None and rng.random() < 0.15:
            bound = rng.choice(["more than", "over", "at least", "up to", "about"])
        elif high is not None and rng.random() < 0.05:
            bound = "about"
        pay = money_literal(rng, low, cur, high=high, period=period, bound=bound)
        links = [pay, money_literal(rng, low, cur, high=high, period=period if rng.random() < 0.5 else None)]
        if rng.random() < 0.06:
            # The top-tier pay band written the ways SPEC section 5 shows it.
            role = "Top-tier AI specialist"
            forms = ["30M–40M CNY/year", "30–40 million yuan a year", "¥30M–40M/year", "3000万–4000万元/年", "RMB 30M–40M per year"]
            pay, links = rng.choice(forms), rng.sample(forms, 2)
        fid = unique_id(used, f"{(employer_entity.key if employer_entity else 'market')}-{role}")
        lines = [f"  - id: {fid}", f"    role: {y(role)}"]
        if employer_entity or rng.random() < 0.9:
            lines.append(f"    employer: {y(employer)}")
        lines.append(f"    pay: {y(pay)}")
        if rng.random() < 0.3:
            lines.append(f"    note: {y(rng.choice(NOTES))}")
        facts.append(Fact("salary", fid, lines, links, {"role": role, "employer": employer}))
    return facts


DIST_KINDS = [
    ("campus-pay", "Monthly salaries offered in campus recruitment, {s} roles", "monthly salary, campus recruitment",
     ["below ¥20k", "¥20k–30k", "¥30k–50k", "¥50k–80k", "above ¥80k"]),
    ("pay-bands", "Annual pay of {s} engineers", "annual base pay",
     ["under $100k", "$100k–200k", "$200k–400k", "$400k–1M", "over $1M"]),
    ("hires-by-origin", "Where {s} hires came from", "share of new hires",
     ["big tech", "startups", "universities", "overseas", "other industries"]),
    ("experience", "Experience of {s} job seekers", "years of experience",
     ["under 1 year", "1–3 years", "3–5 years", "5–10 years", "over 10 years"]),
    ("spending-plans", "Planned AI spending next year, {s} companies", "survey of companies",
     ["cut", "flat", "up to 20% more", "20–50% more", "over 50% more"]),
]


def distribution_facts(rng, ctx, used):
    facts = []
    for _ in range(rng.choice([1, 1, 1, 2])):
        stem, title_t, basis, labels = rng.choice(DIST_KINDS)
        k = rng.randint(3, len(labels))
        labels = labels[:k] if rng.random() < 0.5 else labels[-k:]
        # Shares in hundredths of a percent summing to exactly 100%.
        cuts = sorted(rng.sample(range(200, 9800), k - 1))
        parts = [b - a for a, b in zip([0] + cuts, cuts + [10000])]
        if any(p < 100 for p in parts):
            parts = [10000 // k] * (k - 1) + [10000 - (10000 // k) * (k - 1)]
        whole = rng.random() < 0.5
        shares = [Decimal(p) / 100 if not whole else Decimal(p // 100) for p in parts]
        if whole:
            shares[-1] = 100 - sum(shares[:-1])
        rest = rng.randrange(k) if rng.random() < 0.5 else None
        fid = unique_id(used, stem)
        title = title_t.format(s=rng.choice(SECTORS))
        lines = [f"  - id: {fid}", f"    title: {y(title)}", f"    basis: {y(basis)}"]
        if rng.random() < 0.5:
            lines.append(f"    source: {flow_map([('name', rng.choice(PROVIDERS[:3]) + ' via ' + rng.choice(OUTLETS)), ('date', ctx['date'].isoformat())])}")
        if rest is not None:
            lines.append(f"    note: {y('The ' + labels[rest] + ' band is the remainder; the source does not state it.')}")
        lines.append("    buckets:")
        links = []
        for i, (label, share) in enumerate(zip(labels, shares)):
            if i == rest:
                lines.append(f"      - {flow_map([('label', label), ('share', 'rest')])}")
            else:
                lit = percent_literal(rng, share)
                links.append(plain(share) + "%")
                lines.append(f"      - {flow_map([('label', label), ('share', lit)])}")
        facts.append(Fact("distribution", fid, lines, links, {"title": title, "labels": labels}))
    return facts


FIGURE_GROUPS = [
    ("percent", "share-{k}", "Share of {s} firms {what}",
     ["using open-source models", "planning to hire", "reporting profits", "exploring overseas markets", "cutting staff"]),
    ("count", "postings-{k}", "{s} job postings in {city}", None),
    ("money", "market-{k}", "{s} market size, {city}", None),
]


def figure_facts(rng, ctx, used):
    facts = []
    gkind, gid_t, label_t, whats = rng.choice(FIGURE_GROUPS)
    group = unique_id(ctx["groups"], gid_t.format(k=ctx["index"]))
    n = rng.randint(2, 4)
    for j in range(n):
        s = rng.choice(SECTORS)
        city = rng.choice(CITIES)
        label = label_t.format(s=s[0].upper() + s[1:], city=city, what=rng.choice(whats) if whats else "")
        fid = unique_id(used, f"{group}-{j + 1}")
        extra = []
        if gkind == "percent":
            value = Decimal(rng.randint(100, 9500)) / 100 if rng.random() < 0.5 else Decimal(rng.randint(1, 95))
            bound = rng.choice([None, None, None, "over", "under", "more than", "less than", "about"])
            lit = percent_literal(rng, value, bound)
            links = [plain(value) + "%"]
            extra.append(("of", rng.choice(["all respondents", "companies surveyed", "listed firms"])))
        elif gkind == "count":
            value = nice_between(rng, 1000, 5e6)
            bound = rng.choice([None, None, "about", "more than", "at least", "over"])
            lit = number_literal(rng, value, bound)
            links = [lit, number_literal(rng, value)]
            extra.append(("unit", "postings"))
        else:
            cur = rng.choice(["USD", "CNY", "CNY", "HKD", "EUR", "GBP"])
            value = nice_between(rng, 2e7 * PER_USD[cur], 2e12 * PER_USD[cur])
            bound = rng.choice([None, None, "about", "over"])
            lit = money_literal(rng, value, cur, bound=bound)
            links = [lit, money_literal(rng, value, cur)]
        lines = [f"  - {flow_map([('id', fid), ('group', group), ('label', label), ('value', lit)] + extra)}"]
        facts.append(Fact("figure", fid, lines, links, {"label": label, "group": group}))
    # One or two figures outside the group.
    for _ in range(rng.randint(0, 2)):
        choice = rng.random()
        pairs = []
        if choice < 0.3:
            value = nice_between(rng, 1e5, 9e6)
            bound = rng.choice(["about", "over", None])
            lit = number_literal(rng, value, bound)
            label, unit = "AI talent gap in " + rng.choice(SECTORS), "people"
            links = [lit]
        elif choice < 0.5:
            value = Decimal(rng.randint(50, 300)) / 100
            lit = plain(value)
            label, unit = "Talent inflow-to-outflow ratio at " + ctx["company"].english, None
            links = [lit]
        elif choice < 0.7:
            value = Decimal(rng.randint(3, 40))
            bound = rng.choice(["more than", "at least", None])
            lit = number_literal(rng, value, bound)
            label, unit = "Researchers hired from rival labs", "researchers"
            links = [lit]
        elif choice < 0.85:
            value = Decimal(rng.randint(1, 20))
            lit = percent_literal(rng, value, rng.choice([None, "up to"]))
            label, unit = "Equity stake offered to senior hires", None
            links = [plain(value) + "%"]
        else:
            cur = rng.choice(["USD", "CNY", "HKD"])
            value = nice_between(rng, 1e8 * PER_USD[cur], 5e10 * PER_USD[cur])
            lit = money_literal(rng, value, cur, bound=rng.choice([None, "about"]))
            label, unit = f"{ctx['company'].english} valuation", None
            links = [lit, money_literal(rng, value, cur)]
            pairs.append(("date", f"{ctx['date'].year}-{ctx['date'].month:02d}"))
        fid = unique_id(used, label)
        pairs = [("id", fid), ("label", label), ("value", lit)] + ([("unit", unit)] if unit else []) + pairs
        lines = [f"  - {flow_map(pairs)}"]
        if rng.random() < 0.2:
            lines = [f"  - id: {fid}"] + [f"    {k}: {y(v)}" for k, v in pairs[1:]] + [f"    note: {y(rng.choice(NOTES))}"]
        facts.append(Fact("figure", fid, lines, links, {"label": label}))
    return facts, group


NOTES = [
    "Figure given by an unnamed recruiter; not independently verified.",
    "The source says the amount was reported by people familiar with the matter.",
    "Converted by the source; the original figure was not given.",
    "Based on job postings, not on contracts signed.",
    "The company did not comment on the figure.",
    "Includes equity at the round's valuation, according to the source.",
]

# ---------------------------------------------------------------------------
# Prose
# ---------------------------------------------------------------------------

SENTENCES = [
    "{C} has spent the past year rebuilding its {s} team around a smaller group of senior engineers.",
    "According to people familiar with the matter, {C} is weighing a listing in {city}, although no timetable has been set.",
    "{P}, {T} of {C}, said the company would keep hiring for *core research roles* even as it trims elsewhere.",
    "Recruiters in {city} describe a market in which candidates with {s} experience receive several offers within weeks.",
    "The pressure is not only on pay: equity, research freedom and access to compute all weigh on a candidate's choice.",
    "Investors have grown more selective, and rounds that once closed in days now take months of diligence.",
    "{C2} and {C} compete for the same small pool of engineers who have trained models at scale.",
    "Several founders said the shakeout of the past year has made talent cheaper to find but harder to keep.",
    "A person close to {C} said the company expects its **{s} business** to cover its costs within two years.",
    "The report does not say how the figures were collected, and they have not been independently verified.",
    "Start-ups in {city} increasingly offer profit-sharing and equity instead of matching the salaries of big platforms.",
    "For graduates, the gap between technical and non-technical roles has widened sharply since last year.",
    "{C} declined to comment on the numbers, saying only that it pays *competitively* for the roles it needs.",
    "Analysts expect consolidation in {s}, as smaller companies struggle to pay for both talent and compute.",
    "Hiring managers say the scarcest candidates combine research depth with experience shipping products.",
    "The company's recruiters have been active on professional networks, approaching candidates directly.",
    "{P} likened the market to a game of musical chairs, in which fewer chairs remain after each round.",
    "Government-backed funds in {city} have become regular participants in rounds for {s} companies.",
    "Engineers who moved from {C2} to {C} last year cited clearer business goals and more stable resources.",
    "Spending on promotion counts for less than it did, and what a model can do at what cost counts for more.",
    "Some employers now pay interns by the day, a practice that was rare in {s} only two years ago.",
    "The figures describe offers, not contracts, and actual packages may differ once equity is valued.",
    "{C} says its latest model uses *a fraction* of the compute of its rivals on long tasks.",
    "Competition for talent also extends abroad, where researchers trained in {city} are in demand.",
    "Executives at {C2} have been more cautious, focusing on a handful of paying enterprise customers.",
    "Several people interviewed asked not to be named because the discussions were private.",
    "Pay for top researchers has risen faster than for any other group in the industry, recruiters say.",
    "The move follows a period of heavy cash burn and promotional spending across the {s} sector.",
    "{C}'s board is expected to approve a new share-option plan for senior staff later this year.",
    "Universities in {city} report that many doctoral students now receive offers before they graduate.",
    "{C2} has taken a different route, licensing its models to banks and manufacturers rather than building consumer apps.",
    "The numbers are striking, but they cover only a narrow slice of the workforce.",
    "Headhunters say the most sought-after profiles are engineers who have run training jobs on thousands of chips.",
    "{P} said the company had turned down offers from larger rivals because it wanted to keep control of its roadmap.",
    "Demand is not limited to model makers: carmakers, retailers and game studios are all recruiting in {s}.",
    "Some candidates now negotiate for guaranteed access to compute as part of their offer.",
    "{C} is also said to be expanding in {city}, where it has leased a second office.",
    "Even so, several of its early employees have left to start companies of their own.",
    "The gap between what large platforms and start-ups can pay has become the main theme of the hiring season.",
    "People who have seen the terms describe them as generous by the standards of the {s} industry.",
    "Few of the companies involved publish detailed figures, so estimates vary widely.",
    "{C} has not said how it will use the money, beyond hiring and buying compute.",
    "Industry insiders expect the pace of deals to slow in the second half of the year.",
    "Most of the new roles are in research and infrastructure rather than sales.",
    "The company's chief scientist, {P}, is credited with recruiting much of the original team.",
    "Recruitment platforms report that postings for {s} roles rose sharply over the year.",
    "For now, {C} says it has enough runway to keep hiring through the next two years.",
    "Rivals say the company overpays, a charge {C} rejects.",
    "{P} argued that the sector is moving from frenzied spending toward *value-driven* decisions.",
    "Several investors said they now ask to meet a company's research leads before committing.",
    "That leaves smaller companies in {city} competing on mission and flexibility rather than salary.",
    "The shift has been most visible in {s}, where product cycles are short and talent is scarce.",
    "A recruiter who works with both {C} and {C2} said offers are often matched within days.",
    "The company's own figures could not be checked against filings, which it is not required to publish.",
    "Compensation committees have started to benchmark AI roles separately from the rest of engineering.",
    "Analysts note that headline salaries often include bonuses that are paid only if targets are met.",
    "In {city}, landlords near the main research campuses report rising demand for office space from {s} firms.",
    "The trend is expected to continue as long as capital keeps flowing into {s}.",
    "{C} did not respond to a request for comment.",
]
HEADINGS = [
    "Why {s} still attracts capital", "Pay at the top", "What the numbers show", "Hiring in {city}",
    "The investors' view", "Outlook", "The competition", "Reading the figures", "How {C} is funded",
    "Interns and graduates", "A market in transition", "What comes next for {C}", "Equity instead of cash",
    "The view from {city}", "Where the talent goes", "Costs and compute",
]
LIST_ITEMS = [
    "**{C}**: expanding its {s} team in {city}",
    "{C2} is hiring *research engineers* for its new lab",
    "Offers for senior staff increasingly include equity",
    "Interns in core technical roles are paid by the day",
    "State-backed funds take part in more rounds",
    "Smaller start-ups merge or sell their teams",
    "Compute costs fall as models become more efficient",
    "Recruiters report more candidates per opening than a year ago",
    "{C} opened an office in {city}",
    "Graduate offers vary widely between technical and other roles",
]
LINK_PHRASES = [
    "our earlier briefing on {s}", "the background to this story", "how the round came together",
    "what recruiters are paying", "our report from {city}", "a profile of {C2}", "earlier coverage",
]


def fill(rng, template, ctx):
    other = rng.choice(ctx["companies"])
    return template.format(
        C=ctx["company"].english, C2=other.english, s=rng.choice(SECTORS), city=rng.choice(CITIES),
        P=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", T=rng.choice(TITLE_ROLES),
    )


def fact_sentence(rng, fact, ctx):
    text = rng.choice(fact.link_texts)
    link = f"[{text}](fact:{fact.id})"
    d = fact.describe
    if fact.kind == "funding":
        r = d["round"]
        return rng.choice([
            f"{d['company'].english} raised {link} in its {r.name} round, according to the source.",
            f"The {r.name} round brought {d['company'].english} {link}, one of the larger deals of its kind.",
            f"Investors put {link} into {d['company'].english} in the {r.name} round.",
        ])
    if fact.kind == "salary":
        return rng.choice([
            f"Pay for a {d['role'].lower()} at {d['employer']} is reported at {link}.",
            f"One recruiter put the going rate for a {d['role'].lower()} at {link}.",
            f"At {d['employer']}, a {d['role'].lower()} can expect {link}, people familiar with the offers said.",
        ])
    if fact.kind == "distribution":
        return rng.choice([
            f"In the survey behind the chart, {link} of respondents fall into a single band.",
            f"The largest band holds {link} of the total in the data for {d['title'][0].lower() + d['title'][1:]}.",
        ])
    return rng.choice([
        f"The figure for {d['label'][0].lower() + d['label'][1:]} stands at {link}.",
        f"By the source's count, {d['label'][0].lower() + d['label'][1:]} was {link}.",
    ])


def chart_fence(of, title):
    return f"```chart\nof: {of}\ntitle: {title}\n```"


class Pool:
    """Draws templates without repeats until all have been used, then starts over."""

    def __init__(self, rng, items):
        self.rng, self.items, self.left = rng, items, []

    def draw(self):
        if not self.left:
            self.left = list(self.items)
            self.rng.shuffle(self.left)
        return self.left.pop()


def make_body(rng, ctx, facts, charts, links):
    """500-900 words of Markdown with headings, lists, emphasis, links, fact links and charts."""
    target = rng.randint(560, 820)
    sentences = Pool(rng, SENTENCES)
    items = Pool(rng, LIST_ITEMS)
    headings = Pool(rng, HEADINGS)
    blocks = []
    words = 0

    def add(text):
        nonlocal words
        blocks.append(text)
        if not text.startswith("```"):
            words += len(text.split())

    def para(n):
        return " ".join(fill(rng, sentences.draw(), ctx) for _ in range(n))

    link_facts = rng.sample(facts, min(len(facts), rng.randint(1, 3)))
    add(para(rng.randint(2, 4)))
    sections = 0
    while words < target - 40 or link_facts:
        heading = fill(rng, headings.draw(), ctx)
        sections += 1
        if sections > len(HEADINGS):
            heading += f", part {sections}"
        add("## " + heading)
        p = para(rng.randint(2, 3))
        if link_facts:
            p += " " + fact_sentence(rng, link_facts.pop(0), ctx)
        if links and rng.random() < 0.6:
            p += f" See [{fill(rng, rng.choice(LINK_PHRASES), ctx)}](../{links.pop()}/)."
        add(p)
        r = rng.random()
        if r < 0.3:
            add("\n".join("- " + fill(rng, items.draw(), ctx) for _ in range(rng.randint(3, 5))))
        elif r < 0.4:
            add("\n".join(f"{n + 1}. " + fill(rng, items.draw(), ctx) for n in range(3)))
        if charts and rng.random() < 0.5:
            add(chart_fence(*charts.pop(0)))
        if target - words > 60:
            add(para(rng.randint(1, 3)))
    while charts:
        add(chart_fence(*charts.pop(0)))
    if links:
        add(f"Related: [{fill(rng, rng.choice(LINK_PHRASES), ctx)}](../{links.pop()}/).")
    if rng.random() < 0.2:
        add("For how figures are compared, see [about this briefing](../../pages/about-this-briefing/).")
    return "\n\n".join(blocks) + "\n"


# ---------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------

TITLES_EN = [
    "{C} raises fresh capital as the {s} race heats up",
    "{C} and {C2} battle for {s} engineers",
    "Inside {C}'s push into {s}",
    "What {s} engineers are paid in {city}",
    "{C} weighs a listing in {city}",
    "Investors cool on {s}, but not on {C}",
    "The {s} talent war reaches {city}",
    "{C} hires from {C2} to build its {s} team",
    "Graduate pay in {s}: a widening gap",
    "{C} bets on equity to keep its researchers",
]
TITLES_CN = [
    "简报第{n}期：{c}完成新一轮融资",
    "第{n}期｜{sc}赛道人才争夺战升级",
    "第{n}期：{c}加码招聘，AI人才薪酬再创新高",
    "第{n}期 {c}与{c2}的{sc}之争",
]


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def plan_articles(rng, n, entities):
    companies = [e for e in entities if e.kind == "company"]
    start = date(2023, 1, 1)
    days = (date(2025, 12, 31) - start).days
    plans = []
    for i in range(n):
        company = rng.choice(companies)
        others = rng.sample([c for c in companies if c is not company], 6)
        d = start + timedelta(days=rng.randint(0, days))
        ctx = {"company": company, "companies": others, "date": d, "index": i + 1}
        if rng.random() < 0.1:
            cn_names = [c for c in companies if not c.name.isascii()]
            title = rng.choice(TITLES_CN).format(
                n=i + 1, c=company.name if not company.name.isascii() else rng.choice(cn_names).name,
                c2=rng.choice(cn_names).name, sc=rng.choice(SECTORS_CN))
            # Half the Chinese titles leave the slug to sitegen's transliteration.
            slug = f"briefing-{i + 1}-{company.key}" if rng.random() < 0.5 else None
        else:
            title = fill(rng, rng.choice(TITLES_EN), ctx)
            base = slugify(title)[:60].strip("-")
            slug = f"{base}-{i + 1}"
        ctx["title"] = title
        ctx["slug"] = slug
        plans.append(ctx)
    return plans


def write_article(rng, ctx, linkable, registry, out):
    ctx["registry"] = registry
    ctx["groups"] = set()
    used = set()
    blocks = {}
    kinds = rng.sample(["funding", "salaries", "distributions", "figures"], rng.randint(2, 3))
    group = None
    for kind in ["funding", "salaries", "distributions", "figures"]:
        if kind not in kinds:
            continue
        if kind == "funding":
            blocks[kind] = funding_facts(rng, ctx, used)
        elif kind == "salaries":
            blocks[kind] = salary_facts(rng, ctx, used)
        elif kind == "distributions":
            blocks[kind] = distribution_facts(rng, ctx, used)
        else:
            blocks[kind], group = figure_facts(rng, ctx, used)
    facts = [f for k in blocks for f in blocks[k]]

    chart_options = []
    if "funding" in blocks:
        chart_options.append(("funding", "Funding rounds in this briefing"))
    if "salaries" in blocks:
        chart_options.append(("salaries", "Pay reported in this briefing, annualised"))
    for f in blocks.get("distributions", []):
        chart_options.append((f"distribution:{f.id}", f.describe["title"]))
    if group:
        chart_options.append((f"figures:{group}", "Figures compared in this briefing"))
    charts = rng.sample(chart_options, min(len(chart_options), rng.randint(1, 2)))

    links = [s for s in rng.sample(linkable, min(len(linkable), rng.randint(1, 3))) if s != ctx["slug"]]

    d = ctx["date"]
    tags = rng.sample(TAGS, rng.randint(1, 3))
    src = [("name", rng.choice(OUTLETS))]
    if rng.random() < 0.7:
        src.append(("url", f"https://news.example.com/{d.year}/{ctx['index']}"))
    src.append(("date", d.isoformat()))
    summary = fill(rng, rng.choice([
        "How {C} is paying for talent in {s}, and what its rivals offer.",
        "New figures on funding, pay and hiring at {C} and {C2}.",
        "Recruiters in {city} describe a tight market for {s} specialists.",
        "Funding, salaries and the numbers behind {C}'s {s} plans.",
    ]), ctx)

    fm = ["---", f"title: {y(ctx['title'])}", f"date: {d.isoformat()}", f"summary: {y(summary)}",
          f"tags: {flow_list(tags)}", f"source: {flow_map(src)}"]
    if rng.random() < 0.3:
        fm.append("draft: false")
    if ctx["slug"]:
        fm.append(f"slug: {ctx['slug']}")
    for kind, fs in blocks.items():
        if fs:
            fm.append(f"{kind}:")
            for f in fs:
                fm.extend(f.lines)
    fm.append("---")
    body = make_body(rng, ctx, facts, charts, links)
    name = f"{d.isoformat()}-{ctx['slug'] or 'briefing-' + str(ctx['index'])}.md"
    (out / name).write_text("\n".join(fm) + "\n" + body, encoding="utf-8")


SITE_YAML = """title: AI Talent Briefing (benchmark)
description: Synthetic salaries, funding and talent flows for the sitegen benchmark
base_url: https://bench.example.org/
language: en
author: Benchmark desk
currency:
  display: USD
  as_of: 2025-07-22
  rates: { CNY: 0.1393, HKD: 0.1274, EUR: 1.16, GBP: 1.35 }
markdown: { smart: true, unsafe_html: false }
"""

ABOUT_MD = """---
title: About this briefing
summary: A synthetic site generated for benchmarking sitegen.
---
This site is generated by `Benchmarks/generate.py`. Its companies, people and figures are
invented; they exist to give sitegen a realistic amount of work.

## What is in it

- Articles with *typed fact blocks*: funding rounds, salaries, distributions and figures.
- Charts placed in article bodies with `chart` fences.
- Links between articles and to facts.
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles to write")
    parser.add_argument("--out", required=True, help="site folder to write (Content/ and Templates/ are replaced)")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")

    rng = random.Random(SEED)
    out = Path(args.out)
    content = out / "Content"
    for folder in (content, out / "Templates"):
        if folder.is_symlink() or folder.is_file():
            folder.unlink()
        elif folder.exists():
            shutil.rmtree(folder)
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir(parents=True)
    shutil.copytree(REPO / "Templates", out / "Templates", symlinks=False)

    entities = make_entities(rng)
    (content / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    (content / "entities.yaml").write_text(entities_yaml(entities), encoding="utf-8")
    (content / "pages" / "about.md").write_text(ABOUT_MD, encoding="utf-8")

    registry = Registry(rng, [e for e in entities if e.kind == "investor"])
    plans = plan_articles(rng, args.articles, entities)
    linkable = [p["slug"] for p in plans if p["slug"]]
    for ctx in plans:
        write_article(rng, ctx, linkable, registry, content / "articles")
    print(f"wrote {args.articles} articles, {len(entities)} entities to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
