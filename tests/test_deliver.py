"""Delivery against a real aiosmtpd server that misbehaves on chosen recipients.

Every deliverable message must arrive exactly once; 550s are recorded and
suppressed in later runs; 451s, 421s and dropped connections are retried;
the summary counts are right. Also TLS (implicit and STARTTLS, with a CA made
by the test), AUTH, the rate limit and the splicing of recipient parts.
"""

from __future__ import annotations

import asyncio
import dataclasses
import email
import json
import logging
import ssl
import subprocess
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from digest.config import SmtpConfig
from digest.deliver import DeliveryReport, RateLimit, deliver
from digest.errors import DeliveryError
from digest.outbox import Outbox
from digest.recipients import (
    PLACEHOLDER_RCPT_ID,
    PLACEHOLDER_TO,
    PLACEHOLDER_TOKEN,
    Recipient,
    address_key,
    rcpt_id,
)
from tests.conftest import free_port, run_digest

SENDER = "digest@example.org"


def template(size: int = 0) -> bytes:
    """A two-part message for the placeholder recipient, as compose() writes one."""
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = SENDER
    msg["To"] = PLACEHOLDER_TO
    msg["Subject"] = "Weekly digest"
    msg["Message-ID"] = f"<digest.0123456789abcdef.{PLACEHOLDER_RCPT_ID}@example.org>"
    msg["List-Unsubscribe"] = f"<https://example.org/u?t={PLACEHOLDER_TOKEN}>"
    filler = "Decisions and actions of the week. " * (size // 36 + 1)
    msg.set_content(
        f"{filler}\n.a line that starts with a dot\n"
        f"Unsubscribe: https://example.org/u?t={PLACEHOLDER_TOKEN}\n",
        cte="quoted-printable",
    )
    msg.add_alternative(
        f"<p>{filler}</p><a href='https://example.org/u?t={PLACEHOLDER_TOKEN}'>leave</a>",
        subtype="html",
        cte="quoted-printable",
    )
    return msg.as_bytes()


def addresses(count: int, prefix: str = "r") -> list[str]:
    return [f"{prefix}{n}@example.org" for n in range(count)]


def queue(outbox: Outbox, name: str, to: list[str], *, size: int = 0) -> Path:
    path, written = outbox.queue(
        name,
        template(size),
        digest_id=name * 4,
        sender=SENDER,
        recipients=(Recipient(a, a, f"tok-{n}") for n, a in enumerate(to)),
    )
    assert written
    return path


@dataclass
class FaultyHandler:
    """Accepts mail, except that a recipient's planned faults are played one per attempt.

    Faults: "451" and "550" answer RCPT; "421" answers RCPT and closes the
    connection; "drop" closes the connection after the message was sent, before
    any reply (so the message was not received and must be sent again).
    """

    faults: dict[str, list[str]] = field(default_factory=dict)
    pipelining: bool = True
    received: Counter[str] = field(default_factory=Counter)
    messages: dict[str, bytes] = field(default_factory=dict)
    attempts: Counter[str] = field(default_factory=Counter)

    def _fault(self, address: str) -> str | None:
        plan = self.faults.get(address)
        return plan.pop(0) if plan else None

    async def handle_EHLO(
        self, server: object, session: object, envelope: object, hostname: str, responses: list[str]
    ) -> list[str]:
        session.host_name = hostname  # type: ignore[attr-defined]
        if self.pipelining:
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_RCPT(
        self, server: object, session: object, envelope: object, address: str, options: list[str]
    ) -> str:
        self.attempts[address] += 1
        fault = self._fault(address)
        if fault == "drop":
            self.faults.setdefault(address, []).insert(0, "drop-at-data")
        elif fault == "421":
            asyncio.get_running_loop().call_soon(server.transport.close)  # type: ignore[attr-defined]
            return "421 4.3.2 Service shutting down"
        elif fault is not None:
            return f"{fault} {fault[0]}.0.0 <{address}>: planned refusal"
        envelope.rcpt_tos.append(address)  # type: ignore[attr-defined]
        return "250 OK"

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str | None:
        (address,) = envelope.rcpt_tos  # type: ignore[attr-defined]
        plan = self.faults.get(address)
        if plan and plan[0] == "drop-at-data":
            self.faults[address].pop(0)
            server.transport.close()  # type: ignore[attr-defined]
            return None
        self.received[address] += 1
        self.messages[address] = bytes(envelope.original_content)  # type: ignore[attr-defined]
        return "250 2.0.0 queued"


@pytest.fixture
def faulty() -> Iterator[tuple[FaultyHandler, int]]:
    handler = FaultyHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def smtp(port: int, **changes: object) -> SmtpConfig:
    base = SmtpConfig(
        host="127.0.0.1", port=port, connections=3, retries=3, retry_delay=0.01, timeout=10
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize("pipelining", [True, False], ids=["pipelining", "lockstep"])
def test_faults_every_deliverable_message_arrives_once(
    faulty: tuple[FaultyHandler, int],
    tmp_path: Path,
    pipelining: bool,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="digest")
    handler, port = faulty
    handler.pipelining = pipelining
    to = addresses(40)
    handler.faults = {
        to[3]: ["550"],
        to[5]: ["451", "451"],
        to[7]: ["421"],
        to[9]: ["drop"],
        to[11]: ["451"] * 4,  # more than retries allow: stays pending this run
        to[13]: ["550"],
        to[20]: ["421", "451", "drop"],
    }
    outbox = Outbox(tmp_path / "outbox")
    queue(outbox, "first", to)
    bounced: list[str] = []

    report = deliver(outbox, smtp(port), on_bounce=bounced.append)

    assert report == DeliveryReport(delivered=37, deferred=1, failed=2, suppressed=0)
    assert set(handler.received) == set(to) - {to[3], to[11], to[13]}
    assert max(handler.received.values()) == 1, "no message may arrive twice"
    assert handler.attempts[to[5]] == 3 and handler.attempts[to[11]] == 4
    assert sorted(bounced) == sorted([to[3], to[13]])
    reasons = sorted((tmp_path / "outbox" / "failed").glob("*.reason"))
    assert len(reasons) == 2 and "550 5.0.0 <r" in reasons[0].read_text()
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("digest")]
    assert any("refused for good" in m for m in ours)
    assert not any("@example.org" in m for m in ours), "addresses never reach the log"
    assert not any("@" in p.name for p in (tmp_path / "outbox").rglob("*"))
    assert (tmp_path / "outbox" / "first.eml").exists(), "a deferred recipient keeps it pending"

    again = deliver(outbox, smtp(port))
    assert again == DeliveryReport(delivered=1, deferred=0, failed=0, suppressed=0)
    assert handler.received[to[11]] == 1 and max(handler.received.values()) == 1
    assert (tmp_path / "outbox" / "sent" / "first.eml").exists()
    assert deliver(outbox, smtp(port)) == DeliveryReport()

    queue(outbox, "second", to)
    later = deliver(outbox, smtp(port))
    assert later == DeliveryReport(delivered=38, deferred=0, failed=0, suppressed=2)
    assert handler.attempts[to[3]] == 1, "a suppressed address is never tried again"


def test_each_recipient_gets_their_own_spliced_message(
    faulty: tuple[FaultyHandler, int], tmp_path: Path
) -> None:
    handler, port = faulty
    to = addresses(5)
    outbox = Outbox(tmp_path / "outbox")
    queue(outbox, "job", to, size=6000)
    progress: list[tuple[int, int]] = []
    assert deliver(outbox, smtp(port), progress=lambda *p: progress.append(p)).delivered == 5
    assert progress == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    ids = set()
    for n, address in enumerate(to):
        message = email.message_from_bytes(handler.messages[address], policy=policy.default)
        assert message["To"] == address
        own_id = rcpt_id("job" * 4, address)
        assert message["Message-ID"] == f"<digest.0123456789abcdef.{own_id}@example.org>"
        ids.add(message["Message-ID"])
        assert message["List-Unsubscribe"] == f"<https://example.org/u?t=tok-{n}>"
        text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")  # type: ignore[union-attr]
        assert f"https://example.org/u?t=tok-{n}\n" in text
        assert "\n.a line that starts with a dot\n" in text, "dot-stuffing must be undone"
        html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
        assert f"u?t=tok-{n}'" in html
        assert PLACEHOLDER_TOKEN not in handler.messages[address].decode()
    assert len(ids) == 5


def test_consecutive_errors_stop_the_run_and_leave_the_rest_pending(
    faulty: tuple[FaultyHandler, int], tmp_path: Path
) -> None:
    handler, port = faulty
    to = addresses(30)
    handler.faults = {a: ["451"] * 10 for a in to}
    outbox = Outbox(tmp_path / "outbox")
    queue(outbox, "job", to)
    report = deliver(outbox, smtp(port, max_errors=5, connections=2, retries=1))
    assert report == DeliveryReport(delivered=0, deferred=30, failed=0, suppressed=0)
    assert sum(handler.attempts.values()) <= 5 + 2, "stops soon after max_errors"
    handler.faults = {}
    assert deliver(outbox, smtp(port)).delivered == 30
    assert max(handler.received.values()) == 1


def test_unreachable_server_is_a_delivery_error_and_keeps_the_queue(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    queue(outbox, "job", addresses(3))
    with pytest.raises(DeliveryError, match=r"cannot deliver through 127\.0\.0\.1"):
        deliver(outbox, smtp(free_port(), retries=1))
    assert (tmp_path / "outbox" / "job.eml").exists()


def test_rate_limit_spaces_messages_and_the_window_caps_them() -> None:
    async def burst(limit: RateLimit, count: int) -> float:
        start = time.monotonic()
        for _ in range(count):
            await limit.wait()
        return time.monotonic() - start

    assert asyncio.run(burst(RateLimit(rate=50, hourly=0), 11)) >= 0.19
    assert asyncio.run(burst(RateLimit(rate=0, hourly=0), 1000)) < 0.5
    window = RateLimit(rate=0, hourly=5, window=0.3)
    assert asyncio.run(burst(window, 10)) >= 0.3


# --- TLS and AUTH, with a CA and a server certificate made here -------------------------------


@dataclass(frozen=True)
class Pki:
    ca: Path
    cert: Path
    key: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    """A throwaway CA and a certificate for 127.0.0.1 signed by it (openssl)."""
    folder = tmp_path_factory.mktemp("pki")

    def openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out",
            "ca.pem", "-days", "2", "-subj", "/CN=digest test CA")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out",
            "server.csr", "-subj", "/CN=127.0.0.1")
    (folder / "san.ext").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "san.ext")
    return Pki(folder / "ca.pem", folder / "server.pem", folder / "server.key")


