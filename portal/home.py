"""What the home page shows: entries per Übergang, newest and most adopted projects, Kommunen by Kreis.

Everything comes from a fixed number of queries whatever the number of Kommunen and projects: the
counts per Kommune and Übergang are the trigger-maintained ``ChainCount`` rows the gap grid reads too.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q

from projects.models import ChainCount, Municipality, Project, Transition
from transfers.models import TransferInterest

NEWEST = 3
MOST_ADOPTED = 3
# An offer counts as adopted once a Kommune has put it into practice (and possibly rated it since).
ADOPTED_STAGES = [TransferInterest.Stage.IMPLEMENTED, TransferInterest.Stage.RATED]


@dataclass
class Coverage:
    """One Kommune's line in the overview: which Übergänge have at least one published project."""

    municipality: Municipality
    counts: list[int]

    @property
    def covered(self) -> int:
        return sum(1 for count in self.counts if count)

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass
class KreisGroup:
    """A Kreis with its towns and communities, or (``kreis`` None) the Kommunen outside any Kreis."""

    kreis: Coverage | None
    members: list[Coverage] = field(default_factory=list)

    @property
    def total(self) -> Coverage | None:
        """The Kreis with all its towns and communities: their own projects summed per Übergang (each
        project belongs to one Kommune, so none is counted twice); None without a Kreis or towns."""
        if self.kreis is None or not self.members:
            return None
        lines = [self.kreis, *self.members]
        columns = zip(*(line.counts for line in lines), strict=True)
        return Coverage(self.kreis.municipality, [sum(counts) for counts in columns])


def kreis_groups(rows: list[tuple[Municipality, list[int]]]) -> list[KreisGroup]:
    """Kommunen grouped by Kreis (in the given order), the Kommunen without a Kreis in a last group."""
    groups: dict[int, KreisGroup] = {}
    loose = KreisGroup(kreis=None)
    for municipality, counts in rows:
        line = Coverage(municipality, counts)
        if municipality.kind == Municipality.Kind.DISTRICT:
            groups.setdefault(municipality.pk, KreisGroup(kreis=None)).kreis = line
        elif municipality.parent_id:
            groups.setdefault(municipality.parent_id, KreisGroup(kreis=None)).members.append(line)
        else:
            loose.members.append(line)
    return [*groups.values(), *([loose] if loose.members else [])]


def home_context() -> dict:
    transitions = list(Transition.objects.all())
    counts = {(m, t): n for (m, t, _f), n in ChainCount.cells(by_field=False).items()}
    municipalities = list(Municipality.objects.grouped_by_district())
    rows = [
        (municipality, [counts.get((municipality.pk, transition.pk), 0) for transition in transitions])
        for municipality in municipalities
    ]
    # Each project belongs to one Kommune: the sum over Kommunen is the number of projects per Übergang.
    per_transition = [(transition, sum(row[1][index] for row in rows)) for index, transition in enumerate(transitions)]
    published = Project.objects.published().select_related("municipality")
    newest = list(published.order_by(F("reviewed_at").desc(nulls_last=True), "-created_at", "-pk")[:NEWEST])
    adopted = Q(transfer_offers__interests__stage__in=ADOPTED_STAGES)
    most_adopted = list(
        published.annotate(adoptions=Count("transfer_offers__interests", filter=adopted))
        .filter(adoptions__gt=0)
        .order_by("-adoptions", "title")[:MOST_ADOPTED]
    )
    return {
        "transitions": transitions,
        "rows": rows,
        "per_transition": per_transition,
        "kreis_groups": kreis_groups(rows),
        "newest": newest,
        "most_adopted": most_adopted,
        "for_families": [m for m in municipalities if m.family_portal_url or m.website],
    }
