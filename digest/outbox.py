"""A durable queue: one serialised digest, its recipient list, and a journal of who has it.

Everything is written (and fsynced) before any SMTP traffic, and every
server acceptance is appended to the journal before the next message to
that connection, so a crash — even SIGKILL — resumes where it stopped. Layout:

    outbox/<job>.eml            the digest, with placeholders (digest/recipients.py)
    outbox/<job>.rcpt           recipients, one `address TAB To-value TAB token` line each
    outbox/<job>.json           digest id, envelope sender, recipient count
    outbox/<job>.journal        append-only: `D n` delivered, `F n` refused (5xx),
                                `S n` skipped (suppressed); n is the line in .rcpt
    outbox/sent/<job>.*         the job once no recipient is left pending
    outbox/failed/<job>-<key>.eml/.reason   a refused recipient's message and reply
    outbox/suppressed           keys (sha256) of addresses refused for good

A job is pending while `outbox/<job>.eml` exists; the .eml is written last
and moved first. Job names come from the digest alone and failure files from
a hash of the address: no address appears in a file name.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from .errors import OutboxError
from .recipients import Recipient, address_key, decode_recipient, encode_recipient
from .state import fsync_dir, write_atomic

log = logging.getLogger(__name__)

SUFFIXES = (".rcpt", ".json", ".journal")  # moved with the .eml, which goes first


@dataclass(frozen=True)
class Job:
    """One queued digest."""

    name: str
    path: Path  # the .eml
    digest_id: str
    sender: str
    count: int  # recipients


@dataclass(frozen=True)
class Outbox:
    root: Path

    @property
    def sent_dir(self) -> Path:
        return self.root / "sent"

    @property
    def failed_dir(self) -> Path:
        return self.root / "failed"

    @property
    def suppression_file(self) -> Path:
        return self.root / "suppressed"

    def _check_name(self, name: str) -> None:
        if not name or "/" in name or "\\" in name or name.startswith(".") or "\0" in name:
            raise OutboxError(f"refusing outbox name {name!r}", path=self.root)

    def queue(
        self,
        name: str,
        template: bytes,
        *,
        digest_id: str,
        sender: str,
        recipients: Iterable[Recipient],
    ) -> tuple[Path, bool]:
        """Queue a digest; returns (path, False) when it was already queued or sent."""
        self._check_name(name)
        for folder in (self.root, self.sent_dir):
            if (folder / f"{name}.eml").exists():
                return folder / f"{name}.eml", False
        lines = b"".join(encode_recipient(r) for r in recipients)
        meta = {"digest": digest_id, "sender": sender, "count": lines.count(b"\n")}
        write_atomic(self.root / f"{name}.rcpt", lines, error=OutboxError)
        with contextlib.suppress(FileNotFoundError):
            (self.root / f"{name}.journal").unlink()  # left by an interrupted queue
        write_atomic(self.root / f"{name}.json", json.dumps(meta).encode(), error=OutboxError)
        target = self.root / f"{name}.eml"
        write_atomic(target, template, error=OutboxError)
        log.info("queued %s (%d bytes, %d recipients)", target, len(template), meta["count"])
        return target, True

    def jobs(self) -> list[Job]:
        """Pending jobs, oldest name first."""
        if not self.root.is_dir():
            return []
        jobs = []
        for path in sorted(self.root.glob("*.eml")):
            try:
                meta = json.loads(path.with_suffix(".json").read_bytes())
                jobs.append(
                    Job(path.stem, path, str(meta["digest"]), str(meta["sender"]), meta["count"])
                )
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise OutboxError(
                    f"cannot read the job beside this message: {exc}",
                    path=path,
                    hint="move the .eml out of the outbox if digest did not write it",
                ) from None
        return jobs

    def recipients(self, job: Job) -> Iterator[tuple[int, Recipient]]:
        """The recipient list, streamed with each line's number."""
        try:
            with job.path.with_suffix(".rcpt").open("rb") as handle:
                for number, line in enumerate(handle):
                    yield number, decode_recipient(line)
        except OSError as exc:
            raise OutboxError(f"cannot read recipients: {exc.strerror}", path=job.path) from None

    def done(self, job: Job) -> set[int]:
        """Recipient numbers the journal has an outcome for (a torn last line is ignored)."""
        try:
            data = job.path.with_suffix(".journal").read_bytes()
        except FileNotFoundError:
            return set()
        except OSError as exc:
            raise OutboxError(f"cannot read journal: {exc.strerror}", path=job.path) from None
        done = set()
        for line in data.split(b"\n")[:-1]:
            kind, _, number = line.partition(b" ")
            if kind in (b"D", b"F", b"S") and number.isdigit():
                done.add(int(number))
        return done

    def journal(self, job: Job, *, sync_every: int = 1) -> Journal:
        return Journal(job.path.with_suffix(".journal"), sync_every)

    def suppressed(self) -> set[str]:
        try:
            lines = self.suppression_file.read_text().splitlines()
        except FileNotFoundError:
            return set()
        except OSError as exc:
            raise OutboxError(
                f"cannot read suppression list: {exc.strerror}", path=self.suppression_file
            ) from None
        return {line.split()[0] for line in lines if line.strip()}

    def refuse(
        self, job: Job, recipient: Recipient, message: bytes, reply: str, *, suppress: bool
    ) -> None:
        """Keep a refused message with the server's reply; suppress the address if asked."""
        key = address_key(recipient.address)
        target = self.failed_dir / f"{job.name}-{key[:12]}.eml"
        write_atomic(target, message, error=OutboxError)
        write_atomic(
            target.with_suffix(".reason"),
            f"{recipient.address}\n{reply.strip()}\n".encode(),
            error=OutboxError,
        )
        if suppress:
            _append(self.suppression_file, f"{key}\n".encode(), sync=True)

    def complete(self, job: Job) -> Path:
        """Move a job with no recipient left pending to sent/ (the .eml first)."""
        target = self._move(job.path, self.sent_dir)
        for suffix in SUFFIXES:
            path = job.path.with_suffix(suffix)
            if path.exists():
                self._move(path, self.sent_dir)
        log.info("all recipients done for %s", job.name)
        return target

    def _move(self, path: Path, folder: Path) -> Path:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / path.name
            os.replace(path, target)
            fsync_dir(folder)
            fsync_dir(path.parent)
        except OSError as exc:
            raise OutboxError(f"cannot move message: {exc.strerror}", path=path) from None
        return target


