"""Who a digest goes to, and how one rendered message becomes one message per recipient.

A digest is rendered and serialised once, for a placeholder recipient; the
outbox keeps those bytes (the template) and a recipient list. At send time
each recipient's message is made by splicing their parts into the bytes:

    PLACEHOLDER_TO      the To address (headers only), e.g. in `To:`
    PLACEHOLDER_RCPT_ID a per-recipient id (headers only), inside `Message-ID:`
    PLACEHOLDER_TOKEN   the recipient's unsubscribe token (headers and body),
                        e.g. `https://example.org/unsubscribe?t=ZZUNSUBTOKENZZ`

compose() (digest/compose.py) serialises for PLACEHOLDER_TO; any of its text
may carry PLACEHOLDER_TOKEN, in headers or in 7bit, 8bit or quoted-printable
parts (a quoted-printable line that grows past 76 characters is refolded),
never in base64 parts. DKIM signing (compose's `sign`) runs after splicing.
"""

from __future__ import annotations

import email
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from email.policy import default
from email.utils import formataddr
from typing import Protocol, runtime_checkable

from .compose import compose, parse_address
from .config import Config
from .errors import OutboxError
from .models import Digest
from .render import RenderedDigest

PLACEHOLDER_TO = "recipient@placeholder.invalid"
PLACEHOLDER_RCPT_ID = "ZZRCPTIDZZ"
PLACEHOLDER_TOKEN = "ZZUNSUBTOKENZZ"

_SLOTS = (PLACEHOLDER_TO.encode(), PLACEHOLDER_RCPT_ID.encode(), PLACEHOLDER_TOKEN.encode())
_SLOT_PATTERN = re.compile(b"|".join(re.escape(s) for s in _SLOTS))
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9_~-][A-Za-z0-9._~-]*")
QP_LINE = 76
CRLF = b"\r\n"


@dataclass(frozen=True)
class Recipient:
    """One address to send to: `to` is the header value, `address` the envelope address."""

    address: str
    to: str
    token: str = ""  # URL-safe unsubscribe token; empty for a mailing list address


@runtime_checkable
class RecipientSource(Protocol):
    """Where subscribers come from (digest/subscribers.py's SubscriberStore implements it)."""

    def confirmed(self) -> Iterable[str]:
        """Addresses that get the digest, one mailbox each."""
        ...

    def record_bounce(self, address: str) -> None:
        """Called once per permanent (5xx) refusal of `address` at SMTP time."""
        ...


@runtime_checkable
class TokenSource(Protocol):
    """A RecipientSource that signs per-recipient unsubscribe tokens."""

    def unsubscribe_token(self, address: str) -> str: ...


@dataclass(frozen=True)
class ListRecipients:
    """Addresses from config (`mail.to`): usually a mailing list that fans out."""

    addresses: tuple[str, ...]

    def confirmed(self) -> Iterable[str]:
        return self.addresses

    def record_bounce(self, address: str) -> None:
        """A list address that bounces is the list owner's business; suppression is enough."""


def address_key(address: str) -> str:
    """The identity of an address in suppression lists and file names: never the address."""
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()


def rcpt_id(digest_id: str, address: str) -> str:
    """Stable per digest and recipient, so a resend of the same digest is recognisable."""
    return hashlib.sha256(f"{digest_id}\0{address.lower()}".encode()).hexdigest()[:24]


def collect(sources: Sequence[RecipientSource]) -> Iterator[Recipient]:
    """Each address once (first source wins), validated, with its token when the source has one."""
    seen: set[str] = set()
    for source in sources:
        signer = source if isinstance(source, TokenSource) else None
        for raw in source.confirmed():
            parsed = parse_address(raw, setting="recipient")
            address = parsed.addr_spec
            if not address.isascii():
                raise OutboxError(
                    f"recipient {raw!r} needs SMTPUTF8, which digest does not send",
                    hint="use an ASCII address for this recipient",
                )
            key = address.lower()
            if key in seen:
                continue
            seen.add(key)
            token = signer.unsubscribe_token(address) if signer else ""
            if token and not _TOKEN_CHARS.fullmatch(token):
                raise OutboxError(
                    "unsubscribe token has characters unsafe in a URL or header",
                    hint="tokens must be URL-safe (letters, digits, - _ . ~)",
                )
            yield Recipient(address, formataddr((parsed.display_name, address), "utf-8"), token)


def encode_recipient(recipient: Recipient) -> bytes:
    """One line of the outbox's recipient list: address, To value, token."""
    return f"{recipient.address}\t{recipient.to}\t{recipient.token}\n".encode()


def decode_recipient(line: bytes) -> Recipient:
    address, to, token = line.decode().rstrip("\n").split("\t")
    return Recipient(address, to, token)


