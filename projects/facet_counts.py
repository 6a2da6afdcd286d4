"""Counts of the project list's facet values under the other current filters, in one SQL statement.

Each facet's counts ignore its own filter and respect all others. They come, per facet, from:

- ``FacetCount`` when no other facet filter applies (the transfer flag has a column of its own);
- ``ConditionalFacetCount`` when one or two other facet filters apply. Several chosen values are
  summed over their combinations; a project that matches more than one combination (Kita *and*
  Grundschule) is then counted too often. Within one facet, the counts for each pair of values are
  subtracted again (inclusion–exclusion); whatever excess remains is corrected by a scan of just the
  projects that have that many of the chosen values;
- ``ConditionalFacetCount`` rows of a ``SearchTerm`` when the search is for one frequent word and no
  other facet filter applies;
- otherwise a scan of the matching projects: with any other search, a good-practice filter, three
  other facet filters, or too many chosen values to correct (``MAX_EXCESS_CONDITIONS``). All facets
  that need one share a single pass.

So the cost of a request depends on how few projects match, never on how many carry a popular value.
"""

import itertools
import math
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q, QuerySet

from .models import ConditionalFacetCount, SearchTerm
from .search import build_query

# facet parameter → (Project column, is an id array)
FACET_COLUMNS = {
    "uebergang": ("transition_ids", True),
    "handlungsfeld": ("field_ids", True),
    "zielgruppe": ("target_group_ids", True),
    "kommune": ("municipality_id", False),
    "sozialraum": ("district_ids", True),
}
FACETS = [*FACET_COLUMNS, "transfer"]
# Finding the projects that a sum of counters counts too often takes one index condition per
# combination of chosen values; beyond this many, scanning the matching projects is as quick.
MAX_EXCESS_CONDITIONS = 10


@dataclass(frozen=True)
class Source:
    """Counters for a group of facets: ``ConditionalFacetCount`` rows to add and to subtract (none of
    either: ``FacetCount``), the counter column, and how to find the projects still counted too often."""

    column: str
    others: tuple[str, ...] = ()  # the facet filters that apply
    added: tuple[str, ...] = ()
    subtracted: tuple[str, ...] = ()
    # A project with m of the chosen value combinations is counted m times by ``added``, and
    # m - C(m, 2) times once ``subtracted`` takes the pairs of values of one facet out again.
    pairs_subtracted: bool = False
    # the id-array facets with several values chosen: ((facet, chosen ids), ...)
    repeated: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @property
    def excess_size(self) -> int:
        """How many values of one facet a project needs to be counted too often (0: none is)."""
        return (3 if self.pairs_subtracted else 2) if self.repeated else 0


