//! The tables the next screens fill: the audit journal, form drafts and test-send history. A
//! minimal insert/list API for now; each grows with the screen that uses it.

use rusqlite::{params, OptionalExtension};
use serde_json::Value;

use crate::{now_ms, to_json, NoSecret, Result, Store};

/// A journal entry to append (`at` is now).
#[derive(Debug, Clone)]
pub struct NewJournalEntry<'a, C: NoSecret> {
    pub workspace_id: &'a str,
    /// The profile acted on, if any.
    pub profile_id: Option<&'a str>,
    /// What was done, e.g. `profile.update`.
    pub action: &'a str,
    /// What changed (a secret-free type).
    pub changes: &'a C,
    /// How it ended, e.g. `ok`, `error:VALIDATION_001`.
    pub outcome: &'a str,
    /// Sent's `request_id`.
    pub request_id: Option<&'a str>,
}

/// A stored journal entry.
#[derive(Debug, Clone, PartialEq)]
pub struct JournalEntry {
    pub id: i64,
    /// Unix ms.
    pub at: i64,
    pub workspace_id: String,
    pub profile_id: Option<String>,
    pub action: String,
    pub changes: Value,
    pub outcome: String,
    pub request_id: Option<String>,
}

/// A stored draft, without its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftInfo {
    pub key: String,
    /// Unix ms.
    pub updated_at: i64,
}

/// A test send to record (`at` is now).
#[derive(Debug, Clone)]
pub struct NewSend<'a, R: NoSecret> {
    pub workspace_id: &'a str,
    pub profile_id: &'a str,
    pub template_id: Option<&'a str>,
    /// Recipients as shown to the user, already masked (`+1 •••• 0142`).
    pub recipients_masked: &'a str,
    /// What Sent answered.
    pub result: &'a R,
}

/// A stored test send.
#[derive(Debug, Clone, PartialEq)]
pub struct SendRecord {
    pub id: i64,
    /// Unix ms.
    pub at: i64,
    pub workspace_id: String,
    pub profile_id: String,
    pub template_id: Option<String>,
    pub recipients_masked: String,
    pub result: Value,
}

impl Store {
    /// Appends to the journal; returns the entry's id.
    pub fn append_journal<C: NoSecret>(&mut self, entry: &NewJournalEntry<'_, C>) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO journal (at, workspace_id, profile_id, action, changes_json, outcome,
                                  request_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                now_ms(),
                entry.workspace_id,
                entry.profile_id,
                entry.action,
                to_json(entry.changes)?,
                entry.outcome,
                entry.request_id,
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The workspace's latest `limit` journal entries, newest first.
    pub fn journal(&self, workspace_id: &str, limit: usize) -> Result<Vec<JournalEntry>> {
        self.journal_filtered(workspace_id, None, None, limit)
    }

    /// The workspace's latest `limit` journal entries, newest first, narrowed to one profile
    /// and/or one outcome. `outcome` matches an outcome equal to it or starting with it and a
    /// colon: `ok`, `dry_run`, and `error` for every `error:<CODE>`.
    pub fn journal_filtered(
        &self,
        workspace_id: &str,
        profile_id: Option<&str>,
        outcome: Option<&str>,
        limit: usize,
    ) -> Result<Vec<JournalEntry>> {
        self.journal_page(workspace_id, profile_id, outcome, None, limit)
    }

    /// Like [`Self::journal_filtered`], from the entry after `after` (an `(at, id)` of the previous
    /// page, newest first): an export reads the whole journal a page at a time, holding one page.
    pub fn journal_page(
        &self,
        workspace_id: &str,
        profile_id: Option<&str>,
        outcome: Option<&str>,
        after: Option<(i64, i64)>,
        limit: usize,
    ) -> Result<Vec<JournalEntry>> {
        // A prefix compared with `substr`, not `LIKE`, so `_` and `%` in it match themselves.
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, at, workspace_id, profile_id, action, changes_json, outcome, request_id
             FROM journal
             WHERE workspace_id = ?1
               AND (?2 IS NULL OR profile_id = ?2)
               AND (?3 IS NULL OR outcome = ?3
                    OR substr(outcome, 1, length(?3) + 1) = ?3 || ':')
               AND (?5 IS NULL OR at < ?5 OR (at = ?5 AND id < ?6))
             ORDER BY at DESC, id DESC LIMIT ?4",
        )?;
        let (after_at, after_id) = after.unzip();
        let rows = stmt.query_map(
            params![
                workspace_id,
                profile_id,
                outcome,
                i64::try_from(limit).unwrap_or(i64::MAX),
                after_at,
                after_id
            ],
            journal_row,
        )?;
        rows.map(|row| {
            let (mut entry, changes) = row?;
            entry.changes = serde_json::from_str(&changes)?;
            Ok(entry)
        })
        .collect()
    }

    /// Saves (or replaces) a draft.
    pub fn put_draft<T: NoSecret>(
        &mut self,
        workspace_id: &str,
        key: &str,
        draft: &T,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO drafts (workspace_id, key, json, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (workspace_id, key) DO UPDATE SET
                json = excluded.json, updated_at = excluded.updated_at",
            params![workspace_id, key, to_json(draft)?, now_ms()],
        )?;
        Ok(())
    }

