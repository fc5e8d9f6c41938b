"""General data only in ``bot/``: no word of a shipped or test article in the package.

An article's vocabulary belongs in its ``knowledge/<report>/`` files; a word of one story in the
package's code or hand-written data is inherited silently by every other report. So for every
shipped article (``seeds/*.txt``) and test article (``tests/data/articles/*.txt``, copies of the
development articles) this collects

* its **proper names**: words written with a capital inside a sentence (not as its first word),
  never in lower case in that article, of three letters or more, that are no ordinary lower-case
  English word (SCOWL, ``bot/core/data/english-words.txt.gz``) and no day or month (Python's
  ``calendar``), nor an abbreviation written with a full stop inside the sentence ("Sen.",
  "Feb."): "Kampot", "Beaumont", "Korea", "Ji-na" (and "jina"); and its capitalised runs of two
  words or more that are names as a whole: "People Power Party" (none of their words is a name;
  a run WordNet knows as one lemma, "United States", "White House", is general English);
* its **rare words**: words that are not in the named list of frequent English words,
  ``bot.core.lexical.frequency.is_common`` (wordfreq 3.1's English list,
  ``bot/core/data/english-frequent.txt.gz``, Zipf >= ``COMMON_ZIPF``): "kidnappings",
  "ransomware", "Sihanoukville";

and fails when a file under ``bot/`` holds one (whole words, any case; identifiers are split at
``_``), naming each file, line and word. Two tests: the code and data (identifiers, string
literals, data files), which decide what the bot knows, and the prose (comments, docstrings),
whose examples should be general too. Resources built by a script from a published source are
exempt (``GENERATED``, each with its script and source), as are licence texts.
"""

from __future__ import annotations

import calendar
import io
import re
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.core.lexical import wordnet
from bot.core.lexical.frequency import COMMON_ZIPF, is_common
from bot.core.lexicon import english_words, places
from bot.core.report import Report

ROOT = Path(__file__).resolve().parents[1]
BOT = ROOT / "bot"
ARTICLES = (
    *sorted((ROOT / "seeds").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "articles").glob("*.txt")),
)

#: Files built by a script from a published general resource: path -> (script, source).
GENERATED = {
    "bot/core/data/wordnet.tsv.gz": ("scripts/build_wordnet.py", "Princeton WordNet 3.0"),
    "bot/core/data/wordnet-morphy.tsv.gz": ("scripts/build_morphy.py", "Princeton WordNet 3.0"),
    "bot/core/data/places.txt.gz": ("scripts/build_places.py", "Princeton WordNet 3.0"),
    "bot/core/data/wordnet-persons.txt.gz": ("scripts/build_person_nouns.py", "Princeton WordNet 3.0"),
    "bot/core/data/english-frequent.txt.gz": ("scripts/build_frequency.py", "wordfreq 3.1 (CC BY-SA 4.0)"),
    "bot/core/data/stopwords-en.txt.gz": ("scripts/build_stopwords.py", "spaCy 3.8's English stop words"),
    "bot/core/data/ko-en.tsv": (
        "scripts/build_korean_lexicon.py",
        "data/ko-glosses.tsv and data/ko-places.tsv",
    ),
    "bot/core/data/ko-places.tsv": (
        "scripts/build_korean_places.py",
        "the Unicode CLDR's territory and city names (through babel) and WordNet 3.0",
    ),
    # No script in the repository: the lower-case words of 4+ letters of Debian's wamerican
    # (SCOWL size 50), as data/english-words.COPYRIGHT says.
    "bot/core/data/english-words.txt.gz": ("(extracted by hand)", "SCOWL size 50, Debian's wamerican"),
}
#: Licence and copyright texts copied from the sources of the generated files.
LICENCE_SUFFIXES = (".LICENSE", ".COPYRIGHT")
#: Words of an article that are also general words of the product, with the reason.
GENERAL_WORDS = {
    "korean": "the language reportbot also reads questions in (bot/core/korean/)",
    "payloads": "a word of programming: the data of a message (bot/discord_app/)",
}
_WORD = re.compile(r"[A-Za-z]+(?:[-'’][A-Za-z]+)*")
_ABBREVIATION = re.compile(r"\b([A-Z][a-z]{1,3})\.(?=\s+\S)")
_CALENDAR = {
    m.lower()
    for m in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr)
    if m
} | {"sept"}


