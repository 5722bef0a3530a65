"""Write the passport/nationality choices (sovereign countries) as a YAML fragment, from CLDR.

    pip install babel pyyaml                  # dev-time only: the hanban package never imports Babel
    python scripts/make_countries.py > countries.yaml

Source: Unicode CLDR via Babel (first run with Babel 2.19.0, CLDR 49, on 2026-12-07). The output's
first line names the Babel and CLDR versions and the date of the run that made it.

Which countries: the 193 United Nations member states (hard-coded below, ISO 3166-1 alpha-2: CLDR
as packaged by Babel has no territory-containment data, so the UN list cannot be read from it)
plus the two UN observer states, the Holy See (VA) and Palestine (PS). Left out on purpose:
- China (CN) itself: the choices are for foreigners' passports.
- Hong Kong (HK), Macao (MO) and Taiwan (TW): their residents travel to the mainland on other
  documents (Mainland Travel Permits for Hong Kong and Macao Residents, Mainland Travel Permit for
  Taiwan Residents), not on a foreign passport, so they are not nationality choices here.
- Kosovo (XK): not a UN member or observer state, and XK is a user-assigned code, not ISO 3166-1.

Names: Babel's territory names, which are CLDR's standard forms (Babel leaves out CLDR's alt="short"
and alt="variant" forms), for `en` (e.g. "United States", "South Korea", "Bosnia & Herzegovina"),
`zh_Hans` (the same data as `zh`) and `zh_Hant` (Taiwan usage, the same data as `zh_Hant_TW`).
One line per country, sorted by English name (accents ignored), in the catalog's shape:

      - {value: fr, label: {zh-Hans: 法国, zh-Hant: 法國, en: France}}

A scalar that YAML would read as something else (Norway's code `no` is a boolean to YAML 1.1) or
that holds flow-syntax characters is written double-quoted; the whole output is checked by loading
it back with yaml.safe_load before it is printed.
"""

from __future__ import annotations

import datetime
import json
import sys
import unicodedata

import babel
import yaml
from babel import Locale
from babel.core import get_global

# The 193 UN member states, ISO 3166-1 alpha-2 (uppercase, as CLDR spells territory codes).
_UN_MEMBERS_TEXT = """
AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG
CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH
GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ
LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG
NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN
SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE ZA ZM ZW
"""
UN_MEMBERS = _UN_MEMBERS_TEXT.split()
UN_OBSERVER_STATES = ["VA", "PS"]  # Holy See (CLDR: "Vatican City"), State of Palestine
LEFT_OUT = {"CN", "HK", "MO", "TW", "XK"}  # see the module docstring

LOCALES = {"zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant", "en": "en"}

# Characters that make a plain scalar unsafe inside a flow mapping, or anywhere at its start.
_FLOW_SPECIAL = set(",[]{}#&*!|>'\"%@`:?")


def scalar(text: str) -> str:
    """`text` as a YAML flow scalar: plain when that reads back as the same string, else quoted."""
    plain_ok = (
        text
        and text == text.strip()
        and not (set(text) & _FLOW_SPECIAL)
        and not text.startswith(("-", "~"))
        and yaml.safe_load("{k: " + text + "}") == {"k": text}
    )
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def sort_key(name: str) -> tuple[str, str]:
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return (folded.casefold(), name)


def countries() -> list[tuple[str, dict[str, str]]]:
    codes = UN_MEMBERS + UN_OBSERVER_STATES
    if len(UN_MEMBERS) != 193 or len(set(codes)) != len(codes):
        raise SystemExit(f"UN list: {len(UN_MEMBERS)} members, duplicates: {len(codes) - len(set(codes))}")
    names = {key: Locale.parse(loc).territories for key, loc in LOCALES.items()}
    rows = []
    for code in codes:
        if code in LEFT_OUT:
            continue
        label = {}
        for key in LOCALES:
            name = names[key].get(code)
            if not name:
                raise SystemExit(f"CLDR has no {key} name for {code}")
            label[key] = name
        rows.append((code.lower(), label))
    rows.sort(key=lambda row: sort_key(row[1]["en"]))
    return rows


def main() -> None:
    cldr = get_global("cldr").get("version", "?")
    today = datetime.date.today().isoformat()
    source = f"Unicode CLDR {cldr} via Babel {babel.__version__}"
    lines = [f"      # {source}, generated {today} by scripts/make_countries.py"]
    rows = countries()
    for code, label in rows:
        labels = ", ".join(f"{key}: {scalar(name)}" for key, name in label.items())
        lines.append(f"      - {{value: {scalar(code)}, label: {{{labels}}}}}")
    text = "\n".join(lines) + "\n"
    loaded = yaml.safe_load(text)
    expected = [{"value": code, "label": label} for code, label in rows]
    if loaded != expected:
        raise SystemExit("the YAML written does not load back as the data it was made from")
    sys.stdout.write(text)
    print(f"{len(rows)} countries", file=sys.stderr)


if __name__ == "__main__":
    main()
