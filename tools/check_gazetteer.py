#!/usr/bin/env python3
"""Check rules/gazetteer.yaml against the invariants the C# loader relies on.

Usage: python3 tools/check_gazetteer.py [--gazetteer PATH] [--csv-dir DIR]

Exits 0 when every check passes, 1 when any fails (each problem is listed on
stderr), 2 when the file cannot be read or parsed at all.

The file is always parsed with a strict line-based reader for the exact layout
the project uses (one flow sequence per key on one line). When PyYAML is
importable the file is also loaded with yaml.safe_load and both readings must
agree, which catches quoting mistakes (e.g. an unquoted NO becoming a boolean).

Stdlib only, plus PyYAML when available.
"""

import argparse
import csv
import os
import re
import sys
import unicodedata

try:
    import yaml  # type: ignore
except ImportError:  # pragma: no cover - depends on the environment
    yaml = None

COUNTRY_KEYS = ["iso3", "iso2", "names", "capitals", "seats", "demonyms", "officials"]
LIST_KEYS = COUNTRY_KEYS[2:]
ACTOR_KEYS = ["names", "reason"]
TOP_KEYS = ["countries", "non_country_actors"]
REASONS = {"international organization", "international court", "group of unnamed countries"}
EXPECTED_COUNTRIES = 195
CSV_FILES = ["es11-1.csv", "es11-4.csv", "es11-6.csv"]

G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN",
       "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"]

# Officials the brief and the seed article name, with the country they belong to.
REQUIRED_OFFICIALS = {
    "RUS": ["Vladimir Putin", "Putin", "Dmitry Peskov", "Dmitry Medvedev", "Sergey Lavrov",
            "Sergei Lavrov", "Maria Zakharova"],
    "CHN": ["Xi Jinping", "Xi", "Wang Wenbin", "Mao Ning", "Qin Gang", "Wang Yi", "Li Qiang"],
    "UKR": ["Volodymyr Zelenskyy", "Zelensky", "Zelenskiy", "Zelenskyy", "Oleksiy Danilov",
            "Dmytro Kuleba", "Andriy Yermak"],
    "USA": ["Antony Blinken", "Biden", "Trump"],
    "IND": ["Modi"],
    "FRA": ["Macron"],
    "DEU": ["Scholz"],
    "TUR": ["Erdogan"],
    "BRA": ["Lula"],
}

# Required seats (metonyms) named in the brief.
REQUIRED_SEATS = {
    "RUS": ["Kremlin"],
    "USA": ["White House", "Pentagon", "Capitol Hill", "State Department", "Foggy Bottom"],
    "GBR": ["Downing Street", "Whitehall", "Westminster"],
    "FRA": ["Elysee", "Quai d'Orsay"],
    "CHN": ["Zhongnanhai"],
    "UKR": ["Bankova"],
    "ZAF": ["Union Buildings"],
}

REQUIRED_CAPITALS = {
    "ZAF": ["Pretoria", "Cape Town", "Bloemfontein"],
    "UKR": ["Kyiv", "Kiev"],
}

# Letters that survive NFKD + dropping combining marks and need an explicit mapping.
SPECIAL = {"ı": "i", "ø": "o", "Ø": "o", "æ": "ae", "œ": "oe", "ß": "ss",
           "đ": "d", "ł": "l", "þ": "th", "ð": "d"}

NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text):
    """Step 1 and 2 of the loader's normalization: strip marks, map, lowercase."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    mapped = "".join(SPECIAL.get(ch, ch) for ch in kept)
    # Invariant lowercasing; only ASCII survives step 3 anyway.
    return mapped.lower()


def normalize(text):
    """The loader's matching key for an alias (see the gazetteer header)."""
    s = NON_ALNUM.sub(" ", fold(text)).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def lost_letters(text):
    """Letters the normalization would silently turn into separators."""
    return sorted({ch for ch in fold(text)
                   if unicodedata.category(ch).startswith("L") and not re.match(r"[a-z]", ch)})


# ---------------------------------------------------------------------------
# Strict line-based reader for the project's layout.

class ParseError(Exception):
    pass


PLAIN_FORBIDDEN = set(",:#[]{}\"'’")
PLAIN_BAD_START = set("-?:,[]{}#&*!|>'\"%@`")
YAML11_SPECIAL = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"}


def parse_scalar(raw, where, problems):
    raw = raw.strip()
    if raw.startswith('"'):
        if len(raw) < 2 or not raw.endswith('"'):
            raise ParseError(f"{where}: unterminated quoted scalar {raw!r}")
        return unquote(raw[1:-1], where)
    check_plain(raw, where, problems)
    return raw