@dataclass(frozen=True)
class _QpLine:
    """A quoted-printable line holding a placeholder: refolded after splicing."""

    pieces: tuple[bytes | int, ...]
    stuffed: bool

    def render(self, values: Sequence[bytes]) -> bytes:
        line = b"".join(p if isinstance(p, bytes) else values[p] for p in self.pieces)
        if len(line) <= QP_LINE:
            chunks = [line]
        else:
            chunks = []
            while len(line) > QP_LINE:
                cut = QP_LINE - 1
                escape = line.rfind(b"=", cut - 2, cut)
                if escape != -1:
                    cut = escape
                chunks.append(line[:cut] + b"=")
                line = line[cut:]
            chunks.append(line)
        if self.stuffed:
            chunks = [b"." + c if c.startswith(b".") else c for c in chunks]
        return b"\r\n".join(chunks)


class Template:
    """A serialised message with placeholders, cut into literal bytes and slots once.

    `splice` makes one recipient's message by joining the pieces; with
    `stuffed=True` the result is ready for SMTP DATA (dot-stuffed, ending in
    CRLF . CRLF), so a send needs no per-message pass over the bytes.
    """

    def __init__(self, data: bytes, *, stuffed: bool = False) -> None:
        data = re.sub(rb"\r\n|\r|\n", b"\r\n", data)
        if not data.endswith(b"\r\n"):
            data += b"\r\n"
        head, sep, body = data.partition(b"\r\n\r\n")
        if PLACEHOLDER_TO.encode() not in head:
            raise OutboxError(
                f"queued message has no {PLACEHOLDER_TO} in its headers",
                hint="it was not composed for splicing; remove it from the outbox",
            )
        self.stuffed = stuffed
        pieces: list[bytes | int | _QpLine] = []
        pieces += self._cut(head + sep, at_line_start=True)
        for raw, logical, qp in _body_lines(data, body):
            if qp and _SLOT_PATTERN.search(logical):
                pieces += [_QpLine(tuple(self._cut(logical, at_line_start=False)), stuffed), CRLF]
            else:
                pieces += self._cut(raw + CRLF, at_line_start=True)
        if stuffed:
            pieces.append(b".\r\n")
        merged: list[bytes | int | _QpLine] = []
        for piece in pieces:
            if isinstance(piece, bytes) and merged and isinstance(merged[-1], bytes):
                merged[-1] = merged[-1] + piece
            else:
                merged.append(piece)
        self._pieces = tuple(merged)

    def _cut(self, text: bytes, *, at_line_start: bool) -> list[bytes | int]:
        out: list[bytes | int] = []
        position = 0
        for match in _SLOT_PATTERN.finditer(text):
            out += [self._literal(text[position : match.start()], at_line_start)]
            out += [_SLOTS.index(match.group())]
            position = match.end()
            at_line_start = False
        out.append(self._literal(text[position:], at_line_start))
        return out

    def _literal(self, text: bytes, at_line_start: bool) -> bytes:
        if not self.stuffed:
            return text
        text = text.replace(b"\r\n.", b"\r\n..")
        return b"." + text if at_line_start and text.startswith(b".") else text

    def splice(self, recipient: Recipient, digest_id: str) -> bytes:
        values = (
            recipient.to.encode(),
            rcpt_id(digest_id, recipient.address).encode(),
            recipient.token.encode(),
        )
        return b"".join(
            p if isinstance(p, bytes) else values[p] if isinstance(p, int) else p.render(values)
            for p in self._pieces
        )



def _body_lines(message: bytes, body: bytes) -> Iterator[tuple[bytes, bytes, bool]]:
    """The body's lines as (bytes, logical line, quoted-printable?): soft breaks joined."""
    parsed = email.message_from_bytes(message, policy=default)
    boundaries = {
        b"--" + str(part.get_boundary()).encode()
        for part in parsed.walk()
        if part.is_multipart() and part.get_boundary()
    }
    qp = _is_qp(parsed.get("Content-Transfer-Encoding"))
    in_headers = False
    held: list[bytes] = []
    for line in body.split(CRLF)[:-1]:
        if in_headers:
            if not line:
                in_headers = False
            elif line.lower().startswith(b"content-transfer-encoding:"):
                qp = _is_qp(line.partition(b":")[2].decode(errors="replace"))
            yield line, line, False
        elif line in boundaries or (line.endswith(b"--") and line[:-2] in boundaries):
            in_headers, qp = line in boundaries, False
            yield line, line, False
        elif qp and line.endswith(b"="):
            held.append(line)
        else:
            if held:
                held.append(line)
                yield CRLF.join(held), b"".join(h[:-1] for h in held[:-1]) + line, qp
                held = []
            else:
                yield line, line, qp
    if held:
        yield CRLF.join(held), b"".join(h[:-1] for h in held), qp


def _is_qp(value: object) -> bool:
    return str(value or "").strip().lower() == "quoted-printable"


def compose_template(config: Config, digest: Digest, rendered: RenderedDigest) -> bytes:
    """The digest serialised once, for the placeholder recipient, ready to splice."""
    data = compose(config, digest, rendered, PLACEHOLDER_TO)
    return data.replace(rcpt_id(digest.id, PLACEHOLDER_TO).encode(), PLACEHOLDER_RCPT_ID.encode())


def report_bounce(sources: Sequence[RecipientSource]) -> Callable[[str], None]:
    """One callback that tells every source about a permanent refusal."""

    def bounce(address: str) -> None:
        for source in sources:
            source.record_bounce(address)

    return bounce