def _authenticator(
    server: object, session: object, envelope: object, mechanism: str, auth_data: object
) -> AuthResult:
    ok = (getattr(auth_data, "login", None), getattr(auth_data, "password", None)) == (
        b"digest",
        b"s3cret",
    )
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def tls_server(
    pki: Pki, request: pytest.FixtureRequest
) -> Iterator[tuple[FaultyHandler, int, str]]:
    """aiosmtpd with implicit TLS ("tls") or STARTTLS required ("starttls"), AUTH required."""
    handler = FaultyHandler()
    port = free_port()
    kwargs: dict[str, object] = {
        "authenticator": _authenticator,
        "auth_required": True,
    }
    if request.param == "tls":
        kwargs["ssl_context"] = pki.server_context()
        kwargs["auth_require_tls"] = False  # aiosmtpd only counts STARTTLS as TLS
    else:
        kwargs["tls_context"] = pki.server_context()
        kwargs["require_starttls"] = True
    controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield handler, port, request.param
    finally:
        controller.stop()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # implicit TLS
@pytest.mark.parametrize("tls_server", ["tls", "starttls"], indirect=True)
def test_tls_and_auth(
    tls_server: tuple[FaultyHandler, int, str], pki: Pki, tmp_path: Path
) -> None:
    handler, port, security = tls_server
    outbox = Outbox(tmp_path / "outbox")
    queue(outbox, "job", addresses(4))
    config = smtp(port, security=security, ca_file=pki.ca, username="digest", password="s3cret")

    wrong = dataclasses.replace(config, password="wrong")
    with pytest.raises(DeliveryError, match="refused the login"):
        deliver(outbox, wrong)
    untrusted = dataclasses.replace(config, ca_file=None)
    with pytest.raises(DeliveryError, match=r"TLS with 127\.0\.0\.1"):
        deliver(outbox, untrusted)
    assert not handler.received

    assert deliver(outbox, config) == DeliveryReport(delivered=4)
    assert set(handler.received) == set(addresses(4))


