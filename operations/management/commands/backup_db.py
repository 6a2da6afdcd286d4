from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from operations.backup import BackupError, database_backup


class Command(BaseCommand):
    help = "Sichert die gesamte Datenbank mit pg_dump in eine Datei (PostgreSQL-Custom-Format)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Zieldatei; Standard: var/backups/transferboerse-<Datum>-<Uhrzeit>.dump",
        )

    def handle(self, *args, output: Path | None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = output or Path(settings.BASE_DIR) / "var" / "backups" / f"transferboerse-{stamp}.dump"
        try:
            database_backup(path=path)
        except BackupError as error:
            raise CommandError(f"Sicherung fehlgeschlagen: {error}") from error
        self.stdout.write(f"Gesichert: {path} ({path.stat().st_size} Bytes)")
