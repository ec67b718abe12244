//! Text encodings: `str.encode`, `bytes.decode` and `str(b, encoding)` for
//! the codecs CPython implements in C and looks up without the `encodings`
//! package (utf-8, ascii, latin-1), with their error handlers.
//!
//! Invariants:
//! - An encoding name is normalized as `encodings.normalize_encoding` does
//!   after `codecs.lookup` lowercases it (`UTF-8`, `utf8`, `u8` are one
//!   codec); error messages name the codec as CPython does (`'utf-8'`).
//! - The failing range of an error is CPython's: a run of unencodable code
//!   points when encoding; when decoding UTF-8, the maximal invalid
//!   subsequence (Unicode's "maximal subpart" practice, which Rust's
//!   `Utf8Error` reports too), one byte for ASCII.
//! - An error handler is looked up only when an error occurs, as in
//!   CPython: `b'x'.decode('ascii', 'bogus')` succeeds.
//!
//! PROVISIONAL: the other codecs of the `encodings` package (utf-16,
//! cp1252, ...) raise NotImplementedError naming them; the `namereplace`
//! handler raises NotImplementedError too.

use krait_syntax::pystr::PyString;

use crate::builtins::bytes::new_bytes;
use crate::builtins::exceptions::{exception_with_args, LOOKUP_ERROR, NOT_IMPLEMENTED_ERROR, UNICODE_DECODE_ERROR, UNICODE_ENCODE_ERROR};
use crate::builtins::int::new_int;
use crate::builtins::str::{new_str, new_str_from_pystring, StrData};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A codec Krait implements.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The codec's name in CPython's error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The first code point this codec cannot encode (none for UTF-8).
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x11_0000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// `encodings.normalize_encoding(name.lower())`: runs of characters other
/// than ASCII letters, digits and `.` become one `_` between words.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            }
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// The codec modules of CPython 3.11's `encodings` package that Krait does
/// not implement, with a few common aliases of them.
const OTHER_CODECS: &[&str] = &[
    "base64_codec", "big5", "big5hkscs", "bz2_codec", "charmap", "cp037", "cp1006", "cp1026", "cp1125", "cp1140",
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp273", "cp424",
    "cp437", "cp500", "cp720", "cp737", "cp775", "cp850", "cp852", "cp855", "cp856", "cp857", "cp858", "cp860",
    "cp861", "cp862", "cp863", "cp864", "cp865", "cp866", "cp869", "cp874", "cp875", "cp932", "cp949", "cp950",
    "euc_jis_2004", "euc_jisx0213", "euc_jp", "euc_kr", "gb18030", "gb2312", "gbk", "hex_codec", "hp_roman8", "hz",
    "idna", "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext",
    "iso2022_kr", "iso8859_10", "iso8859_11", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "iso8859_2",
    "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_9", "johab", "koi8_r",
    "koi8_t", "koi8_u", "kz1048", "mac_arabic", "mac_croatian", "mac_cyrillic", "mac_farsi", "mac_greek",
    "mac_iceland", "mac_latin2", "mac_roman", "mac_romanian", "mac_turkish", "mbcs", "oem", "palmos", "ptcp154",
    "punycode", "quopri_codec", "raw_unicode_escape", "rot_13", "shift_jis", "shift_jis_2004", "shift_jisx0213",
    "tis_620", "undefined", "unicode_escape", "utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be",
    "utf_32_le", "utf_7", "utf_8_sig", "uu_codec", "zlib_codec", "utf16", "utf32", "u16", "u32", "utf_16le",
    "utf_16be", "utf_32le", "utf_32be", "windows_1252", "latin2", "base64", "hex", "zlib", "rot13",
];

/// The codec named `name` (CPython's `codecs.lookup`, for the codecs Krait
/// has): LookupError for a name no codec has.
pub fn lookup(vm: &mut Vm, name: &str) -> PyResult<Codec> {
    let norm = normalize(name);
    let codec = match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Some(Codec::Utf8),
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367"
        | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" | "us_ascii" => Some(Codec::Ascii),
        "latin_1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1" | "iso_8859_1"
        | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" | "latin1" => Some(Codec::Latin1),
        _ => None,
    };
    if let Some(c) = codec {
        return Ok(c);
    }
    if OTHER_CODECS.contains(&norm.as_str()) || OTHER_CODECS.contains(&norm.replace('.', "_").as_str()) {
        let msg = format!("the '{name}' codec (Krait has utf-8, ascii and latin-1)");
        return Err(vm.error(&NOT_IMPLEMENTED_ERROR, msg));
    }
    Err(vm.error(&LOOKUP_ERROR, format!("unknown encoding: {name}")))
}

