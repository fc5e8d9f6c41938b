"""Feedback: the 👍/👎 and declined questions the Discord bot records, and what reads them back.

- ``events``: what is recorded (``FeedbackEvent``, the question cap) and the sink interface;
- ``store``: the SQLite database that keeps them (``SqliteFeedbackStore``, ``FeedbackReader``);
- ``migrations``: the database's schema, one step per version;
- ``export``: CSV or JSON Lines, written whole or not at all;
- ``sink``: the one way to open a sink from the settings (``open_sink``, ``database_path``).

Nothing is imported here, so ``reportbot ask`` loads none of it.
"""
