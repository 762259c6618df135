"""The web front through Starlette's test client, with a real SMTP server for the mail.

Forged, replayed or mismatched tokens, malformed addresses and header injection are refused
with a clear message and change nothing; rate limits and the CSRF form token hold.
"""

from __future__ import annotations

import email
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email import policy
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from digest.cli import app
from digest.config import Config, load_config
from digest.subscribers import SubscriberStore, open_store, unsubscribe_url
from digest.tokens import check_secret, sign
from digest.web import create_app

from .conftest import SmtpServer

SECRET = "web test secret, long enough"
BASE = "https://lists.example.org"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def config(tmp_path: Path, smtp_server: SmtpServer) -> Config:
    return load_config(
        None,
        env={"DIGEST_SECRET": SECRET},
        cwd=tmp_path,
        overrides={
            "mail": {"sender": "Lantern <digest@example.org>", "list_name": "Lantern"},
            "smtp": {"host": smtp_server.host, "port": smtp_server.port},
            "subscribers": {"path": tmp_path / "subs.db", "base_url": BASE},
        },
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def client(config: Config, clock: Clock) -> TestClient:
    return TestClient(create_app(config, clock=clock), base_url=BASE)


def store(config: Config) -> SubscriberStore:
    return open_store(config)


def status_of(config: Config, address: str) -> str | None:
    with store(config) as s:
        member = s.get(address)
    return member.status if member else None


def form_token(client: TestClient) -> str:
    page = client.get("/")
    assert page.status_code == 200 and "digest_form" in client.cookies
    match = re.search(r'name="form_token" value="([^"]+)"', page.text)
    assert match
    return match.group(1)


def subscribe(client: TestClient, address: str) -> tuple[int, str]:
    response = client.post(
        "/subscribe", data={"address": address, "form_token": form_token(client)}
    )
    return response.status_code, response.text


def link_in(smtp_server: SmtpServer, index: int = -1) -> str:
    mail = email.message_from_bytes(smtp_server.messages[index].data, policy=policy.default)
    body = mail.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    match = re.search(r"https://\S+/confirm/\S+", body)
    assert match, body
    return match.group(0).removeprefix(BASE)


def test_health_and_headers(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200 and response.json() == {"status": "ok", "confirmed": 0}
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    page = client.get("/")
    assert "<script" not in page.text and '<label for="address">' in page.text


def test_subscribe_confirm_is_double_opt_in(
    client: TestClient, config: Config, smtp_server: SmtpServer
) -> None:
    code, text = subscribe(client, "Ada@Example.org")
    assert code == 200 and "Check your inbox" in text
    assert status_of(config, "Ada@example.org") == "pending"
    assert smtp_server.messages[0].rcpt_tos == ["Ada@example.org"]
    link = link_in(smtp_server)
    page = client.get(link)  # a mail scanner following the link changes nothing
    assert page.status_code == 200 and "Confirm subscription</button>" in page.text
    assert status_of(config, "Ada@example.org") == "pending"
    done = client.post(link, follow_redirects=False)
    assert done.status_code == 200 and "will receive" in done.text
    assert status_of(config, "Ada@example.org") == "confirmed"
    replay = client.post(link, follow_redirects=False)  # used twice: harmless
    assert replay.status_code == 200 and status_of(config, "Ada@example.org") == "confirmed"
    again, text = subscribe(client, "Ada@Example.org")  # same answer, no second mail
    assert again == 200 and "Check your inbox" in text and len(smtp_server.messages) == 1


def test_confirm_link_expires(
    client: TestClient, config: Config, clock: Clock, smtp_server: SmtpServer
) -> None:
    subscribe(client, "ada@example.org")
    link = link_in(smtp_server)
    clock.now += timedelta(hours=49)
    response = client.post(link)
    assert response.status_code == 400 and "expired" in response.text
    assert status_of(config, "ada@example.org") == "pending"


def test_old_confirm_link_does_not_undo_an_unsubscribe(
    client: TestClient, config: Config, smtp_server: SmtpServer
) -> None:
    subscribe(client, "ada@example.org")
    link = link_in(smtp_server)
    client.post(link)
    url = unsubscribe_url(config, check_secret(SECRET), "ada@example.org").removeprefix(BASE)
    assert client.post(url, data={"List-Unsubscribe": "One-Click"}).status_code == 200
    replay = client.post(link)
    assert replay.status_code == 409 and "Nothing to confirm" in replay.text
    assert status_of(config, "ada@example.org") == "unsubscribed"


@pytest.mark.parametrize(
    "token",
    [
        "forged.token",
        "dW5zdWJzY3JpYmU6MDpib2JAZXhhbXBsZS5vcmc.AAAA",  # "unsubscribe:0:bob@..." with a bad MAC
        sign(check_secret("some other secret of enough length"), "unsubscribe", "ada@example.org"),
        sign(check_secret(SECRET), "confirm", "ada@example.org"),  # wrong action
    ],
)
def test_bad_unsubscribe_tokens_change_nothing(
    client: TestClient, config: Config, token: str
) -> None:
    with store(config) as s:
        s.add("ada@example.org", datetime(2026, 1, 1, tzinfo=UTC))
    for method in ("get", "post"):
        response = getattr(client, method)(
            f"/unsubscribe/{token}",
            **({"data": {"List-Unsubscribe": "One-Click"}} if method == "post" else {}),
        )
        assert response.status_code == 400
        assert "This link does not work" in response.text
    assert status_of(config, "ada@example.org") == "confirmed"


def test_token_for_one_address_never_acts_on_another(client: TestClient, config: Config) -> None:
    key = check_secret(SECRET)
    with store(config) as s:
        s.add("ada@example.org", datetime(2026, 1, 1, tzinfo=UTC))
        s.add("bob@example.org", datetime(2026, 1, 1, tzinfo=UTC))
    ada = sign(key, "unsubscribe", "ada@example.org")
    bob = sign(key, "unsubscribe", "bob@example.org")
    mixed = ada.split(".")[0] + "." + bob.split(".")[1]
    response = client.post(f"/unsubscribe/{mixed}", data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 400
    assert (
        status_of(config, "ada@example.org") == status_of(config, "bob@example.org") == "confirmed"
    )


def test_one_click_unsubscribe_follows_rfc_8058(client: TestClient, config: Config) -> None:
    with store(config) as s:
        s.add("ada@example.org", datetime(2026, 1, 1, tzinfo=UTC))
    url = unsubscribe_url(config, check_secret(SECRET), "ada@example.org").removeprefix(BASE)
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="List-Unsubscribe" value="One-Click"' in page.text and 'method="post"' in page.text
    assert status_of(config, "ada@example.org") == "confirmed"  # GET changes nothing
    empty = client.post(url)
    assert empty.status_code == 400 and "List-Unsubscribe=One-Click" in empty.text
    assert status_of(config, "ada@example.org") == "confirmed"
    # What a mail client sends: no cookie, no form token, just the body.
    fresh = TestClient(client.app, base_url=BASE)
    done = fresh.post(url, data={"List-Unsubscribe": "One-Click"}, follow_redirects=False)
    assert done.status_code == 200 and "no more" in done.text
    assert status_of(config, "ada@example.org") == "unsubscribed"
    again = fresh.post(url, data={"List-Unsubscribe": "One-Click"}, follow_redirects=False)
    assert again.status_code == 200


def test_the_list_copy_link_says_there_is_nothing_to_do(client: TestClient) -> None:
    page = client.get("/unsubscribe/")
    assert page.status_code == 200 and "went to a mailing list" in page.text
    post = client.post("/unsubscribe/", data={"List-Unsubscribe": "One-Click"})
    assert post.status_code == 400 and "nothing was changed" in post.text


@pytest.mark.parametrize(
    "address",
    [
        "not an address",
        "ada@example.org\r\nBcc: eve@example.org",
        "ada@example.org\nSubject: spam",
        '"eve@evil.example"@example.org',
        "Ada <ada@example.org>",
        "ada@example.org, eve@example.org",
        "",
    ],
)
def test_malformed_addresses_are_refused(
    client: TestClient, config: Config, smtp_server: SmtpServer, address: str
) -> None:
    code, text = subscribe(client, address)
    assert code == 400 and "This address cannot be used" in text
    assert smtp_server.messages == []
    with store(config) as s:
        assert s.members() == []


def test_form_needs_its_cookie_and_a_fresh_token(
    client: TestClient, config: Config, clock: Clock, smtp_server: SmtpServer
) -> None:
    token = form_token(client)
    stranger = TestClient(client.app, base_url=BASE)  # a cross-site post has no cookie
    response = stranger.post("/subscribe", data={"address": "ada@example.org", "form_token": token})
    assert response.status_code == 403 and "was not sent from this page" in response.text
    response = client.post("/subscribe", data={"address": "ada@example.org", "form_token": "x.y"})
    assert response.status_code == 403
    clock.now += timedelta(hours=3)
    response = client.post("/subscribe", data={"address": "ada@example.org", "form_token": token})
    assert response.status_code == 403
    assert smtp_server.messages == [] and status_of(config, "ada@example.org") is None


def test_rate_limits_per_address_and_per_client(
    client: TestClient, config: Config, clock: Clock, smtp_server: SmtpServer
) -> None:
    for _ in range(3):
        assert subscribe(client, "ada@example.org")[0] == 200
    code, text = subscribe(client, "ada@example.org")
    assert code == 429 and "Too many" in text
    clock.now += timedelta(seconds=config.subscribers.rate_window + 1)
    assert subscribe(client, "ada@example.org")[0] == 200
    for i in range(9):  # ten per client in the window
        assert subscribe(client, f"user{i}@example.org")[0] == 200
    response = client.post(
        "/subscribe", data={"address": "late@example.org", "form_token": form_token(client)}
    )
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert status_of(config, "late@example.org") is None


def test_unreachable_smtp_says_so(config: Config, clock: Clock, smtp_server: SmtpServer) -> None:
    down = replace(config, smtp=replace(config.smtp, port=1))
    client = TestClient(create_app(down, clock=clock), base_url=BASE)
    code, text = subscribe(client, "ada@example.org")
    assert code == 503 and "could not be sent" in text


def test_serve_refuses_to_start_without_what_it_needs(
    tmp_path: Path, cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIGEST_SECRET", raising=False)
    conf = tmp_path / "digest.toml"
    conf.write_text(f'[subscribers]\npath = "{tmp_path / "s.db"}"\nbase_url = "{BASE}"\n')
    no_secret = cli.invoke(app, ["serve", "--config", str(conf)])
    assert no_secret.exit_code == 2 and "DIGEST_SECRET" in no_secret.stderr
    monkeypatch.setenv("DIGEST_SECRET", SECRET)
    no_smtp = cli.invoke(app, ["serve", "--config", str(conf)])
    assert no_smtp.exit_code == 3 and "needs an SMTP server" in no_smtp.stderr