/// An error handler, looked up when an error happens.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    SurrogateEscape,
    SurrogatePass,
    BackslashReplace,
    XmlCharRefReplace,
}

fn handler(vm: &mut Vm, errors: &str) -> PyResult<Handler> {
    Ok(match errors {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "namereplace" => return Err(vm.error(&NOT_IMPLEMENTED_ERROR, "the 'namereplace' error handler")),
        _ => return Err(vm.error(&LOOKUP_ERROR, format!("unknown error handler name '{errors}'"))),
    })
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for a code point (`backslashreplace`).
fn push_escape(out: &mut Vec<u8>, cp: u32) {
    let text = match cp {
        0..=0xff => format!("\\x{cp:02x}"),
        0x100..=0xffff => format!("\\u{cp:04x}"),
        _ => format!("\\U{cp:08x}"),
    };
    out.extend_from_slice(text.as_bytes());
}

/// A UnicodeEncodeError for code points `start..end` of `text`.
fn encode_error(codec: Codec, text: &StrData, start: usize, end: usize, reason: &str) -> PyErr {
    let args = vec![
        new_str(codec.name()),
        crate::builtins::str::new_str_bytes(text.bytes().into(), text.len()),
        new_int(start as i64),
        new_int(end as i64),
        new_str(reason),
    ];
    PyErr { exception: exception_with_args(&UNICODE_ENCODE_ERROR, args) }
}

/// A UnicodeDecodeError for bytes `start..end` of `data`.
fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let args = vec![
        new_str(codec.name()),
        new_bytes(data.to_vec()),
        new_int(start as i64),
        new_int(end as i64),
        new_str(reason),
    ];
    PyErr { exception: exception_with_args(&UNICODE_DECODE_ERROR, args) }
}

