//! Share links: the couple's plan travels inside the link's `#fragment`, which browsers never
//! send to a server. The payload is the public plan (`core::preview::public_plan`, built field by
//! field: nothing clinical), for everyone or for one partner, in the stored format, compressed
//! with the browser's CompressionStream (deflate-raw) and written in base64url. New links are
//! encrypted by default with AES-GCM-256 under a key derived from a passphrase (NFC-normalised)
//! by PBKDF2-SHA-256 at 600,000 iterations (OWASP's current figure), random 16-byte salt and
//! 12-byte iv, all in SubtleCrypto; a plain link is an explicit choice.
//!
//! Fragment forms, each prefix naming its parameters (see `LinkKind`):
//! - `#/share/p.<base64url>`: plain;
//! - `#/share/e600k.<base64url of salt|iv|sealed>`: PBKDF2-SHA-256 at 600,000 iterations;
//! - `#/share/e.<…>`: the same at 310,000 iterations, as made before; still opened, never made.
//!
//! Opening stops decompressing as soon as the output passes `MAX_DOCUMENT_BYTES`, and the app
//! never makes a link longer than it would open (`MAX_LINK_CHARS`).

use super::format::{decode_plan, encode_plan, MAX_DOCUMENT_BYTES};
use crate::core::model::{Person, Plan};
use crate::core::preview::public_plan;
use crate::core::text::{say, text, Key, Lang};
use crate::core::words::{passphrase, PASSPHRASE_WORDS};
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AesGcmParams, AesKeyGenParams, Blob, CryptoKey, Pbkdf2Params, ReadableStream,
    ReadableWritablePair, SubtleCrypto, WritableStream,
};

pub const SHARE_PREFIX: &str = "#/share/";

/// How a link was made: its prefix names the parameters needed to open it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    Plain,
    /// PBKDF2-SHA-256 at 310,000 iterations (links made before 600,000 was the figure).
    Sealed310k,
    /// PBKDF2-SHA-256 at 600,000 iterations: what new links use.
    Sealed600k,
}

impl LinkKind {
    const ALL: [LinkKind; 3] = [LinkKind::Plain, LinkKind::Sealed310k, LinkKind::Sealed600k];

    /// The prefix after `#/share/`, up to and with its dot.
    pub fn prefix(self) -> &'static str {
        match self {
            LinkKind::Plain => "p.",
            LinkKind::Sealed310k => "e.",
            LinkKind::Sealed600k => "e600k.",
        }
    }

    fn iterations(self) -> Option<u32> {
        match self {
            LinkKind::Plain => None,
            LinkKind::Sealed310k => Some(310_000),
            LinkKind::Sealed600k => Some(600_000),
        }
    }
}

/// How a new link is protected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Protection {
    /// Anyone who sees the link can read it.
    Plain,
    /// Encrypted; the couple needs this passphrase too.
    Passphrase(String),
}
/// Longer links are refused before any work (a compressed bomb stays small).
pub const MAX_LINK_CHARS: usize = 32_000;
const SALT: usize = 16;
const IV: usize = 12;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is not a share link at all.
    NotALink,
    TooLong,
    /// It is encrypted and no passphrase was given.
    NeedsPassphrase,
    /// AES-GCM refused: a wrong passphrase, or a changed link (they cannot be told apart).
    WrongPassphraseOrChanged,
    /// Cut off, changed, or not made by this app.
    Damaged(Damage),
    /// The browser lacks what is needed (CompressionStream, SubtleCrypto).
    Unsupported,
    /// The plan is too large for a link this app would open.
    TooLargeToShare,
    /// A protected link needs a passphrase.
    NoPassphrase,
}

/// How a link is damaged, said in the couple's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// It does not say how it was made (no known header).
    NoHeader,
    /// It has characters a share link never has.
    BadCharacters,
    /// It is cut off or changed.
    CutOrChanged,
    /// It unpacks to far more than any schedule.
    TooBig,
    /// It is not text.
    NotText,
    /// It is text, but not a schedule this version reads: the reader's reason, in English, for
    /// whoever helps the couple.
    Unreadable(String),
}

