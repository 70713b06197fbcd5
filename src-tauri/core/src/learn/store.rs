//! SQL for the Learn library: the caregiver's bookmarks and read marks (in their database), and
//! the full-text index over the cards (SQLite FTS5, in memory: it is built from the embedded
//! content at first use and never holds anything of the caregiver's).

use std::collections::HashMap;

use rusqlite::{params, Connection};

use super::{Card, CardState, Segment};
use crate::error::Result;
use crate::search::{fts_query, segments};

pub fn states(conn: &Connection) -> Result<HashMap<String, CardState>> {
    let mut stmt = conn.prepare_cached(
        "SELECT slug, bookmarked_at IS NOT NULL, read_at IS NOT NULL FROM card_state",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            CardState {
                bookmarked: r.get(1)?,
                read: r.get(2)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn set_bookmark(conn: &Connection, slug: &str, on: bool, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO card_state (slug, bookmarked_at) VALUES (?1, ?2)
         ON CONFLICT(slug) DO UPDATE SET bookmarked_at = excluded.bookmarked_at",
        params![slug, on.then_some(now)],
    )?;
    Ok(())
}

pub fn set_read(conn: &Connection, slug: &str, on: bool, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO card_state (slug, read_at) VALUES (?1, ?2)
         ON CONFLICT(slug) DO UPDATE SET read_at = excluded.read_at",
        params![slug, on.then_some(now)],
    )?;
    Ok(())
}

/// One card that matched a search, with the matched words marked.
#[derive(Debug, Clone)]
pub struct Match {
    pub slug: String,
    pub title: Vec<Segment>,
    pub snippet: Vec<Segment>,
}

/// The search index: an in-memory FTS5 table over every card.
pub struct SearchIndex {
    conn: Connection,
}

impl SearchIndex {
    pub fn build(cards: &[Card]) -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(
            "CREATE VIRTUAL TABLE cards USING fts5(
                slug UNINDEXED, title, keywords, summary, body,
                tokenize = 'porter unicode61 remove_diacritics 2'
            );",
        )?;
        {
            let mut insert = conn.prepare(
                "INSERT INTO cards (slug, title, keywords, summary, body) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for c in cards {
                insert.execute(params![
                    c.slug,
                    c.title,
                    c.keywords.join("; "),
                    format!("{} {}", c.summary, c.try_this),
                    super::plain_text(&c.body),
                ])?;
            }
        }
        Ok(SearchIndex { conn })
    }

    /// Cards matching `query`, best first: the whole phrase counts most, then any of its words,
    /// weighted title > keywords > summary > body.
    pub fn search(&self, query: &str, limit: u32) -> Result<Vec<Match>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT slug,
                    highlight(cards, 1, char(1), char(2)),
                    snippet(cards, 4, char(1), char(2), '…', 16)
             FROM cards WHERE cards MATCH ?1
             ORDER BY bm25(cards, 0.0, 10.0, 6.0, 3.0, 1.0)
             LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![fts, limit], |r| {
            Ok(Match {
                slug: r.get(0)?,
                title: segments(&r.get::<_, String>(1)?),
                snippet: segments(&r.get::<_, String>(2)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;

    #[test]
    fn bookmarks_and_read_marks_toggle_independently() {
        let conn = open_in_memory().expect("db");
        set_bookmark(&conn, "safety-plan", true, "2026-11-22T10:00:00Z").expect("bookmark");
        set_read(&conn, "safety-plan", true, "2026-11-22T10:01:00Z").expect("read");
        set_read(&conn, "boundaries", true, "2026-11-22T10:02:00Z").expect("read");
        let s = states(&conn).expect("states");
        assert_eq!(
            s["safety-plan"],
            CardState {
                bookmarked: true,
                read: true
            }
        );
        assert_eq!(
            s["boundaries"],
            CardState {
                bookmarked: false,
                read: true
            }
        );
        set_bookmark(&conn, "safety-plan", false, "2026-11-22T10:03:00Z").expect("unbookmark");
        assert_eq!(
            states(&conn).expect("states")["safety-plan"],
            CardState {
                bookmarked: false,
                read: true
            }
        );
    }
}
