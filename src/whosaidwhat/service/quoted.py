"""Who gets quoted: the overview's tables, built from the store's counts (:mod:`whosaidwhat.store.overview`).

Each table is what a page shows (with a bar chart of one column), what the JSON API returns
and what a CSV download holds. A speaker's gender is counted as the article states it
where it does; otherwise a name-based guess (gender-guesser, on the first name) is counted
apart and labelled as a guess, never merged with what the text states.
"""

from __future__ import annotations

from dataclasses import dataclass

from whosaidwhat.names import PERSON, given_name_gender
from whosaidwhat.service.charts import BarChart, bar_chart

STATED, GUESSED = "stated in the text", "guessed from the first name"

#: The kinds of speaker a quote can have: (key, label, basis of the gender).
SPEAKER_KINDS = (
    ("female_stated", "Women", STATED),
    ("male_stated", "Men", STATED),
    ("female_guessed", "Likely women", GUESSED),
    ("male_guessed", "Likely men", GUESSED),
    ("person_unknown", "People of unknown gender", ""),
    ("not_person", "Organisations and other named sources", ""),
    ("unnamed", "Unnamed sources", ""),
)


@dataclass
class Column:
    key: str
    heading: str
    numeric: bool = False


@dataclass
class Table:
    """One table of the overview and its chart."""

    name: str  # in the CSV's address: /overview/{name}.csv
    title: str
    columns: list[Column]
    rows: list[dict]
    chart: BarChart
    link: str = ""  # how a row's label links: "outlet", "period" (narrow the overview) or "person"

    def csv_rows(self) -> list[list]:
        return [[column.heading for column in self.columns]] + [
            [row[column.key] for column in self.columns] for row in self.rows
        ]


def share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def speaker_kind(row: dict) -> str:
    """The kind of speaker a group of quotes has (a row of the store's ``speakers`` counts)."""
    if row["person_id"] is None:
        return "unnamed"
    if row["type"] != PERSON:
        return "not_person"
    if row["speaker_gender"]:
        return f"{row['speaker_gender']}_stated"
    guess, _ = given_name_gender(row["first"]) if row["first"] else (None, False)
    return f"{guess}_guessed" if guess else "person_unknown"


def speaker_rows(counts: list[dict]) -> list[dict]:
    quotes = dict.fromkeys((key for key, _, _ in SPEAKER_KINDS), 0)
    for row in counts:
        quotes[speaker_kind(row)] += row["quotes"]
    total = sum(quotes.values())
    return [
        {
            "kind": key,
            "speakers": label,
            "basis": basis,
            "quotes": quotes[key],
            "share": share(quotes[key], total),
        }
        for key, label, basis in SPEAKER_KINDS
    ]


def with_shares(rows: list[dict]) -> list[dict]:
    """Group rows with the shares of unnamed sources and of stated women and men among their quotes."""
    return [
        {
            **row,
            "unnamed_share": share(row["unnamed"], row["quotes"]),
            "female_stated_share": share(row["female_stated"], row["quotes"]),
            "male_stated_share": share(row["male_stated"], row["quotes"]),
        }
        for row in rows
    ]


def group_columns(key: str, heading: str) -> list[Column]:
    return [
        Column(key, heading),
        Column("articles", "Articles", True),
        Column("quotes", "Quotes", True),
        Column("unnamed_share", "Unnamed sources, share", True),
        Column("female_stated_share", "Women (stated), share", True),
        Column("male_stated_share", "Men (stated), share", True),
    ]


def speaker_columns() -> list[Column]:
    return [Column("name", "Name"), Column("quotes", "Quotes", True), Column("articles", "Articles", True)]


def figures(counts: dict[str, list[dict]]) -> dict:
    """The overview as the JSON API returns it: every table's rows, and the total of quotes."""
    speakers = speaker_rows(counts["speakers"])
    return {
        "quotes": sum(row["quotes"] for row in speakers),
        "outlets": with_shares(counts["outlets"]),
        "periods": with_shares(counts["periods"]),
        "people": counts["people"],
        "organisations": counts["organisations"],
        "speakers": speakers,
    }


def tables(found: dict) -> list[Table]:
    """The overview's tables, in the order a page shows them."""
    speaker_table_columns = [
        Column("speakers", "Speakers"),
        Column("basis", "Gender"),
        Column("quotes", "Quotes", True),
        Column("share", "Share", True),
    ]
    return [
        Table("speakers", "Who is quoted", speaker_table_columns, found["speakers"],
              bar_chart(found["speakers"], "speakers", "quotes")),
        Table("people", "Most quoted people", speaker_columns(), found["people"],
              bar_chart(found["people"], "name", "quotes"), link="person"),
        Table("organisations", "Most quoted organisations", speaker_columns(), found["organisations"],
              bar_chart(found["organisations"], "name", "quotes"), link="person"),
        Table("outlets", "Quotes per outlet", group_columns("outlet", "Outlet"), found["outlets"],
              bar_chart(found["outlets"], "outlet", "quotes"), link="outlet"),
        Table("periods", "Quotes per month", group_columns("period", "Month"), found["periods"],
              bar_chart(found["periods"], "period", "quotes"), link="period"),
    ]  # fmt: skip
