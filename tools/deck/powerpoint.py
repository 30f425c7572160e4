"""The PPTX deck (python-pptx): a title slide, then one slide per beat.

Each beat slide holds its clip as an embedded movie with the clip's last frame
as poster, set to start when the slide opens (PowerPoint's "Start:
Automatically" timing, which python-pptx does not write), the scene title and
the beat name as text, and the narration in the speaker notes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Inches, Pt

from scenes.common.theme import PALETTE
from tools.deck import Deck, Slide

SLIDE_W: Final = Inches(13.333)
SLIDE_H: Final = Inches(7.5)
BAND: Final = Inches(1.0)
"""Height of the text band above the clip."""
MARGIN: Final = Inches(0.25)
TITLE_LAYOUT: Final = 0
TITLE_ONLY_LAYOUT: Final = 5

_AUTOPLAY: Final = """<p:timing {ns}><p:tnLst><p:par>
<p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>
 <p:seq concurrent="1" nextAc="seek">
  <p:cTn id="2" dur="indefinite" nodeType="mainSeq"><p:childTnLst>
   <p:par><p:cTn id="3" fill="hold"><p:stCondLst><p:cond delay="indefinite"/>
     <p:cond evt="onBegin" delay="0"><p:tn val="2"/></p:cond></p:stCondLst><p:childTnLst>
    <p:par><p:cTn id="4" fill="hold"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>
     <p:par><p:cTn id="5" presetID="1" presetClass="mediacall" presetSubtype="0"
        fill="hold" nodeType="afterEffect"><p:stCondLst><p:cond delay="0"/></p:stCondLst>
      <p:childTnLst><p:cmd type="call" cmd="playFrom(0.0)"><p:cBhvr>
       <p:cTn id="6" dur="{ms}" fill="hold"/><p:tgtEl><p:spTgt spid="{spid}"/></p:tgtEl>
      </p:cBhvr></p:cmd></p:childTnLst></p:cTn></p:par>
    </p:childTnLst></p:cTn></p:par>
   </p:childTnLst></p:cTn></p:par>
  </p:childTnLst></p:cTn>
  <p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>
  <p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:nextCondLst>
 </p:seq>
 <p:video><p:cMediaNode vol="80000"><p:cTn id="7" fill="hold" display="0">
  <p:stCondLst><p:cond delay="indefinite"/></p:stCondLst></p:cTn>
  <p:tgtEl><p:spTgt spid="{spid}"/></p:tgtEl></p:cMediaNode></p:video>
</p:childTnLst></p:cTn></p:par></p:tnLst></p:timing>"""


def _rgb(hex_colour: str) -> RGBColor:
    rgb: RGBColor = RGBColor.from_string(hex_colour.lstrip("#"))  # type: ignore[no-untyped-call]
    return rgb


def _dark(slide: PptxSlide) -> None:
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = _rgb(PALETTE.background)


def _text(shape: Shape, text: str, size: int, colour: str, bold: bool = False) -> None:
    frame = shape.text_frame
    frame.text = text
    frame.word_wrap = True
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = _rgb(colour)


def _place(shape: BaseShape, left: int, top: int, width: int, height: int) -> None:
    shape.left, shape.top, shape.width, shape.height = (
        Emu(left),
        Emu(top),
        Emu(width),
        Emu(height),
    )


def autoplay(slide: PptxSlide, movie_id: int, seconds: float) -> None:
    """Replace python-pptx's click-to-play timing with play-when-the-slide-opens."""
    timing = parse_xml(
        _AUTOPLAY.format(ns=nsdecls("p"), spid=movie_id, ms=round(seconds * 1000))
    )
    sld = slide._element
    old = sld.find(timing.tag)
    if old is None:
        sld.append(timing)
    else:
        sld.replace(old, timing)


def _title_slide(prs: PptxPresentation, deck: Deck) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_LAYOUT])
    _dark(slide)
    title, subtitle = slide.placeholders[0], slide.placeholders[1]
    _place(title, Inches(0.8), Inches(2.3), SLIDE_W - Inches(1.6), Inches(1.6))
    _place(subtitle, Inches(0.8), Inches(4.1), SLIDE_W - Inches(1.6), Inches(1.0))
    _text(title, deck.title, 40, PALETTE.text, bold=True)
    _text(
        subtitle,
        f"Machine Learning Foundations: Calculus · {len(deck.slides)} slides",
        20,
        PALETTE.subtle,
    )


def _beat_slide(prs: PptxPresentation, item: Slide, aspect: float) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY_LAYOUT])
    _dark(slide)
    title = slide.shapes.title
    half = (SLIDE_W - 2 * MARGIN) // 2
    _place(title, MARGIN, Inches(0.1), half + Inches(2), BAND - Inches(0.2))
    _text(title, item.scene_title, 24, PALETTE.text, bold=True)
    title.text_frame.paragraphs[0].alignment = PP_ALIGN.LEFT
    beat = slide.shapes.add_textbox(
        MARGIN + half + Inches(2), Inches(0.1), half - Inches(2), BAND - Inches(0.2)
    )
    _text(beat, item.beat, 20, PALETTE.accent)
    beat.text_frame.paragraphs[0].alignment = PP_ALIGN.RIGHT
    beat.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    height = SLIDE_H - BAND - MARGIN
    width = round(height * aspect)
    movie = slide.shapes.add_movie(
        str(item.clip),
        (SLIDE_W - width) // 2,
        BAND,
        width,
        height,
        poster_frame_image=str(item.poster),
        mime_type="video/mp4",
    )
    autoplay(slide, movie.shape_id, item.duration)
    slide.notes_slide.notes_text_frame.text = item.notes


def write(deck: Deck, dest: Path) -> Path:
    """Write the deck as a PPTX to ``dest``."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    _title_slide(prs, deck)
    for item in deck.slides:
        _beat_slide(prs, item, deck.width / deck.height)
    prs.save(str(dest))
    return dest
