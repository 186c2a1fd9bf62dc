//! The profile list read as a stream (contract E2, and the pages of a newer server, D7): each
//! profile is parsed from the body as it arrives and handed to the caller, so neither the answer
//! (about 1.6 kB a profile: 160 MB at 100,000 profiles on a seed-revision server) nor the parsed
//! list is ever held whole. What bounds it instead: each profile may take at most
//! [`MAX_PROFILE_BYTES`] of the body (and the envelope around the list 1 MiB), and a list at most
//! [`MAX_STREAMED_PROFILES`] profiles.
//!
//! The body is read on the async side chunk by chunk and passed through a small bounded channel to
//! a blocking task that parses it with serde_json's streaming reader; the parser visits the
//! envelope's keys in any order and `data.profiles` one element at a time.

use std::collections::HashSet;
use std::fmt;
use std::io::{self, BufReader, Read};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use sent_model::{ApiErrorBody, Envelope, PaginationMeta, ProfileDetail, ResponseMeta};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::error::{ClientError, ClientResult};
use crate::response::ResponseInfo;

/// The most body bytes one profile may take.
pub const MAX_PROFILE_BYTES: u64 = 256 * 1024;
/// The most body bytes around the list (the envelope's other keys, the pagination, the meta).
const MAX_ENVELOPE_BYTES: u64 = 1024 * 1024;
/// The most profiles one list may hold.
pub const MAX_STREAMED_PROFILES: usize = 1_000_000;
/// Chunks of the body waiting for the parser.
const CHANNEL_CHUNKS: usize = 16;

/// What a streamed list said besides its profiles.
#[derive(Debug, Clone)]
pub struct StreamedList {
    /// Profiles handed over (each id once, across pages).
    pub count: usize,
    /// `false` when the server said more pages follow but stopped giving new profiles (or the
    /// page cap was reached): the list is truncated, never silently.
    pub complete: bool,
    /// The first page's answer, with `body_bytes` and `attempts` summed over every page.
    pub info: ResponseInfo,
}

/// How far the parser may read: the reader refuses to pass `until` (set before each profile).
#[derive(Default)]
pub(crate) struct Fence {
    read: AtomicU64,
    until: AtomicU64,
    tripped: AtomicBool,
}

impl Fence {
    fn allow(&self, bytes: u64) {
        self.until
            .store(self.read.load(Ordering::Relaxed) + bytes, Ordering::Relaxed);
    }
}

/// The body as `Read`, fed by the async side through a channel; an `Err` chunk ends it.
struct ChannelReader {
    chunks: tokio::sync::mpsc::Receiver<Result<Vec<u8>, io::Error>>,
    current: Vec<u8>,
    at: usize,
    fence: Arc<Fence>,
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.at >= self.current.len() {
            match self.chunks.blocking_recv() {
                None => return Ok(0),
                Some(Err(error)) => return Err(error),
                Some(Ok(chunk)) => {
                    self.current = chunk;
                    self.at = 0;
                }
            }
        }
        let n = buf.len().min(self.current.len() - self.at);
        buf[..n].copy_from_slice(&self.current[self.at..self.at + n]);
        self.at += n;
        let read = self.fence.read.fetch_add(n as u64, Ordering::Relaxed) + n as u64;
        if read > self.fence.until.load(Ordering::Relaxed) {
            self.fence.tripped.store(true, Ordering::Relaxed);
            return Err(io::Error::other(
                "a part of the answer is larger than allowed",
            ));
        }
        Ok(n)
    }
}

/// One page, parsed.
pub(crate) struct PageEnd {
    pub success: bool,
    pub error: Option<ApiErrorBody>,
    pub meta: ResponseMeta,
    pub pagination: Option<PaginationMeta>,
    /// New profiles on this page (ids not seen on an earlier one).
    pub fresh: usize,
}

/// Parses one page from `chunks`, handing each new profile to `sink`. Runs on a blocking thread.
pub(crate) fn parse_page<F: FnMut(ProfileDetail)>(
    chunks: tokio::sync::mpsc::Receiver<Result<Vec<u8>, io::Error>>,
    fence: Arc<Fence>,
    sink: &mut F,
    seen: &mut HashSet<String>,
) -> Result<PageEnd, serde_json::Error> {
    fence.allow(MAX_ENVELOPE_BYTES);
    let reader = ChannelReader {
        chunks,
        current: Vec::new(),
        at: 0,
        fence: fence.clone(),
    };
    let mut de = serde_json::Deserializer::from_reader(BufReader::with_capacity(64 * 1024, reader));
    let end = EnvelopeSeed {
        sink,
        seen,
        fence: &fence,
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok(end)
}

struct EnvelopeSeed<'a, F> {
    sink: &'a mut F,
    seen: &'a mut HashSet<String>,
    fence: &'a Fence,
}