@dataclass(frozen=True)
class Vocabulary:
    """An article's words that must not be in ``bot/``: word -> the article it is from."""

    words: dict[str, str]
    phrases: dict[str, str]


def _bare(token: str) -> str:
    token = token.replace("’", "'")
    return re.sub(r"'s?$", "", token)


def _forms(token: str) -> list[str]:
    """A token and, when hyphenated, its joined form and its parts: "ji-na", "jina", "ji", "na"."""
    lower = token.lower()
    if "-" not in lower:
        return [lower]
    return [lower, lower.replace("-", ""), *lower.split("-")]


def _capital_forms(token: str) -> list[str]:
    """The forms of a capitalised token that are names: "Ji-na", "jina"; "Houston" of "Houston-based"."""
    forms = _forms(token)
    return forms[:2] + [p.lower() for p in token.split("-") if p[:1].isupper()] if "-" in token else forms


def _is_rare(token: str) -> bool:
    lower = token.lower()
    if is_common(lower):
        return False
    if "-" in lower:  # "full-scale" is no rare word; "ji-na" is
        return any(len(p) > 2 and not is_common(p) for p in lower.split("-"))
    return True


def article_vocabulary(text: str, name: str = "article") -> Vocabulary:
    """The proper names, capitalised runs and rare words of one article's ``text``."""
    report = Report("article", text)
    lower: set[str] = set()
    capitalised: set[str] = set()
    abbreviations: set[str] = set()
    runs: set[str] = set()
    rare: set[str] = set()
    for sentence in report.sentences:
        abbreviations |= {a.lower() for a in _ABBREVIATION.findall(sentence.text)}
        run: list[str] = []
        for k, m in enumerate(_WORD.finditer(sentence.text)):
            token = _bare(m.group(0))
            if _is_rare(token):
                rare.add(token.lower())
            if token[:1].isupper():
                if k > 0:
                    capitalised.update(_capital_forms(token))
                run.append(token)
                continue
            lower.update(_forms(token))
            runs.add(" ".join(run))
            run = []
        runs.add(" ".join(run))
    ordinary = english_words()
    names = {
        w
        for w in capitalised - lower - abbreviations - _CALENDAR
        if len(w) > 2 and w.replace("-", "") not in ordinary and w not in GENERAL_WORDS
    }
    # A run is a name as a whole when none of its words is one ("People Power Party"); the
    # first word of a sentence and a leading "The" are left out.
    phrases = set()
    general = places()
    for run_text in runs:
        words = [w for w in run_text.split() if len(w) > 1]  # "U.S." is no run of words
        while words and (words[0].lower() in {"the", "a", "an"} or words[0].lower() in _CALENDAR):
            words = words[1:]
        key = " ".join(words).lower()
        if len(words) < 2 or any(f in names for w in words for f in _forms(w)):
            continue
        if not wordnet.known(key) and key not in general:
            phrases.add(key)
    found = {w: name for w in names | {r for r in rare if len(r) > 2} if w not in GENERAL_WORDS}
    return Vocabulary(found, {p: name for p in phrases})


@cache
def all_articles() -> Vocabulary:
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for path in ARTICLES:
        vocab = article_vocabulary(path.read_text(encoding="utf-8"), path.name)
        for w, a in vocab.words.items():
            words.setdefault(w, a)
        for p, a in vocab.phrases.items():
            phrases.setdefault(p, a)
    return Vocabulary(words, phrases)


_FSTRING_PARTS = {getattr(tokenize, n) for n in ("FSTRING_START", "FSTRING_MIDDLE") if hasattr(tokenize, n)}