class Journal:
    """Append-only outcomes, each written at once, so a killed process loses none.

    fsync is what survives an OS crash or power cut; it costs milliseconds, so
    it runs in a thread and is shared (group commit). `settle` after a record:
    with sync_every=1 it returns once that record is on disk (each connection
    waits, all connections share one fsync); with N > 1 an fsync starts every
    N records without waiting, and sending pauses only while 2N records are
    not yet on disk (so an OS crash can re-send at most 2N); with 0 only
    `close` syncs.
    """

    def __init__(self, path: Path, sync_every: int) -> None:
        self.path = path
        self.sync_every = max(0, sync_every)
        self._written = 0
        self._synced = 0
        self._syncing: asyncio.Task[None] | None = None
        try:
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutboxError(f"cannot open journal: {exc.strerror}", path=path) from None

    def record(self, kind: str, number: int) -> None:
        try:
            os.write(self._fd, f"{kind} {number}\n".encode())
        except OSError as exc:
            raise OutboxError(f"cannot write journal: {exc.strerror}", path=self.path) from None
        self._written += 1

    async def settle(self) -> None:
        if self.sync_every == 1:
            target = self._written
            while self._synced < target:
                await asyncio.shield(self._start_sync())
        elif self.sync_every > 1 and self._written - self._synced >= self.sync_every:
            self._start_sync()
            while self._written - self._synced >= 2 * self.sync_every:
                await asyncio.shield(self._start_sync())

    def _start_sync(self) -> asyncio.Task[None]:
        if self._syncing is None or self._syncing.done():
            self._syncing = asyncio.create_task(self._sync())
        return self._syncing

    async def _sync(self) -> None:
        upto = self._written
        try:
            await asyncio.to_thread(os.fsync, self._fd)
        except OSError as exc:
            raise OutboxError(f"cannot sync journal: {exc.strerror}", path=self.path) from None
        self._synced = max(self._synced, upto)

    async def drain(self) -> None:
        """Wait for an fsync still running in its thread (before `close`)."""
        if self._syncing is not None:
            await asyncio.gather(self._syncing, return_exceptions=True)

    def close(self) -> None:
        if self._fd >= 0:
            try:
                if self._written > self._synced:
                    os.fsync(self._fd)
            except OSError as exc:
                raise OutboxError(f"cannot sync journal: {exc.strerror}", path=self.path) from None
            finally:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _append(path: Path, data: bytes, *, sync: bool) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, data)
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise OutboxError(f"cannot write: {exc.strerror}", path=path) from None