impl<'de, F: FnMut(ProfileDetail)> DeserializeSeed<'de> for EnvelopeSeed<'_, F> {
    type Value = PageEnd;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<PageEnd, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(ProfileDetail)> Visitor<'de> for EnvelopeSeed<'_, F> {
    type Value = PageEnd;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("Sent's response envelope")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PageEnd, A::Error> {
        let mut end = PageEnd {
            success: true,
            error: None,
            meta: ResponseMeta::default(),
            pagination: None,
            fresh: 0,
        };
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "success" => end.success = map.next_value::<Option<bool>>()?.unwrap_or(true),
                "error" => end.error = map.next_value()?,
                "meta" => {
                    end.meta = map
                        .next_value::<Option<ResponseMeta>>()?
                        .unwrap_or_default()
                }
                "data" => {
                    let (pagination, fresh) = map.next_value_seed(DataSeed {
                        sink: &mut *self.sink,
                        seen: &mut *self.seen,
                        fence: self.fence,
                    })?;
                    end.pagination = pagination;
                    end.fresh += fresh;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(end)
    }
}

struct DataSeed<'a, F> {
    sink: &'a mut F,
    seen: &'a mut HashSet<String>,
    fence: &'a Fence,
}

impl<'de, F: FnMut(ProfileDetail)> DeserializeSeed<'de> for DataSeed<'_, F> {
    type Value = (Option<PaginationMeta>, usize);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, F: FnMut(ProfileDetail)> Visitor<'de> for DataSeed<'_, F> {
    type Value = (Option<PaginationMeta>, usize);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the profile list")
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok((None, 0))
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok((None, 0))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut pagination = None;
        let mut fresh = 0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "profiles" => {
                    fresh += map.next_value_seed(ProfilesSeed {
                        sink: &mut *self.sink,
                        seen: &mut *self.seen,
                        fence: self.fence,
                    })?;
                }
                "pagination" => pagination = map.next_value()?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok((pagination, fresh))
    }
}

struct ProfilesSeed<'a, F> {
    sink: &'a mut F,
    seen: &'a mut HashSet<String>,
    fence: &'a Fence,
}

impl<'de, F: FnMut(ProfileDetail)> DeserializeSeed<'de> for ProfilesSeed<'_, F> {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(ProfileDetail)> Visitor<'de> for ProfilesSeed<'_, F> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of profiles")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let mut fresh = 0;
        loop {
            // Each profile may take MAX_PROFILE_BYTES of the body, counted from where it starts.
            self.fence.allow(MAX_PROFILE_BYTES);
            let Some(profile) = seq.next_element::<ProfileDetail>()? else {
                break;
            };
            if self.seen.insert(profile.id.clone()) {
                if self.seen.len() > MAX_STREAMED_PROFILES {
                    return Err(serde::de::Error::custom(format!(
                        "the list holds more than {MAX_STREAMED_PROFILES} profiles"
                    )));
                }
                (self.sink)(profile);
                fresh += 1;
            }
        }
        self.fence.allow(MAX_ENVELOPE_BYTES);
        Ok(fresh)
    }
}

/// A page's failure in the client's words: the fence (a profile or the envelope too large), the
/// body's transport (`transport` set by the async side), or JSON that is not the expected list.
pub(crate) fn page_error(
    error: serde_json::Error,
    fence: &Fence,
    transport: Option<ClientError>,
    status: u16,
    request_id: Option<String>,
) -> ClientError {
    if let Some(transport) = transport {
        return transport;
    }
    if fence.tripped.load(Ordering::Relaxed) {
        return ClientError::ResponseTooLarge {
            status,
            limit: MAX_PROFILE_BYTES as usize,
            request_id,
        };
    }
    ClientError::BadResponse {
        status,
        message: format!("the profile list is not the expected JSON ({error})"),
        request_id,
    }
}

/// A page whose envelope says it failed, as the client's error.
pub(crate) fn page_refused(status: u16, end: &PageEnd, request_id: Option<String>) -> ClientError {
    let envelope: Envelope<()> = Envelope {
        success: end.success,
        data: None,
        error: end.error.clone(),
        meta: end.meta.clone(),
    };
    crate::transport::api_error(status, &envelope, request_id)
}

