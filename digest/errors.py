"""One root for every error digest raises on purpose.

A `DigestError` carries where the problem is (file, line) and what to do
about it, so the CLI can print one useful line and exit with a code that
says what kind of failure it was. Anything else escaping is a bug.
"""

from __future__ import annotations

from pathlib import Path


class DigestError(Exception):
    """Base class: a user-facing problem with a location and a fix."""

    exit_code = 1
    kind = "error"

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path + (f":{self.line}" if self.line is not None else "") + ": "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class ConfigError(DigestError):
    """The configuration (file, environment or flags) is wrong."""

    exit_code = 3
    kind = "config"


class NoteError(DigestError):
    """One note cannot be read or parsed; the run goes on without it."""

    exit_code = 4
    kind = "note"


class SourceError(DigestError):
    """The notes folder or repository cannot be read."""

    exit_code = 5
    kind = "source"


class StateError(DigestError):
    """The state file is unreadable, corrupt, too new, or locked by another run."""

    exit_code = 6
    kind = "state"


class OutboxError(DigestError):
    """A message could not be written to, or read from, the outbox."""

    exit_code = 7
    kind = "outbox"


class DeliveryError(DigestError):
    """Mail could not be handed to the SMTP server; queued messages stay pending."""

    exit_code = 8
    kind = "delivery"


class TemplateError(DigestError):
    """A template is missing or refers to something the context does not have."""

    exit_code = 9
    kind = "template"


class FirstRunError(DigestError):
    """No state yet and more notes than a first digest should carry."""

    exit_code = 10
    kind = "first-run"


class PublishError(DigestError):
    """The feed or the site could not be written; the digest itself is queued and recorded."""

    exit_code = 12
    kind = "publish"