@dataclass
class FacetCounter:
    base: QuerySet  # the published projects
    selected: dict[str, list[int]]  # active facet filters: facet → chosen ids
    transfer: bool
    terms: list[str]
    good_practice: Q | None
    search_term: SearchTerm | None = None  # the frequent word searched for, if it is one

    def counts(self) -> dict[tuple[str, int], int]:
        """``{(facet, value id): count}``; values without projects are left out."""
        groups: dict[Source | None, list[str]] = {}
        for name in FACETS:
            groups.setdefault(self.source(name), []).append(name)
        parts = []
        for source, names in groups.items():
            parts.append(self._scan(names) if source is None else self._read(source, names))
        sql = " UNION ALL ".join(f"({part})" for part, _params in parts)
        with connection.cursor() as cursor:
            cursor.execute(sql, [param for _part, params in parts for param in params])
            return {(name, value): count for name, value, count in cursor.fetchall()}

    @property
    def conditions(self) -> dict[str, tuple[str, list]]:
        """SQL on the alias ``s`` for each active filter (parameters only, nothing interpolated)."""
        result = {}
        for name, ids in self.selected.items():
            column, is_array = FACET_COLUMNS[name]
            result[name] = (f"s.{column} && %s::bigint[]" if is_array else f"s.{column} = ANY(%s::bigint[])", [ids])
        if self.transfer:
            result["transfer"] = ("s.has_transfer_offer", [])
        return result

    def source(self, name: str) -> Source | None:
        """Where ``name``'s counts can be read, or None if they must be counted."""
        if self.good_practice is not None:
            return None
        others = tuple(sorted(key for key in self.selected if key != name))
        column = "transfer_count" if self.transfer and name != "transfer" else "count"
        if self.terms:
            if self.search_term is None or others:
                return None
            return Source(column, added=(self.search_term.given,))
        if not others:
            return Source(column)
        if len(others) > 2:
            return None
        repeated = tuple(
            (other, tuple(sorted(self.selected[other])))
            for other in others
            if FACET_COLUMNS[other][1] and len(self.selected[other]) > 1
        )
        key = ConditionalFacetCount.given_key
        added = tuple(
            key(list(zip(others, combination, strict=True)))
            for combination in itertools.product(*(self.selected[other] for other in others))
        )
        if len(others) == 1 and repeated:
            # Inclusion–exclusion: add each value, subtract each pair; only projects with three or
            # more of the values remain counted too often.
            ((other, ids),) = repeated
            subtracted = tuple(key([(other, a), (other, b)]) for a, b in itertools.combinations(ids, 2))
            source = Source(column, others, added, subtracted, pairs_subtracted=True, repeated=repeated)
        else:
            source = Source(column, others, added, repeated=repeated)
        conditions = sum(math.comb(len(ids), source.excess_size) for _other, ids in source.repeated)
        return source if conditions <= MAX_EXCESS_CONDITIONS else None

    def _read(self, source: Source, names: list[str]) -> tuple[str, list]:
        column = source.column
        if not source.added:
            sql = f"SELECT facet, value, {column} FROM projects_facetcount WHERE facet = ANY(%s) AND {column} > 0"
            return sql, [names]
        summed = (
            f"SELECT facet, value, {column} FROM projects_conditionalfacetcount"
            " WHERE given = ANY(%s) AND facet = ANY(%s)"
        )
        params = [list(source.added), names]
        if source.subtracted:
            summed += (
                f" UNION ALL SELECT facet, value, -{column} FROM projects_conditionalfacetcount"
                " WHERE given = ANY(%s) AND facet = ANY(%s)"
            )
            params += [list(source.subtracted), names]
        if source.excess_size and any(len(ids) >= source.excess_size for _other, ids in source.repeated):
            excess, excess_params = self._excess(source, names)
            summed += f" UNION ALL {excess}"
            params += excess_params
        return f"SELECT facet, value, sum(n) FROM ({summed}) c(facet, value, n) GROUP BY 1, 2 HAVING sum(n) > 0", params

    def _excess(self, source: Source, names: list[str]) -> tuple[str, list]:
        """For each project the summed counters count more or less than once, the difference to once."""
        conditions = self.conditions
        where = [conditions[other] for other in source.others]
        if source.column == "transfer_count":
            where.append(("s.has_transfer_offer", []))
        contains = [
            (f"s.{FACET_COLUMNS[other][0]} @> %s::bigint[]", [list(combination)])
            for other, ids in source.repeated
            for combination in itertools.combinations(ids, source.excess_size)
        ]
        where.append(
            (" OR ".join(condition for condition, _params in contains), [p for _c, ps in contains for p in ps])
        )
        # m: how many of the chosen value combinations the project has
        matches, matches_params = [], []
        for other, ids in source.repeated:
            matches.append("(" + " + ".join(f"(%s = ANY(s.{FACET_COLUMNS[other][0]}))::int" for _id in ids) + ")")
            matches_params += ids
        sql, params = self._rows()
        rows = (
            f"SELECT s.*, {' * '.join(matches)} AS m FROM ({sql}) s"
            f" WHERE {' AND '.join(f'({condition})' for condition, _params in where)}"
        )
        rows_params = [*matches_params, *params, *[p for _c, condition_params in where for p in condition_params]]
        flag = {"transfer": ("s.has_transfer_offer", [])}
        branches, branch_params = self._branches(names, {name: flag.get(name, ("TRUE", [])) for name in names})
        weight = "(s.m - 1) * (s.m - 2) / 2" if source.pairs_subtracted else "1 - s.m"
        return (
            f"SELECT f.name, f.value, {weight} FROM ({rows}) s CROSS JOIN LATERAL ({branches}) AS f(name, value)"
        ), [*rows_params, *branch_params]

    def _rows(self) -> tuple[str, list]:
        """SQL of the projects that can count at all: published, found by the search, good practice."""
        matches = self.base.filter(search_vector=build_query(self.terms)) if self.terms else self.base
        if self.good_practice is not None:
            matches = matches.filter(self.good_practice)
        sql, params = (
            matches.order_by()
            .values(*[column for column, _is_array in FACET_COLUMNS.values()], "has_transfer_offer")
            .query.sql_with_params()
        )
        return sql, list(params)

    @staticmethod
    def _branches(names: list[str], where: dict[str, tuple[str, list]]) -> tuple[str, list]:
        """A lateral subquery giving each row's ``(facet, value)`` of ``names``, each under its condition."""
        branches, params = [], []
        for name in names:
            condition, condition_params = where[name]
            if name == "transfer":
                branches.append(f"SELECT %s::text, 1::bigint WHERE {condition}")
            else:
                column, is_array = FACET_COLUMNS[name]
                value = f"v FROM unnest(s.{column}) v" if is_array else f"s.{column}"
                branches.append(f"SELECT %s::text, {value} WHERE {condition}")
            params += [name, *condition_params]
        return " UNION ALL ".join(branches), params

    def _scan(self, names: list[str]) -> tuple[str, list]:
        """Count the values of ``names`` over the matching projects, in one pass."""
        # Each facet counts the rows that pass every other filter; the transfer facet also needs the flag.
        conditions = {**self.conditions, "transfer": ("s.has_transfer_offer", [])}
        required = {
            name: {key for key in self.conditions if key != name} | ({"transfer"} if name == "transfer" else set())
            for name in names
        }
        common = set.intersection(*required.values())

        def all_of(keys) -> tuple[str, list]:
            keys = sorted(keys)
            return (
                " AND ".join(conditions[key][0] for key in keys) or "TRUE",
                [param for key in keys for param in conditions[key][1]],
            )

        sql, params = self._rows()
        branches, branch_params = self._branches(names, {name: all_of(required[name] - common) for name in names})
        # Only rows that can count for some facet are read, so the indexes can narrow the scan.
        scan_where, scan_params = all_of(common)
        rests = sorted({frozenset(keys - common) for keys in required.values()}, key=sorted)
        if all(rests):
            alternatives = [all_of(rest) for rest in rests if not any(other < rest for other in rests)]
            scan_where += " AND (" + " OR ".join(f"({where})" for where, _params in alternatives) + ")"
            scan_params += [param for _where, where_params in alternatives for param in where_params]
        return (
            f"SELECT f.name, f.value, count(*) FROM ({sql}) s "
            f"CROSS JOIN LATERAL ({branches}) AS f(name, value) "
            f"WHERE {scan_where} GROUP BY 1, 2"
        ), [*params, *branch_params, *scan_params]