def split_python(source: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(code, prose) of a Python source, each as (line, text): identifiers and string literals;
    comments and docstrings."""
    code: list[tuple[int, str]] = []
    prose: list[tuple[int, str]] = []
    previous = tokenize.NEWLINE

    def lines(tok: tokenize.TokenInfo) -> list[tuple[int, str]]:
        return [(tok.start[0] + i, line) for i, line in enumerate(tok.string.splitlines())]

    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            prose += lines(tok)
        elif tok.type == tokenize.STRING:
            docstring = previous in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.NL)
            (prose if docstring else code).extend(lines(tok))
        elif tok.type == tokenize.NAME:
            code.append((tok.start[0], tok.string.replace("_", " ")))
        elif tok.type in _FSTRING_PARTS:
            code += lines(tok)
        if tok.type not in (tokenize.NL, tokenize.COMMENT):
            previous = tok.type
    return code, prose


@cache
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(map(re.escape, sorted(phrases, key=len, reverse=True))) + r")\b")


def offenders(lines: Iterable[tuple[int, str]], vocab: Vocabulary) -> list[str]:
    """``line: word (article)`` for each article word or name in ``lines``."""
    found: list[str] = []
    pattern = _phrase_pattern(tuple(vocab.phrases)) if vocab.phrases else None
    for number, text in lines:
        seen: set[str] = set()
        for m in _WORD.finditer(text):
            for form in _forms(_bare(m.group(0))):
                if form in vocab.words and form not in seen:
                    seen.add(form)
                    found.append(f"{number}: {form!r} ({vocab.words[form]})")
        if pattern is not None:
            flat = " ".join(re.findall(r"[a-z]+", text.lower()))
            found += [f"{number}: {p!r} ({vocab.phrases[p]})" for p in dict.fromkeys(pattern.findall(flat))]
    return found


#: Hand-written data that is general knowledge of a language, not of any article, each with why:
#: an article about Korea shares words with them as it shares words with a dictionary.
GENERAL_DATA = {
    "bot/core/data/ko-glosses.tsv": (
        "English glosses of Korean words chosen and ranked by wordfreq's Korean frequency list "
        "(scripts/build_korean_lexicon.py): a common sense of each word, such as 외교부 'foreign "
        "ministry', whatever article uses it"
    ),
    "bot/core/data/ko-surnames.tsv": (
        "the most common Korean surnames and their customary English spellings (Kim, Lee, Park): "
        "how any Korean name is written in English"
    ),
}


def checked_files(root: Path = ROOT) -> list[Path]:
    """Every file under ``root``/bot but the generated resources and licence texts."""
    files = []
    for path in sorted((root / "bot").rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        if rel in GENERATED or rel in GENERAL_DATA or path.name.endswith(LICENCE_SUFFIXES):
            continue
        files.append(path)
    return files


def _lines(text: str) -> list[tuple[int, str]]:
    return list(enumerate(text.splitlines(), start=1))


def scan(kind: str, root: Path = ROOT, vocab: Vocabulary | None = None) -> dict[str, list[str]]:
    """File -> offenders, for the ``code`` (code and data files) or the ``prose`` of ``bot/``."""
    vocab = vocab or all_articles()
    result: dict[str, list[str]] = {}
    for path in checked_files(root):
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".py":
            code, prose = split_python(text)
            lines = code if kind == "code" else prose
        else:
            lines = _lines(text) if kind == "code" else []
        found = offenders(lines, vocab)
        if found:
            result[path.relative_to(root).as_posix()] = found
    return result


def _report(found: dict[str, list[str]]) -> str:
    return "article vocabulary in bot/ (move it to the report's knowledge/ files):\n" + "\n".join(
        f"  {file}: " + "; ".join(words) for file, words in found.items()
    )


# -- the rule, on fixtures ----------------------------------------------------------------------


ARTICLE = (
    "KAMPOT, May 2 (Newswire) - Police in Kampot Province said on Friday that the People Power "
    "Party had paid a ransom. Sen. Angela Whitby said the ransomware attack was over.\n"
    "Officials in Kampot said the town was calm."
)


def test_an_article_yields_its_names_runs_and_rare_words() -> None:
    vocab = article_vocabulary(ARTICLE, "fixture.txt")
    assert {"kampot", "whitby", "ransomware"} <= set(vocab.words)
    assert "people power party" in vocab.phrases
    # general words, days and months, abbreviations and ordinary capitalised words are not
    assert not {"police", "friday", "may", "sen", "officials", "town", "party"} & set(vocab.words)


def test_a_file_naming_an_article_place_fails() -> None:
    vocab = article_vocabulary(ARTICLE, "fixture.txt")
    code, prose = split_python(
        '"""Places of the world."""\n'
        "LOCAL = frozenset({'kampot'})  # checked\n"
        "def f():\n"
        "    # ask about the People Power Party\n"
        "    return kampot_places\n"
    )
    assert offenders(code, vocab) == ["2: 'kampot' (fixture.txt)", "5: 'kampot' (fixture.txt)"]
    assert offenders(prose, vocab) == ["4: 'people power party' (fixture.txt)"]
    assert offenders(_lines("capital\tKampot\n"), vocab) == ["1: 'kampot' (fixture.txt)"]
    assert offenders(_lines("General words: police, town, party, Friday.\n"), vocab) == []


def test_a_package_holding_an_article_place_fails(tmp_path: Path) -> None:
    vocab = article_vocabulary(ARTICLE, "fixture.txt")
    (tmp_path / "bot" / "core" / "data").mkdir(parents=True)
    (tmp_path / "bot" / "core" / "places.py").write_text('"""General."""\nLOCAL = {"Kampot"}\n')
    (tmp_path / "bot" / "core" / "data" / "local.tsv").write_text("kampot\tprovince\n")
    (tmp_path / "bot" / "core" / "data" / "places.txt.gz").write_text("kampot\n")  # generated: exempt
    (tmp_path / "bot" / "core" / "clean.py").write_text('"""General words: police, town."""\n')
    assert scan("code", tmp_path, vocab) == {
        "bot/core/data/local.tsv": ["1: 'kampot' (fixture.txt)"],
        "bot/core/places.py": ["2: 'kampot' (fixture.txt)"],
    }
    assert scan("prose", tmp_path, vocab) == {}
    assert "bot/core/places.py: 2: 'kampot'" in _report(scan("code", tmp_path, vocab))


def test_the_shipped_and_test_articles_are_read() -> None:
    names = {p.name for p in ARTICLES}
    assert "korea-cambodia-task-force.txt" in names and len(names) >= 4
    vocab = all_articles()
    assert {"kampot", "bokor", "beaumont", "kidnappings", "cambodia"} <= set(vocab.words)
    assert {"people power party", "national intelligence service"} <= set(vocab.phrases)
    assert not {"united states", "south korea", "white house"} & set(vocab.phrases)
    assert "korean" not in vocab.words, GENERAL_WORDS["korean"]
    assert COMMON_ZIPF == 3.0


def test_general_data_files_exist_and_say_why() -> None:
    for rel, why in GENERAL_DATA.items():
        assert (ROOT / rel).is_file(), rel
        assert len(why.split()) >= 8, rel


def test_generated_resources_name_their_script_and_source() -> None:
    for rel, (script, source) in GENERATED.items():
        assert (ROOT / rel).is_file(), rel
        assert source
        assert script.startswith("(") or (ROOT / script).is_file(), script


# -- the rule, on bot/ ----------------------------------------------------------------------------


def test_bot_code_and_data_hold_no_article_vocabulary() -> None:
    found = scan("code")
    assert not found, _report(found)


def test_bot_comments_and_docstrings_hold_no_article_vocabulary() -> None:
    found = scan("prose")
    assert not found, _report(found)