    /// A draft and when it was last saved.
    pub fn draft<T: NoSecret>(&self, workspace_id: &str, key: &str) -> Result<Option<(T, i64)>> {
        let row = self
            .conn
            .query_row(
                "SELECT json, updated_at FROM drafts WHERE workspace_id = ?1 AND key = ?2",
                [workspace_id, key],
                |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)),
            )
            .optional()?;
        row.map(|(json, at)| Ok((serde_json::from_str(&json)?, at)))
            .transpose()
    }

    /// The workspace's drafts, most recently saved first.
    pub fn drafts(&self, workspace_id: &str) -> Result<Vec<DraftInfo>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, updated_at FROM drafts WHERE workspace_id = ?1
             ORDER BY updated_at DESC, key",
        )?;
        let rows = stmt.query_map([workspace_id], |row| {
            Ok(DraftInfo {
                key: row.get(0)?,
                updated_at: row.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Deletes a draft (committed or abandoned). Deleting a missing draft is not an error.
    pub fn delete_draft(&mut self, workspace_id: &str, key: &str) -> Result<()> {
        self.conn.execute(
            "DELETE FROM drafts WHERE workspace_id = ?1 AND key = ?2",
            [workspace_id, key],
        )?;
        Ok(())
    }

    /// Records a test send; returns its id.
    pub fn record_send<R: NoSecret>(&mut self, send: &NewSend<'_, R>) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO send_history (at, workspace_id, profile_id, template_id,
                                       recipients_masked, result_json)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                now_ms(),
                send.workspace_id,
                send.profile_id,
                send.template_id,
                send.recipients_masked,
                to_json(send.result)?,
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Rewrites what a stored test send says (its result as followed after the send), read and
    /// changed in one step so two messages of one send followed at once both land. `false` when
    /// the send is no longer stored.
    pub fn update_send_result<R: NoSecret>(
        &mut self,
        id: i64,
        change: impl FnOnce(&mut R),
    ) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let current: Option<String> = tx
            .query_row(
                "SELECT result_json FROM send_history WHERE id = ?1",
                params![id],
                |row| row.get(0),
            )
            .optional()?;
        let Some(current) = current else {
            return Ok(false);
        };
        let mut result: R = serde_json::from_str(&current)?;
        change(&mut result);
        tx.execute(
            "UPDATE send_history SET result_json = ?1 WHERE id = ?2",
            params![to_json(&result)?, id],
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// Forgets the details of the test sends recorded before `before` (unix ms), in every
    /// workspace: each stored result is rewritten by `forget` (which drops its full numbers and
    /// variable values) and marked forgotten, so it is read once. A result that cannot be read
    /// back is deleted rather than kept with what it may hold. Returns how many sends changed.
    pub fn forget_sends_before<R>(&mut self, before: i64, forget: impl Fn(&mut R)) -> Result<usize>
    where
        R: NoSecret + serde::de::DeserializeOwned,
    {
        let tx = self.conn.transaction()?;
        let old: Vec<(i64, String)> = {
            let mut stmt = tx.prepare(
                "SELECT id, result_json FROM send_history WHERE forgotten = 0 AND at < ?1",
            )?;
            let rows = stmt.query_map(params![before], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (id, json) in &old {
            match serde_json::from_str::<R>(json) {
                Ok(mut result) => {
                    forget(&mut result);
                    tx.execute(
                        "UPDATE send_history SET result_json = ?1, forgotten = 1 WHERE id = ?2",
                        params![to_json(&result)?, id],
                    )?;
                }
                Err(_) => {
                    tx.execute("DELETE FROM send_history WHERE id = ?1", params![id])?;
                }
            }
        }
        tx.commit()?;
        Ok(old.len())
    }

    /// The workspace's latest `limit` test sends, newest first.
    pub fn send_history(&self, workspace_id: &str, limit: usize) -> Result<Vec<SendRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, at, workspace_id, profile_id, template_id, recipients_masked, result_json
             FROM send_history WHERE workspace_id = ?1 ORDER BY at DESC, id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![workspace_id, limit as i64], |row| {
            Ok((
                SendRecord {
                    id: row.get(0)?,
                    at: row.get(1)?,
                    workspace_id: row.get(2)?,
                    profile_id: row.get(3)?,
                    template_id: row.get(4)?,
                    recipients_masked: row.get(5)?,
                    result: Value::Null,
                },
                row.get::<_, String>(6)?,
            ))
        })?;
        rows.map(|row| {
            let (mut record, result) = row?;
            record.result = serde_json::from_str(&result)?;
            Ok(record)
        })
        .collect()
    }
}

/// A journal row and its `changes_json`, parsed by the caller.
fn journal_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<(JournalEntry, String)> {
    Ok((
        JournalEntry {
            id: row.get(0)?,
            at: row.get(1)?,
            workspace_id: row.get(2)?,
            profile_id: row.get(3)?,
            action: row.get(4)?,
            changes: Value::Null,
            outcome: row.get(6)?,
            request_id: row.get(7)?,
        },
        row.get::<_, String>(5)?,
    ))
}
