"""Signed link tokens: bound to address and action, constant-time checked, expiring or not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from digest.tokens import TokenError, check_secret, sign, verify

KEY = check_secret("a test secret that is long enough")
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_round_trip_names_address_and_action() -> None:
    token = sign(KEY, "confirm", "Ada@example.org", issued=NOW)
    checked = verify(KEY, token, "confirm", now=NOW + timedelta(hours=1), max_age=3600 * 48)
    assert checked.subject == "Ada@example.org" and checked.action == "confirm"
    assert "." in token and "@" not in token and "secret" not in token


def test_unsubscribe_tokens_never_expire() -> None:
    token = sign(KEY, "unsubscribe", "ada@example.org")
    later = NOW + timedelta(days=3650)
    assert verify(KEY, token, "unsubscribe", now=later).subject == "ada@example.org"


def test_confirm_tokens_expire_and_future_ones_are_refused() -> None:
    token = sign(KEY, "confirm", "ada@example.org", issued=NOW)
    with pytest.raises(TokenError, match="expired"):
        verify(KEY, token, "confirm", now=NOW + timedelta(hours=49), max_age=48 * 3600)
    with pytest.raises(TokenError, match="expired"):
        verify(KEY, token, "confirm", now=NOW - timedelta(hours=1), max_age=48 * 3600)


def test_action_is_bound() -> None:
    token = sign(KEY, "confirm", "ada@example.org", issued=NOW)
    with pytest.raises(TokenError, match="for confirm, not unsubscribe"):
        verify(KEY, token, "unsubscribe", now=NOW)


def test_token_for_one_address_cannot_be_moved_to_another() -> None:
    import base64

    token = sign(KEY, "unsubscribe", "ada@example.org")
    _payload, mac = token.split(".")
    forged_payload = base64.urlsafe_b64encode(b"unsubscribe:0:bob@example.org").rstrip(b"=")
    with pytest.raises(TokenError, match="not valid"):
        verify(KEY, forged_payload.decode() + "." + mac, "unsubscribe", now=NOW)
    other = sign(KEY, "unsubscribe", "bob@example.org")
    spliced = token.split(".")[0] + "." + other.split(".")[1]
    with pytest.raises(TokenError, match="not valid"):
        verify(KEY, spliced, "unsubscribe", now=NOW)


@pytest.mark.parametrize("token", ["", "abc", "a.b.c", "!!!.???", "x" * 5000, "."])
def test_garbage_is_refused_clearly(token: str) -> None:
    with pytest.raises(TokenError, match=r"damaged|not valid"):
        verify(KEY, token, "unsubscribe", now=NOW)


def test_another_secret_forges_nothing() -> None:
    token = sign(check_secret("another secret, also long enough"), "unsubscribe", "a@example.org")
    with pytest.raises(TokenError, match="not valid"):
        verify(KEY, token, "unsubscribe", now=NOW)


@pytest.mark.parametrize("secret", [None, "", "short"])
def test_weak_secret_is_refused(secret: str | None) -> None:
    with pytest.raises(TokenError, match="DIGEST_SECRET"):
        check_secret(secret)
