"""Signed tokens for confirm and unsubscribe links, and for the subscribe form.

A token is `<payload>.<mac>`, both base64url without padding. The payload is
`<action>:<issued>:<subject>` (subject: the address, or the form's cookie
nonce); the MAC is HMAC-SHA256 over a version tag and the payload with the
secret from `DIGEST_SECRET`. So a token names no database row and carries no
secret; changing the address or the action breaks the MAC, and the MAC is
compared in constant time.

Confirm and form tokens expire (`issued` + a max age); unsubscribe tokens
do not (RFC 8058: a List-Unsubscribe URL must keep working for the life of
the message). The address travels in the link because the link is only ever
mailed to that address; the web front never logs paths and sends
`Referrer-Policy: no-referrer`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from .config import SECRET_ENV
from .errors import DigestError

Action = Literal["confirm", "unsubscribe", "form"]
_ACTIONS: tuple[Action, ...] = ("confirm", "unsubscribe", "form")
_VERSION = b"digest-token-v1\0"

MIN_SECRET_BYTES = 16
# A token issued this far in the future (clock skew between hosts) is still accepted.
_SKEW_SECONDS = 300


class TokenError(DigestError):
    """A link or form token is forged, altered, expired or meant for something else."""

    exit_code = 2
    kind = "token"


@dataclass(frozen=True)
class Verified:
    action: Action
    subject: str
    issued: int  # unix seconds; 0 for tokens that never expire


def check_secret(secret: str | None) -> bytes:
    """The signing key; refuses a missing or short one (a guessable key forges every link)."""
    if not secret or len(secret.encode()) < MIN_SECRET_BYTES:
        raise TokenError(
            f"{SECRET_ENV} is missing or shorter than {MIN_SECRET_BYTES} bytes",
            hint=f"set {SECRET_ENV}, e.g. to the output of "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'",
        )
    return secret.encode()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, _VERSION + payload, hashlib.sha256).digest()


def sign(key: bytes, action: Action, subject: str, *, issued: datetime | None = None) -> str:
    """A token for `action` on `subject`; pass `issued` for tokens that should expire."""
    stamp = int(issued.timestamp()) if issued is not None else 0
    payload = f"{action}:{stamp}:{subject}".encode()
    return f"{_b64(payload)}.{_b64(_mac(key, payload))}"


def verify(
    key: bytes,
    token: str,
    action: Action,
    *,
    now: datetime,
    max_age: float | None = None,
) -> Verified:
    """Check a token's MAC, action and age; returns what it was signed for, or raises."""
    payload_text, dot, mac_text = token.partition(".")
    try:
        if not dot or len(token) > 2048:
            raise ValueError
        payload, mac = _unb64(payload_text), _unb64(mac_text)
    except (ValueError, binascii.Error):
        raise TokenError(
            "this link is damaged", hint="copy the whole link from the email"
        ) from None
    if not hmac.compare_digest(mac, _mac(key, payload)):
        raise TokenError(
            "this link is not valid", hint="copy the whole link from the email, or subscribe again"
        )
    # Only text we signed ourselves reaches this point.
    kind, stamp, subject = payload.decode().split(":", 2)
    if kind != action:
        raise TokenError(f"this link is for {kind}, not {action}", hint="use the other link")
    issued = int(stamp)
    if max_age is not None:
        age = now.timestamp() - issued
        if age > max_age or age < -_SKEW_SECONDS:
            raise TokenError("this link has expired", hint="subscribe again to get a new link")
    return Verified(action, subject, issued)
