"""Recording what the index must update: every write to an indexed record adds a ``SearchChange``.

The search app sits above the apps whose records it indexes, so they cannot call it; it listens to
their model signals instead (connected in ``apps.ready``). This catches the admin, the services and
the imports alike. Bulk writes that send no signals (``QuerySet.update``) are found by ``search_check``.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from events.models import Event
from networks.models import Network
from projects.models import Municipality, Organisation, Project
from transfers.models import TransferOffer, TransferRequest, TransferService

from .models import SearchChange


def record(kind: str, object_ids: list[int]) -> None:
    """Add change log entries for ``object_ids`` of ``kind``; the index follows after commit."""
    ids = [object_id for object_id in object_ids if object_id is not None]
    if not ids:
        return
    SearchChange.objects.bulk_create([SearchChange(kind=kind, object_id=object_id) for object_id in ids])
    connection = transaction.get_connection()
    # One index update per transaction is enough, however many records it changed.
    if not any(getattr(callback, "is_search_sync", False) for _sids, callback, _robust in connection.run_on_commit):
        transaction.on_commit(_enqueue)


def _enqueue() -> None:
    from .tasks import search_sync

    search_sync.enqueue()


_enqueue.is_search_sync = True


def _project(sender, instance, **kwargs):
    record("project", [instance.pk])
    # An offer card repeats its project's title and taxonomy.
    if instance.pk:
        record("offer", list(TransferOffer.objects.filter(project_id=instance.pk).values_list("pk", flat=True)))


def _offer(sender, instance, **kwargs):
    record("offer", [instance.pk])
    record("project", [instance.project_id])  # the project's "Transfer-Angebot" flag


def _service(sender, instance, **kwargs):
    record("offer", [instance.offer_id])


def _request(sender, instance, **kwargs):
    record("request", [instance.pk])


def _network(sender, instance, **kwargs):
    record("network", [instance.pk])


def _event(sender, instance, **kwargs):
    record("event", [instance.pk])


def _m2m(kind: str):
    def handler(sender, instance, action, reverse, pk_set, **kwargs):
        if not action.startswith("post_"):
            return
        if not reverse:
            if kind == "project":
                _project(sender, instance)
            else:
                record(kind, [instance.pk])
        else:
            record(kind, list(pk_set or []))

    return handler


def _municipality(sender, instance, **kwargs):
    # Its name is a search word of its projects and of the Kreis' towns' projects.
    ids = list(Project.objects.filter(municipality__in=[instance.pk]).values_list("pk", flat=True))
    ids += list(Project.objects.filter(municipality__parent=instance.pk).values_list("pk", flat=True))
    record("project", ids)


def _organisation(sender, instance, **kwargs):
    record("project", list(Project.objects.filter(organisations=instance.pk).values_list("pk", flat=True)))
    record("network", list(Network.objects.filter(members=instance.pk).values_list("pk", flat=True)))


def connect() -> None:
    # weak=False: the m2m handlers are closures made here, referenced by nothing but the signal; a weak
    # reference would let them be collected at once and m2m changes would never reach the change log.
    for model, handler in [
        (Project, _project),
        (TransferOffer, _offer),
        (TransferService, _service),
        (TransferRequest, _request),
        (Network, _network),
        (Event, _event),
    ]:
        post_save.connect(handler, sender=model, weak=False, dispatch_uid=f"search_{model.__name__}_saved")
        post_delete.connect(handler, sender=model, weak=False, dispatch_uid=f"search_{model.__name__}_deleted")
    for model, kind in [(Project, "project"), (TransferRequest, "request"), (Network, "network"), (Event, "event")]:
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                _m2m(kind),
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"search_{model.__name__}_{field.name}",
            )
    post_save.connect(_municipality, sender=Municipality, weak=False, dispatch_uid="search_municipality_saved")
    post_save.connect(_organisation, sender=Organisation, weak=False, dispatch_uid="search_organisation_saved")
