"""Send what the outbox holds, with aiosmtplib.

Each pending .eml is sent as it is on disk (no re-serialising). After the
server accepts it (250 after DATA) it moves to outbox/sent/; a permanent
refusal (5xx) moves it to outbox/failed/ with the server's reply; a
temporary one (4xx) or a dropped connection leaves it pending for the next
run. TLS is what the config says: `tls` (implicit), `starttls` (required, never
skipped) or `plain`.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.policy import default
from email.utils import getaddresses
from pathlib import Path

import aiosmtplib

from .config import SmtpConfig
from .errors import DeliveryError
from .outbox import Outbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeliveryReport:
    delivered: int = 0
    deferred: int = 0
    failed: int = 0
    suppressed: int = 0


def envelope(path: Path) -> tuple[str, list[str]]:
    """Envelope sender and recipients, from the queued message's own headers."""
    with path.open("rb") as handle:
        headers = BytesHeaderParser(policy=default).parse(handle)
    sender = getaddresses([str(headers.get("From", ""))])
    recipients = [
        addr for _, addr in getaddresses([str(h) for h in headers.get_all("To", [])]) if addr
    ]
    if not sender or not sender[0][1] or not recipients:
        raise DeliveryError(
            "queued message has no From or To header",
            path=path,
            hint="remove it from the outbox; it was not written by digest",
        )
    return sender[0][1], recipients


def _client(config: SmtpConfig) -> aiosmtplib.SMTP:
    if config.host is None:
        raise DeliveryError(
            "no SMTP server configured", hint="set smtp.host or pass --smtp HOST:PORT"
        )
    context = ssl.create_default_context()
    return aiosmtplib.SMTP(
        hostname=config.host,
        port=config.port,
        use_tls=config.security == "tls",
        start_tls=config.security == "starttls",
        tls_context=context,
        timeout=config.timeout,
        username=config.username,
        password=config.password,
    )


async def _deliver(outbox: Outbox, config: SmtpConfig) -> DeliveryReport:
    pending = outbox.pending()
    if not pending:
        return DeliveryReport()
    delivered = deferred = failed = 0
    client = _client(config)
    try:
        await client.connect()
    except (aiosmtplib.SMTPException, OSError) as exc:
        raise DeliveryError(
            f"cannot connect to SMTP server {config.host}:{config.port}: {exc}",
            hint=f"{len(pending)} messages stay in {outbox.root} for the next run",
        ) from None
    log.info("connected to %s:%s (%s)", config.host, config.port, config.security)
    try:
        for path in pending:
            sender, recipients = envelope(path)
            try:
                refused, reply = await client.sendmail(sender, recipients, path.read_bytes())
            except aiosmtplib.SMTPResponseException as exc:
                if 500 <= exc.code < 600:
                    outbox.mark_failed(path, f"{exc.code} {exc.message}")
                    failed += 1
                    log.warning("refused %s: %s %s", path.name, exc.code, exc.message)
                else:
                    deferred += 1
                    log.warning("deferred %s: %s %s", path.name, exc.code, exc.message)
                continue
            except aiosmtplib.SMTPRecipientsRefused as exc:
                codes = [r.code for r in exc.recipients]
                if all(500 <= c < 600 for c in codes):
                    outbox.mark_failed(
                        path, "; ".join(f"{r.code} {r.message}" for r in exc.recipients)
                    )
                    failed += 1
                else:
                    deferred += 1
                continue
            if refused:
                log.warning("some recipients refused for %s: %s", path.name, refused)
            outbox.mark_sent(path)
            delivered += 1
            log.info("sent %s: %s", path.name, reply)
    except (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPTimeoutError, OSError) as exc:
        remaining = len(pending) - delivered - failed
        log.warning("connection lost: %s; %d messages stay pending", exc, remaining)
        return DeliveryReport(delivered=delivered, deferred=remaining, failed=failed)
    finally:
        if client.is_connected:
            try:
                await client.quit()
            except aiosmtplib.SMTPException:
                client.close()
    return DeliveryReport(delivered=delivered, deferred=deferred, failed=failed)


def deliver(outbox: Outbox, config: SmtpConfig) -> DeliveryReport:
    """Send every pending message; raise DeliveryError if the server cannot be reached."""
    return asyncio.run(_deliver(outbox, config))
