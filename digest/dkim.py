"""Optional DKIM signing of finished message bytes (dkimpy; rsa-sha256 or ed25519-sha256).

Signing is the last step before a message leaves: delivery may splice a
recipient's To, Message-ID and unsubscribe link into bytes serialised once, so
`sign` takes bytes and returns bytes, one call per recipient after splicing.
The signature covers List-Unsubscribe and List-Unsubscribe-Post, as RFC 8058
requires for one-click unsubscribe, and names each list header once more than
it occurs so that nobody can add a second one without breaking it.
"""

from __future__ import annotations

import base64
import dataclasses
import logging
from collections.abc import Callable

import dkim as dkimpy

from .config import DKIM_KEY_ENV, DkimConfig
from .errors import ConfigError

log = logging.getLogger(__name__)

SIGNED_HEADERS = (
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "reply-to",
    "mime-version",
    "content-type",
    "list-id",
    "list-unsubscribe",
    "list-unsubscribe-post",
    "list-archive",
    "auto-submitted",
    "precedence",
)
# Signed as absent too (an extra, empty instance): adding one later breaks the signature.
_OVERSIGNED = ("from", "subject", "list-unsubscribe", "list-unsubscribe-post")


def private_key(config: DkimConfig) -> bytes:
    """The key from DIGEST_DKIM_KEY, else from dkim.key_file; PEM (RSA) or base64 (ed25519)."""
    if config.key:
        data = config.key.encode()
    elif config.key_file is not None:
        try:
            data = config.key_file.read_bytes()
        except OSError as exc:
            raise ConfigError(
                f"cannot read the DKIM key: {exc.strerror}",
                path=config.key_file,
                hint="check dkim.key_file, or set DIGEST_DKIM_KEY",
            ) from None
    else:
        raise ConfigError(
            "dkim.selector and dkim.domain are set but there is no key",
            hint=f"set dkim.key_file or the {DKIM_KEY_ENV} environment variable",
        )
    data = data.strip()
    if config.algorithm == "ed25519-sha256":
        try:
            if len(base64.b64decode(data, validate=True)) != 32:
                raise ValueError("not 32 bytes")
        except ValueError:
            raise ConfigError(
                "the ed25519 DKIM key is not a base64 32-byte private key",
                path=config.key_file,
                hint="make one with dkimpy's `dknewkey --ktype ed25519 NAME`",
            ) from None
    return data


def sign(message: bytes, config: DkimConfig) -> bytes:
    """`message` with a DKIM-Signature header prepended; unchanged when DKIM is not configured."""
    if not config.enabled:
        return message
    assert config.selector is not None and config.domain is not None
    headers = [h.encode() for h in SIGNED_HEADERS + _OVERSIGNED]
    try:
        signature = dkimpy.sign(
            message,
            config.selector.encode(),
            config.domain.encode(),
            private_key(config),
            canonicalize=(b"relaxed", b"relaxed"),
            signature_algorithm=config.algorithm.encode(),
            include_headers=headers,
        )
    except dkimpy.DKIMException as exc:
        raise ConfigError(
            f"DKIM signing failed: {exc}",
            path=config.key_file,
            hint="check the key matches dkim.algorithm (an RSA PEM key or a base64 ed25519 key)",
        ) from None
    log.debug("DKIM-signed for %s (selector %s)", config.domain, config.selector)
    return bytes(signature) + message


def signer(config: DkimConfig) -> Callable[[bytes], bytes] | None:
    """What delivery calls on each spliced message; None when DKIM is not configured.

    The key is read (and checked) once, here, not once per recipient.
    """
    if not config.enabled:
        return None
    checked = dataclasses.replace(config, key=private_key(config).decode(), key_file=None)
    return lambda message: sign(message, checked)
