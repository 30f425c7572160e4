"""``make slides``: the HTML deck in headless Chromium, the PPTX read back and through LibreOffice.

One short scene (DerivativeNotation at low quality) is rendered once into a
temporary RENDERS_DIR by ``make slides`` itself (its video is not current there,
so the command renders it first). The deck is then opened from ``file://`` in
Debian's chromium through Selenium with name resolution switched off; keys,
clips, the speaker view and screenshots are checked against the posters. The
PPTX is read back with python-pptx and converted to PDF by LibreOffice, whose
pages are rasterised and compared with the posters too.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pypdfium2
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.shapes.picture import Movie
from pptx.slide import Slide as PptxSlide
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from scenes import outline
from scenes.common.theme import PALETTE
from tools.deck import beat_notes
from tools.subtitles import Cue, parse_srt

ROOT = Path(__file__).resolve().parent.parent
SCENE = "DerivativeNotation"
NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
WAIT = 30  # seconds a browser condition may take to come true (not a timing assertion)

render = pytest.mark.render  # the tests that need the rendered deck run serially


# -- helpers ---------------------------------------------------------------------------
def slides_cli(renders: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``python -m tools.slides`` with inputs from the environment, as make passes them."""
    base = {k: v for k, v in os.environ.items() if k not in ("SCENE", "LESSON")}
    return subprocess.run(
        [sys.executable, "-m", "tools.slides"],
        cwd=ROOT,
        env={**base, "RENDERS_DIR": str(renders), "QUALITY": "low", **env},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], float)


def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference (0-255) of two images brought to one small size."""
    size = (96, 54)
    x = np.asarray(a.convert("RGB").resize(size, Image.BILINEAR), float)
    y = np.asarray(b.convert("RGB").resize(size, Image.BILINEAR), float)
    return float(np.abs(x - y).mean())


def foreground(image: Image.Image) -> float:
    """Share of pixels that differ clearly from the theme background."""
    pixels = np.asarray(image.convert("RGB"), float)
    far = np.abs(pixels - rgb(PALETTE.background)).max(axis=2) > 60
    return float(far.mean())


# -- fixtures --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``make slides SCENE=DerivativeNotation QUALITY=low`` into an empty RENDERS_DIR."""
    renders = tmp_path_factory.mktemp("renders")
    proc = subprocess.run(
        ["make", "--no-print-directory", "slides"],
        cwd=ROOT,
        env={
            **os.environ,
            "RENDERS_DIR": str(renders),
            "SCENE": SCENE,
            "QUALITY": "low",
            "LESSON": "",
        },
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "rendering 2.3 DerivativeNotation" in proc.stdout  # not current: rendered
    return renders / "480p15"


@pytest.fixture(scope="module")
def beats(built: Path) -> list[dict]:
    return json.loads(
        (built / "sections" / SCENE / "sections.json").read_text(encoding="utf-8")
    )


@pytest.fixture(scope="module")
def notes(built: Path, beats: list[dict]) -> list[str]:
    cues = parse_srt((built / f"{SCENE}.srt").read_text(encoding="utf-8"))
    return beat_notes(cues, [float(b["duration"]) for b in beats])


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--window-size=1280,800",
        "--autoplay-policy=no-user-gesture-required",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # no network: every host fails
    ):
        options.add_argument(arg)
    # The notes plugin writes its speaker view into an about:blank window that never
    # finishes "loading"; with the default strategy chromedriver would wait forever.
    options.page_load_strategy = "none"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()


def open_deck(driver: WebDriver, index: Path, fragment: str = "") -> None:
    driver.get(index.as_uri() + fragment)
    WebDriverWait(driver, WAIT).until(
        lambda d: d.execute_script("return !!(window.Reveal && Reveal.isReady())")
    )


def state(driver: WebDriver) -> dict:
    return driver.execute_script(
        """const s = Reveal.getCurrentSlide(), v = s.querySelector('video');
        return {id: s.id, hash: location.hash, paused: v.paused, ended: v.ended,
                time: v.currentTime, duration: v.duration, muted: v.muted,
                ready: v.readyState};"""
    )


