"""DKIM: sign digests with generated keys; verify with dkimpy and a local key lookup (no DNS)."""

from __future__ import annotations

import base64
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import dkim
import nacl.signing
import pytest

from digest.config import DkimConfig, load_config
from digest.dkim import sign
from digest.errors import ConfigError

from .conftest import SmtpServer, run_digest
from .email_helpers import build, example_config, example_files

SELECTOR, DOMAIN = "digest2026", "lantern.example.org"
KeyPair = tuple[DkimConfig, bytes]  # signing config, DNS TXT record


def _lookup(record: bytes) -> Callable[..., bytes | None]:
    def dnsfunc(name: bytes, timeout: int = 5) -> bytes | None:
        return record if name == f"{SELECTOR}._domainkey.{DOMAIN}.".encode() else None

    return dnsfunc


def rsa_keys(tmp_path: Path) -> KeyPair:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to generate an RSA test key")
    key = tmp_path / "dkim-rsa.pem"
    subprocess.run(
        ["openssl", "genrsa", "-traditional", "-out", str(key), "2048"],
        check=True, capture_output=True,
    )
    der = subprocess.run(
        ["openssl", "rsa", "-in", str(key), "-pubout", "-outform", "DER"],
        check=True, capture_output=True,
    ).stdout
    config = DkimConfig(selector=SELECTOR, domain=DOMAIN, key_file=key)
    return config, b"v=DKIM1; k=rsa; p=" + base64.b64encode(der)


def ed25519_keys(tmp_path: Path) -> KeyPair:
    private = nacl.signing.SigningKey.generate()
    config = DkimConfig(
        selector=SELECTOR,
        domain=DOMAIN,
        key=base64.b64encode(bytes(private)).decode(),
        algorithm="ed25519-sha256",
    )
    public = base64.b64encode(bytes(private.verify_key))
    return config, b"v=DKIM1; k=ed25519; p=" + public


@pytest.fixture(params=["rsa-sha256", "ed25519-sha256"])
def keys(request: pytest.FixtureRequest, tmp_path: Path) -> KeyPair:
    return rsa_keys(tmp_path) if request.param == "rsa-sha256" else ed25519_keys(tmp_path)


def _digest_message() -> bytes:
    config = example_config(unsubscribe_url="https://lantern.example.org/unsubscribe?u=1")
    return build(config, example_files())[1]


def test_signed_digest_verifies_and_covers_the_list_headers(keys: KeyPair) -> None:
    config, record = keys
    signed = sign(_digest_message(), config)
    assert signed.startswith(b"DKIM-Signature:")
    assert dkim.verify(signed, dnsfunc=_lookup(record))
    fields = dkim.util.parse_tag_value(
        signed.split(b"\r\n\r\n")[0].split(b"DKIM-Signature:")[1].split(b"\r\nFrom:")[0]
    )
    assert fields[b"a"] == config.algorithm.encode()
    signed_headers = [h.strip() for h in fields[b"h"].replace(b"\r\n", b"").split(b":")]
    for name in (b"list-unsubscribe", b"list-unsubscribe-post", b"from", b"subject", b"to"):
        assert name in signed_headers


def test_changing_or_adding_a_list_header_breaks_the_signature(keys: KeyPair) -> None:
    config, record = keys
    signed = sign(_digest_message(), config)
    forged = signed.replace(b"unsubscribe?u=1", b"unsubscribe?u=2", 1)
    assert forged != signed and not dkim.verify(forged, dnsfunc=_lookup(record))
    head, body = signed.split(b"\r\n\r\n", 1)
    added = head + b"\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n\r\n" + body
    assert not dkim.verify(added, dnsfunc=_lookup(record))


def test_no_dkim_configured_leaves_the_bytes_alone() -> None:
    message = _digest_message()
    assert sign(message, DkimConfig()) is message


def test_key_from_the_environment_never_from_the_file(tmp_path: Path) -> None:
    config, _record = ed25519_keys(tmp_path)
    toml = tmp_path / "digest.toml"
    toml.write_text(f'[dkim]\nselector = "{SELECTOR}"\ndomain = "{DOMAIN}"\n')
    loaded = load_config(toml, env={"DIGEST_DKIM_KEY": config.key or ""}).dkim
    assert loaded.enabled and loaded.key == config.key
    toml.write_text(f'[dkim]\nselector = "{SELECTOR}"\nkey = "secret"\n')
    with pytest.raises(ConfigError, match=r"dkim\.key must not be written"):
        load_config(toml, env={})


def test_a_bad_key_is_a_config_error(tmp_path: Path) -> None:
    bad = DkimConfig(
        selector=SELECTOR, domain=DOMAIN, key="bm90IGEga2V5", algorithm="ed25519-sha256"
    )
    with pytest.raises(ConfigError, match="ed25519"):
        sign(_digest_message(), bad)
    missing = DkimConfig(selector=SELECTOR, domain=DOMAIN, key_file=tmp_path / "nope.pem")
    with pytest.raises(ConfigError, match="cannot read the DKIM key"):
        sign(_digest_message(), missing)


def test_delivered_messages_are_signed_after_the_recipient_is_spliced_in(
    tmp_path: Path, example_project: Path, smtp_server: SmtpServer
) -> None:
    config, record = ed25519_keys(tmp_path)
    done = run_digest(
        "run", "--smtp", smtp_server.address, "--to", "ann@example.org", "--to", "bob@example.org",
        "--now", "2026-03-06T08:00:00+00:00",
        cwd=example_project,
        env={
            "DIGEST_DKIM_SELECTOR": SELECTOR,
            "DIGEST_DKIM_DOMAIN": DOMAIN,
            "DIGEST_DKIM_ALGORITHM": config.algorithm,
            "DIGEST_DKIM_KEY": config.key or "",
        },
    )
    assert done.returncode == 0, done.stderr
    received = {m.rcpt_tos[0]: m.data for m in smtp_server.messages}
    assert sorted(received) == ["ann@example.org", "bob@example.org"]
    for address, data in received.items():
        assert f"\r\nTo: {address}\r\n".encode() in data
        assert dkim.verify(data, dnsfunc=_lookup(record)), address