def unquote(body, where):
    out = []
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            if i + 1 >= len(body):
                raise ParseError(f"{where}: dangling backslash")
            nxt = body[i + 1]
            if nxt in "\"\\/":
                out.append(nxt)
            else:
                raise ParseError(f"{where}: unsupported escape \\{nxt}")
            i += 2
            continue
        if ch == '"':
            raise ParseError(f"{where}: unescaped quote inside quoted scalar")
        out.append(ch)
        i += 1
    return "".join(out)


def check_plain(value, where, problems):
    if value == "":
        problems.append(f"{where}: empty value")
        return
    bad = sorted(set(value) & PLAIN_FORBIDDEN)
    if bad:
        problems.append(f"{where}: {value!r} must be double-quoted (contains {''.join(bad)})")
    if value[0] in PLAIN_BAD_START:
        problems.append(f"{where}: {value!r} must be double-quoted (starts with {value[0]!r})")
    if value.lower() in YAML11_SPECIAL:
        problems.append(f"{where}: {value!r} must be double-quoted (YAML boolean/null)")
    if value != value.strip():
        problems.append(f"{where}: {value!r} has surrounding whitespace")


def parse_flow(raw, where, problems):
    raw = raw.strip()
    if not (raw.startswith("[") and raw.endswith("]")):
        raise ParseError(f"{where}: expected a one-line flow sequence [a, b], got {raw!r}")
    body = raw[1:-1]
    items = []
    i = 0
    n = len(body)
    if not body.strip():
        return items
    while True:
        while i < n and body[i] == " ":
            i += 1
        if i >= n:
            raise ParseError(f"{where}: empty item or trailing comma in {raw!r}")
        if body[i] == '"':
            j = i + 1
            while j < n and not (body[j] == '"' and body[j - 1] != "\\"):
                j += 1
            if j >= n:
                raise ParseError(f"{where}: unterminated quote in {raw!r}")
            items.append(unquote(body[i + 1:j], where))
            i = j + 1
            while i < n and body[i] == " ":
                i += 1
            if i < n and body[i] != ",":
                raise ParseError(f"{where}: junk after quoted item in {raw!r}")
        else:
            j = body.find(",", i)
            if j < 0:
                j = n
            item = body[i:j].strip()
            check_plain(item, f"{where} item {item!r}", problems)
            items.append(item)
            i = j
        if i >= n:
            break
        i += 1  # the comma
    return items


def read_lines(path, problems):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if "\t" in text:
        problems.append("file contains tab characters")
    if "\r" in text:
        problems.append("file contains carriage returns (use LF line endings)")
    lines = text.split("\n")

    data = {}
    section = None
    entry = None
    expected = None
    for no, line in enumerate(lines, 1):
        where = f"line {no}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line != line.rstrip():
            problems.append(f"{where}: trailing whitespace")
            line = line.rstrip()
        if not line.startswith(" "):
            m = re.fullmatch(r"([a-z_]+):", line)
            if not m or m.group(1) not in TOP_KEYS:
                raise ParseError(f"{where}: unexpected top-level line {line!r}")
            section = m.group(1)
            if section in data:
                raise ParseError(f"{where}: duplicate section {section}")
            data[section] = []
            entry = None
            continue
        if section is None:
            raise ParseError(f"{where}: content before any section")
        keys = COUNTRY_KEYS if section == "countries" else ACTOR_KEYS
        m = re.fullmatch(r"  - ([a-z0-9_]+): (.*)", line)
        if m:
            if entry is not None and expected:
                problems.append(f"{where}: previous entry is missing keys {expected}")
            entry = {}
            data[section].append(entry)
            expected = list(keys)
        else:
            m = re.fullmatch(r"    ([a-z0-9_]+): (.*)", line)
            if not m or entry is None:
                raise ParseError(f"{where}: unexpected line {line!r}")
        key, raw = m.group(1), m.group(2)
        if not expected or key != expected[0]:
            problems.append(f"{where}: key {key!r} out of order or unknown (expected "
                            f"{expected[0] if expected else 'a new entry'!r})")
            if key in entry:
                raise ParseError(f"{where}: duplicate key {key}")
            if key in (expected or []):
                expected.remove(key)
        else:
            expected.pop(0)
        if key in LIST_KEYS or (section == "non_country_actors" and key == "names"):
            entry[key] = parse_flow(raw, f"{where} ({key})", problems)
        else:
            entry[key] = parse_scalar(raw, f"{where} ({key})", problems)
    if entry is not None and expected:
        problems.append(f"end of file: last entry is missing keys {expected}")
    return data