impl Damage {
    pub fn say(&self, lang: Lang) -> String {
        let key = match self {
            Damage::NoHeader => Key::WhyNoHeader,
            Damage::BadCharacters => Key::WhyBadCharacters,
            Damage::CutOrChanged => Key::WhyCutOrChanged,
            Damage::TooBig => Key::WhyTooBig,
            Damage::NotText => Key::WhyNotText,
            Damage::Unreadable(detail) => {
                return say(lang, Key::WhyUnreadable, &[("detail", detail)])
            }
        };
        text(lang, key).to_string()
    }
}

impl ShareError {
    /// What went wrong, in a language (the couple's share page speaks theirs).
    pub fn say(&self, lang: Lang) -> String {
        let key = match self {
            ShareError::NotALink => Key::ErrNotALink,
            ShareError::TooLong => Key::ErrTooLong,
            ShareError::NeedsPassphrase => Key::ErrNeedsPassphrase,
            ShareError::WrongPassphraseOrChanged => Key::ErrWrongPassphrase,
            ShareError::Damaged(why) => {
                return say(lang, Key::ErrDamaged, &[("why", &why.say(lang))])
            }
            ShareError::Unsupported => Key::ErrUnsupported,
            ShareError::TooLargeToShare => Key::ErrTooLarge,
            ShareError::NoPassphrase => Key::ErrNoPassphrase,
        };
        text(lang, key).to_string()
    }
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

/// A new passphrase of four common words, from the browser's random numbers.
pub fn new_passphrase() -> Result<String, ShareError> {
    let mut bytes = [0u8; PASSPHRASE_WORDS * 4];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| ShareError::Unsupported)?;
    let mut random = [0u32; PASSPHRASE_WORDS];
    for (n, chunk) in random.iter_mut().zip(bytes.chunks_exact(4)) {
        *n = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    Ok(passphrase(random))
}

/// Makes the `#fragment` for a plan (for everyone, or for one partner: their sessions and the
/// joint ones), encrypted unless a plain link is chosen. Refuses a link it would not open.
pub async fn make_fragment(
    plan: &Plan,
    person: Option<Person>,
    protection: &Protection,
) -> Result<String, ShareError> {
    let json = encode_plan(&public_plan(plan, person));
    let packed = transform(json.as_bytes(), true)
        .await
        .map_err(|problem| match problem {
            Unpack::TooLarge => ShareError::TooLargeToShare,
            Unpack::Unsupported | Unpack::Broken => ShareError::Unsupported,
        })?;
    let fragment = match protection {
        Protection::Plain => format!(
            "{SHARE_PREFIX}{}{}",
            LinkKind::Plain.prefix(),
            base64url_encode(&packed)
        ),
        Protection::Passphrase(secret) if secret.trim().is_empty() => {
            return Err(ShareError::NoPassphrase)
        }
        Protection::Passphrase(secret) => {
            let kind = LinkKind::Sealed600k;
            let mut salt_iv = [0u8; SALT + IV];
            crypto()?
                .get_random_values_with_u8_array(&mut salt_iv)
                .map_err(|_| ShareError::Unsupported)?;
            let (salt, iv) = salt_iv.split_at(SALT);
            let key = derive_key(secret, salt, kind).await?;
            let sealed = call(subtle()?.encrypt_with_object_and_u8_array(&gcm(iv), &key, &packed))
                .await
                .map_err(|_| ShareError::Unsupported)?;
            let mut bytes = salt_iv.to_vec();
            bytes.extend(Uint8Array::new(&sealed).to_vec());
            format!(
                "{SHARE_PREFIX}{}{}",
                kind.prefix(),
                base64url_encode(&bytes)
            )
        }
    };
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLargeToShare);
    }
    Ok(fragment)
}

