"""English stop words: spaCy's list (``bot/core/data/stopwords-en.txt.gz``, MIT licence).

Copied unchanged by ``scripts/build_stopwords.py`` from spaCy 3.8's ``spacy/lang/en/stop_words.py``
(326 words, with the contraction pieces 'd 'll 'm n't 're 's 've in straight and curly quotes).

Callers beware, the list holds words a question may turn on:

* the question words: who, whom, whose, what, which, when, where, why, how, many, much (all in
  :data:`QUESTION_WORDS`, which is a subset of :data:`STOPWORDS`), so decide what is asked before
  dropping stop words;
* number words: one to twelve, fifteen, twenty, forty, fifty, sixty, hundred, first, third, last.
"""

from __future__ import annotations

import gzip
from importlib import resources


def _load() -> frozenset[str]:
    raw = resources.files("bot.core").joinpath("data", "stopwords-en.txt.gz").read_bytes()
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


#: spaCy's English stop words, lower-case.
STOPWORDS: frozenset[str] = _load()

#: The question words in :data:`STOPWORDS`; a caller keeps them apart to know what is asked.
QUESTION_WORDS: frozenset[str] = frozenset(
    w
    for w in ("who", "whom", "whose", "what", "which", "when", "where", "why", "how", "many", "much")
    if w in STOPWORDS
)
