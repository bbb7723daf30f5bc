"""Who gets quoted in a corpus: quotes counted per outlet, per month, per speaker and per gender.

Every count is of quotes, within a scope (one outlet, one month, or all). An article's
outlet is its URL's host (``NO_OUTLET`` when its input gave no URL); a quote's period is
the month of its article. Gender is counted as the article states it
(``quotes.speaker_gender``); the name-based guess for the rest is left to the caller,
which must label it as a guess.
"""

from __future__ import annotations

from typing import Any

from whosaidwhat.names import PERSON

NO_OUTLET = "(no address)"
UNDATED = "undated"
TOP = 10

OUTLET_SQL = f"COALESCE(a.outlet, '{NO_OUTLET}')"
PERIOD_SQL = f"COALESCE(substr(q.published, 1, 7), '{UNDATED}')"
SCOPED_QUOTES = (
    "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id"
)
GROUP_COUNTS = (
    "count(DISTINCT q.article_id) AS articles, count(*) AS quotes, "
    "sum(CASE WHEN q.person_id IS NULL THEN 1 ELSE 0 END) AS unnamed, "
    "sum(CASE WHEN q.speaker_gender = 'female' THEN 1 ELSE 0 END) AS female_stated, "
    "sum(CASE WHEN q.speaker_gender = 'male' THEN 1 ELSE 0 END) AS male_stated"
)


class OverviewQueries:
    """The overview's counts; mixed into the store, whose ``db`` answers them."""

    db: Any

    def outlets(self) -> list[str]:
        """Every outlet in the corpus, by name."""
        rows = self.db.rows(f"SELECT DISTINCT {OUTLET_SQL} AS outlet FROM articles a ORDER BY 1")
        return [row["outlet"] for row in rows]

    def periods(self) -> list[str]:
        """Every month that has quotes, in order."""
        rows = self.db.rows(f"SELECT DISTINCT {PERIOD_SQL} AS period FROM quotes q ORDER BY 1")
        return [row["period"] for row in rows]

    def overview(self, outlet: str | None = None, period: str | None = None) -> dict[str, list[dict]]:
        """Quotes in the scope of ``outlet`` and ``period`` (None for all), counted five ways."""
        where, params = self._scope(outlet, period)
        return {
            "outlets": self._grouped(OUTLET_SQL, "outlet", where, params, "quotes DESC, outlet"),
            "periods": self._grouped(PERIOD_SQL, "period", where, params, "period"),
            "people": self._most_quoted(where + f" AND p.type = {self.db.mark}", [*params, PERSON]),
            "organisations": self._most_quoted(where + f" AND p.type = {self.db.mark}", [*params, "ORG"]),
            "speakers": self.db.rows(
                "SELECT q.person_id, p.type, p.first, q.speaker_gender, count(*) AS quotes "
                f"{SCOPED_QUOTES} {where} GROUP BY q.person_id, p.type, p.first, q.speaker_gender "
                "ORDER BY q.person_id, q.speaker_gender",
                params,
            ),
        }

    def _scope(self, outlet: str | None, period: str | None) -> tuple[str, list]:
        conditions, params = ["1 = 1"], []
        if outlet:
            conditions.append(f"{OUTLET_SQL} = {self.db.mark}")
            params.append(outlet)
        if period:
            conditions.append(f"{PERIOD_SQL} = {self.db.mark}")
            params.append(period)
        return "WHERE " + " AND ".join(conditions), params

    def _grouped(self, key_sql: str, key: str, where: str, params: list, order: str) -> list[dict]:
        return self.db.rows(
            f"SELECT {key_sql} AS {key}, {GROUP_COUNTS} {SCOPED_QUOTES} {where} GROUP BY 1 ORDER BY {order}",
            params,
        )

    def _most_quoted(self, where: str, params: list) -> list[dict]:
        return self.db.rows(
            f"SELECT p.id AS person_id, p.name, count(*) AS quotes, count(DISTINCT q.article_id) AS articles "
            f"{SCOPED_QUOTES} {where} GROUP BY p.id, p.name ORDER BY quotes DESC, p.name, p.id LIMIT {TOP}",
            params,
        )
