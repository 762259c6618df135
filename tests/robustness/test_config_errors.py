"""A broken digest.toml: one stderr line naming file, line, key and what is expected; exit 3."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from digest.cli import app

from ..conftest import REPO

CASES = [
    ("bad-toml", '[mail]\nlist_name = "x"\nto = [1\n', 3, "invalid TOML: Unclosed array"),
    ("bad-toml-eof", "x = [", 1, "invalid TOML: Invalid value"),
    ("bare-word", "[mail]\nlist_name = Lantern\n", 2, "invalid TOML: Invalid value"),
    ("unknown-table", '[mial]\nto = ["a@b.org"]\n', 1,
     "unknown table [mial] (known tables: "),
    ("unknown-key", '[mail]\ntoo = ["a@b.org"]\n', 2,
     "unknown setting mail.too (known in [mail]: list_name, list_id, sender, to,"),
    ("string-for-int", '[mail]\nfirst_run_limit = "ten"\n', 2,
     "mail.first_run_limit = 'ten' is not a whole number"),
    ("float-for-int", "[smtp]\nport = 25.5\n", 2, "smtp.port = 25.5 is not a whole number"),
    ("choice", '[smtp]\nsecurity = "ssl"\n', 2,
     "smtp.security = 'ssl' is not one of plain, starttls, tls"),
    ("int-for-path", "[notes]\npath = 3\n", 2, "notes.path = 3 is not a path"),
    ("int-for-list", "[mail]\nto = 3\n", 2, "mail.to = 3 is not a list"),
    ("password", '[smtp]\nhost = "mx"\npassword = "hunter2"\n', 3,
     "smtp.password must not be written in the config file (remove it and set the "
     "DIGEST_SMTP_PASSWORD environment variable)"),
]


@pytest.mark.parametrize(("toml", "line", "message"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_config_error_is_one_line_with_file_line_and_fix(
    tmp_path: Path, toml: str, line: int, message: str
) -> None:
    config = tmp_path / "digest.toml"
    config.write_text(toml)
    result = CliRunner().invoke(
        app, ["run", "--config", str(config), "--notes", str(REPO / "examples" / "notes"),
              "--state", str(tmp_path / "state.json"), "--outbox", str(tmp_path / "outbox")]
    )
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"digest: config error: {config}:{line}: "), lines[0]
    assert message in lines[0]
    assert "hunter2" not in result.stderr
    assert not (tmp_path / "state.json").exists() and not (tmp_path / "outbox").exists()


def test_environment_errors_name_the_variable(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["run", "--notes", str(REPO / "examples" / "notes"),
              "--state", str(tmp_path / "state.json")],
        env={"DIGEST_SMTP_PORT": "twenty-five"},
    )
    assert result.exit_code == 3
    assert result.stderr.startswith("digest: config error: environment: smtp.port = 'twenty-five'")


def test_bad_smtp_flag_is_a_config_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["send", "--outbox", str(tmp_path / "outbox"), "--smtp", "localhost"]
    )
    assert result.exit_code == 3
    assert "--smtp 'localhost' is not HOST:PORT (for example --smtp 127.0.0.1:25)" in result.stderr