/// `text.encode(codec, errors)` (CPython's `unicode_encode_ucs1` and
/// `unicode_encode_utf8`).
pub fn encode(vm: &mut Vm, text: &StrData, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 {
        if let Ok(s) = std::str::from_utf8(text.bytes()) {
            return Ok(s.as_bytes().to_vec());
        }
    }
    let cps: Vec<u32> = text.code_points().collect();
    let bad = |cp: u32| match codec {
        Codec::Utf8 => (0xD800..=0xDFFF).contains(&cp),
        _ => cp >= codec.limit(),
    };
    let reason = match codec {
        Codec::Utf8 => "surrogates not allowed",
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
    };
    let mut out = Vec::with_capacity(cps.len());
    let mut i = 0;
    while i < cps.len() {
        let cp = cps[i];
        if !bad(cp) {
            if codec == Codec::Utf8 {
                let mut buf = [0u8; 4];
                let c = char::from_u32(cp).unwrap_or('\u{fffd}');
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            } else {
                out.push(cp as u8);
            }
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < cps.len() && bad(cps[end]) {
            end += 1;
        }
        let fail = || encode_error(codec, text, start, end, reason);
        match handler(vm, errors)? {
            Handler::Strict => return Err(fail()),
            Handler::Ignore => {}
            Handler::Replace => out.resize(out.len() + (end - start), b'?'),
            Handler::BackslashReplace => cps[start..end].iter().for_each(|&c| push_escape(&mut out, c)),
            Handler::XmlCharRefReplace => {
                for &c in &cps[start..end] {
                    out.extend_from_slice(format!("&#{c};").as_bytes());
                }
            }
            Handler::SurrogateEscape => {
                for &c in &cps[start..end] {
                    if !(0xDC80..=0xDCFF).contains(&c) {
                        return Err(fail());
                    }
                    out.push((c - 0xDC00) as u8);
                }
            }
            Handler::SurrogatePass => {
                if codec != Codec::Utf8 {
                    return Err(fail());
                }
                for &c in &cps[start..end] {
                    out.extend_from_slice(&[0xE0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3F) as u8, 0x80 | (c & 0x3F) as u8]);
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// `data.decode(codec, errors)` as a `str` (CPython's `PyUnicode_DecodeUTF8`,
/// `_PyUnicode_DecodeASCII`, `_PyUnicode_FromUCS1`).
pub fn decode(vm: &mut Vm, data: &[u8], codec: Codec, errors: &str) -> PyResult<Value> {
    let mut out = PyString::new();
    let mut i = 0;
    while i < data.len() {
        // The error range and its reason at `i`, after the valid text before it.
        let (end, reason) = match codec {
            Codec::Latin1 => {
                data[i..].iter().for_each(|&b| out.push_code_point(b as u32));
                break;
            }
            Codec::Ascii => {
                let n = data[i..].iter().position(|&b| b >= 0x80).unwrap_or(data.len() - i);
                // ASCII bytes are UTF-8.
                out.push_str(std::str::from_utf8(&data[i..i + n]).unwrap_or(""));
                i += n;
                if i == data.len() {
                    break;
                }
                (i + 1, "ordinal not in range(128)")
            }
            Codec::Utf8 => match std::str::from_utf8(&data[i..]) {
                Ok(s) => {
                    out.push_str(s);
                    break;
                }
                Err(e) => {
                    let valid = e.valid_up_to();
                    out.push_str(std::str::from_utf8(&data[i..i + valid]).unwrap_or(""));
                    i += valid;
                    match e.error_len() {
                        None => (data.len(), "unexpected end of data"),
                        Some(n) if n > 1 || (0xC2..=0xF4).contains(&data[i]) => (i + n, "invalid continuation byte"),
                        Some(_) => (i + 1, "invalid start byte"),
                    }
                }
            },
        };
        let start = i;
        let fail = || decode_error(codec, data, start, end, reason);
        i = end;
        match handler(vm, errors)? {
            Handler::Strict => return Err(fail()),
            Handler::Ignore => {}
            Handler::Replace => out.push_code_point(0xFFFD),
            Handler::BackslashReplace => {
                let mut esc = Vec::new();
                data[start..end].iter().for_each(|&b| push_escape(&mut esc, b as u32));
                out.push_str(std::str::from_utf8(&esc).unwrap_or(""));
            }
            Handler::SurrogateEscape => {
                for &b in &data[start..end] {
                    if b < 0x80 {
                        return Err(fail());
                    }
                    out.push_code_point(0xDC00 + b as u32);
                }
            }
            Handler::SurrogatePass => {
                // An encoded surrogate: ED A0..BF 80..BF.
                match data.get(start..start + 3) {
                    Some(&[0xED, b1 @ 0xA0..=0xBF, b2 @ 0x80..=0xBF]) if codec == Codec::Utf8 => {
                        out.push_code_point(0xD000 | ((b1 as u32 & 0x3F) << 6) | (b2 as u32 & 0x3F));
                        i = start + 3;
                    }
                    _ => return Err(fail()),
                }
            }
            Handler::XmlCharRefReplace => {
                return Err(vm.type_error("don't know how to handle UnicodeDecodeError in error callback"));
            }
        }
    }
    Ok(new_str_from_pystring(&out))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [encoding, errors] = crate::builtins::str_methods::bind(vm, "encode", ["encoding", "errors"], args, kwnames)?;
    let encoding = crate::builtins::bytes::text_arg(vm, "encode", "encoding", encoding)?;
    let errors = crate::builtins::bytes::text_arg(vm, "encode", "errors", errors)?;
    let out = crate::builtins::bytes::encode_str(vm, this, encoding.as_deref(), errors.as_deref())?;
    Ok(new_bytes(out))
}

/// `str(object, encoding, errors)` with an encoding or errors given
/// (CPython's `PyUnicode_FromEncodedObject`): `object` must be bytes-like.
pub fn decode_object(vm: &mut Vm, object: &Value, encoding: Option<&str>, errors: Option<&str>) -> PyResult<Value> {
    if crate::builtins::str::as_str_data(object).is_some() {
        return Err(vm.type_error("decoding str is not supported"));
    }
    let Some(data) = crate::builtins::bytes::as_buffer(object).map(|b| b.to_vec()) else {
        let msg = format!("decoding to str: need a bytes-like object, {} found", vm.type_of(object).name());
        return Err(vm.type_error(msg));
    };
    let codec = lookup(vm, encoding.unwrap_or("utf-8"))?;
    decode(vm, &data, codec, errors.unwrap_or("strict"))
}
