"""Rendered digest → RFC 5322 message bytes with list headers.

Header values never come straight from notes: everything goes through
`header_safe`, which drops CR, LF and other control characters.
"""

from __future__ import annotations

import hashlib
from email.headerregistry import Address, HeaderRegistry
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from .config import Config
from .errors import ConfigError
from .models import Digest
from .parse import one_line
from .render import RenderedDigest


def header_safe(value: str) -> str:
    return one_line(value)


def parse_address(value: str, *, setting: str) -> Address:
    """Validate one mailbox (`Name <user@host>` or `user@host`)."""
    text = value.strip()
    if any(ch in text for ch in "\r\n\0") or not text:
        raise ConfigError(f"{setting}: {value!r} is not an email address")
    try:
        header = HeaderRegistry()("To", text)
        addresses = header.addresses  # type: ignore[attr-defined]
    except (ValueError, IndexError, TypeError):
        addresses = ()
    if len(addresses) != 1 or not addresses[0].username or not addresses[0].domain:
        raise ConfigError(
            f"{setting}: {value!r} is not an email address",
            hint="write it as user@example.org or 'Name <user@example.org>'",
        )
    return addresses[0]  # type: ignore[no-any-return]


def message_id(digest: Digest, recipient: str, domain: str) -> str:
    """Stable per digest and recipient, so a resend of the same digest is recognisable."""
    token = hashlib.sha256(f"{digest.id}\0{recipient.lower()}".encode()).hexdigest()[:24]
    return f"<digest.{digest.id[:16]}.{token}@{domain}>"


def compose(config: Config, digest: Digest, rendered: RenderedDigest, recipient: str) -> bytes:
    sender = parse_address(config.mail.sender, setting="mail.sender")
    to = parse_address(recipient, setting="mail.to")
    msg = EmailMessage(policy=SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = header_safe(rendered.subject)
    msg["Date"] = format_datetime(digest.created)
    msg["Message-ID"] = message_id(digest, to.addr_spec, sender.domain)
    if config.mail.reply_to:
        msg["Reply-To"] = parse_address(config.mail.reply_to, setting="mail.reply_to")
    list_id = config.mail.list_id or f"digest.{sender.domain}"
    msg["List-Id"] = f"{header_safe(config.mail.list_name)} <{header_safe(list_id)}>"
    unsubscribe = []
    if config.mail.unsubscribe_url:
        unsubscribe.append(f"<{header_safe(config.mail.unsubscribe_url)}>")
    if config.mail.unsubscribe_mailto:
        unsubscribe.append(f"<mailto:{header_safe(config.mail.unsubscribe_mailto)}>")
    if unsubscribe:
        msg["List-Unsubscribe"] = ", ".join(unsubscribe)
    if config.mail.unsubscribe_url and config.mail.unsubscribe_url.startswith("https://"):
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if config.mail.archive_url:
        msg["List-Archive"] = f"<{header_safe(config.mail.archive_url)}>"
    msg["Auto-Submitted"] = "auto-generated"
    msg["Precedence"] = "list"
    msg.set_content(rendered.text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8", cte="quoted-printable")
    return msg.as_bytes()
