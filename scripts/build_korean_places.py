#!/usr/bin/env python3
"""Build ``bot/core/data/ko-places.tsv``: the world's countries and cities in Korean with their
English names, from the Unicode CLDR (through the ``babel`` package) and WordNet 3.0.

- Countries and territories: CLDR's territory names in Korean and in English (``Locale.territories``).
- Cities: CLDR's exemplar cities of the time zones, in Korean, with the English name of the zone.
- Each English name gets the adjective of its people from WordNet's derivational links when it
  has one (``canada`` -> ``canadian``), so "캐나다 중앙은행" finds "the Canadian central bank".

CLDR is under the Unicode licence (Unicode-DFS-2016, redistribution allowed); babel is BSD.
Needs ``pip install babel`` (the ``korean-build`` extra); the bot itself reads only the TSV.

    python scripts/build_korean_places.py            # writes bot/core/data/ko-places.tsv
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bot" / "core" / "data" / "ko-places.tsv"

HEADER = """\
# Countries, territories and cities of the world in Korean, with their English names in lower
# case and, where WordNet 3.0 links one, the adjective of their people. Built by
# scripts/build_korean_places.py from the Unicode CLDR (territory names and time-zone exemplar
# cities, through babel {babel}; Unicode licence) and WordNet 3.0 (its licence in wordnet.LICENSE).
# Input of scripts/build_korean_lexicon.py. Do not edit: rebuild.
"""


def _peoples() -> dict[str, set[str]]:
    """Place -> the one-word adjectives of its people, from WordNet's links both ways
    (canada -> canadian; chinese -> china)."""
    from bot.core.lexical import wordnet

    found: dict[str, set[str]] = {}
    for lemma in wordnet._table():
        if " " in lemma or not lemma.isalpha():
            continue
        for place in wordnet.related(lemma):
            found.setdefault(place, set()).add(lemma)
    return found


_PEOPLES: dict[str, set[str]] = {}


def _english_forms(name: str) -> list[str]:
    from bot.core.lexical import wordnet

    if not _PEOPLES:
        _PEOPLES.update(_peoples())
    base = _plain(name)
    forms = [base]
    forms += sorted(_plain(r) for r in wordnet.related(base) if " " not in r or r.startswith(base))
    forms += sorted(p for p in _PEOPLES.get(base, ()) if p.endswith(("an", "ese", "ish", "ch", "i")) and p[:2] == base[:2])
    return [f for f in dict.fromkeys(forms) if re.fullmatch(r"[a-z]+(?: [a-z]+)*", f)]


def _plain(name: str) -> str:
    """Lower-case ASCII words: "St. Barthélemy" -> "st barthelemy"."""
    text = unicodedata.normalize("NFKD", name.replace("_", " ")).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^a-z ]+", " ", text.lower()).split())


def entries() -> dict[str, list[str]]:
    """Korean name -> English forms, countries first, then cities."""
    from babel import Locale

    ko, en = Locale("ko"), Locale("en")
    out: dict[str, list[str]] = {}
    for code, korean in sorted(ko.territories.items()):
        english = en.territories.get(code)
        if not english or not code.isalpha() or len(code) != 2:
            continue  # regions such as "001" (world) are not places a story names
        out.setdefault(korean, [])
        out[korean] += [f for f in _english_forms(english) if f not in out[korean]]
    for zone, names in sorted(ko.time_zones.items()):
        korean = names.get("city") if hasattr(names, "get") else None
        if not korean or "/" not in zone or zone.startswith("Etc/"):
            continue
        english = zone.rsplit("/", 1)[1].replace("_", " ")
        out.setdefault(korean, [])
        out[korean] += [f for f in _english_forms(english) if f not in out[korean]]
    return out


def _one_hangul_word(text: str) -> bool:
    """A name the Korean reader can look up: one word of Hangul syllables."""
    return bool(text) and all("\uac00" <= ch <= "\ud7a3" for ch in text)


def main() -> None:
    import babel

    rows = {k: f for k, f in entries().items() if f and _one_hangul_word(k)}
    body = "".join(f"{korean}\t{'|'.join(forms)}\n" for korean, forms in rows.items())
    OUT.write_text(HEADER.format(babel=babel.__version__) + body, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} places")


if __name__ == "__main__":
    main()
