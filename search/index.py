"""The index: a Tantivy directory per server (``settings.SEARCH_INDEX_DIR``), derived from PostgreSQL.

``rebuild`` writes it from scratch; ``sync`` applies the change log (``SearchChange``) since the
index's position, which is stored beside it in ``position.json``. Entries can commit out of id order
(a transaction that took a lower id may commit later), so the position is the last id older than
``SETTLE_SECONDS``: younger entries are applied again at the next sync, which is harmless.
Readers call ``searcher()``; it follows the change log first (one small query), so every server's copy
catches up on its own, whichever server's worker ran the task.
"""

import contextlib
import fcntl
import json
import logging
import os
import shutil
import threading
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import tantivy
from django.conf import settings
from django.db.models import Count, Max
from django.utils import timezone

from . import documents
from .analysis import SPELL, STEMMED, spelling_analyzer, stemming_analyzer
from .models import SearchChange

logger = logging.getLogger(__name__)
SETTLE_SECONDS = 60
KEEP_CHANGES = timedelta(days=7)
WRITER_HEAP = 50_000_000  # updates after commits: a few documents
REBUILD_HEAP, REBUILD_THREADS = 200_000_000, 2  # a full rebuild indexes on both cores
_lock = threading.Lock()


def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("key", tokenizer_name="raw")
    builder.add_text_field("kind", stored=True, fast=True, tokenizer_name="raw")
    builder.add_integer_field("pk", stored=True, indexed=True, fast=True)
    builder.add_text_field("title", tokenizer_name=STEMMED)
    builder.add_text_field("lead", tokenizer_name=STEMMED)
    builder.add_text_field("text", tokenizer_name=STEMMED)
    builder.add_text_field("spell", tokenizer_name=SPELL, index_option="freq")
    builder.add_text_field("tags", fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("sort", fast=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("created", fast=True)
    return builder.build()


SCHEMA = schema()


def directory() -> Path:
    return Path(settings.SEARCH_INDEX_DIR)


def _register(index: tantivy.Index) -> tantivy.Index:
    index.register_tokenizer(STEMMED, stemming_analyzer())
    index.register_tokenizer(SPELL, spelling_analyzer())
    return index


@dataclass
class Position:
    settled: int = 0  # every entry up to this id is applied
    applied: tuple[int, int] = (0, 0)  # (count, max id) of the entries after ``settled`` when last applied

    @classmethod
    def read(cls, path: Path) -> "Position | None":
        try:
            data = json.loads((path / "position.json").read_text())
        except (FileNotFoundError, ValueError):
            return None
        return cls(data["settled"], tuple(data["applied"]))

    def write(self, path: Path) -> None:
        temporary = path / "position.json.tmp"
        temporary.write_text(json.dumps({"settled": self.settled, "applied": list(self.applied)}))
        os.replace(temporary, path / "position.json")


class _Open:
    """This process' open index per directory, reloaded when another process committed."""

    def __init__(self) -> None:
        self.indexes: dict[Path, tuple[tantivy.Index, float]] = {}

    def get(self, path: Path) -> tantivy.Index:
        meta = path / "index" / "meta.json"
        mtime = meta.stat().st_mtime
        cached = self.indexes.get(path)
        if cached is None:
            index = _register(tantivy.Index(SCHEMA, path=str(path / "index"), reuse=True))
            self.indexes[path] = (index, mtime)
            return index
        index, seen = cached
        if seen != mtime:
            index.reload()
            self.indexes[path] = (index, mtime)
        return index

    def version(self, path: Path) -> float | None:
        """When the copy this process reads was last committed (changes with every update)."""
        cached = self.indexes.get(path)
        return cached[1] if cached else None

    def forget(self, path: Path) -> None:
        self.indexes.pop(path, None)


_open = _Open()


@contextlib.contextmanager
def _rebuild_lock(path: Path):
    """One rebuild at a time per directory, across processes: gunicorn's workers share the directory,
    and two rebuilds writing ``index.new`` at once destroy each other's files."""
    path.mkdir(parents=True, exist_ok=True)
    with open(path / "rebuild.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _is_built(path: Path) -> bool:
    return Position.read(path) is not None and (path / "index" / "meta.json").exists()


def rebuild(*, path: Path | None = None, unless_built: bool = False) -> int:
    """Write a new index of every public record, then swap it in; returns the number of documents.

    ``unless_built``: leave it to the process that built it while this one waited for the lock."""
    path = path or directory()
    with _rebuild_lock(path):
        if unless_built and _is_built(path):
            return 0
        count = _build_and_swap(path)
    # What changed while the rebuild read the database.
    sync(path=path)
    return count


def _build_and_swap(path: Path) -> int:
    start = SearchChange.objects.aggregate(last=Max("pk"))["last"] or 0
    building = path / "index.new"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    index = _register(tantivy.Index(SCHEMA, path=str(building)))
    writer = index.writer(REBUILD_HEAP, REBUILD_THREADS)
    lookup = documents.Lookup()
    count = 0
    for kind in documents.KINDS:
        for document in documents.build(kind, None, lookup):
            writer.add_document(tantivy.Document(**document.as_dict()))
            count += 1
    writer.commit()
    writer.wait_merging_threads()
    with _lock:
        old = path / "index.old"
        shutil.rmtree(old, ignore_errors=True)
        if (path / "index").exists():
            os.replace(path / "index", old)
        os.replace(building, path / "index")
        shutil.rmtree(old, ignore_errors=True)
        Position(settled=start).write(path)
        _open.forget(path)
    return count


def _pending(position: Position) -> tuple[int, int]:
    row = SearchChange.objects.filter(pk__gt=position.settled).aggregate(count=Count("pk"), last=Max("pk"))
    return row["count"], row["last"] or 0


def sync(*, path: Path | None = None) -> int:
    """Apply the change log since this index's position; returns how many entries were applied."""
    path = path or directory()
    if not _is_built(path):
        rebuild(path=path, unless_built=True)
        return 0
    position = Position.read(path)
    pending = _pending(position)
    if pending == tuple(position.applied):
        return 0
    with _lock:
        changes = list(
            SearchChange.objects.filter(pk__gt=position.settled).values_list("pk", "kind", "object_id", "created_at")
        )
        if not changes:
            return 0
        index = _open.get(path)
        try:
            writer = index.writer(WRITER_HEAP, 1)
        except ValueError:  # another process holds the writer and is applying the same entries
            logger.info("search index is being written by another process")
            return 0
        by_kind: dict[str, set[int]] = {}
        for _pk, kind, object_id, _created in changes:
            by_kind.setdefault(kind, set()).add(object_id)
        lookup = documents.Lookup()
        for kind, ids in by_kind.items():
            if kind not in documents.BUILDERS:
                continue
            for object_id in ids:
                writer.delete_documents_by_term("key", f"{kind}:{object_id}")
            for document in documents.build(kind, sorted(ids), lookup):
                writer.add_document(tantivy.Document(**document.as_dict()))
        writer.commit()
        writer.wait_merging_threads()
        settle = timezone.now() - timedelta(seconds=SETTLE_SECONDS)
        settled = position.settled
        for pk, _kind, _object_id, created in changes:
            if created > settle:
                break
            settled = pk
        remaining = [pk for pk, *_rest in changes if pk > settled]
        Position(settled, (len(remaining), max(remaining, default=0))).write(path)
        index.reload()
    SearchChange.objects.filter(created_at__lt=timezone.now() - KEEP_CHANGES).delete()
    return len(changes)


def searcher(*, follow: bool = True) -> tantivy.Searcher:
    """A searcher on this server's index copy, after applying what the change log holds beyond it."""
    path = directory()
    if follow or not (path / "index" / "meta.json").exists():
        sync(path=path)
    return _open.get(path).searcher()


def version() -> float | None:
    return _open.version(directory())


def index() -> tantivy.Index:
    return _open.get(directory())


@dataclass
class Drift:
    kind: str
    missing: set[int]
    extra: set[int]


def check(*, path: Path | None = None) -> list[Drift]:
    """Compare the index with the database: records missing from the index and documents it should not hold."""
    path = path or directory()
    sync(path=path)
    searcher_ = _open.get(path).searcher()
    result = []
    for kind in documents.KINDS:
        query = tantivy.Query.term_query(SCHEMA, "kind", kind)
        total = searcher_.search(query, 1, count=True).count or 0
        hits = searcher_.search(query, max(total, 1), count=False).hits
        indexed = set(searcher_.fast_field_values("pk", [address for _score, address in hits]))
        wanted = documents.public_ids(kind)
        if indexed != wanted:
            result.append(Drift(kind, wanted - indexed, indexed - wanted))
    return result


__all__ = ["SCHEMA", "check", "index", "rebuild", "searcher", "sync"]
