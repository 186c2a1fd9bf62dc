//! The profile cache: the last full answer of `GET /v3/profiles` per workspace, so the list opens
//! instantly on start and stays readable offline.

use rusqlite::{params, OptionalExtension};
use sent_model::ProfileDetail;

use crate::{now_ms, FactJson, Result, Store};

/// A workspace's cached profile list.
#[derive(Debug, Clone, PartialEq)]
pub struct CachedProfiles {
    /// In the server's order.
    pub profiles: Vec<ProfileDetail>,
    /// When the list was fetched (unix ms).
    pub fetched_at: i64,
    /// False when the server stopped paging before `has_more` went false: the list may lack
    /// profiles.
    pub complete: bool,
    /// `request_id` of the (last) response the list came from.
    pub request_id: Option<String>,
}

impl Store {
    /// Replaces the workspace's cached list with `profiles` (a reader sees the old list or the
    /// new one, never a mix: the swap is one transaction). A profile id given twice keeps its last
    /// copy. Answers the `fetched_at` it recorded (Unix milliseconds). A refresh that streams its
    /// list uses the three steps below instead.
    pub fn replace_profiles(
        &mut self,
        workspace_id: &str,
        profiles: &[ProfileDetail],
        complete: bool,
        request_id: Option<&str>,
    ) -> Result<i64> {
        self.begin_profile_refresh(workspace_id)?;
        self.stage_profiles(workspace_id, 0, profiles)?;
        self.finish_profile_refresh(workspace_id, complete, request_id)
    }

    /// Starts receiving a workspace's list as it streams in (what a crashed refresh left is
    /// dropped). The cached list stays as it was until [`Self::finish_profile_refresh`].
    pub fn begin_profile_refresh(&mut self, workspace_id: &str) -> Result<()> {
        self.abandon_profile_refresh(workspace_id)
    }

    /// Writes a batch of the incoming list, in one short transaction (the database is free
    /// between batches); `first_position` is the list position of the batch's first profile.
    pub fn stage_profiles(
        &mut self,
        workspace_id: &str,
        first_position: usize,
        profiles: &[ProfileDetail],
    ) -> Result<()> {
        let tx = self.write()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO profile_cache_incoming (workspace_id, profile_id, position, json)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (workspace_id, profile_id) DO UPDATE SET
                    position = excluded.position, json = excluded.json",
            )?;
            for (i, profile) in profiles.iter().enumerate() {
                insert.execute(params![
                    workspace_id,
                    profile.id,
                    i64::try_from(first_position + i).unwrap_or(i64::MAX),
                    crate::to_json(profile)?,
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The whole list arrived: it replaces the cached one in one transaction. Answers when it
    /// was fetched.
    pub fn finish_profile_refresh(
        &mut self,
        workspace_id: &str,
        complete: bool,
        request_id: Option<&str>,
    ) -> Result<i64> {
        let fetched_at = now_ms();
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO profile_cache_meta (workspace_id, fetched_at, complete, request_id)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (workspace_id) DO UPDATE SET
                fetched_at = excluded.fetched_at, complete = excluded.complete,
                request_id = excluded.request_id",
            params![workspace_id, fetched_at, complete, request_id],
        )?;
        tx.execute(
            "DELETE FROM profile_cache WHERE workspace_id = ?1",
            [workspace_id],
        )?;
        tx.execute(
            "INSERT INTO profile_cache (workspace_id, profile_id, position, json)
             SELECT workspace_id, profile_id, position, json FROM profile_cache_incoming
             WHERE workspace_id = ?1",
            [workspace_id],
        )?;
        tx.execute(
            "DELETE FROM profile_cache_incoming WHERE workspace_id = ?1",
            [workspace_id],
        )?;
        tx.commit()?;
        Ok(fetched_at)
    }

    /// Drops what a refresh that failed (or whose workspace went away) had received.
    pub fn abandon_profile_refresh(&mut self, workspace_id: &str) -> Result<()> {
        self.conn.execute(
            "DELETE FROM profile_cache_incoming WHERE workspace_id = ?1",
            [workspace_id],
        )?;
        Ok(())
    }

    /// One cached profile and when its list was fetched, without reading the whole list.
    pub fn cached_profile(
        &self,
        workspace_id: &str,
        profile_id: &str,
    ) -> Result<Option<(ProfileDetail, i64)>> {
        let row = self
            .conn
            .query_row(
                "SELECT c.json, m.fetched_at FROM profile_cache c
                 JOIN profile_cache_meta m ON m.workspace_id = c.workspace_id
                 WHERE c.workspace_id = ?1 AND c.profile_id = ?2",
                [workspace_id, profile_id],
                |row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?)),
            )
            .optional()?;
        row.map(|(json, at)| Ok((serde_json::from_str(&json)?, at)))
            .transpose()
    }