def test_starttls_required_never_falls_back_to_plain(
    faulty: tuple[FaultyHandler, int], pki: Pki, tmp_path: Path
) -> None:
    _handler, port = faulty  # a server that does not offer STARTTLS
    outbox = Outbox(tmp_path / "outbox")
    queue(outbox, "job", addresses(2))
    with pytest.raises(DeliveryError, match=r"(?i)starttls"):
        deliver(outbox, smtp(port, security="starttls", ca_file=pki.ca))
    assert not _handler.received


# --- the CLI ------------------------------------------------------------------------------------


def test_send_command_reports_summary_json_and_exit_code(
    faulty: tuple[FaultyHandler, int], tmp_path: Path
) -> None:
    handler, port = faulty
    to = addresses(6)
    handler.faults = {to[1]: ["550"], to[2]: ["451"] * 10}
    outbox = Outbox(tmp_path / "outbox")
    queue(outbox, "job", to)
    env = {"DIGEST_SMTP_RETRIES": "1", "DIGEST_SMTP_RETRY_DELAY": "0.01"}
    done = run_digest("send", "--outbox", str(outbox.root), "--smtp", f"127.0.0.1:{port}",
                      "--json", cwd=tmp_path, env=env)
    assert done.returncode == 8, done.stderr
    assert json.loads(done.stdout) == {"delivered": 4, "deferred": 1, "failed": 1, "suppressed": 0}
    handler.faults = {}
    human = run_digest("send", "--outbox", str(outbox.root), "--smtp", f"127.0.0.1:{port}",
                       cwd=tmp_path, env=env)
    assert human.returncode == 0, human.stderr
    assert human.stdout.strip() == "Delivery: 1 delivered, 0 deferred, 0 failed, 0 suppressed"
    assert address_key(to[1]) in (outbox.root / "suppressed").read_text()


def test_dkim_signs_each_spliced_message(
    faulty: tuple[FaultyHandler, int], tmp_path: Path
) -> None:
    """Signing runs after splicing: each recipient's own To and token verify."""
    import base64

    import dkim
    import nacl.signing

    from digest.config import DkimConfig
    from digest.dkim import signer

    private = nacl.signing.SigningKey.generate()
    config = DkimConfig(selector="s1", domain="example.org", algorithm="ed25519-sha256",
                        key=base64.b64encode(bytes(private)).decode())
    record = b"v=DKIM1; k=ed25519; p=" + base64.b64encode(bytes(private.verify_key))
    handler, port = faulty
    outbox = Outbox(tmp_path / "outbox")
    queue(outbox, "job", addresses(3))
    assert deliver(outbox, smtp(port), sign=signer(config)).delivered == 3
    for n, address in enumerate(addresses(3)):
        data = handler.messages[address]
        assert f"tok-{n}".encode() in data and data.startswith(b"DKIM-Signature:")
        assert dkim.verify(data, dnsfunc=lambda name, timeout=5: record)