# ---------------------------------------------------------------------------

def find_csv_dir(root, explicit):
    if explicit:
        return explicit
    for cand in (os.path.join(root, "tests", "StanceRules.Tests", "Fixtures", "unga"),
                 "/work/shared/data/unga"):
        if all(os.path.isfile(os.path.join(cand, f)) for f in CSV_FILES):
            return cand
    return None


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gazetteer", default=os.path.join(root, "rules", "gazetteer.yaml"))
    ap.add_argument("--csv-dir", default=None,
                    help="directory holding es11-1.csv, es11-4.csv, es11-6.csv")
    args = ap.parse_args()

    problems = []
    try:
        data = read_lines(args.gazetteer, problems)
    except (OSError, ParseError) as exc:
        print(f"cannot read {args.gazetteer}: {exc}", file=sys.stderr)
        return 2

    if yaml is not None:
        with open(args.gazetteer, encoding="utf-8") as fh:
            try:
                ydata = yaml.safe_load(fh)
            except yaml.YAMLError as exc:
                print(f"YAML error: {exc}", file=sys.stderr)
                return 2
        if ydata != data:
            problems.append("PyYAML reading differs from the line-based reading "
                            "(check quoting and layout)")
            if isinstance(ydata, dict):
                for sec in TOP_KEYS:
                    for a, b in zip(ydata.get(sec) or [], data.get(sec) or []):
                        if a != b:
                            problems.append(f"  first difference: yaml={a!r} lines={b!r}")
                            break
        else:
            for sec in TOP_KEYS:
                for e in ydata.get(sec) or []:
                    if list(e.keys()) != (COUNTRY_KEYS if sec == "countries" else ACTOR_KEYS):
                        problems.append(f"{sec}: key order {list(e.keys())}")

    for sec in TOP_KEYS:
        if sec not in data:
            problems.append(f"missing section {sec!r}")
    countries = data.get("countries", [])
    actors = data.get("non_country_actors", [])

    # --- countries: shape, codes, order ---------------------------------------------
    if len(countries) != EXPECTED_COUNTRIES:
        problems.append(f"expected {EXPECTED_COUNTRIES} countries, found {len(countries)}")
    by_iso3 = {}
    seen_iso2 = {}
    order = []
    for idx, c in enumerate(countries):
        label = c.get("iso3", f"#{idx}")
        for key in COUNTRY_KEYS:
            if key not in c:
                problems.append(f"{label}: missing key {key}")
        iso3, iso2 = c.get("iso3"), c.get("iso2")
        if not (isinstance(iso3, str) and re.fullmatch(r"[A-Z]{3}", iso3)):
            problems.append(f"{label}: bad iso3 {iso3!r}")
        elif iso3 in by_iso3:
            problems.append(f"duplicate iso3 {iso3}")
        else:
            by_iso3[iso3] = c
            order.append(iso3)
        if not (isinstance(iso2, str) and re.fullmatch(r"[A-Z]{2}", iso2)):
            problems.append(f"{label}: bad iso2 {iso2!r}")
        elif iso2 in seen_iso2:
            problems.append(f"duplicate iso2 {iso2} ({seen_iso2[iso2]}, {label})")
        else:
            seen_iso2[iso2] = label
        for key in LIST_KEYS:
            vals = c.get(key)
            if not isinstance(vals, list):
                problems.append(f"{label}.{key}: not a list")
                continue
            for v in vals:
                if not isinstance(v, str) or not v.strip():
                    problems.append(f"{label}.{key}: non-string or empty value {v!r}")
        if not c.get("names"):
            problems.append(f"{label}: names must not be empty")
    if order != sorted(order):
        problems.append("countries are not ordered by iso3")
    for must in ("VAT", "PSE"):
        if must not in by_iso3:
            problems.append(f"missing observer state {must}")

    # --- non-country actors ---------------------------------------------------------
    for idx, a in enumerate(actors):
        label = f"non_country_actors[{idx}]"
        if not isinstance(a.get("names"), list) or not a["names"]:
            problems.append(f"{label}: names must be a non-empty list")
        else:
            for v in a["names"]:
                if not isinstance(v, str) or not v.strip():
                    problems.append(f"{label}: non-string or empty name {v!r}")
        if a.get("reason") not in REASONS:
            problems.append(f"{label}: reason {a.get('reason')!r} not one of {sorted(REASONS)}")

    # --- aliases: normalization sanity, in-list duplicates, cross-entry collisions ----
    owners = {}  # normalized alias -> {entry label: [raw aliases]}

    def add(norm, owner, raw):
        owners.setdefault(norm, {}).setdefault(owner, []).append(raw)

    def check_alias(owner, key, raw):
        if not isinstance(raw, str):
            return None
        lost = lost_letters(raw)
        if lost:
            problems.append(f"{owner}.{key}: {raw!r} has letters the loader would drop: "
                            f"{''.join(lost)} (use a transliteration)")
        norm = normalize(raw)
        if not norm:
            problems.append(f"{owner}.{key}: {raw!r} normalizes to nothing")
            return None
        return norm

    for c in countries:
        owner = f"country {c.get('iso3')}"
        for code_key in ("iso3", "iso2"):
            if isinstance(c.get(code_key), str):
                add(normalize(c[code_key]), owner, f"<{code_key}>")
        for key in LIST_KEYS:
            seen = {}
            for raw in c.get(key) or []:
                norm = check_alias(owner, key, raw)
                if norm is None:
                    continue
                if norm in seen:
                    problems.append(f"{owner}.{key}: {raw!r} duplicates {seen[norm]!r} "
                                    f"after normalization")
                seen[norm] = raw
                add(norm, owner, raw)
    for idx, a in enumerate(actors):
        first = (a.get("names") or ["?"])[0]
        owner = f"actor {first!r}"
        seen = {}
        for raw in a.get("names") or []:
            norm = check_alias(owner, "names", raw)
            if norm is None:
                continue
            if norm in seen:
                problems.append(f"{owner}.names: {raw!r} duplicates {seen[norm]!r}")
            seen[norm] = raw
            add(norm, owner, raw)

    for norm, who in sorted(owners.items()):
        if len(who) > 1:
            detail = "; ".join(f"{o}: {', '.join(r)}" for o, r in sorted(who.items()))
            problems.append(f"alias collision on {norm!r}: {detail}")

    def has_alias(iso3, keys, wanted):
        c = by_iso3.get(iso3)
        if c is None:
            return False
        return any(normalize(v) == normalize(wanted) for k in keys for v in c.get(k) or []
                   if isinstance(v, str))

    # --- UNGA CSV names -------------------------------------------------------------
    csv_dir = find_csv_dir(root, args.csv_dir)
    if csv_dir is None:
        problems.append("UNGA CSV files not found (use --csv-dir)")
    else:
        csv_rows = 0
        for fname in CSV_FILES:
            path = os.path.join(csv_dir, fname)
            try:
                with open(path, encoding="utf-8", newline="") as fh:
                    for row in csv.DictReader(fh):
                        csv_rows += 1
                        name, iso3 = row["country"], row["iso3"]
                        if iso3 not in by_iso3:
                            problems.append(f"{fname}: iso3 {iso3} ({name}) has no entry")
                        elif not has_alias(iso3, ["names"], name) and not has_alias(
                                iso3, LIST_KEYS, name):
                            problems.append(f"{fname}: {name!r} ({iso3}) is not an alias "
                                            f"of {iso3} (normalized {normalize(name)!r})")
            except (OSError, KeyError) as exc:
                problems.append(f"{fname}: cannot read ({exc})")
        if csv_rows == 0:
            problems.append("UNGA CSV files are empty")

    # --- content the project relies on ------------------------------------------------
    for iso3 in G20:
        if iso3 in by_iso3 and not by_iso3[iso3].get("officials"):
            problems.append(f"G20 country {iso3} has no officials")
    for table, key in ((REQUIRED_OFFICIALS, "officials"), (REQUIRED_SEATS, "seats"),
                       (REQUIRED_CAPITALS, "capitals")):
        for iso3, wanted in table.items():
            for w in wanted:
                if not has_alias(iso3, [key], w):
                    problems.append(f"{iso3}.{key}: missing {w!r}")

    # --- report ------------------------------------------------------------------------
    if problems:
        print(f"{args.gazetteer}: {len(problems)} problem(s)", file=sys.stderr)
        for p in problems:
            print(f"  - {p}", file=sys.stderr)
        return 1
    n_off = sum(len(c["officials"]) for c in countries)
    n_seats = sum(len(c["seats"]) for c in countries)
    n_alias = len(owners)
    print(f"OK: {len(countries)} countries, {len(actors)} non-country actors, "
          f"{n_off} officials, {n_seats} seats, {n_alias} distinct normalized aliases "
          f"(incl. ISO codes); parsed with {'PyYAML + line reader' if yaml else 'line reader'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
