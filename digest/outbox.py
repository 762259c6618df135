"""A durable queue of .eml files.

Every message is written (and fsynced) before any SMTP traffic, so a crash
loses nothing: the next `digest send` finds it pending. Layout:

    outbox/<name>.eml         pending
    outbox/sent/<name>.eml    accepted by the server
    outbox/failed/<name>.eml  refused for good; <name>.reason holds the reply

Names are derived from the digest and recipient, so writing the same
message twice (a run repeated after a crash) is a no-op, even after it was
sent.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import OutboxError
from .state import fsync_dir, write_atomic

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outbox:
    root: Path

    @property
    def sent_dir(self) -> Path:
        return self.root / "sent"

    @property
    def failed_dir(self) -> Path:
        return self.root / "failed"

    def _check_name(self, name: str) -> None:
        if not name or "/" in name or "\\" in name or name.startswith(".") or "\0" in name:
            raise OutboxError(f"refusing outbox name {name!r}", path=self.root)

    def put(self, name: str, data: bytes) -> tuple[Path, bool]:
        """Queue a message; returns (path, False) when it was already queued or sent."""
        self._check_name(name)
        filename = f"{name}.eml"
        for folder in (self.root, self.sent_dir, self.failed_dir):
            if (folder / filename).exists():
                return folder / filename, False
        target = self.root / filename
        write_atomic(target, data, error=OutboxError)
        log.info("queued %s (%d bytes)", target, len(data))
        return target, True

    def pending(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return sorted(p for p in self.root.glob("*.eml") if p.is_file())

    def mark_sent(self, path: Path) -> Path:
        return self._move(path, self.sent_dir)

    def mark_failed(self, path: Path, reason: str) -> Path:
        target = self._move(path, self.failed_dir)
        write_atomic(
            target.with_suffix(".reason"), (reason.strip() + "\n").encode(), error=OutboxError
        )
        return target

    def _move(self, path: Path, folder: Path) -> Path:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / path.name
            os.replace(path, target)
            fsync_dir(folder)
            fsync_dir(path.parent)
        except OSError as exc:
            raise OutboxError(f"cannot move message: {exc.strerror}", path=path) from None
        return target
