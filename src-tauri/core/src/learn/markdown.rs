//! Card text: Markdown to the structured blocks the UI shows, never raw HTML.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{Block, Span};

/// Markdown to blocks. Raw HTML is dropped, links keep only their words, images are ignored.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut items: Vec<Vec<Span>> = Vec::new();
    let mut list: Option<bool> = None;
    let (mut strong, mut em) = (0u32, 0u32);
    let mut heading = false;
    let mut image = 0u32;

    let push_text = |spans: &mut Vec<Span>, text: &str, strong: u32, em: u32| {
        let (s, e) = (strong > 0, em > 0);
        match spans.last_mut() {
            Some(last) if last.strong == s && last.em == e => last.text.push_str(text),
            _ => spans.push(Span {
                text: text.to_owned(),
                strong: s,
                em: e,
            }),
        }
    };

    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = true,
            Event::End(TagEnd::Heading(_)) => {
                heading = false;
                let text: String = spans.drain(..).map(|s| s.text).collect();
                out.push(Block::Heading {
                    text: text.trim().to_owned(),
                });
            }
            Event::Start(Tag::List(first)) => list = Some(first.is_some()),
            Event::End(TagEnd::List(_)) => {
                out.push(Block::List {
                    ordered: list.unwrap_or(false),
                    items: std::mem::take(&mut items),
                });
                list = None;
            }
            Event::End(TagEnd::Item) => items.push(trimmed(std::mem::take(&mut spans))),
            Event::End(TagEnd::Paragraph) if list.is_none() => out.push(Block::Paragraph {
                spans: trimmed(std::mem::take(&mut spans)),
            }),
            Event::End(TagEnd::Paragraph) => push_text(&mut spans, " ", strong, em),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => em += 1,
            Event::End(TagEnd::Emphasis) => em = em.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => image += 1,
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if image == 0 => push_text(&mut spans, &t, strong, em),
            Event::SoftBreak | Event::HardBreak => push_text(&mut spans, " ", strong, em),
            _ => {}
        }
    }
    let _ = heading;
    out
}

fn trimmed(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

/// Markdown to plain prose for the reading-level formula: one sentence per line or item.
pub fn plain_text(markdown: &str) -> String {
    markdown
        .lines()
        .map(|l| {
            let l = l.trim_start();
            let l = l.trim_start_matches('#').trim_start();
            let l = l
                .strip_prefix("- ")
                .or_else(|| l.strip_prefix("* "))
                .unwrap_or(l);
            let l = match l.split_once(". ") {
                Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest,
                _ => l,
            };
            l.replace(['*', '_', '`'], "")
        })
        .collect::<Vec<_>>()
        .join("\n")
}