/// How a share link was made, and where its data starts.
pub fn inspect(fragment: &str) -> Result<(LinkKind, &str), ShareError> {
    let body = fragment
        .strip_prefix(SHARE_PREFIX)
        .ok_or(ShareError::NotALink)?;
    LinkKind::ALL
        .into_iter()
        .find_map(|kind| body.strip_prefix(kind.prefix()).map(|data| (kind, data)))
        .ok_or(ShareError::Damaged(Damage::NoHeader))
}

/// The share fragment of a pasted link (a whole address, or the fragment alone), checked the way
/// the share page will check it first; the rest of the address does not matter, so a link made
/// on another host or folder opens here too.
pub fn fragment_of(link: &str) -> Result<&str, ShareError> {
    let link = link.trim();
    if link.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong);
    }
    let fragment = link
        .find(SHARE_PREFIX)
        .map(|start| &link[start..])
        .ok_or(ShareError::NotALink)?;
    inspect(fragment).map(|_| fragment)
}

/// Whether a share link needs a passphrase.
pub fn needs_passphrase(fragment: &str) -> Result<bool, ShareError> {
    inspect(fragment).map(|(kind, _)| kind.iterations().is_some())
}

/// Opens a share link's fragment.
pub async fn open_fragment(fragment: &str, passphrase: Option<&str>) -> Result<Plan, ShareError> {
    let document = open_document(fragment, passphrase).await?;
    decode_plan(&document).map_err(|e| ShareError::Damaged(Damage::Unreadable(e.to_string())))
}

/// The plan document a share link carries (JSON text, as `format` writes it), not yet read.
pub async fn open_document(fragment: &str, passphrase: Option<&str>) -> Result<String, ShareError> {
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong);
    }
    let (kind, data) = inspect(fragment)?;
    let data = base64url_decode(data).ok_or(ShareError::Damaged(Damage::BadCharacters))?;
    let packed = if kind.iterations().is_some() {
        let passphrase = passphrase
            .filter(|p| !p.is_empty())
            .ok_or(ShareError::NeedsPassphrase)?;
        if data.len() < SALT + IV + 16 {
            return Err(ShareError::WrongPassphraseOrChanged);
        }
        let (salt, rest) = data.split_at(SALT);
        let (iv, sealed) = rest.split_at(IV);
        let key = derive_key(passphrase, salt, kind).await?;
        let opened = call(subtle()?.decrypt_with_object_and_u8_array(&gcm(iv), &key, sealed))
            .await
            .map_err(|_| ShareError::WrongPassphraseOrChanged)?;
        Uint8Array::new(&opened).to_vec()
    } else {
        data
    };
    let json = transform(&packed, false)
        .await
        .map_err(|problem| match problem {
            Unpack::Unsupported => ShareError::Unsupported,
            Unpack::Broken => ShareError::Damaged(Damage::CutOrChanged),
            Unpack::TooLarge => ShareError::Damaged(Damage::TooBig),
        })?;
    String::from_utf8(json).map_err(|_| ShareError::Damaged(Damage::NotText))
}

fn crypto() -> Result<web_sys::Crypto, ShareError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(ShareError::Unsupported)
}

fn subtle() -> Result<SubtleCrypto, ShareError> {
    Ok(crypto()?.subtle())
}

