//! Bulk onboarding batches: a batch per imported file, a row per client. Each row's profile is kept
//! without secrets ([`NoSecret`]), with the Idempotency-Key of its create written when the batch is
//! made, before any request: a run resumed after a crash sends every row with the key it had.

use rusqlite::{params, OptionalExtension};
use serde::de::DeserializeOwned;

use crate::{now_ms, to_json, NoSecret, Result, Store};

/// A batch to write, with its rows (row number, profile, key).
pub struct NewBatch<'a, S: NoSecret, R: NoSecret> {
    pub id: &'a str,
    pub workspace_id: &'a str,
    /// The file's name, never its folder.
    pub source: &'a str,
    /// A digest of the file's bytes: a rerun of the same file finds its batch.
    pub fingerprint: &'a str,
    pub state: &'a str,
    pub settings: &'a S,
    pub rows: Vec<(u32, &'a R, &'a str)>,
}

/// A stored batch.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchRecord {
    pub id: String,
    pub workspace_id: String,
    pub source: String,
    pub fingerprint: String,
    pub state: String,
    pub settings: serde_json::Value,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A stored row.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchRowRecord<R> {
    pub row_no: u32,
    pub row: R,
    pub idempotency_key: String,
    pub state: String,
    pub profile_id: Option<String>,
    pub message: Option<String>,
    pub request_id: Option<String>,
    pub updated_at: i64,
}

/// What a row's outcome changes.
#[derive(Debug, Clone, Default)]
pub struct BatchRowUpdate<'a> {
    pub state: &'a str,
    pub profile_id: Option<&'a str>,
    pub message: Option<&'a str>,
    pub request_id: Option<&'a str>,
    /// A new key (a refused row, corrected: a new action).
    pub idempotency_key: Option<&'a str>,
}

const BATCH_COLUMNS: &str =
    "id, workspace_id, source, fingerprint, state, settings, created_at, updated_at";

fn batch_record(row: &rusqlite::Row<'_>) -> rusqlite::Result<(BatchRecord, String)> {
    Ok((
        BatchRecord {
            id: row.get(0)?,
            workspace_id: row.get(1)?,
            source: row.get(2)?,
            fingerprint: row.get(3)?,
            state: row.get(4)?,
            settings: serde_json::Value::Null,
            created_at: row.get(6)?,
            updated_at: row.get(7)?,
        },
        row.get::<_, String>(5)?,
    ))
}

fn with_settings((mut record, settings): (BatchRecord, String)) -> Result<BatchRecord> {
    record.settings = serde_json::from_str(&settings)?;
    Ok(record)
}

impl Store {
    /// Writes a batch and all its rows in one transaction.
    pub fn create_batch<S: NoSecret, R: NoSecret>(
        &mut self,
        batch: &NewBatch<'_, S, R>,
    ) -> Result<()> {
        let now = now_ms();
        let tx = self.write()?;
        tx.execute(
            &format!(
                "INSERT INTO batches ({BATCH_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)"
            ),
            params![
                batch.id,
                batch.workspace_id,
                batch.source,
                batch.fingerprint,
                batch.state,
                to_json(batch.settings)?,
                now
            ],
        )?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO batch_rows (batch_id, row_no, json, idempotency_key, state, updated_at)
                 VALUES (?1, ?2, ?3, ?4, 'ready', ?5)",
            )?;
            for (row_no, row, key) in &batch.rows {
                insert.execute(params![batch.id, row_no, to_json(*row)?, key, now])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// A batch by id.
    pub fn batch(&self, id: &str) -> Result<Option<BatchRecord>> {
        self.conn
            .query_row(
                &format!("SELECT {BATCH_COLUMNS} FROM batches WHERE id = ?1"),
                [id],
                batch_record,
            )
            .optional()?
            .map(with_settings)
            .transpose()
    }

    /// A workspace's batches, the most recently changed first.
    pub fn batches(&self, workspace_id: &str) -> Result<Vec<BatchRecord>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {BATCH_COLUMNS} FROM batches WHERE workspace_id = ?1 ORDER BY updated_at DESC, id"
        ))?;
        let rows = stmt
            .query_map([workspace_id], batch_record)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().map(with_settings).collect()
    }

    /// Changes a batch's state (and, when given, its settings).
    pub fn set_batch_state(&mut self, id: &str, state: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE batches SET state = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, state, now_ms()],
        )?;
        Ok(())
    }

    /// Replaces a batch's settings.
    pub fn set_batch_settings<S: NoSecret>(&mut self, id: &str, settings: &S) -> Result<()> {
        self.conn.execute(
            "UPDATE batches SET settings = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, to_json(settings)?, now_ms()],
        )?;
        Ok(())
    }

    /// Every row of a batch, in the file's order.
    pub fn batch_rows<R: NoSecret + DeserializeOwned>(
        &self,
        batch_id: &str,
    ) -> Result<Vec<BatchRowRecord<R>>> {
        let mut stmt = self.conn.prepare(
            "SELECT row_no, json, idempotency_key, state, profile_id, message, request_id, updated_at
             FROM batch_rows WHERE batch_id = ?1 ORDER BY row_no",
        )?;
        let rows = stmt
            .query_map([batch_id], |row| {
                Ok((
                    row.get::<_, u32>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, Option<String>>(5)?,
                    row.get::<_, Option<String>>(6)?,
                    row.get::<_, i64>(7)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(
                |(
                    row_no,
                    json,
                    idempotency_key,
                    state,
                    profile_id,
                    message,
                    request_id,
                    updated_at,
                )| {
                    Ok(BatchRowRecord {
                        row_no,
                        row: serde_json::from_str(&json)?,
                        idempotency_key,
                        state,
                        profile_id,
                        message,
                        request_id,
                        updated_at,
                    })
                },
            )
            .collect()
    }

    /// Replaces a row's profile (an edit in the grid), leaving its outcome as it is.
    pub fn put_batch_row<R: NoSecret>(
        &mut self,
        batch_id: &str,
        row_no: u32,
        row: &R,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE batch_rows SET json = ?3, updated_at = ?4 WHERE batch_id = ?1 AND row_no = ?2",
            params![batch_id, row_no, to_json(row)?, now_ms()],
        )?;
        Ok(())
    }

    /// Records a row's state (before its request: `sending`; after: its outcome).
    pub fn set_batch_row(
        &mut self,
        batch_id: &str,
        row_no: u32,
        update: &BatchRowUpdate<'_>,
    ) -> Result<()> {
        let now = now_ms();
        let tx = self.write()?;
        tx.execute(
            "UPDATE batch_rows SET state = ?3, profile_id = COALESCE(?4, profile_id),
                 message = ?5, request_id = COALESCE(?6, request_id),
                 idempotency_key = COALESCE(?7, idempotency_key), updated_at = ?8
             WHERE batch_id = ?1 AND row_no = ?2",
            params![
                batch_id,
                row_no,
                update.state,
                update.profile_id,
                update.message,
                update.request_id,
                update.idempotency_key,
                now
            ],
        )?;
        tx.execute(
            "UPDATE batches SET updated_at = ?2 WHERE id = ?1",
            params![batch_id, now],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a batch and its rows.
    pub fn delete_batch(&mut self, id: &str) -> Result<()> {
        let tx = self.write()?;
        tx.execute("DELETE FROM batch_rows WHERE batch_id = ?1", [id])?;
        tx.execute("DELETE FROM batches WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }
}
