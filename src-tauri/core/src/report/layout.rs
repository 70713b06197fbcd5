//! Lays a [`Report`] out on A4 pages as a list of drawing operations per page, so the number
//! of pages is known before the footers ("Page 2 of 5") are drawn. Text is measured with the
//! embedded font, wrapped at word boundaries (or within a word too long for its line).

use super::{Report, ReportBlock};

pub static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub static FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN: f32 = 56.7;
const TOP: f32 = 56.7;
/// Content ends here; the footer sits below.
const BOTTOM: f32 = PAGE_H - 72.0;
pub const FOOTER_Y: f32 = PAGE_H - 36.0;
pub const FOOTER_SIZE: f32 = 8.5;
const BODY: f32 = 10.0;
const LEAD: f32 = 13.5;
const PAD: f32 = 4.0;
const CHART_H: f32 = 110.0;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;

pub type Rgb = (u8, u8, u8);
pub const BAR: Rgb = (0x4a, 0x7f, 0xb5);
const HEADER_FILL: Rgb = (0xe8, 0xee, 0xf4);

pub enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        text: String,
    },
    /// Filled when `fill` is given, else outlined with a thin grey line.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
    },
}

pub struct Faces<'a> {
    pub regular: rustybuzz::Face<'a>,
    pub bold: rustybuzz::Face<'a>,
}

impl Faces<'static> {
    pub fn load() -> Option<Self> {
        Some(Faces {
            regular: rustybuzz::Face::from_slice(FONT, 0)?,
            bold: rustybuzz::Face::from_slice(FONT_BOLD, 0)?,
        })
    }
}

impl Faces<'_> {
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold { &self.bold } else { &self.regular };
        let mut buf = rustybuzz::UnicodeBuffer::new();
        buf.push_str(text);
        let out = rustybuzz::shape(face, &[], buf);
        let adv: i32 = out.glyph_positions().iter().map(|p| p.x_advance).sum();
        adv as f32 * size / (face.units_per_em() as f32).max(1.0)
    }

    /// Lines of at most `max_w`; breaks at spaces, and inside a word only when it alone is too
    /// long. Each word is measured once, so a long table stays quick to lay out.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, max_w: f32) -> Vec<String> {
        let space = self.width(" ", size, bold);
        let mut lines = Vec::new();
        for para in text.lines() {
            let mut cur = String::new();
            let mut cur_w = 0.0;
            for word in para.split_whitespace() {
                let w = self.width(word, size, bold);
                if !cur.is_empty() && cur_w + space + w <= max_w {
                    cur.push(' ');
                    cur.push_str(word);
                    cur_w += space + w;
                    continue;
                }
                if !cur.is_empty() {
                    lines.push(std::mem::take(&mut cur));
                }
                if w <= max_w {
                    cur = word.to_owned();
                    cur_w = w;
                    continue;
                }
                cur_w = 0.0;
                for ch in word.chars() {
                    let cw = self.width(ch.encode_utf8(&mut [0; 4]), size, bold);
                    if !cur.is_empty() && cur_w + cw > max_w {
                        lines.push(std::mem::take(&mut cur));
                        cur_w = 0.0;
                    }
                    cur.push(ch);
                    cur_w += cw;
                }
            }
            if !cur.is_empty() {
                lines.push(cur);
            }
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }
}