def press(driver: WebDriver, key: str) -> None:
    ActionChains(driver).send_keys(key).perform()


def until(driver: WebDriver, check: Callable[[dict], bool]) -> dict:
    """Wait until ``check`` holds for the current slide's state; return that state."""
    return WebDriverWait(driver, WAIT).until(
        lambda d: s if check(s := state(d)) else False
    )


def at(driver: WebDriver, key: str) -> dict:
    """Wait until slide ``key`` is current and the URL fragment names it."""
    return until(driver, lambda s: s["id"] == key and s["hash"] == f"#/{key}")


def screenshot(driver: WebDriver) -> Image.Image:
    return Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")


def clip_box(driver: WebDriver) -> tuple[int, int, int, int]:
    r = driver.execute_script(
        "const r = Reveal.getCurrentSlide().querySelector('video').getBoundingClientRect();"
        "return [r.left, r.top, r.right, r.bottom];"
    )
    return tuple(round(v) for v in r)


# -- bad input (fast, no render) --------------------------------------------------------
@pytest.mark.parametrize(
    ("env", "message", "choices"),
    [
        ({"SCENE": "NoSuchScene"}, "error: unknown scene 'NoSuchScene'", "SumRule"),
        ({"LESSON": "9"}, "error: unknown lesson '9'", "2 (Computing Derivatives"),
        ({"LESSON": "two"}, "error: unknown lesson 'two'", "1 (Limits)"),
        ({}, "error: no scene or lesson given", "Lessons: 1 (Limits)"),
        ({"SCENE": "SumRule", "LESSON": "2"}, "error: give SCENE or LESSON", ""),
    ],
)
def test_bad_input(tmp_path: Path, env: dict, message: str, choices: str) -> None:
    proc = slides_cli(tmp_path / "renders", **env)
    assert proc.returncode == 2
    assert proc.stderr.startswith(message), proc.stderr
    assert choices in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "renders").exists()


