"""Reciprocity: which municipalities give know-how and which receive it (the ledger).

The ledger counts a transfer once it is "umgesetzt" (implemented, and then rated) – a registered or
running transfer is an intention, not know-how that has travelled. By stage the balances still hold
every transfer, for the steering dashboard's overview of the workflow.
"""

from dataclasses import dataclass, field

from django.db.models import Count

from projects.models import Municipality

from .models import TransferInterest, TransferService

# "open" in the ledger: under way, not yet implemented
IN_PROGRESS = [stage for stage in TransferInterest.OPEN_STAGES if stage not in TransferInterest.COMPLETED_STAGES]
IMBALANCE = 2  # given and received completed transfers differ by at least this much


@dataclass
class Balance:
    municipality: Municipality
    given: dict[str, int] = field(default_factory=dict)  # by stage
    received: dict[str, int] = field(default_factory=dict)
    # completed transfers by the transfer mode of their services (filled by ``with_modes``)
    given_by_mode: dict[str, int] = field(default_factory=dict)
    received_by_mode: dict[str, int] = field(default_factory=dict)

    @staticmethod
    def _sum(counts: dict[str, int], stages) -> int:
        return sum(counts.get(stage, 0) for stage in stages)

    @property
    def given_open(self) -> int:
        return self._sum(self.given, IN_PROGRESS)

    @property
    def given_completed(self) -> int:
        return self._sum(self.given, TransferInterest.COMPLETED_STAGES)

    @property
    def received_open(self) -> int:
        return self._sum(self.received, IN_PROGRESS)

    @property
    def received_completed(self) -> int:
        return self._sum(self.received, TransferInterest.COMPLETED_STAGES)

    @property
    def balance(self) -> int:
        """Completed transfers given minus received: positive means the municipality gives more."""
        return self.given_completed - self.received_completed

    @property
    def is_imbalanced(self) -> bool:
        return abs(self.balance) >= IMBALANCE

    @property
    def has_received_nothing(self) -> bool:
        """No transfer received has been implemented yet."""
        return self.received_completed == 0

    def by_mode(self) -> list[tuple[str, int, int]]:
        """``(mode label, given, received)`` for every mode with a completed transfer."""
        return [
            (label, self.given_by_mode.get(value, 0), self.received_by_mode.get(value, 0))
            for value, label in TransferService.Mode.choices
            if self.given_by_mode.get(value) or self.received_by_mode.get(value)
        ]

    def by_stage(self) -> list[tuple[str, int, int]]:
        """``(stage label, given, received)`` for every stage."""
        return [
            (label, self.given.get(value, 0), self.received.get(value, 0))
            for value, label in TransferInterest.Stage.choices
        ]


def balances(municipalities=None) -> list[Balance]:
    """One balance per municipality (all of them by default), in two aggregate queries plus one."""
    municipalities = list(municipalities if municipalities is not None else Municipality.objects.all())
    by_id = {municipality.pk: Balance(municipality) for municipality in municipalities}
    given = (
        TransferInterest.objects.filter(offer__project__municipality_id__in=by_id)
        .values_list("offer__project__municipality_id", "stage")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for municipality_id, stage, count in given:
        by_id[municipality_id].given[stage] = count
    received = (
        TransferInterest.objects.filter(municipality_id__in=by_id)
        .values_list("municipality_id", "stage")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for municipality_id, stage, count in received:
        by_id[municipality_id].received[stage] = count
    return list(by_id.values())


def with_modes(rows: list[Balance]) -> list[Balance]:
    """Fill in the completed transfers by mode, in two queries. A transfer whose services have two
    modes counts once for each; one without services counts for none."""
    by_id = {row.municipality.pk: row for row in rows}
    completed = TransferInterest.objects.completed().filter(services__isnull=False)
    for path, attribute in [
        ("offer__project__municipality_id", "given_by_mode"),
        ("municipality_id", "received_by_mode"),
    ]:
        counts = (
            completed.filter(**{f"{path}__in": by_id})
            .values_list(path, "services__mode")
            .annotate(count=Count("pk", distinct=True))
            .order_by()
        )
        for municipality_id, mode, count in counts:
            getattr(by_id[municipality_id], attribute)[mode] = count
    return rows


def balance_for(municipality: Municipality) -> Balance:
    return with_modes(balances([municipality]))[0]
