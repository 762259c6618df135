"""The HTML part in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Screenshots (desktop and 375 px, light and dark) go to tests/artifacts/email/ (ignored by git)
for a person to look at; the test checks what can be measured: no horizontal scroll on a
phone, no request leaves the page, dark mode takes effect.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from digest.models import NoteFile

from .conftest import CHROMIUM, CHROMIUM_FLAGS
from .email_helpers import REPO, build, example_config, example_files
from .test_email_hostile import HOSTILE

LONG_WORDS = (
    "# Call of 5 March 2026\n\nAttendees: Priya Raman (chair), Lena Vogel\n\n"
    "We agreed to mirror https://lantern.example.org/" + "very-long-path-segment/" * 12
    + " and to rename Supercalifragilisticexpialidocious" * 3 + "Module.\n\n"
    "Lena will benchmark " + "x" * 180 + " before the release.\n\n"
    "Next call will take place on the 19th.\n"
).encode()

ARTIFACTS = REPO / "tests" / "artifacts" / "email"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    if not CHROMIUM.is_file():
        pytest.skip("chromium is not installed (.ci/run installs the Debian package when it can)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        try:
            yield context
        finally:
            context.close()


@pytest.mark.parametrize(
    ("notes", "width", "scheme"),
    [("examples", 1024, "light"), ("examples", 375, "light"), ("examples", 375, "dark"),
     ("long-words", 375, "light"), ("hostile", 375, "light")],
)
def test_html_part_fits_a_phone_and_loads_nothing(
    browser: Any, notes: str, width: int, scheme: str
) -> None:
    config = example_config(unsubscribe_url="https://lantern.example.org/unsubscribe")
    files = {
        "examples": example_files(),
        "long-words": [NoteFile("long.md", LONG_WORDS)],
        "hostile": [NoteFile("hostile.md", HOSTILE)],
    }[notes]
    rendered, _data = build(config, files)
    page = browser.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))  # alert() ran
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": width, "height": 900})
    page.set_content(rendered.html, wait_until="load")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"digest-{notes}-{width}-{scheme}.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for link in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
        assert link.startswith(("https:", "mailto:", "about:blank#")), link
    assert requests == [] and errors == []
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == ("rgb(13, 17, 23)" if scheme == "dark" else "rgb(243, 244, 246)")
    page.close()