struct Pages<'a> {
    faces: &'a Faces<'a>,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Pages<'_> {
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `h` more fits on this one.
    fn room(&mut self, h: f32) {
        if self.y + h > BOTTOM {
            self.new_page();
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(p) = self.pages.last_mut() {
            p.push(op);
        }
    }

    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        self.push(Op::Text {
            x,
            y,
            size,
            bold,
            text: text.to_owned(),
        });
    }

    /// A wrapped paragraph from `x`, breaking pages between lines.
    fn paragraph(&mut self, x: f32, size: f32, bold: bool, text: &str) {
        let lead = size * 1.35;
        for line in self.faces.wrap(text, size, bold, PAGE_W - MARGIN - x) {
            self.room(lead);
            self.y += lead;
            self.text(x, self.y, size, bold, &line);
        }
    }

    fn heading(&mut self, text: &str) {
        // A heading never ends a page alone.
        self.room(70.0);
        self.y += 10.0;
        self.paragraph(MARGIN, 14.0, true, text);
        self.y += 4.0;
    }

    fn table(&mut self, columns: &[String], rows: &[Vec<String>]) {
        let widths = column_widths(self.faces, columns, rows);
        let cells = |l: &Self, row: &[String], bold: bool| -> Vec<Vec<String>> {
            widths
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let s = row.get(i).map(String::as_str).unwrap_or("");
                    l.faces.wrap(s, BODY, bold, w - 2.0 * PAD)
                })
                .collect()
        };
        let header = cells(self, columns, true);
        let height =
            |c: &[Vec<String>]| c.iter().map(Vec::len).max().unwrap_or(1) as f32 * LEAD + 2.0 * PAD;
        let draw = |l: &mut Self, c: &[Vec<String>], bold: bool| {
            let h = height(c);
            let mut x = MARGIN;
            for (col, lines) in c.iter().enumerate() {
                let w = widths[col];
                let fill = bold.then_some(HEADER_FILL);
                if fill.is_some() {
                    l.push(Op::Rect {
                        x,
                        y: l.y,
                        w,
                        h,
                        fill,
                    });
                }
                l.push(Op::Rect {
                    x,
                    y: l.y,
                    w,
                    h,
                    fill: None,
                });
                for (i, s) in lines.iter().enumerate() {
                    let y = l.y + PAD + (i as f32 + 1.0) * LEAD - 3.5;
                    l.text(x + PAD, y, BODY, bold, s);
                }
                x += w;
            }
            l.y += h;
        };
        self.room(height(&header) + LEAD * 2.0 + 2.0 * PAD);
        draw(self, &header, true);
        for row in rows {
            let c = cells(self, row, false);
            let h = height(&c);
            if self.y + h > BOTTOM {
                self.new_page();
                draw(self, &header, true);
            }
            draw(self, &c, false);
        }
        self.y += 10.0;
    }

    fn chart(&mut self, label: &str, max: f32, bars: &[super::ReportBar]) {
        if bars.is_empty() {
            return;
        }
        self.room(CHART_H + 44.0);
        self.y += 14.0;
        self.text(MARGIN, self.y, BODY, true, label);
        self.y += 10.0;
        let n = bars.len() as f32;
        let gap = if n > 40.0 { 1.0 } else { 4.0 };
        let bw = (CONTENT_W - gap * (n - 1.0)) / n;
        let base = self.y + CHART_H;
        let small = 7.0;
        let widest = bars
            .iter()
            .map(|b| self.faces.width(&b.label, small, false))
            .fold(0.0, f32::max);
        // Every k-th label, so that labels never overlap.
        let every = ((widest + 6.0) / (bw + gap)).ceil().max(1.0) as usize;
        let max = if max > 0.0 { max } else { 1.0 };
        for (i, b) in bars.iter().enumerate() {
            let x = MARGIN + i as f32 * (bw + gap);
            let h = (CHART_H - 12.0) * (b.value / max).clamp(0.0, 1.0);
            if h > 0.0 {
                self.push(Op::Rect {
                    x,
                    y: base - h,
                    w: bw,
                    h,
                    fill: Some(BAR),
                });
            }
            if bw >= 14.0 {
                let v = if b.value.fract() == 0.0 {
                    format!("{}", b.value)
                } else {
                    format!("{:.1}", b.value)
                };
                let vw = self.faces.width(&v, small, false);
                self.text(x + (bw - vw) / 2.0, base - h - 2.0, small, false, &v);
            }
            if i % every == 0 {
                let lw = self.faces.width(&b.label, small, false);
                let lx = (x + (bw - lw) / 2.0).max(MARGIN);
                self.text(lx, base + 10.0, small, false, &b.label);
            }
        }
        self.push(Op::Rect {
            x: MARGIN,
            y: base,
            w: CONTENT_W,
            h: 0.0,
            fill: None,
        });
        self.y = base + 24.0;
    }
}

/// Each column as wide as its content needs (a long cell counts up to a limit), then scaled to
/// fill the page's width.
fn column_widths(faces: &Faces<'_>, columns: &[String], rows: &[Vec<String>]) -> Vec<f32> {
    let cap = CONTENT_W * 0.45;
    let natural: Vec<f32> = columns
        .iter()
        .enumerate()
        .map(|(i, head)| {
            let mut w = faces.width(head, BODY, true);
            for row in rows.iter().take(200) {
                if let Some(s) = row.get(i) {
                    w = w.max(faces.width(s, BODY, false).min(cap));
                }
            }
            w + 2.0 * PAD + 2.0
        })
        .collect();
    let total: f32 = natural.iter().sum::<f32>().max(1.0);
    natural.iter().map(|w| w / total * CONTENT_W).collect()
}

/// The report's pages: the summary first, then each part from a new page.
pub fn layout(r: &Report, faces: &Faces<'_>) -> Vec<Vec<Op>> {
    let mut l = Pages {
        faces,
        pages: Vec::new(),
        y: TOP,
    };
    l.new_page();
    l.paragraph(MARGIN, 22.0, true, &r.title);
    l.y += 4.0;
    l.paragraph(MARGIN, 12.0, false, &r.subtitle);
    l.paragraph(MARGIN, 12.0, false, &r.period);
    l.y += 12.0;
    l.heading("Summary");
    for line in &r.summary {
        l.room(LEAD);
        l.text(MARGIN + 2.0, l.y + LEAD, BODY, false, "•");
        l.paragraph(MARGIN + 14.0, BODY, false, line);
        l.y += 3.0;
    }
    for (i, s) in r.sections.iter().enumerate() {
        if i == 0 {
            l.new_page();
        } else {
            l.y += 14.0;
        }
        l.heading(&s.heading);
        if let Some(intro) = &s.intro {
            l.paragraph(MARGIN, BODY, false, intro);
            l.y += 4.0;
        }
        for b in &s.body {
            match b {
                ReportBlock::Table { columns, rows } => l.table(columns, rows),
                ReportBlock::Chart { label, max, bars } => l.chart(label, *max, bars),
                ReportBlock::Empty { text } => {
                    l.y += 4.0;
                    l.paragraph(MARGIN, BODY, false, text);
                }
            }
        }
    }
    l.pages
}