    /// Replaces one cached profile with what Sent answered after a write or a fresh read (a
    /// profile not cached yet goes last). Leaves the list's `fetched_at` alone: the rest of the
    /// list is as old as it was.
    pub fn upsert_profile(&mut self, workspace_id: &str, profile: &ProfileDetail) -> Result<()> {
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO profile_cache_meta (workspace_id, fetched_at, complete, request_id)
             VALUES (?1, ?2, 0, NULL) ON CONFLICT (workspace_id) DO NOTHING",
            params![workspace_id, now_ms()],
        )?;
        tx.execute(
            "INSERT INTO profile_cache (workspace_id, profile_id, position, json)
             VALUES (?1, ?2,
                     (SELECT COALESCE(MAX(position), -1) + 1 FROM profile_cache
                      WHERE workspace_id = ?1),
                     ?3)
             ON CONFLICT (workspace_id, profile_id) DO UPDATE SET json = excluded.json",
            params![workspace_id, profile.id, crate::to_json(profile)?],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets one cached profile (it was deleted). Forgetting a missing one is not an error.
    pub fn remove_profile(&mut self, workspace_id: &str, profile_id: &str) -> Result<()> {
        self.conn.execute(
            "DELETE FROM profile_cache WHERE workspace_id = ?1 AND profile_id = ?2",
            [workspace_id, profile_id],
        )?;
        Ok(())
    }

    /// Records a fact about the workspace's organization (replacing the previous one).
    pub fn put_fact<T: crate::NoSecret>(
        &mut self,
        workspace_id: &str,
        key: &str,
        fact: &T,
    ) -> Result<()> {
        self.conn.execute(
            "INSERT INTO workspace_facts (workspace_id, key, json, updated_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (workspace_id, key) DO UPDATE SET
                json = excluded.json, updated_at = excluded.updated_at",
            params![workspace_id, key, crate::to_json(fact)?, now_ms()],
        )?;
        Ok(())
    }

    /// Keeps a fact already turned into JSON (see [`FactJson`]): the caller serialized it off
    /// its locks, and only the write happens here.
    pub fn put_fact_json(&mut self, workspace_id: &str, key: &str, fact: &FactJson) -> Result<()> {
        self.conn.execute(
            "INSERT INTO workspace_facts (workspace_id, key, json, updated_at)
             VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (workspace_id, key) DO UPDATE SET
                json = excluded.json, updated_at = excluded.updated_at",
            params![workspace_id, key, fact.0, now_ms()],
        )?;
        Ok(())
    }

    /// Forgets a fact (one an older version kept, say).
    pub fn remove_fact(&mut self, workspace_id: &str, key: &str) -> Result<()> {
        self.conn.execute(
            "DELETE FROM workspace_facts WHERE workspace_id = ?1 AND key = ?2",
            [workspace_id, key],
        )?;
        Ok(())
    }

    /// A fact recorded with [`Store::put_fact`].
    pub fn fact<T: crate::NoSecret>(&self, workspace_id: &str, key: &str) -> Result<Option<T>> {
        let json = self
            .conn
            .query_row(
                "SELECT json FROM workspace_facts WHERE workspace_id = ?1 AND key = ?2",
                [workspace_id, key],
                |row| row.get::<_, String>(0),
            )
            .optional()?;
        json.map(|json| Ok(serde_json::from_str(&json)?))
            .transpose()
    }

    /// The workspace's cached list, `None` when nothing was ever cached for it.
    pub fn cached_profiles(&self, workspace_id: &str) -> Result<Option<CachedProfiles>> {
        let meta = self
            .conn
            .query_row(
                "SELECT fetched_at, complete, request_id FROM profile_cache_meta
                 WHERE workspace_id = ?1",
                [workspace_id],
                |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, bool>(1)?,
                        row.get::<_, Option<String>>(2)?,
                    ))
                },
            )
            .optional()?;
        let Some((fetched_at, complete, request_id)) = meta else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT json FROM profile_cache WHERE workspace_id = ?1 ORDER BY position",
        )?;
        let mut rows = stmt.query([workspace_id])?;
        let mut profiles = Vec::new();
        while let Some(row) = rows.next()? {
            let json: String = row.get(0)?;
            profiles.push(serde_json::from_str(&json)?);
        }
        Ok(Some(CachedProfiles {
            profiles,
            fetched_at,
            complete,
            request_id,
        }))
    }
}
