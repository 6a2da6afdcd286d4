"""The records the rest of the demo refers to: taxonomies, Kommunen, organisations and accounts."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

from accounts.models import Coordinator, User
from projects.models import (
    ActionField,
    LifePhase,
    Municipality,
    MunicipalityContact,
    Organisation,
    SocialArea,
    TargetGroup,
    Transition,
)

from .base import (
    CREATED,
    UNCHANGED,
    UPDATED,
    Catalog,
    LoadReport,
    _slug,
    _sync_relations,
    _upsert,
    _validate,
    demo_password,
    read,
)


@transaction.atomic
def load_taxonomies(catalog: Catalog, report: LoadReport) -> None:
    taxonomies = read("taxonomies")
    for position, data in enumerate(taxonomies["phases"], start=1):
        short_name = data["short_name"]
        phase, status = _upsert(
            LifePhase,
            lookup={"name": data["name"]},
            values={"short_name": short_name, "position": position, "age_band": data["age_band"]},
            on_create={"slug": data["slug"]},
        )
        catalog.phases[short_name] = phase
        report.add("phases", status)
    for position, data in enumerate(taxonomies["transitions"], start=1):
        short_name = data["short_name"]
        transition, status = _upsert(
            Transition,
            lookup={"name": data["name"]},
            values={
                "short_name": short_name,
                "position": position,
                "age_band": data.get("age_band", ""),
                "phase_before": catalog.phases[data["from"]],
                "phase_after": catalog.phases[data["to"]],
            },
            on_create={"slug": _slug(Transition, short_name)},
        )
        catalog.transitions[short_name] = transition
        report.add("transitions", status)
    for key, model, registry in [
        ("action_fields", ActionField, catalog.action_fields),
        ("target_groups", TargetGroup, catalog.target_groups),
    ]:
        names = taxonomies[key]
        for position, name in enumerate(names, start=1):
            instance, status = _upsert(
                model, lookup={"name": name}, values={"position": position}, on_create={"slug": _slug(model, name)}
            )
            registry[name] = instance
            report.add(key, status)


def _profile(data: dict) -> dict:
    """The Kommune profile of a municipality's ``[municipalities.profile]`` table (only the keys given)."""
    profile = data.get("profile", {})
    unknown = set(profile) - set(Municipality.PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"{data['name']}: unbekannte Profilfelder {sorted(unknown)}")
    return profile


@transaction.atomic
def load_municipalities(catalog: Catalog, report: LoadReport) -> None:
    content = read("municipalities")
    for data in content["municipalities"]:
        population = data.get("population")
        municipality, status = _upsert(
            Municipality,
            lookup={"name": data["name"]},
            values={
                "kind": data["kind"],
                "parent": catalog.municipalities[data["parent"]] if data.get("parent") else None,
                "has_own_youth_office": data["has_own_youth_office"],
                "is_model_municipality": data.get("is_model_municipality", False),
                "population": population,
                "population_year": content["population_year"] if population else None,
                "population_source": content["population_source"] if population else "",
                "address": data.get("address", ""),
                "website": data.get("website", ""),
                **_profile(data),
            },
            on_create={"slug": _slug(Municipality, data["name"])},
        )
        catalog.municipalities[municipality.name] = municipality
        report.add("municipalities", status)
        for position, contact in enumerate(data.get("contacts", []), start=1):
            _contact, status = _upsert(
                MunicipalityContact,
                lookup={"municipality": municipality, "name": contact["name"]},
                values={
                    "role": contact.get("role", ""),
                    "email": contact.get("email", ""),
                    "phone": contact.get("phone", ""),
                    "is_public": contact["is_public"],
                    "consent_given_on": contact.get("consent_given_on"),
                    "position": position,
                },
            )
            report.add("municipality_contacts", status)
    for data in content["social_areas"]:
        municipality_name, name = data["municipality"], data["name"]
        municipality = catalog.municipalities[municipality_name]
        area, status = _upsert(
            SocialArea,
            lookup={"municipality": municipality, "name": name},
            on_create={"slug": _slug(SocialArea, f"{municipality.slug} {name}")},
        )
        catalog.social_areas[(municipality_name, name)] = area
        report.add("social_areas", status)


@transaction.atomic
def load_organisations(catalog: Catalog, report: LoadReport) -> None:
    for data in read("organisations")["organisations"]:
        # Without a municipality, an organisation works beyond one municipality.
        municipality = catalog.municipalities[data["municipality"]] if "municipality" in data else None
        organisation, status = _upsert(
            Organisation,
            lookup={"name": data["name"], "municipality": municipality},
            values={
                "kind": data["kind"],
                "department": data.get("department", ""),
                "website": data.get("website", ""),
            },
        )
        catalog.organisations[organisation.name] = organisation
        report.add("organisations", status)


@transaction.atomic
def load_accounts(catalog: Catalog, report: LoadReport) -> None:
    # PBKDF2 is slow by design: hash the public demo password once, and only if an account is new.
    password_hash = None
    for data in read("accounts")["users"]:
        user = User.objects.filter(username=data["username"]).first()
        values = {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "email": data["email"],
            "is_staff": True,
            "is_superuser": data["is_superuser"],
        }
        if user is None:
            password_hash = password_hash or make_password(demo_password())
            user = User(username=data["username"], password=password_hash, **values)
            _validate(user)
            user.save()
            status = CREATED
        else:
            # The password is left as it is: it may have been changed on purpose.
            user, status = _upsert(User, lookup={"pk": user.pk}, values=values)
        groups = [Group.objects.get(name=group_name) for group_name in data["groups"]]
        status = _sync_relations(user, status, {"groups": groups})
        for municipality_name in data["municipalities"]:
            _, created = Coordinator.objects.get_or_create(
                user=user, municipality=catalog.municipalities[municipality_name]
            )
            if created and status == UNCHANGED:
                status = UPDATED
        catalog.users[user.username] = user
        report.add("users", status)
