"""Requests of data subjects (Art. 15 and 17 DSGVO): export or delete a contact person's data.

A person is found by e-mail address (case-insensitive), the one identifier every record with
contact data has. Free-text fields (messages, descriptions) are not searched: they are reviewed by
hand if the person asks (the Datenschutzerklärung says so).
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.models import Coordinator, OutgoingMail
from pages.models import BarrierReport
from projects.models import Municipality, MunicipalityContact, Project
from transfers.models import TransferInterest, TransferOffer


def personal_data_export(*, email: str) -> dict:
    """Everything stored about the person with this e-mail address, as JSON-ready data."""
    return {
        "email": email,
        "user_accounts": _user_accounts(email),
        "municipality_contacts": _municipality_contacts(email),
        "project_contacts": _project_contacts(email),
        "transfer_offer_contacts": _transfer_offer_contacts(email),
        "transfer_interest_contacts": _transfer_interest_contacts(email),
        "outgoing_mails": _outgoing_mails(email),
        "barrier_reports": _barrier_reports(email),
    }


def _user_accounts(email: str) -> list[dict]:
    return [
        {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "roles": sorted(user.groups.values_list("name", flat=True)),
            "coordinates": sorted(user.coordinator_roles.values_list("municipality__name", flat=True)),
            "event_registrations": [
                {"event": registration.event.title, "status": registration.status}
                for registration in user.event_registrations.select_related("event").order_by("created_at")
            ],
        }
        for user in get_user_model().objects.filter(email__iexact=email).order_by("pk")
    ]


def _municipality_contacts(email: str) -> list[dict]:
    contacts = MunicipalityContact.objects.filter(email__iexact=email).select_related("municipality")
    return [
        {
            "municipality": contact.municipality.name,
            "name": contact.name,
            "role": contact.role,
            "email": contact.email,
            "phone": contact.phone,
            "published": contact.is_public,
            "consent_given_on": contact.consent_given_on.isoformat() if contact.consent_given_on else None,
        }
        for contact in contacts.order_by("pk")
    ] + [
        {**contact, "municipality": municipality.name, "published": False, "proposed": True}
        for municipality, contact in _proposed_contacts(email)
    ]


def _proposed_contacts(email: str) -> list[tuple[Municipality, dict]]:
    """Contacts with this address in lists that coordinators proposed and nobody reviewed yet."""
    return [
        (municipality, contact)
        for municipality in Municipality.objects.filter(pending_changes__has_key="contacts").order_by("pk")
        for contact in municipality.pending_changes["contacts"]
        if contact["email"].lower() == email.lower()
    ]


def _drop_proposed_contacts(email: str) -> int:
    proposed = _proposed_contacts(email)
    for municipality, contact in proposed:
        municipality.pending_changes["contacts"].remove(contact)
        municipality.save(update_fields=["pending_changes"])
    return len(proposed)


def _project_contacts(email: str) -> list[dict]:
    return [
        {
            "project": project.title,
            "municipality": project.municipality.name,
            "contact_name": project.contact_name,
            "contact_role": project.contact_role,
            "contact_email": project.contact_email,
            "contact_phone": project.contact_phone,
            "published": project.contact_is_public and project.is_published,
        }
        for project in Project.objects.filter(contact_email__iexact=email).select_related("municipality")
    ]


def _transfer_offer_contacts(email: str) -> list[dict]:
    return [
        {
            "project": offer.project.title,
            "contact_name": offer.contact_name,
            "contact_email": offer.contact_email,
            "contact_phone": offer.contact_phone,
            "published": offer.contact_is_public and offer.is_active and offer.project.is_published,
        }
        for offer in TransferOffer.objects.filter(contact_email__iexact=email).select_related("project")
    ]


def _transfer_interest_contacts(email: str) -> list[dict]:
    interests = TransferInterest.objects.filter(contact_email__iexact=email)
    return [
        {
            "offer": interest.offer.project.title,
            "municipality": interest.municipality.name,
            "contact_name": interest.contact_name,
            "contact_email": interest.contact_email,
            "registered_at": interest.created_at.isoformat(),
        }
        for interest in interests.select_related("offer__project", "municipality")
    ]


def _barrier_reports(email: str) -> list[dict]:
    return [
        {
            "received_at": report.received_at.isoformat(),
            "name": report.name,
            "email": report.email,
            "page_url": report.page_url,
            "description": report.description,
            "status": report.status,
        }
        for report in BarrierReport.objects.filter(email__iexact=email).order_by("pk")
    ]


def _outgoing_mails(email: str) -> list[dict]:
    """Mails the portal wrote to the person, with their text (the outbox keeps them for the Redaktion)."""
    return [
        {
            "subject": mail.subject,
            "body": mail.body,
            "status": mail.status,
            "created_at": mail.created_at.isoformat(),
            "sent_at": mail.sent_at.isoformat() if mail.sent_at else None,
        }
        for mail in OutgoingMail.objects.filter(to__iexact=email).order_by("created_at", "pk")
    ]


@transaction.atomic
def _switch_off_offers_of(email: str) -> int:
    """Clear the person from the offers they are the contact of and take those offers off the portal.

    Saved one by one, not with ``update()``: the save signals tell the search index (and so the offer
    list and the site search) that the offer is gone.
    """
    offers = list(TransferOffer.objects.filter(contact_email__iexact=email))
    for offer in offers:
        offer.contact_name = offer.contact_email = offer.contact_phone = ""
        offer.contact_is_public = offer.is_active = False
        offer.save(update_fields=["contact_name", "contact_email", "contact_phone", "contact_is_public", "is_active"])
    return len(offers)


def personal_data_delete(*, email: str) -> dict[str, int]:
    """Remove the person's data everywhere; return how many records were changed per kind.

    Records stay (projects, offers and transfers belong to the municipality), only the person's data
    goes. Updates bypass ``full_clean()`` on purpose: an offer without contact would not pass the
    form, so it is switched off until the municipality names a new contact. User accounts are
    anonymised rather than deleted so the history of who changed what keeps its links.
    """
    User = get_user_model()
    users = list(User.objects.filter(email__iexact=email))
    for user in users:
        user.username = f"geloescht-{user.pk}"
        user.first_name = user.last_name = user.email = ""
        user.is_active = False
        user.set_unusable_password()
        user.save()
    Coordinator.objects.filter(user__in=users).delete()
    return {
        "user_accounts": len(users),
        # A Kommune's contact is nothing but the person's data: the row goes, and so does the person
        # from contact lists proposed for review.
        "municipality_contacts": MunicipalityContact.objects.filter(email__iexact=email).delete()[0]
        + _drop_proposed_contacts(email),
        "project_contacts": Project.objects.filter(contact_email__iexact=email).update(
            contact_name="", contact_role="", contact_email="", contact_phone="", contact_is_public=False
        ),
        "transfer_offer_contacts": _switch_off_offers_of(email),
        "transfer_interest_contacts": TransferInterest.objects.filter(contact_email__iexact=email).update(
            contact_name="", contact_email=""
        ),
        # Mails not yet sent go too: erasure means the portal no longer writes to the address.
        "outgoing_mails": OutgoingMail.objects.filter(to__iexact=email).delete()[0],
        # The report stays for the Redaktion's record of barriers; who sent it goes.
        "barrier_reports": BarrierReport.objects.filter(email__iexact=email).update(name="", email=""),
    }
