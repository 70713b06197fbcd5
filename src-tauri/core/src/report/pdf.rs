//! Draws a [`Report`] as an A4 PDF with krilla: the embedded DejaVu Sans, subset to the
//! characters used. Laid out first (`layout`), so every page's footer can say "Page X of Y".
//! A character the font lacks is drawn as the font's blank box, never a failure.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;

use super::layout::{
    layout, Faces, Op, CONTENT_W, FONT, FONT_BOLD, FOOTER_SIZE, FOOTER_Y, MARGIN, PAGE_H, PAGE_W,
};
use super::Report;
use crate::error::{Error, Result};

fn failed(what: &str) -> Error {
    Error::Io(std::io::Error::other(format!("report PDF: {what}")))
}

struct Pen {
    regular: Font,
    bold: Font,
    black: Fill,
    thin: Stroke,
}

impl Pen {
    fn text(&self, s: &mut Surface<'_>, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        s.set_fill(Some(self.black.clone()));
        s.set_stroke(None);
        let font = if bold { &self.bold } else { &self.regular };
        s.draw_text(
            Point::from_xy(x, y),
            font.clone(),
            size,
            text,
            false,
            TextDirection::Auto,
        );
    }

    fn rect(
        &self,
        s: &mut Surface<'_>,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<(u8, u8, u8)>,
    ) {
        let mut pb = PathBuilder::new();
        if h == 0.0 {
            pb.move_to(x, y);
            pb.line_to(x + w, y);
        } else if let Some(r) = Rect::from_xywh(x, y, w, h) {
            pb.push_rect(r);
        }
        let Some(path) = pb.finish() else {
            return;
        };
        match fill {
            Some((r, g, b)) => {
                s.set_fill(Some(Fill {
                    paint: rgb::Color::new(r, g, b).into(),
                    opacity: NormalizedF32::ONE,
                    ..Default::default()
                }));
                s.set_stroke(None);
            }
            None => {
                s.set_fill(None);
                s.set_stroke(Some(self.thin.clone()));
            }
        }
        s.draw_path(&path);
    }
}

/// The report as PDF bytes.
pub fn render(r: &Report) -> Result<Vec<u8>> {
    let faces = Faces::load().ok_or_else(|| failed("font"))?;
    let pages = layout(r, &faces);
    let pen = Pen {
        regular: Font::new(FONT.into(), 0).ok_or_else(|| failed("font"))?,
        bold: Font::new(FONT_BOLD.into(), 0).ok_or_else(|| failed("bold font"))?,
        black: Fill {
            paint: rgb::Color::black().into(),
            ..Default::default()
        },
        thin: Stroke {
            paint: rgb::Color::new(150, 150, 150).into(),
            width: 0.5,
            ..Default::default()
        },
    };
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| failed("page size"))?;
    let mut doc = Document::new();
    doc.set_metadata(
        Metadata::new()
            .title(format!("{}: {}", r.title, r.period))
            .creator("Alongside".to_owned()),
    );
    let n = pages.len();
    for (i, ops) in pages.into_iter().enumerate() {
        let mut page = doc.start_page_with(settings.clone());
        let mut s = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    bold,
                    text,
                } => pen.text(&mut s, x, y, size, bold, &text),
                Op::Rect { x, y, w, h, fill } => pen.rect(&mut s, x, y, w, h, fill),
            }
        }
        // The footer: the emergency line on the left, the page on the right.
        pen.rect(&mut s, MARGIN, FOOTER_Y - 12.0, CONTENT_W, 0.0, None);
        let page_words = format!("Page {} of {}", i + 1, n);
        let pw = faces.width(&page_words, FOOTER_SIZE, false);
        let room = CONTENT_W - pw - 12.0;
        let mut y = FOOTER_Y;
        for line in faces.wrap(&r.footer, FOOTER_SIZE, false, room) {
            pen.text(&mut s, MARGIN, y, FOOTER_SIZE, false, &line);
            y += FOOTER_SIZE * 1.3;
        }
        pen.text(
            &mut s,
            PAGE_W - MARGIN - pw,
            FOOTER_Y,
            FOOTER_SIZE,
            false,
            &page_words,
        );
        s.finish();
        page.finish();
    }
    doc.finish().map_err(|e| failed(&format!("{e:?}")))
}
