"""Read notes from a plain folder or from a git repository.

A folder is read whole; changes are found later by content hash. A git
repository is read at HEAD (committed notes only) and, when the state names
the last processed commit, only the files changed since then are read:
`git diff` between two trees, so a force-push that keeps the old commit
object still gives the right answer. When that commit is gone (force-push
and gc, or a shallow clone), the source falls back to a full read and says
so in `Scan.remarks`.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from .errors import SourceError
from .models import NoteFile, Scan

log = logging.getLogger(__name__)


class Source(Protocol):
    kind: str
    root: Path

    def scan(self, since: str | None) -> Scan:
        """Files to consider on this run (all of them, or those changed since `since`)."""
        ...

    def read(self, paths: Iterable[str]) -> list[NoteFile]:
        """The current contents of these paths; missing ones are left out."""
        ...


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """Translate a glob where `**/` spans folders and `*` stays within one."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


@dataclass(frozen=True)
class PathFilter:
    include: tuple[str, ...]
    exclude: tuple[str, ...] = ()

    def __call__(self, path: str) -> bool:
        return any(_glob_regex(p).match(path) for p in self.include) and not any(
            _glob_regex(p).match(path) for p in self.exclude
        )


class FolderSource:
    """Every matching file below a folder, read from disk."""

    kind = "folder"

    def __init__(self, root: Path, wanted: PathFilter) -> None:
        if not root.is_dir():
            raise SourceError(
                "notes folder not found",
                path=root,
                hint="pass --notes PATH or set [notes] path in digest.toml",
            )
        self.root = root
        self.wanted = wanted

    def scan(self, since: str | None) -> Scan:
        paths: list[str] = []
        for folder, dirs, names in os.walk(self.root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            rel_folder = Path(folder).relative_to(self.root).as_posix()
            for name in names:
                rel = name if rel_folder == "." else f"{rel_folder}/{name}"
                if self.wanted(rel):
                    paths.append(rel)
        files = self.read(sorted(paths))
        log.info("read %d notes from folder %s", len(files), self.root)
        return Scan(files=tuple(files), complete=True)

    def read(self, paths: Iterable[str]) -> list[NoteFile]:
        found = []
        for rel in paths:
            try:
                found.append(NoteFile(rel, (self.root / rel).read_bytes()))
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise SourceError(
                    f"cannot read note: {exc.strerror}", path=self.root / rel
                ) from None
        return found


class GitSource:
    """Notes committed at HEAD of a git work tree (optionally a subfolder of it)."""

    kind = "git"

    def __init__(self, root: Path, wanted: PathFilter, *, check_uncommitted: bool = True) -> None:
        self.root = root
        self.wanted = wanted
        self.check_uncommitted = check_uncommitted
        try:
            self.prefix = self._git("rev-parse", "--show-prefix").strip()
        except SourceError as exc:
            if "not a git repository" not in exc.message:
                raise
            raise SourceError(
                "not a git repository (notes.source is git)",
                path=root,
                hint='commit the notes to git, or set notes.source = "folder"',
            ) from None

    def _git(self, *args: str, input: bytes | None = None, check: bool = True) -> str:
        return self._git_bytes(*args, input=input, check=check).decode("utf-8", "surrogateescape")

    def _git_bytes(self, *args: str, input: bytes | None = None, check: bool = True) -> bytes:
        try:
            done = subprocess.run(
                ["git", "-C", str(self.root), *args],
                input=input,
                capture_output=True,
                check=False,
            )
        except FileNotFoundError:
            raise SourceError(
                "git is not installed",
                path=self.root,
                hint='install git, or set notes.source = "folder"',
            ) from None
        if check and done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise SourceError(
                f"git {args[0]} failed: {message[-1] if message else done.returncode}",
                path=self.root,
            )
        return done.stdout

    def head(self) -> str:
        try:
            return self._git("rev-parse", "--verify", "HEAD^{commit}").strip()
        except SourceError:
            raise SourceError(
                "the git repository has no commits yet",
                path=self.root,
                hint="commit the notes first",
            ) from None

    def _has_commit(self, revision: str) -> bool:
        done = subprocess.run(
            ["git", "-C", str(self.root), "cat-file", "-e", f"{revision}^{{commit}}"],
            capture_output=True,
            check=False,
        )
        return done.returncode == 0

    def _relative(self, repo_path: str) -> str | None:
        if not repo_path.startswith(self.prefix):
            return None
        return repo_path[len(self.prefix) :]

    def _uncommitted(self) -> list[str]:
        status = self._git_bytes("status", "--porcelain", "-z", "--untracked-files=all", "--", ".")
        paths = []
        for entry in status.split(b"\0"):
            rel = self._relative(entry[3:].decode("utf-8", "surrogateescape")) if entry else None
            if rel is not None and self.wanted(rel):
                paths.append(rel)
        return paths

    def scan(self, since: str | None) -> Scan:
        head = self.head()
        remarks: list[str] = []
        if self.check_uncommitted and (uncommitted := self._uncommitted()):
            remarks.append(
                f"{len(uncommitted)} note(s) not committed, so not read yet "
                f"(digest reads what is committed in git): {', '.join(sorted(uncommitted)[:5])}"
            )
        if since == head:
            return Scan(files=(), complete=False, revision=head, base=since, remarks=tuple(remarks))
        if since is not None and not self._has_commit(since):
            shallow = self._git("rev-parse", "--is-shallow-repository").strip() == "true"
            why = "the clone is shallow" if shallow else "history was rewritten (force-push?)"
            remarks.append(
                f"last processed commit {since[:12]} is not in the repository ({why}): "
                "compared every note by content instead"
            )
            log.warning(remarks[-1])
            since = None
        if since is None:
            listing = self._git_bytes("ls-tree", "-r", "-z", "--full-name", "HEAD", "--", ".")
            paths = []
            for entry in listing.split(b"\0"):
                if not entry:
                    continue
                meta, _, name = entry.partition(b"\t")
                if meta.split()[1] != b"blob":
                    continue
                rel = self._relative(name.decode("utf-8", "surrogateescape"))
                if rel is not None and self.wanted(rel):
                    paths.append(rel)
            files = self._read_at(head, sorted(paths))
            log.info("read %d notes from git %s at %s", len(files), self.root, head[:12])
            return Scan(files=tuple(files), complete=True, revision=head, remarks=tuple(remarks))
        diff = self._git_bytes(
            "diff", "--name-status", "-z", "--no-renames", "--no-ext-diff", since, head, "--", "."
        ).split(b"\0")
        changed: list[str] = []
        removed: list[str] = []
        for status, name in zip(diff[0::2], diff[1::2], strict=False):
            rel = self._relative(name.decode("utf-8", "surrogateescape"))
            if rel is None or not self.wanted(rel):
                continue
            (removed if status.startswith(b"D") else changed).append(rel)
        files = self._read_at(head, sorted(changed))
        log.info(
            "git %s: %d changed and %d removed notes since %s",
            self.root,
            len(files),
            len(removed),
            since[:12],
        )
        return Scan(
            files=tuple(files),
            removed=tuple(sorted(removed)),
            complete=False,
            revision=head,
            base=since,
            remarks=tuple(remarks),
        )

    def read(self, paths: Iterable[str]) -> list[NoteFile]:
        return self._read_at(self.head(), list(paths))

    def _read_at(self, revision: str, paths: Sequence[str]) -> list[NoteFile]:
        """Read many blobs with one `git cat-file --batch` process."""
        if not paths:
            return []
        request = "".join(f"{revision}:{self.prefix}{p}\n" for p in paths).encode()
        out = self._git_bytes("cat-file", "--batch", input=request)
        files = []
        pos = 0
        for path in paths:
            end = out.index(b"\n", pos)
            header = out[pos:end].split()
            pos = end + 1
            if header[-1] == b"missing":
                continue
            size = int(header[2])
            files.append(NoteFile(path, out[pos : pos + size]))
            pos += size + 1
        return files


def open_source(
    root: Path, wanted: PathFilter, kind: str = "auto", *, check_uncommitted: bool = True
) -> Source:
    """A git source when `root` is inside a git work tree (or `kind` says so), else a folder.

    `check_uncommitted` lets a git source name notes written but not committed; it costs one
    `git status` of the notes folder, which stats every file in it.
    """
    if not root.exists():
        raise SourceError(
            "notes folder not found",
            path=root,
            hint="pass --notes PATH or set [notes] path in digest.toml",
        )
    if kind == "folder":
        return FolderSource(root, wanted)
    if kind == "git" or _inside_git_work_tree(root):
        return GitSource(root, wanted, check_uncommitted=check_uncommitted)
    return FolderSource(root, wanted)


def _inside_git_work_tree(root: Path) -> bool:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        # Reading a work tree as a plain folder would also read uncommitted notes.
        if any((folder / ".git").exists() for folder in (root, *root.parents)):
            raise SourceError(
                "the notes are in a git repository but git is not installed",
                path=root,
                hint='install git, or set notes.source = "folder" to read the files on disk',
            ) from None
        return False
    return done.returncode == 0 and done.stdout.strip() == b"true"
