"""Send what the outbox holds: K persistent connections, retries, a rate limit, a journal.

Each recipient's message is spliced from the job's template (no re-rendering).
After the server accepts it (250 after DATA) the journal records it before
that connection sends anything else, so a crash re-sends at most the
messages in flight (one per connection). A 5xx is a permanent failure: the
message and reply go to outbox/failed/, the address is suppressed for later
runs and reported to `on_bounce`. A 4xx or a lost connection is retried with
exponential backoff and jitter up to smtp.retries times, then left pending
for the next run. After smtp.max_errors errors in a row the run stops and
leaves the rest pending. TLS is what the config says: `tls` (implicit),
`starttls` (required, never skipped) or `plain`.

Addresses never reach the log: recipients are named by their key's prefix.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import ssl
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .config import SmtpConfig
from .errors import DeliveryError
from .outbox import Job, Journal, Outbox
from .recipients import Recipient, Template, address_key
from .smtp import Connection, Dropped, Refused, tls_context

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (finished so far, total to send this run)
Sign = Callable[[bytes], bytes]  # DKIM: a finished message → the same, signed
Bounce = Callable[[str], None]  # an address the server refused for good


@dataclass(frozen=True)
class DeliveryReport:
    delivered: int = 0
    deferred: int = 0  # left pending for the next run
    failed: int = 0  # refused for good (5xx) in this run
    suppressed: int = 0  # skipped: refused for good in an earlier run


class RateLimit:
    """At most `rate` messages a second, and at most `hourly` in any sliding hour (`window`)."""

    def __init__(self, rate: float, hourly: int, window: float = 3600.0) -> None:
        self._span = window
        self._interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0
        self._hourly = hourly
        self._window: deque[float] = deque()

    async def wait(self) -> None:
        if self._interval:
            now = time.monotonic()
            slot = max(now, self._next)
            self._next = slot + self._interval
            if slot > now:
                await asyncio.sleep(slot - now)
        if self._hourly > 0:
            while True:
                now = time.monotonic()
                while self._window and self._window[0] <= now - self._span:
                    self._window.popleft()
                if len(self._window) < self._hourly:
                    break
                log.info("hourly limit of %d reached; waiting", self._hourly)
                await asyncio.sleep(self._window[0] + self._span - now)
            self._window.append(time.monotonic())


@dataclass
class _Job:
    """A job being sent: its templates and open journal."""

    job: Job
    stuffed: Template
    plain: Template
    journal: Journal


@dataclass
class _Run:
    outbox: Outbox
    config: SmtpConfig
    sign: Sign | None
    on_bounce: Bounce | None
    progress: Progress | None
    delivered: int = 0
    failed: int = 0
    suppressed: int = 0
    total: int = 0
    errors: int = 0  # in a row
    stopped: bool = False
    connected: bool = False
    last_error: str = ""
    jobs: list[_Job] = field(default_factory=list)
    random: random.Random = field(default_factory=random.Random)

    @property
    def finished(self) -> int:
        return self.delivered + self.failed + self.suppressed

    def items(self) -> Iterator[tuple[_Job, int, Recipient]]:
        """Pending recipients, streamed job by job; suppressed ones are journalled as skipped."""
        suppressed = self.outbox.suppressed()
        for state in self.jobs:
            done = self.outbox.done(state.job)
            for number, recipient in self.outbox.recipients(state.job):
                if number in done:
                    continue
                if address_key(recipient.address) in suppressed:
                    state.journal.record("S", number)
                    self.suppressed += 1
                    self._tick()
                    continue
                yield state, number, recipient

    def _tick(self) -> None:
        if self.progress is not None:
            self.progress(self.finished, self.total)

    def _message(self, state: _Job, recipient: Recipient) -> bytes:
        if self.sign is None:
            return state.stuffed.splice(recipient, state.job.digest_id)
        signed = self.sign(state.plain.splice(recipient, state.job.digest_id))
        return re.sub(rb"(?m)^\.", b"..", signed) + b".\r\n"

    def _error(self, message: str) -> None:
        self.errors += 1
        self.last_error = message
        if self.errors >= self.config.max_errors and not self.stopped:
            self.stopped = True
            log.warning("%d errors in a row (last: %s); stopping, the rest stays pending",
                        self.errors, message)

    async def worker(
        self,
        items: Iterator[tuple[_Job, int, Recipient]],
        limit: RateLimit,
        context: ssl.SSLContext | None,
    ) -> None:
        connection: Connection | None = None
        try:
            while not self.stopped:
                item = next(items, None)
                if item is None:
                    break
                connection = await self.send_one(item, connection, context, limit)
        finally:
            if connection is not None:
                await connection.quit()

    async def send_one(
        self,
        item: tuple[_Job, int, Recipient],
        connection: Connection | None,
        context: ssl.SSLContext | None,
        limit: RateLimit,
    ) -> Connection | None:
        state, number, recipient = item
        who = address_key(recipient.address)[:12]
        for attempt in range(self.config.retries + 1):
            if attempt:
                delay = self.config.retry_delay * 2 ** (attempt - 1)
                await asyncio.sleep(delay * self.random.uniform(0.5, 1.5))
                if self.stopped:
                    break
            try:
                if connection is None:
                    connection = await Connection.open(self.config, context)
                    self.connected = True
                await limit.wait()
                reply = await connection.send(
                    state.job.sender, recipient.address, self._message(state, recipient)
                )
            except Dropped as exc:
                connection = None
                self._error(_redact(str(exc), recipient.address, who))
                log.info("connection lost sending to %s (try %d): %s", who, attempt + 1,
                         self.last_error)
                continue
            except Refused as exc:
                self._error(_redact(str(exc), recipient.address, who))
                if exc.permanent and exc.stage != "mail":
                    self._refuse(state, number, recipient, exc)
                    await state.journal.settle()
                    return connection
                log.info("deferred %s (try %d): %s", who, attempt + 1, self.last_error)
                continue
            state.journal.record("D", number)
            self.delivered += 1
            self.errors = 0
            log.debug("sent %s: %s", who, reply)
            self._tick()
            await state.journal.settle()
            return connection
        log.info("left pending %s after %d tries", who, self.config.retries + 1)
        return connection

    def _refuse(self, state: _Job, number: int, recipient: Recipient, exc: Refused) -> None:
        """A 5xx: the message is failed for good; a refused recipient is also suppressed."""
        suppress = exc.stage == "rcpt"
        message = state.plain.splice(recipient, state.job.digest_id)
        self.outbox.refuse(state.job, recipient, message, str(exc), suppress=suppress)
        state.journal.record("F", number)
        self.failed += 1
        log.warning("refused for good %s: %s%s", address_key(recipient.address)[:12],
                    self.last_error, " (suppressed)" if suppress else "")
        if suppress and self.on_bounce is not None:
            self.on_bounce(recipient.address)
        self._tick()

    async def run(self) -> DeliveryReport:
        limit = RateLimit(self.config.rate, self.config.hourly_limit)
        items = self.items()
        workers = max(1, self.config.connections)
        context = tls_context(self.config) if self.config.security != "plain" else None
        try:
            await asyncio.gather(*(self.worker(items, limit, context) for _ in range(workers)))
        finally:
            for state in self.jobs:
                await state.journal.drain()
        return DeliveryReport(
            delivered=self.delivered,
            deferred=self.total - self.finished,
            failed=self.failed,
            suppressed=self.suppressed,
        )


def _redact(text: str, address: str, who: str) -> str:
    """Servers quote the address in replies; the log and errors name its key instead."""
    return re.sub(re.escape(address), who, text, flags=re.IGNORECASE)


def deliver(
    outbox: Outbox,
    config: SmtpConfig,
    *,
    sign: Sign | None = None,
    on_bounce: Bounce | None = None,
    progress: Progress | None = None,
) -> DeliveryReport:
    """Send every pending recipient of every queued digest.

    Raises DeliveryError when no connection could be made at all (or TLS or
    login is refused); messages stay queued either way.
    """
    jobs = outbox.jobs()
    if not jobs:
        return DeliveryReport()
    if config.host is None:
        raise DeliveryError(
            "no SMTP server configured", hint="set smtp.host or pass --smtp HOST:PORT"
        )
    run = _Run(outbox, config, sign, on_bounce, progress)
    try:
        for job in jobs:
            data = job.path.read_bytes()
            run.jobs.append(
                _Job(
                    job,
                    Template(data, stuffed=True),
                    Template(data),
                    outbox.journal(job, sync_every=config.journal_sync),
                )
            )
            run.total += job.count - len(outbox.done(job))
        report = asyncio.run(run.run())
    except OSError as exc:
        raise DeliveryError(f"cannot read the outbox: {exc.strerror}", path=outbox.root) from None
    finally:
        for state in run.jobs:
            state.journal.close()
    for state in run.jobs:
        if len(outbox.done(state.job)) >= state.job.count:
            outbox.complete(state.job)
    if not run.connected and report.deferred:
        raise DeliveryError(
            f"cannot deliver through {config.host}:{config.port}: {run.last_error}",
            hint=f"{report.deferred} messages stay in {outbox.root} for the next run",
        )
    log.info(
        "delivery: %d delivered, %d deferred, %d failed, %d suppressed",
        report.delivered, report.deferred, report.failed, report.suppressed,
    )
    return report
