"""General English lexical knowledge, from published resources, for matching any news article.

Nothing here is specific to one report; the data files are built by ``scripts/build_*.py`` (needed
only to rebuild them) and committed under ``bot/core/data``. Each is read lazily, once, on first use.

==========================  =====================================  ==========================  ==========
module                      resource                               licence                     data file
==========================  =====================================  ==========================  ==========
``wordnet``                 Princeton WordNet 3.0 (Debian's        WordNet 3.0 licence         1.1 MB gz
                            ``wordnet-base``): synonyms of the     (redistribution permitted;
                            frequent senses (SemCor counts),       ``data/wordnet.LICENSE``)
                            derivational families, broader nouns;
                            nouns for a person (noun.person)                                   10 kB gz
``lemmas`` / ``morphy``     WordNet 3.0's exception lists and      WordNet 3.0 licence         337 kB gz
                            indexes, with morphy's suffix rules
``stopwords``               spaCy 3.8 English stop words           MIT                         1.7 kB gz
                            (326 words; question words included)   (``data/stopwords-en.LICENSE``)
``frequency``               wordfreq 3.1 "large" English list,     CC BY-SA 4.0                232 kB gz
                            50,000 most frequent words, Zipf       (``data/english-frequent.LICENSE``)
==========================  =====================================  ==========================  ==========

API::

    from bot.core.lexical.wordnet import synonyms, related, broader   # (lemma: str) -> frozenset[str]
    from bot.core.lexical.lemmas import lemma                        # (word, pos_hint=None) -> str
    from bot.core.lexical.stopwords import STOPWORDS, QUESTION_WORDS  # frozenset[str]
    from bot.core.lexical.frequency import zipf, is_common           # (word) -> float; (word, min_zipf) -> bool

Every licence text also heads its data file, so it travels with the data.
"""
