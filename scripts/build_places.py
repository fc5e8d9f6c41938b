#!/usr/bin/env python3
"""Build ``bot/core/data/places.txt.gz``: a gazetteer of the world's places from WordNet 3.0.

Not needed at run time: the list it writes is committed. To rebuild::

    apt-get install -y wordnet-base          # Debian's WordNet 3.0 database, /usr/share/wordnet
    python scripts/build_places.py [--wordnet-dir /usr/share/wordnet]

What goes in: every lemma of a noun synset that is an *instance* of a country, nation, state,
city, town, capital, port, continent, province or island (WordNet's ``@i`` pointer, followed up
through hypernyms), and the lemmas of their pertainym adjectives and derived nouns (``\\`` and
``+`` pointers: Cambodia -> Cambodian). Lower case, one per line; the WordNet licence heads the
file (``bot/core/data/wordnet.LICENSE``). Also the bodies WordNet files under international
organisation (United Nations, NATO). A city's, town's or island's one-word name that is also an
ordinary lower-case English word (SCOWL, ``data/english-words.txt.gz``) is left out.

The matcher reads it as the places a question may name: a place the report never names
("kidnappings in Laos") is about something else.
Nothing here is taken from any one article; an article's own local places (a district, a
mountain) go in its ``knowledge/<report>/report.yaml`` under ``report: places:``.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_wordnet import LICENSE, Synset, read_data

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bot" / "core" / "data" / "places.txt.gz"

#: Classes whose instances are places with proper names.
PLACE_CLASSES = frozenset(
    {
        "country", "state", "nation", "city", "metropolis", "town", "national capital",
        "state capital", "provincial capital", "port", "continent", "province", "island",
        "american state", "peninsula", "geographical area",
    }
)  # fmt: skip
#: Classes whose instances are always kept, even when a lemma is also an ordinary word
#: ("turkey", "china"); other places are kept as one word only when it is no ordinary word
#: (a city "Mobile" or "Reading" is not taken for a place).
NATIONS = frozenset({"country", "state", "nation", "continent", "american state"})
#: Bodies of nations, listed with the places: "the UN" is named like a country.
BODIES = frozenset({"international organization"})
#: Names far more often meant otherwise in a question: a language, a first name.
NOT_PLACES = frozenset({"english", "chad"})
#: Hypernym hops walked from an instance's class.
MAX_HOPS = 4


def _classes(syn: Synset, synsets: dict[tuple[str, int], Synset], hops: int) -> set[str]:
    """The place classes ``syn`` is, or is under within ``hops`` hypernym hops."""
    found = PLACE_CLASSES & set(syn.words)
    if hops:
        for h in syn.hypernyms:
            if h in synsets:
                found |= _classes(synsets[h], synsets, hops - 1)
    return found


def _ordinary_words() -> frozenset[str]:
    raw = gzip.decompress((ROOT / "bot" / "core" / "data" / "english-words.txt.gz").read_bytes())
    return frozenset(raw.decode("ascii").split())


def places(synsets: dict[tuple[str, int], Synset]) -> set[str]:
    ordinary = _ordinary_words()
    keep: set[str] = set()  # the main name of a nation, even an ordinary word ("china", "turkey")
    names: set[str] = set()
    nations: set[str] = set()
    codes: set[str] = set()
    for syn in synsets.values():
        if syn.key[0] != "n":
            continue
        instance_of = [synsets[t] for s, t, _, _ in syn.pointers if s == "@i" and t in synsets]
        classes = set().union(*(_classes(c, synsets, MAX_HOPS) for c in instance_of))
        bodies = {w for t in syn.hypernyms if t in synsets for w in synsets[t].words} & BODIES
        if not classes and not bodies:
            continue
        names.update(syn.words)
        if classes & NATIONS or bodies or "peninsula" in classes:
            nations.update(syn.words)
        direct = {w for c in instance_of for w in c.words}
        if any(w.endswith(("country", "nation", "american state", "continent")) for w in direct):
            keep.add(syn.words[0])  # China, Turkey, Chad: a country's name, though a word too
        if bodies or any(w.endswith(("country", "nation")) for w in direct):
            codes.update(w for w in syn.words if len(w) == 2)  # "uk", "eu", "un"
        # their people: "Cambodia" -> "Cambodian" (derived nouns)
        for symbol, target, _src, _dst in syn.pointers:
            if symbol == "+" and target in synsets:
                names.update(synsets[target].words)
    for syn in synsets.values():  # an adjective points at its noun: "Cambodian" -> "Cambodia"
        if syn.key[0] == "a":
            for symbol, target, _src, _dst in syn.pointers:
                if symbol == "\\" and target in synsets and set(synsets[target].words) & nations:
                    names.update(syn.words)
    # Never an ordinary word as one word ("chosen", "mobile"), nor a two-letter code but a
    # nation's ("uk", "eu"; not "ca", "me"; "us" is found in capitals by the matcher).
    return {
        w
        for w in names
        if (len(w) > 2 or (w in codes and w.isalpha() and w != "us"))
        and w[0].isalpha()
        and (" " in w or w in keep or w not in ordinary)
        and w not in NOT_PLACES
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet-dir", type=Path, default=Path("/usr/share/wordnet"))
    args = parser.parse_args()
    synsets = read_data(args.wordnet_dir)
    names = sorted(places(synsets))
    header = "".join(f"# {line}".rstrip() + "\n" for line in LICENSE.splitlines())
    header += "# Places (instances of countries, cities, states, continents...) from WordNet 3.0,\n"
    header += "# with their adjectives; built by scripts/build_places.py.\n"
    body = header + "\n".join(names) + "\n"
    OUT.write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
    print(f"wrote {OUT.relative_to(ROOT)}: {len(names)} places, {OUT.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