def test_bad_input_through_make(tmp_path: Path) -> None:
    proc = subprocess.run(
        ["make", "--no-print-directory", "slides"],
        cwd=ROOT,
        env={**os.environ, "RENDERS_DIR": str(tmp_path), "SCENE": "", "LESSON": "0"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode != 0
    assert "error: unknown lesson '0'. Lessons: 1 (Limits)" in proc.stderr
    assert list(tmp_path.iterdir()) == []


def test_vendoring_without_npm_says_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "tools").mkdir()
    script = tmp_path / "tools" / "vendor_reveal.sh"
    script.write_bytes((ROOT / "tools" / "vendor_reveal.sh").read_bytes())
    bin_dir = tmp_path / "bin"  # a PATH with what the script needs first, but no npm
    bin_dir.mkdir()
    (bin_dir / "dirname").symlink_to("/usr/bin/dirname")
    proc = subprocess.run(
        ["/bin/bash", str(script)],
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: npm not found")
    assert "apt-get install -y nodejs npm" in proc.stderr
    assert not (tmp_path / "vendor").exists()


def test_beat_notes_follow_the_cue_timing() -> None:
    cues = [
        Cue(0.0, 2.0, "one"),
        Cue(
            2.0, 4.6, "two\nlines"
        ),  # midpoint 3.3: second beat though it starts in the first
        Cue(6.1, 7.0, "three"),
    ]
    assert beat_notes(cues, [3.0, 3.0, 1.0, 5.0]) == ["one", "two lines", "three", ""]
    # The same cues, later (narration made the beats longer): the split moves with them.
    assert beat_notes(cues, [7.5, 1.0]) == ["one two lines three", ""]
    assert beat_notes([], [1.0, 2.0]) == ["", ""]


@render
def test_lesson_title_card_is_held_not_faded() -> None:
    from scenes.common.title_card import CARD_SECONDS, FADE_SECONDS
    from tools.render import QUALITIES
    from tools.slides import card_slide

    card = card_slide(outline.by_scene(SCENE), QUALITIES["low"])
    assert card.duration == pytest.approx(CARD_SECONDS - FADE_SECONDS, abs=0.1)
    assert foreground(Image.open(card.poster)) > 0.005  # the card's text, not blank
    assert card.notes == "2.3 Derivative Notation"


# -- the build ---------------------------------------------------------------------------
@render
def test_deck_files(built: Path, beats: list[dict]) -> None:
    folder = built / "slides" / SCENE
    for name in ("index.html", "deck.js", "reveal/reveal.js", "reveal/plugin/notes.js"):
        assert (folder / name).is_file(), name
    keys = [f"{SCENE}-{b['name']}" for b in beats]
    assert sorted(p.stem for p in (folder / "clips").iterdir()) == sorted(keys)
    assert sorted(p.stem for p in (folder / "posters").iterdir()) == sorted(keys)
    assert (built / "slides" / f"{SCENE}.pptx").is_file()


@render
def test_rebuild_reuses_the_render_and_replaces_the_deck(built: Path) -> None:
    proc = slides_cli(built.parent, SCENE=SCENE)
    assert proc.returncode == 0, proc.stderr
    assert "video is current" in proc.stdout
    assert "rendering" not in proc.stdout
    leftovers = [p.name for p in (built / "slides").iterdir() if p.name.startswith(".")]
    assert leftovers == []


# -- the HTML deck in Chromium ---------------------------------------------------------
@render
def test_loads_offline_from_file(
    built: Path, beats: list[dict], browser: WebDriver
) -> None:
    open_deck(browser, built / "slides" / SCENE / "index.html")
    s = state(browser)
    assert s["hash"] == f"#/{SCENE}-{beats[0]['name']}"
    assert browser.execute_script("return Reveal.getTotalSlides()") == len(beats)
    urls = browser.execute_script(
        "return [...document.querySelectorAll('[src],[href],[poster]')]"
        ".flatMap(e => [e.src, e.href, e.poster].filter(Boolean))"
    )
    assert len(urls) >= 6 + len(beats) + 1  # scripts, styles, posters, a clip
    assert all(u.startswith("file://") for u in urls), urls
    # Clips load two slides ahead (reveal's data-src), not all at once.
    loaded = browser.execute_script(
        "return document.querySelectorAll('video[src]').length"
    )
    assert 1 <= loaded < len(beats)
    styles = browser.execute_script(
        "return [getComputedStyle(document.querySelector('.reveal .slides')).position,"
        " getComputedStyle(document.querySelector('video.clip')).objectFit]"
    )
    assert styles == ["absolute", "contain"]  # reveal.css and deck.css applied
    until(browser, lambda s: s["ready"] >= 2)  # the clip loaded from the folder


@render
def test_clip_plays_and_stops_on_its_last_frame(
    built: Path, beats: list[dict], browser: WebDriver
) -> None:
    shortest = min(beats, key=lambda b: float(b["duration"]))
    key = f"{SCENE}-{shortest['name']}"
    open_deck(browser, built / "slides" / SCENE / "index.html", f"#/{key}")
    until(browser, lambda s: s["time"] > 0 and not s["paused"])  # it plays by itself
    s = until(browser, lambda s: s["ended"])
    assert s["id"] == key
    assert s["paused"]
    assert s["time"] == pytest.approx(float(shortest["duration"]), abs=0.15)
    assert not s["muted"]  # its sound is kept (narration)
    poster = Image.open(built / "slides" / SCENE / "posters" / f"{key}.png")
    shown = screenshot(browser).crop(clip_box(browser))
    assert foreground(shown) > 0.005
    assert difference(shown, poster) < 6


@render
def test_keys_move_between_slides(
    built: Path, beats: list[dict], browser: WebDriver
) -> None:
    keys = [f"{SCENE}-{b['name']}" for b in beats]
    open_deck(browser, built / "slides" / SCENE / "index.html")
    until(browser, lambda s: not s["paused"] and s["time"] > 0)
    press(browser, Keys.ARROW_RIGHT)  # playing: the first press jumps to the end
    s = until(browser, lambda s: s["ended"])
    assert s["id"] == keys[0]
    assert s["time"] == pytest.approx(s["duration"], abs=0.1)
    poster = Image.open(built / "slides" / SCENE / "posters" / f"{keys[0]}.png")
    assert difference(screenshot(browser).crop(clip_box(browser)), poster) < 6
    press(browser, Keys.ARROW_RIGHT)  # ended: the second goes on
    at(browser, keys[1])
    for key, expected in ((Keys.PAGE_DOWN, keys[2]), (Keys.SPACE, keys[3])):
        until(browser, lambda s: s["time"] > 0)
        press(browser, key)
        until(browser, lambda s: s["ended"])
        press(browser, key)
        at(browser, expected)
    press(browser, Keys.ARROW_LEFT)  # back goes back at once, even while playing
    at(browser, keys[2])
    press(browser, Keys.PAGE_UP)
    until(browser, lambda s: s["id"] == keys[1])
    press(browser, Keys.END)
    at(browser, keys[-1])
    press(browser, Keys.HOME)
    until(browser, lambda s: s["id"] == keys[0])
    # A click: first to the end of the clip, then to the next slide.
    until(browser, lambda s: s["time"] > 0)
    browser.find_element(By.CSS_SELECTOR, ".reveal .slides").click()
    until(browser, lambda s: s["ended"] and s["id"] == keys[0])
    browser.find_element(By.CSS_SELECTOR, ".reveal .slides").click()
    until(browser, lambda s: s["id"] == keys[1])


@render
def test_replay_mute_black_and_fullscreen_keys(
    built: Path, beats: list[dict], browser: WebDriver
) -> None:
    open_deck(browser, built / "slides" / SCENE / "index.html")
    until(browser, lambda s: s["time"] > 0)
    press(browser, Keys.ARROW_RIGHT)
    until(browser, lambda s: s["ended"])
    press(browser, "r")
    until(browser, lambda s: not s["ended"] and not s["paused"] and s["time"] > 0)
    press(browser, "m")
    assert until(browser, lambda s: s["muted"])["muted"]
    press(browser, "m")
    assert not until(browser, lambda s: not s["muted"])["muted"]
    press(browser, "b")
    WebDriverWait(browser, WAIT).until(
        lambda d: d.execute_script("return Reveal.isPaused()")
    )
    # The whole screen goes black (reveal fades its overlay in).
    WebDriverWait(browser, WAIT).until(
        lambda d: np.asarray(screenshot(d), float).max() < 8
    )
    press(browser, "b")
    WebDriverWait(browser, WAIT).until(
        lambda d: not d.execute_script("return Reveal.isPaused()")
    )
    press(browser, "f")
    WebDriverWait(browser, WAIT).until(
        lambda d: d.execute_script("return !!document.fullscreenElement")
    )
    browser.execute_script("document.exitFullscreen()")


@render
def test_speaker_view_shows_notes_next_slide_and_timer(
    built: Path, beats: list[dict], notes: list[str], browser: WebDriver
) -> None:
    keys = [f"{SCENE}-{b['name']}" for b in beats]
    open_deck(browser, built / "slides" / SCENE / "index.html", f"#/{keys[2]}")
    deck = browser.current_window_handle
    press(browser, "s")
    WebDriverWait(browser, WAIT).until(lambda d: len(d.window_handles) == 2)
    browser.switch_to.window(next(h for h in browser.window_handles if h != deck))
    try:
        browser.set_window_size(1280, 800)
        text = WebDriverWait(browser, WAIT).until(
            lambda d: d.execute_script(
                "const n = document.querySelector('.speaker-controls-notes');"
                "return n && n.innerText.length > 40 ? n.innerText : null"
            )
        )
        assert notes[2]
        assert notes[2] in " ".join(text.split())
        assert f"2.3 Derivative Notation · {beats[2]['name']}" in text
        upcoming = browser.execute_script(
            "return document.querySelector('#upcoming-slide iframe').src"
        )
        assert upcoming.startswith((built / "slides" / SCENE / "index.html").as_uri())
        timer = browser.execute_script(
            "return document.querySelector('.speaker-controls-time').innerText"
        )
        assert "00:" in timer
        # The upcoming slide shows the next beat's last frame (its poster).
        frame = browser.find_element(By.CSS_SELECTOR, "#upcoming-slide iframe")
        browser.switch_to.frame(frame)
        try:
            WebDriverWait(browser, WAIT).until(
                lambda d: (
                    d.execute_script(
                        "return !!window.Reveal && Reveal.isReady()"
                        " && Reveal.getCurrentSlide().id"
                    )
                    == keys[3]
                )
            )
        finally:
            browser.switch_to.default_content()
        box = browser.execute_script(
            "const r = document.querySelector('#upcoming-slide iframe')"
            ".getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];"
        )
        poster = Image.open(built / "slides" / SCENE / "posters" / f"{keys[3]}.png")
        shown = screenshot(browser).crop(tuple(round(v) for v in box))
        assert foreground(shown) > 0.005
        assert difference(shown, poster) < 12
    finally:
        browser.close()
        browser.switch_to.window(deck)


# -- the PPTX --------------------------------------------------------------------------
def movie_of(slide: PptxSlide) -> Movie:
    movies = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.MEDIA]
    assert len(movies) == 1
    return movies[0]


@render
def test_pptx_holds_a_movie_and_notes_per_beat(
    built: Path, beats: list[dict], notes: list[str]
) -> None:
    prs = Presentation(str(built / "slides" / f"{SCENE}.pptx"))
    slides = list(prs.slides)
    assert len(slides) == len(beats) + 1
    assert slides[0].shapes.title.text == "2.3 Derivative Notation"
    folder = built / "slides" / SCENE
    for slide, beat, note in zip(slides[1:], beats, notes, strict=True):
        key = f"{SCENE}-{beat['name']}"
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        assert slide.shapes.title.text == "2.3 Derivative Notation"
        assert beat["name"] in texts
        assert note
        assert slide.notes_slide.notes_text_frame.text == note
        movie = movie_of(slide)
        rels = {r.reltype.rsplit("/", 1)[-1]: r for r in slide.part.rels.values()}
        assert (
            rels["video"].target_part.blob
            == (folder / "clips" / f"{key}.mp4").read_bytes()
        )
        blip = movie._element.xpath(".//a:blip/@r:embed")[0]
        poster = slide.part.related_part(blip).blob
        assert poster == (folder / "posters" / f"{key}.png").read_bytes()
        # Starts by itself when the slide opens: an "after previous" media call on it.
        timing = slide._element.xpath("./p:timing")[0]
        assert timing.xpath(".//p:cond[@evt='onBegin']")
        call = timing.xpath(".//p:cTn[@presetClass='mediacall']")[0]
        assert call.get("nodeType") == "afterEffect"
        assert call.xpath(".//p:cmd/@cmd", namespaces=NS) == ["playFrom(0.0)"]
        assert call.xpath(".//p:spTgt/@spid", namespaces=NS) == [str(movie.shape_id)]


@render
def test_pptx_converts_to_pdf_one_page_per_slide_with_posters(
    built: Path, beats: list[dict], tmp_path: Path
) -> None:
    pptx = built / "slides" / f"{SCENE}.pptx"
    proc = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(pptx),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    pdf_path = tmp_path / f"{SCENE}.pdf"
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert pdf_path.is_file(), proc.stdout + proc.stderr
    prs = Presentation(str(pptx))
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    assert len(pdf) == len(prs.slides) == len(beats) + 1
    emu_per_point = 12700
    title_page = pdf[0].render(scale=1).to_pil()
    assert foreground(title_page) > 0.002  # the title's text
    for i, (slide, beat) in enumerate(zip(list(prs.slides)[1:], beats, strict=True), 1):
        page = pdf[i].render(scale=1).to_pil()
        movie = movie_of(slide)
        box = tuple(
            round(v / emu_per_point)
            for v in (
                movie.left,
                movie.top,
                movie.left + movie.width,
                movie.top + movie.height,
            )
        )
        poster = Image.open(
            built / "slides" / SCENE / "posters" / f"{SCENE}-{beat['name']}.png"
        )
        shown = page.crop(box)
        assert foreground(shown) > 0.005, beat["name"]
        assert difference(shown, poster) < 6, beat["name"]