/// What one page's reading gives back: the page, the sink and the seen ids (gone only if the
/// parser itself failed to finish), and the body's bytes.
pub(crate) type PageRead<F> = (ClientResult<PageEnd>, Option<(F, HashSet<String>)>, u64);

/// Runs `sink` over a body stream (`response`), on a blocking thread; answers the page, the sink
/// and the seen ids back.
pub(crate) async fn read_page<F>(
    mut response: reqwest::Response,
    mut sink: F,
    mut seen: HashSet<String>,
    status: u16,
    request_id: Option<String>,
) -> PageRead<F>
where
    F: FnMut(ProfileDetail) + Send + 'static,
{
    let fence = Arc::new(Fence::default());
    let (tx, rx) = tokio::sync::mpsc::channel(CHANNEL_CHUNKS);
    let parser_fence = fence.clone();
    let parser = tokio::task::spawn_blocking(move || {
        let end = parse_page(rx, parser_fence, &mut sink, &mut seen);
        (end, sink, seen)
    });
    let transport = pump(&mut response, tx).await;
    let parsed = parser.await;
    let bytes = fence.read.load(Ordering::Relaxed);
    match parsed {
        Ok((end, sink, seen)) => {
            let end = end.map_err(|e| page_error(e, &fence, transport, status, request_id));
            (end, Some((sink, seen)), bytes)
        }
        // The parser did not finish (the caller's sink panicked, or the runtime is stopping):
        // an error, never a panic here.
        Err(join) => (
            Err(ClientError::BadResponse {
                status,
                message: format!("the profile list could not be read to its end ({join})"),
                request_id,
            }),
            None,
            bytes,
        ),
    }
}

/// Parses a whole answer of type `T` from a body stream on a blocking thread, reading at most
/// `max_bytes`: for an answer that is large only because of a list the caller reduces while it is
/// parsed (`/v3/me` lists every child profile: 47 MB at 100,000). Answers the value and the bytes.
pub(crate) async fn read_json<T>(
    mut response: reqwest::Response,
    max_bytes: u64,
    status: u16,
    request_id: Option<String>,
) -> ClientResult<(T, u64)>
where
    T: serde::de::DeserializeOwned + Send + 'static,
{
    let fence = Arc::new(Fence::default());
    fence.until.store(max_bytes, Ordering::Relaxed);
    let (tx, rx) = tokio::sync::mpsc::channel(CHANNEL_CHUNKS);
    let reader = ChannelReader {
        chunks: rx,
        current: Vec::new(),
        at: 0,
        fence: fence.clone(),
    };
    let parser = tokio::task::spawn_blocking(move || {
        serde_json::from_reader::<_, T>(BufReader::with_capacity(64 * 1024, reader))
    });
    let transport = pump(&mut response, tx).await;
    let parsed = parser.await;
    let bytes = fence.read.load(Ordering::Relaxed);
    match parsed {
        Ok(Ok(value)) => Ok((value, bytes)),
        Ok(Err(error)) => Err(match (transport, fence.tripped.load(Ordering::Relaxed)) {
            (Some(transport), _) => transport,
            (None, true) => ClientError::ResponseTooLarge {
                status,
                limit: usize::try_from(max_bytes).unwrap_or(usize::MAX),
                request_id,
            },
            (None, false) => ClientError::BadResponse {
                status,
                message: format!("the body is not the expected JSON ({error})"),
                request_id,
            },
        }),
        Err(join) => Err(ClientError::BadResponse {
            status,
            message: format!("the answer could not be read to its end ({join})"),
            request_id,
        }),
    }
}

/// Feeds the body to the parser chunk by chunk until it ends, the parser stops (it failed: its
/// error says why) or the connection breaks (answered as the client's error).
async fn pump(
    response: &mut reqwest::Response,
    tx: tokio::sync::mpsc::Sender<Result<Vec<u8>, io::Error>>,
) -> Option<ClientError> {
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if tx.send(Ok(chunk.to_vec())).await.is_err() {
                    return None;
                }
            }
            Ok(None) => return None,
            Err(error) => {
                let (client_error, _) = crate::transport::classify(error);
                let _ = tx.send(Err(io::Error::other("the answer broke off"))).await;
                return Some(client_error);
            }
        }
    }
}