async fn call(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

fn gcm(iv: &[u8]) -> AesGcmParams {
    AesGcmParams::new("AES-GCM", &Uint8Array::from(iv))
}

async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    kind: LinkKind,
) -> Result<CryptoKey, ShareError> {
    let iterations = kind.iterations().ok_or(ShareError::Unsupported)?;
    // The same words typed on another device may arrive in another Unicode form ("é" as one
    // code point or two): NFC makes them the same bytes.
    let passphrase: String = js_sys::JsString::from(passphrase.trim())
        .normalize("NFC")
        .into();
    let subtle = subtle()?;
    let usages = |names: &[&str]| -> JsValue {
        names
            .iter()
            .map(|n| JsValue::from_str(n))
            .collect::<Array>()
            .into()
    };
    let base = call(subtle.import_key_with_str(
        "raw",
        &Uint8Array::from(passphrase.as_bytes()),
        "PBKDF2",
        false,
        &usages(&["deriveKey"]),
    ))
    .await
    .map_err(|_| ShareError::Unsupported)?;
    let params = Pbkdf2Params::new(
        "PBKDF2",
        &"SHA-256".into(),
        iterations,
        &Uint8Array::from(salt),
    );
    let key = call(subtle.derive_key_with_object_and_object(
        &params,
        base.unchecked_ref(),
        &AesKeyGenParams::new("AES-GCM", 256),
        false,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await
    .map_err(|_| ShareError::Unsupported)?;
    Ok(key.unchecked_into())
}

/// Compresses (`true`) or decompresses with deflate-raw through the browser's streams. The
/// output is read chunk by chunk and reading stops as soon as it passes `MAX_DOCUMENT_BYTES`, so
/// a small link that inflates to gigabytes costs no more than that.
async fn transform(bytes: &[u8], compress: bool) -> Result<Vec<u8>, Unpack> {
    let parts: Array = std::iter::once(JsValue::from(Uint8Array::from(bytes))).collect();
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(|_| Unpack::Unsupported)?;
    let pair = stream_pair(compress).ok_or(Unpack::Unsupported)?;
    let output = blob.stream().pipe_through(&pair);
    let reader = method(&output, "getReader")
        .and_then(|get| get.call0(&output).ok())
        .ok_or(Unpack::Unsupported)?;
    let read = method(&reader, "read").ok_or(Unpack::Unsupported)?;
    let mut out = Vec::new();
    loop {
        let promise: js_sys::Promise = read
            .call0(&reader)
            .ok()
            .and_then(|p| p.dyn_into().ok())
            .ok_or(Unpack::Unsupported)?;
        let chunk = JsFuture::from(promise).await.map_err(|_| Unpack::Broken)?;
        if Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true)
        {
            return Ok(out);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or(Unpack::Broken)?;
        if out.len() + value.length() as usize > MAX_DOCUMENT_BYTES {
            if let Some(cancel) = method(&reader, "cancel") {
                let _ = cancel.call0(&reader);
            }
            return Err(Unpack::TooLarge);
        }
        out.extend(value.to_vec());
    }
}

/// Why compressing or decompressing stopped.
enum Unpack {
    /// The browser lacks the streams.
    Unsupported,
    /// The data is not deflate-raw (cut off or changed).
    Broken,
    /// The output passed `MAX_DOCUMENT_BYTES`.
    TooLarge,
}

/// A method of a JavaScript object, by name.
fn method(object: &JsValue, name: &str) -> Option<js_sys::Function> {
    Reflect::get(object, &name.into()).ok()?.dyn_into().ok()
}

/// A CompressionStream or DecompressionStream for deflate-raw. (web-sys only binds these behind
/// `--cfg=web_sys_unstable_apis`, so they are reached through `Reflect`.)
fn stream_pair(compress: bool) -> Option<ReadableWritablePair> {
    let name = if compress {
        "CompressionStream"
    } else {
        "DecompressionStream"
    };
    let constructor: js_sys::Function = Reflect::get(&js_sys::global(), &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let stream = Reflect::construct(&constructor, &Array::of1(&"deflate-raw".into())).ok()?;
    let readable: ReadableStream = Reflect::get(&stream, &"readable".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let writable: WritableStream = Reflect::get(&stream, &"writable".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some(ReadableWritablePair::new(&readable, &writable))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The reverse of `base64url_encode`; `None` for any character or length it never produces.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32);
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= value(*c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}
