"""One persistent SMTP connection that sends many messages with little per-message work.

aiosmtplib opens the connection: implicit TLS, STARTTLS (required when
configured, never skipped) or plain, and AUTH. Then the connection's transport
is handed to a small protocol of our own that sends MAIL, RCPT and DATA in one
write when the server offers PIPELINING (RFC 2920), then the message as
pre-serialised, dot-stuffed bytes, and reads the replies from one buffer.
aiosmtplib's own per-message path (one round trip and one future per command,
and a pass over the message to dot-stuff it) is what limited throughput.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections import deque
from dataclasses import dataclass

import aiosmtplib

from .config import SmtpConfig
from .errors import DeliveryError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reply:
    code: int
    text: str

    def __str__(self) -> str:
        return f"{self.code} {self.text}"


class Refused(Exception):
    """The server refused at a stage: `mail` (the sender), `rcpt` (the recipient) or `data`."""

    def __init__(self, reply: Reply, stage: str) -> None:
        super().__init__(f"{stage}: {reply}")
        self.reply = reply
        self.stage = stage

    @property
    def permanent(self) -> bool:
        """5xx, except 500-504: those say the session is confused, not that the mail is bad."""
        return 505 <= self.reply.code < 600


class Dropped(Exception):
    """The connection is gone or closing (421, EOF, reset, timeout): reconnect and retry."""


def tls_context(config: SmtpConfig) -> ssl.SSLContext:
    """Certificates are verified; smtp.ca_file adds a CA (a private relay, or tests)."""
    return ssl.create_default_context(cafile=str(config.ca_file) if config.ca_file else None)


class _Replies(asyncio.Protocol):
    """Parses every reply in the buffer and hands them out in order."""

    def __init__(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        self._buffer = bytearray()
        self._replies: deque[Reply] = deque()
        self._waiter: asyncio.Future[None] | None = None
        self._lost: Exception | None = None

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while True:
            end = self._buffer.find(b"\n")
            start = 0
            lines = []
            while end != -1:
                line = bytes(self._buffer[start:end]).rstrip(b"\r")
                lines.append(line)
                start = end + 1
                if line[3:4] != b"-":
                    break
                end = self._buffer.find(b"\n", start)
            else:
                return
            del self._buffer[:start]
            try:
                code = int(lines[-1][:3])
            except ValueError:
                self._fail(Dropped(f"malformed reply {lines[-1][:80]!r}"))
                return
            text = "\n".join(line[4:].decode("utf-8", "replace") for line in lines)
            self._replies.append(Reply(code, text))
            self._wake()

    def connection_lost(self, exc: Exception | None) -> None:
        self._fail(Dropped(f"connection lost: {exc}" if exc else "connection closed by server"))

    def eof_received(self) -> bool:
        self._fail(Dropped("connection closed by server"))
        return False

    def _fail(self, exc: Exception) -> None:
        if self._lost is None:
            self._lost = exc
        self._wake()

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    async def read(self, count: int) -> list[Reply]:
        while len(self._replies) < count:
            if self._lost is not None:
                raise self._lost
            self._waiter = asyncio.get_running_loop().create_future()
            await self._waiter
        return [self._replies.popleft() for _ in range(count)]

    def write(self, data: bytes) -> None:
        if self._lost is not None or self.transport.is_closing():
            raise self._lost or Dropped("connection closed")
        self.transport.write(data)


class Connection:
    """An open, authenticated SMTP session; `send` one message at a time."""

    def __init__(
        self, protocol: _Replies, pipelining: bool, timeout: float, eightbit: bool = False
    ) -> None:
        self._protocol = protocol
        self.pipelining = pipelining
        self._timeout = timeout
        # RFC 6152: compose writes 8bit text parts; say so when the server understands it.
        self._mail_params = " BODY=8BITMIME" if eightbit else ""

    @classmethod
    async def open(cls, config: SmtpConfig, context: ssl.SSLContext | None) -> Connection:
        """Connect, secure and log in with aiosmtplib, then take the transport over.

        Raises DeliveryError for what retrying cannot fix (TLS required but not
        offered, a certificate that does not verify, a refused login) and
        Dropped for what it may (refused connection, 421 greeting, timeout).
        """
        client = aiosmtplib.SMTP(
            hostname=config.host,
            port=config.port,
            use_tls=config.security == "tls",
            start_tls=config.security == "starttls",
            tls_context=context,
            timeout=config.timeout,
            username=config.username,
            password=config.password if config.username else None,
        )
        where = f"{config.host}:{config.port}"
        try:
            await client.connect()
            if not client.esmtp_extensions:
                await client.ehlo()
        except ssl.SSLError as exc:
            raise DeliveryError(
                f"TLS with {where} failed: {exc}",
                hint="check smtp.security and smtp.ca_file (a private CA must be trusted)",
            ) from None
        except aiosmtplib.SMTPAuthenticationError as exc:
            raise DeliveryError(
                f"{where} refused the login: {exc.code} {exc.message}",
                hint="check smtp.username and DIGEST_SMTP_PASSWORD",
            ) from None
        except (aiosmtplib.SMTPConnectError, aiosmtplib.SMTPServerDisconnected, OSError) as exc:
            if isinstance(exc.__cause__, ssl.SSLError):  # implicit TLS: wrapped by aiosmtplib
                raise DeliveryError(
                    f"TLS with {where} failed: {exc.__cause__}",
                    hint="check smtp.security and smtp.ca_file (a private CA must be trusted)",
                ) from None
            raise Dropped(f"cannot connect to {where}: {exc}") from None
        except aiosmtplib.SMTPTimeoutError as exc:
            raise Dropped(f"cannot connect to {where}: {exc}") from None
        except aiosmtplib.SMTPResponseException as exc:
            if exc.code < 500:
                raise Dropped(f"cannot connect to {where}: {exc.code} {exc.message}") from None
            raise DeliveryError(f"{where} refused the session: {exc.code} {exc.message}") from None
        except aiosmtplib.SMTPException as exc:
            raise DeliveryError(
                f"{where}: {exc}",
                hint="the server does not offer what smtp.security or smtp.username require",
            ) from None
        transport = client.transport
        if not isinstance(transport, asyncio.Transport):
            raise Dropped(f"cannot connect to {where}: no transport")
        protocol = _Replies(transport)
        transport.set_protocol(protocol)
        pipelining = client.supports_extension("pipelining")
        log.info(
            "connected to %s (%s%s)", where, config.security, ", pipelining" if pipelining else ""
        )
        return cls(protocol, pipelining, config.timeout, client.supports_extension("8bitmime"))

    async def send(self, sender: str, recipient: str, data: bytes) -> Reply:
        """Send one message (`data` dot-stuffed, ending CRLF.CRLF); return the 250.

        Raises Refused for a 4xx/5xx (the session stays usable) and Dropped
        when the session is over (421 included; the caller reconnects).
        """
        commands = (
            f"MAIL FROM:<{sender}>{self._mail_params}\r\n".encode(),
            f"RCPT TO:<{recipient}>\r\n".encode(),
        )
        try:
            async with asyncio.timeout(self._timeout):
                if self.pipelining:
                    self._protocol.write(b"".join((*commands, b"DATA\r\n")))
                    mail, rcpt, data_reply = await self._protocol.read(3)
                else:
                    mail, rcpt, data_reply = await self._lockstep(commands)
                for reply in (mail, rcpt, data_reply):
                    self._check(reply)
                if mail.code >= 300 or rcpt.code >= 300:
                    if data_reply.code == 354:  # RFC 2920: end an unwanted DATA at once
                        self._protocol.write(b".\r\n")
                        await self._protocol.read(1)
                    await self._reset()
                    if mail.code >= 300:
                        raise Refused(mail, "mail")
                    raise Refused(rcpt, "rcpt")
                if data_reply.code != 354:
                    await self._reset()
                    raise Refused(data_reply, "data")
                self._protocol.write(data)
                (done,) = await self._protocol.read(1)
                self._check(done)
                if done.code >= 300:
                    await self._reset()
                    raise Refused(done, "data")
                return done
        except Dropped:
            self.close()
            raise
        except TimeoutError:
            self.close()
            raise Dropped(f"no reply within {self._timeout:g} s") from None
        except (ConnectionError, OSError) as exc:
            self.close()
            raise Dropped(str(exc)) from None

    async def _lockstep(self, commands: tuple[bytes, bytes]) -> tuple[Reply, Reply, Reply]:
        """Without PIPELINING: one command, one reply; stop at the first refusal."""
        self._protocol.write(commands[0])
        (mail,) = await self._protocol.read(1)
        if mail.code >= 300:
            return mail, mail, Reply(503, "not sent")
        self._protocol.write(commands[1])
        (rcpt,) = await self._protocol.read(1)
        if rcpt.code >= 300:
            return mail, rcpt, Reply(503, "not sent")
        self._protocol.write(b"DATA\r\n")
        (data,) = await self._protocol.read(1)
        return mail, rcpt, data

    def _check(self, reply: Reply) -> None:
        if reply.code == 421:
            self.close()
            raise Dropped(str(reply))

    async def _reset(self) -> None:
        self._protocol.write(b"RSET\r\n")
        (reply,) = await self._protocol.read(1)
        self._check(reply)

    async def quit(self) -> None:
        try:
            async with asyncio.timeout(self._timeout):
                self._protocol.write(b"QUIT\r\n")
                await self._protocol.read(1)
        except (Dropped, TimeoutError, ConnectionError, OSError):
            pass
        self.close()

    def close(self) -> None:
        self._protocol.transport.close()
