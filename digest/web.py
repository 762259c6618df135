"""`digest serve`: subscribe, confirm and unsubscribe pages, and the one-click endpoint.

A small Starlette app, run by uvicorn behind the project's TLS proxy:

    GET  /                     subscribe form (signed form token + cookie: CSRF-safe)
    POST /subscribe            → pending, and a confirmation mail with a signed link
    GET  /confirm/<token>      a page with a button (mail scanners follow links; only people
    POST /confirm/<token>        press buttons) → confirmed
    GET  /unsubscribe/<token>  a page with a button, which POSTs the same body as
    POST /unsubscribe/<token>    RFC 8058 one-click: List-Unsubscribe=One-Click → 200
    GET  /health               {"status": "ok"}

Plain HTML, no JavaScript, no redirects. The link tokens (digest.tokens) are
the only credential. Requests are logged without their paths (a token names
an address) and addresses only by hash. The store is used from the event
loop thread only, so its single SQLite connection is never shared between
threads.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from typing import Any
from urllib.parse import urlsplit

import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from .compose import parse_address
from .config import Config, SmtpConfig
from .errors import ConfigError, DeliveryError
from .render import environment, render_template
from .smtp import Connection, Dropped, Refused, tls_context
from .subscribers import (
    AddressError,
    address_hash,
    base_url,
    confirm_url,
    normalize_address,
    open_store,
    signing_key,
)
from .tokens import TokenError, sign, verify

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
# (recipient, message bytes); the default sends through the configured SMTP server.
Sender = Callable[[str, bytes], Awaitable[None]]

FORM_COOKIE = "digest_form"
FORM_MAX_AGE = 2 * 3600  # seconds a subscribe form stays valid
ONE_CLICK = ("List-Unsubscribe", "One-Click")  # RFC 8058 POST body
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


class SlidingWindow:
    """At most `limit` hits per key within any `window` seconds, in memory.

    Time comes in as an argument (the app's clock), so tests can move it.
    """

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._hits: dict[str, deque[float]] = {}

    def hit(self, key: str, now: float) -> float:
        """Count a request: 0 when it is allowed, else the seconds until one will be."""
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return hits[0] + self.window - now
        hits.append(now)
        if len(self._hits) > 10_000:  # forget idle keys so memory stays bounded
            self._hits = {k: v for k, v in self._hits.items() if v and v[-1] > now - self.window}
        return 0.0


async def send_now(config: SmtpConfig, sender: str, recipient: str, data: bytes) -> None:
    """One message straight through the configured server, not queued: the confirmation
    mail, which the person is waiting for and whose failure they should see at once."""
    try:
        connection = await Connection.open(config, tls_context(config))
    except Dropped as exc:
        raise DeliveryError(f"cannot reach the SMTP server: {exc}") from None
    stuffed = (b"." if data.startswith(b".") else b"") + data.replace(b"\r\n.", b"\r\n..")
    try:
        await connection.send(sender, recipient, stuffed + b".\r\n")
    except Refused as exc:  # the reply's text may quote the address: keep only the code
        raise DeliveryError(f"the SMTP server refused at {exc.stage}: {exc.reply.code}") from None
    except Dropped as exc:
        raise DeliveryError(f"the SMTP connection was lost: {exc}") from None
    finally:
        connection.close()


class _Headers(BaseHTTPMiddleware):
    """Security headers on every response; one log line per request, without the path."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        first = request.url.path.strip("/").split("/", 1)[0]
        log.info("%s /%s %d", request.method, first, response.status_code)
        return response


def create_app(config: Config, *, clock: Clock, send: Sender | None = None) -> Starlette:
    """The web front for one list; `send` replaces SMTP (tests may pass their own)."""
    key = signing_key(config)
    base = base_url(config)
    prefix = urlsplit(base).path.rstrip("/")
    settings = config.subscribers
    sender = parse_address(config.mail.sender, setting="mail.sender")
    if send is None:
        if config.smtp.host is None:
            raise ConfigError(
                "digest serve needs an SMTP server for confirmation mail",
                hint="set smtp.host or pass --smtp HOST:PORT",
            )

        async def send(recipient: str, data: bytes) -> None:
            await send_now(config.smtp, sender.addr_spec, recipient, data)

    deliver = send
    store = open_store(config)
    templates = environment(config)
    per_client = SlidingWindow(settings.subscribe_per_client, settings.rate_window)
    per_address = SlidingWindow(settings.subscribe_per_address, settings.rate_window)
    list_name = config.mail.list_name
    home = f"{prefix}/"

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        context = {"list_name": list_name, "hint": None, "back": None} | context
        return HTMLResponse(render_template(templates, name, context), status_code=status)

    def message(title: str, text: str, status: int = 200, **extra: Any) -> HTMLResponse:
        return page("web/message.html", status, title=title, message=text, **extra)

    def refused(exc: TokenError) -> HTMLResponse:
        return message(
            "This link does not work",
            exc.message.capitalize() + ".",
            400,
            hint=exc.hint.capitalize() + "." if exc.hint else None,
            back=home,
        )

    def form(
        nonce: str, status: int = 200, error: str | None = None, address: str = ""
    ) -> Response:
        response = page(
            "web/subscribe.html",
            status,
            title=f"Subscribe to {list_name}",
            action=f"{prefix}/subscribe",
            form_token=sign(key, "form", nonce, issued=clock()),
            error=error,
            address=address,
        )
        response.set_cookie(
            FORM_COOKIE,
            nonce,
            httponly=True,
            samesite="strict",
            secure=base.startswith("https://"),
            path="/",
        )
        return response

    def too_many(wait: float) -> Response:
        response = message(
            "Too many requests",
            "Too many subscribe requests. Please wait a while and try again.",
            429,
            back=home,
        )
        response.headers["Retry-After"] = str(int(wait) + 1)
        return response

    def confirmation(address: str, now: datetime) -> bytes:
        mail = EmailMessage(policy=SMTP)
        mail["From"] = sender
        mail["To"] = address
        mail["Subject"] = f"Confirm your subscription to {list_name}"
        mail["Date"] = format_datetime(now)
        mail["Message-ID"] = make_msgid("confirm", domain=sender.domain)
        mail["Auto-Submitted"] = "auto-generated"
        text = render_template(
            templates,
            "web/confirm_mail.txt",
            {
                "list_name": list_name,
                "hours": int(settings.confirm_hours),
                "confirm_url": confirm_url(config, key, address, now),
            },
        )
        mail.set_content(text, charset="utf-8")
        return mail.as_bytes()

    async def subscribe_form(request: Request) -> Response:
        return form(request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(18))

    async def subscribe(request: Request) -> Response:
        now = clock()
        fields = await request.form()
        nonce = request.cookies.get(FORM_COOKIE, "")
        try:
            signed = verify(
                key, str(fields.get("form_token", "")), "form", now=now, max_age=FORM_MAX_AGE
            )
            if not nonce or not hmac.compare_digest(signed.subject, nonce):
                raise TokenError("form from elsewhere")
        except TokenError:
            return form(
                nonce or secrets.token_urlsafe(18),
                403,
                error="This form has expired or was not sent from this page. "
                "Please enter your address again.",
            )
        client = request.client.host if request.client else "unknown"
        wait = per_client.hit(client, now.timestamp())
        if wait:
            return too_many(wait)
        raw = str(fields.get("address", ""))
        try:
            address = normalize_address(raw)
        except AddressError as exc:
            shown = raw if raw.isprintable() else ""
            return form(
                nonce, 400, error=f"This address cannot be used: {exc.message}.", address=shown
            )
        wait = per_address.hit(address_hash(address), now.timestamp())
        if wait:
            return too_many(wait)
        if store.request(address, now):
            try:
                await deliver(address, confirmation(address, now))
            except DeliveryError as exc:
                log.warning("confirmation for %s not sent: %s", address_hash(address), exc)
                return message(
                    "Please try again later",
                    "The confirmation email could not be sent just now.",
                    503,
                    back=home,
                )
            log.info("confirmation sent to %s", address_hash(address))
        # The same answer whether or not the address was already subscribed.
        return message(
            "Check your inbox",
            "A confirmation email is on its way unless this address is already subscribed. "
            "Open the link in it to start receiving the digest.",
        )

    def checked(request: Request, action: str, now: datetime) -> str:
        max_age = settings.confirm_hours * 3600 if action == "confirm" else None
        token = str(request.path_params["token"])
        return verify(key, token, action, now=now, max_age=max_age).subject  # type: ignore[arg-type]

    def question_page(action: str, title: str, question: str, button: str,
                      fields: list[Any]) -> Callable[[Request], Awaitable[Response]]:
        """The GET behind a link: ask, with one button that POSTs back (mail scanners that
        follow links must not confirm or unsubscribe anyone)."""

        async def ask(request: Request) -> Response:
            try:
                address = checked(request, action, clock())
            except TokenError as exc:
                return refused(exc)
            return page("web/button.html", title=title,
                        message=question.format(list_name=list_name, address=address),
                        action=request.url.path, fields=fields, button=button)

        return ask

    confirm_page = question_page("confirm", "Confirm your subscription",
                                 "Send the {list_name} digest to {address}?",
                                 "Confirm subscription", [])
    unsubscribe_page = question_page("unsubscribe", "Unsubscribe",
                                     "Stop sending the {list_name} digest to {address}?",
                                     "Unsubscribe", [ONE_CLICK])

    async def confirm(request: Request) -> Response:
        now = clock()
        try:
            address = checked(request, "confirm", now)
        except TokenError as exc:
            return refused(exc)
        if not store.confirm(address, now):
            return message(
                "Nothing to confirm",
                "This address has no subscription waiting for confirmation: it was "
                "unsubscribed or removed since this link was sent.",
                409,
                hint="Subscribe again if you want the digest.",
                back=home,
            )
        return message("Subscribed", f"{address} will receive the {list_name} digest.")


    async def unsubscribe(request: Request) -> Response:
        """RFC 8058 one-click: no login, no redirect, 200 when done (or nothing to do)."""
        now = clock()
        try:
            address = checked(request, "unsubscribe", now)
        except TokenError as exc:
            return refused(exc)
        fields = await request.form()
        if fields.get(ONE_CLICK[0]) != ONE_CLICK[1]:
            return message(
                "Not unsubscribed",
                "This request did not say List-Unsubscribe=One-Click; nothing was changed.",
                400,
                hint="Use the button on the unsubscribe page.",
            )
        if not store.unsubscribe(address, now):
            return message("Not subscribed", f"{address} is not on the list; nothing to do.")
        return message("Unsubscribed", f"{address} will receive no more {list_name} digests.")

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        store.close()

    async def list_copy(request: Request) -> Response:
        """The link in a copy sent to a mailing list address (mail.to): no token to act on."""
        return message(
            "Not a subscription of this site",
            "This copy of the digest went to a mailing list, not to an address subscribed here; "
            "nothing was changed.",
            200 if request.method == "GET" else 400,
            hint="To stop receiving it, leave that mailing list.",
        )

    async def health(_request: Request) -> Response:
        counts = store.counts()
        return JSONResponse({"status": "ok", "confirmed": counts["confirmed"]})

    return Starlette(
        routes=[
            Route("/", subscribe_form, methods=["GET"]),
            Route("/subscribe", subscribe, methods=["POST"]),
            Route("/confirm/{token}", confirm_page, methods=["GET"]),
            Route("/confirm/{token}", confirm, methods=["POST"]),
            Route("/unsubscribe/", list_copy, methods=["GET", "POST"]),
            Route("/unsubscribe/{token}", unsubscribe_page, methods=["GET"]),
            Route("/unsubscribe/{token}", unsubscribe, methods=["POST"]),
            Route("/health", health, methods=["GET"]),
        ],
        middleware=[Middleware(_Headers)],
        lifespan=lifespan,
    )


def server(config: Config, *, clock: Clock, send: Sender | None = None) -> uvicorn.Server:
    """uvicorn for the app on subscribers.host:port; its access log is off (paths hold tokens)."""
    app = create_app(config, clock=clock, send=send)
    return uvicorn.Server(
        uvicorn.Config(
            app,
            host=config.subscribers.host,
            port=config.subscribers.port,
            access_log=False,
            log_config=None,
            server_header=False,
            proxy_headers=True,  # the client address from a proxy on this host
            forwarded_allow_ips="127.0.0.1",
            # digest.smtp takes over asyncio's own transport after the handshake, which
            # uvloop's does not support: keep the standard loop even when uvloop is installed.
            loop="asyncio",
        )
    )


def serve(config: Config, *, clock: Clock) -> None:
    log.info("serving on %s:%s", config.subscribers.host, config.subscribers.port)
    server(config, clock=clock).run()
