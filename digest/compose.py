"""Rendered digest → RFC 5322 message bytes with list headers.

Structure: multipart/mixed [multipart/alternative [text/plain, text/html],
text/calendar attachment] when a next call is ahead, else the
multipart/alternative alone. The calendar is an attachment beside the
alternative, not a third alternative: inside multipart/alternative a
text/calendar part is an iMIP invitation (clients show RSVP buttons or even
replace the body with the event), which a digest must not be; as an attachment
every client shows the digest and offers the .ics. Not multipart/digest:
Gmail and K-9 show its parts as attachments.

Recipient-specific values are headers only (To, Message-ID, List-Unsubscribe),
plus the body's unsubscribe link, which appears verbatim once per part: the
text parts are 8bit (7bit when ASCII), so delivery can serialise one message
and splice each recipient's values into the bytes, then `digest.dkim.sign` it.
Boundaries derive from the digest id, so the same digest gives the same bytes.

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
from .render import RenderedDigest, list_id

CALENDAR_FILENAME = "next-call.ics"
MAX_LINE_OCTETS = 998  # RFC 5322 2.1.1; longer lines need quoted-printable


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
    # The token is what delivery's recipients.rcpt_id computes (and splices per recipient).
    token = hashlib.sha256(f"{digest.id}\0{recipient.lower()}".encode()).hexdigest()[:24]
    return f"<{digest.id[:8]}.{token}@{domain}>"  # short enough to stay on one header line


def body_cte(text: str) -> str:
    """7bit or 8bit when every line fits (URLs stay literal for splicing), else quoted-printable."""
    data = text.encode()
    if any(len(line) > MAX_LINE_OCTETS for line in data.splitlines()):
        return "quoted-printable"
    return "7bit" if data.isascii() else "8bit"


def list_id_header(config: Config) -> str:
    """RFC 2919: `phrase <list-id>`; the phrase may be RFC 2047-encoded, the id never is."""
    phrase = header_safe(config.mail.list_name).replace("<", "").replace(">", "")
    return f"{phrase} <{list_id(config)}>"


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
    msg["List-Id"] = list_id_header(config)
    unsubscribe = []
    https_url = config.mail.unsubscribe_url or ""
    if https_url:
        unsubscribe.append(f"<{header_safe(https_url)}>")
    if config.mail.unsubscribe_mailto:
        mailto = parse_address(config.mail.unsubscribe_mailto, setting="mail.unsubscribe_mailto")
        unsubscribe.append(f"<mailto:{mailto.addr_spec}?subject=unsubscribe>")
    if unsubscribe:
        msg["List-Unsubscribe"] = ", ".join(unsubscribe)
    if https_url.startswith("https://"):  # RFC 8058: one-click only with an https URI
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if config.mail.archive_url:
        msg["List-Archive"] = f"<{header_safe(config.mail.archive_url)}>"
    msg["Auto-Submitted"] = "auto-generated"
    msg["Precedence"] = "list"
    msg.set_content(rendered.text, subtype="plain", charset="utf-8", cte=body_cte(rendered.text))
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8", cte=body_cte(rendered.html))
    msg.set_boundary(f"=_alt_{digest.id[:32]}")
    if rendered.calendar is not None:
        # base64: iCalendar needs its CRLF line ends intact, which transports may rewrite
        msg.add_attachment(
            rendered.calendar,
            maintype="text",
            subtype="calendar",
            filename=CALENDAR_FILENAME,
            params={"method": "PUBLISH", "charset": "utf-8"},
        )
        msg.set_boundary(f"=_mix_{digest.id[:32]}")
        alternative = next(msg.iter_parts())
        alternative.set_boundary(f"=_alt_{digest.id[:32]}")
    for part in list(msg.walk())[1:]:
        del part["MIME-Version"]  # the email package repeats it on parts; only the top needs it
    return msg.as_bytes()
