import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from operations.privacy import personal_data_delete, personal_data_export


class Command(BaseCommand):
    help = (
        "Auskunft und Löschung auf Antrag (Art. 15 und 17 DSGVO): zeigt alle zu einer E-Mail-Adresse "
        "gespeicherten Angaben von Ansprechpersonen und Benutzerkonten als JSON oder löscht sie."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "delete"], help="export: Auskunft; delete: Löschung")
        parser.add_argument("email", help="E-Mail-Adresse der Person")
        parser.add_argument("--no-input", action="store_true", help="vor dem Löschen nicht nachfragen")

    def handle(self, *args, action: str, email: str, no_input: bool, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"„{email}“ ist keine gültige E-Mail-Adresse.") from error
        data = personal_data_export(email=email)
        if action == "export":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        found = sum(len(records) for key, records in data.items() if key != "email")
        if not found:
            self.stdout.write(f"Zu {email} sind keine Angaben gespeichert.")
            return
        if not no_input:
            answer = input(f"{found} Einträge zu {email} löschen? [ja/nein] ")
            if answer.strip().lower() not in {"ja", "j", "yes", "y"}:
                raise CommandError("Abgebrochen, nichts gelöscht.")
        counts = personal_data_delete(email=email)
        self.stdout.write(
            "Gelöscht: {user_accounts} Benutzerkonten (anonymisiert), {municipality_contacts} Kontakte von Kommunen, "
            "{project_contacts} Projekt-Kontakte, "
            "{transfer_offer_contacts} Kontakte von Transfer-Angeboten (Angebote deaktiviert), "
            "{transfer_interest_contacts} Kontakte von Transferinteressen, "
            "{outgoing_mails} E-Mails im Postausgang, "
            "{barrier_reports} Absender gemeldeter Barrieren.".format(**counts)
        )
