//! Share links: the couple's plan travels inside the link's `#fragment`, which browsers never
//! send to a server. The payload is the public plan (`core::preview::public_plan`: nothing
//! clinical) in the stored format, compressed with the browser's CompressionStream
//! (deflate-raw) and written in base64url. With a passphrase it is also encrypted with AES-GCM
//! under a key derived by PBKDF2-SHA-256 (310,000 iterations, random salt) in SubtleCrypto.
//!
//! Fragment forms: `#/share/p.<base64url>` (plain) and `#/share/e.<base64url of salt|iv|data>`.

use super::format::{decode_plan, encode_plan};
use crate::core::model::Plan;
use crate::core::preview::public_plan;
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AesGcmParams, AesKeyGenParams, Blob, CryptoKey, Pbkdf2Params, ReadableStream,
    ReadableWritablePair, Response, SubtleCrypto, WritableStream,
};

pub const SHARE_PREFIX: &str = "#/share/";
pub const PBKDF2_ITERATIONS: u32 = 310_000;
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
    Damaged(String),
    /// The browser lacks what is needed (CompressionStream, SubtleCrypto).
    Unsupported,
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::NotALink => write!(f, "This is not a share link."),
            ShareError::TooLong => write!(f, "This link is far longer than any share link; it was not opened."),
            ShareError::NeedsPassphrase => write!(f, "This link is protected. Enter the passphrase you were given."),
            ShareError::WrongPassphraseOrChanged => write!(
                f,
                "The passphrase is not right, or the link was changed or cut off. Check both and try again."
            ),
            ShareError::Damaged(why) => write!(f, "This link is damaged ({why}). Ask for the link again."),
            ShareError::Unsupported => write!(f, "This browser cannot open share links. Try a current browser."),
        }
    }
}

/// Makes the `#fragment` for a plan, encrypted when a passphrase is given.
pub async fn make_fragment(plan: &Plan, passphrase: Option<&str>) -> Result<String, ShareError> {
    let json = encode_plan(&public_plan(plan));
    let packed = transform(json.as_bytes(), true).await?;
    Ok(match passphrase.filter(|p| !p.is_empty()) {
        None => format!("{SHARE_PREFIX}p.{}", base64url_encode(&packed)),
        Some(passphrase) => {
            let mut salt_iv = [0u8; SALT + IV];
            crypto()?
                .get_random_values_with_u8_array(&mut salt_iv)
                .map_err(|_| ShareError::Unsupported)?;
            let (salt, iv) = salt_iv.split_at(SALT);
            let key = derive_key(passphrase, salt).await?;
            let sealed = call(subtle()?.encrypt_with_object_and_u8_array(&gcm(iv), &key, &packed))
                .await
                .map_err(|_| ShareError::Unsupported)?;
            let mut bytes = salt_iv.to_vec();
            bytes.extend(Uint8Array::new(&sealed).to_vec());
            format!("{SHARE_PREFIX}e.{}", base64url_encode(&bytes))
        }
    })
}

/// Whether a fragment is a share link, and whether it needs a passphrase.
pub fn inspect(fragment: &str) -> Result<bool, ShareError> {
    let body = fragment
        .strip_prefix(SHARE_PREFIX)
        .ok_or(ShareError::NotALink)?;
    match body.get(..2) {
        Some("p.") => Ok(false),
        Some("e.") => Ok(true),
        _ => Err(ShareError::Damaged(
            "it does not say how it was made".into(),
        )),
    }
}

/// Opens a share link's fragment.
pub async fn open_fragment(fragment: &str, passphrase: Option<&str>) -> Result<Plan, ShareError> {
    if fragment.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLong);
    }
    let encrypted = inspect(fragment)?;
    let data = base64url_decode(&fragment[SHARE_PREFIX.len() + 2..])
        .ok_or_else(|| ShareError::Damaged("it has characters a share link never has".into()))?;
    let packed = if encrypted {
        let passphrase = passphrase
            .filter(|p| !p.is_empty())
            .ok_or(ShareError::NeedsPassphrase)?;
        if data.len() < SALT + IV + 16 {
            return Err(ShareError::WrongPassphraseOrChanged);
        }
        let (salt, rest) = data.split_at(SALT);
        let (iv, sealed) = rest.split_at(IV);
        let key = derive_key(passphrase, salt).await?;
        let opened = call(subtle()?.decrypt_with_object_and_u8_array(&gcm(iv), &key, sealed))
            .await
            .map_err(|_| ShareError::WrongPassphraseOrChanged)?;
        Uint8Array::new(&opened).to_vec()
    } else {
        data
    };
    let json = transform(&packed, false)
        .await
        .map_err(|_| ShareError::Damaged("it is cut off or changed".into()))?;
    let text = String::from_utf8(json).map_err(|_| ShareError::Damaged("it is not text".into()))?;
    decode_plan(&text).map_err(|e| ShareError::Damaged(e.to_string()))
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

async fn derive_key(passphrase: &str, salt: &[u8]) -> Result<CryptoKey, ShareError> {
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
        PBKDF2_ITERATIONS,
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

/// Compresses (`true`) or decompresses with deflate-raw through the browser's streams.
async fn transform(bytes: &[u8], compress: bool) -> Result<Vec<u8>, ShareError> {
    let parts: Array = std::iter::once(JsValue::from(Uint8Array::from(bytes))).collect();
    let blob = Blob::new_with_u8_array_sequence(&parts).map_err(|_| ShareError::Unsupported)?;
    let pair = stream_pair(compress).ok_or(ShareError::Unsupported)?;
    let output = blob.stream().pipe_through(&pair);
    let response = Response::new_with_opt_readable_stream(Some(&output))
        .map_err(|_| ShareError::Unsupported)?;
    let buffer = call(response.array_buffer())
        .await
        .map_err(|_| ShareError::Damaged("it could not be unpacked".into()))?;
    Ok(Uint8Array::new(&buffer).to_vec())
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
