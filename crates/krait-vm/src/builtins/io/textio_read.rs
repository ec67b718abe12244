//! Reading a TextIOWrapper, and its `tell` and `seek` (CPython's
//! `textio.c`).
//!
//! Invariants:
//! - `decoded[decoded_pos..]` is text decoded but not yet returned; the
//!   decoder's own state is `utf8_pending` (an incomplete sequence) and
//!   `nl.pendingcr` (a `\r` held back until the next byte is known).
//! - `snapshot` holds every byte fed to the decoder since a point where
//!   that state was empty; that point is the buffer's position less the
//!   snapshot's length. So a position is a byte offset when the text
//!   returned so far ends where the decoder's state is empty, and
//!   otherwise `start + (chars_to_skip << 64)`: seeking there decodes
//!   from `start` again and skips that many code points.

use super::stringio::NewlineState;
use super::textio::{check_closed, with, write_flush, Coder, TextState};
use super::{call_method, int_result, positional, size_arg, unsupported};
use crate::builtins::bytes::{as_buffer, new_bytes};
use crate::builtins::codecs::{self, Codec};
use crate::builtins::int::new_int;
use crate::builtins::singletons::is_none;
use crate::builtins::str::as_str_data;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Decode `input` (after `pending`, an incomplete UTF-8 sequence, which
/// is updated) with the native codec: generalized UTF-8 text.
fn decode_native(vm: &mut Vm, codec: Codec, errors: &str, pending: &mut Vec<u8>, input: &[u8], final_: bool) -> PyResult<Vec<u8>> {
    let mut data = std::mem::take(pending);
    data.extend_from_slice(input);
    if codec == Codec::Utf8 && !final_ {
        let keep = incomplete_tail(&data);
        *pending = data.split_off(data.len() - keep);
    }
    if codec == Codec::Utf8 || codec == Codec::Ascii {
        if data.is_ascii() {
            return Ok(data);
        }
        if codec == Codec::Utf8 && std::str::from_utf8(&data).is_ok() {
            return Ok(data);
        }
    }
    let s = codecs::decode(vm, &data, codec, errors)?;
    Ok(as_str_data(&s).map(|d| d.bytes().to_vec()).unwrap_or_default())
}

/// How many bytes at the end of `data` start a UTF-8 sequence that is
/// not complete yet (0 to 3).
fn incomplete_tail(data: &[u8]) -> usize {
    for back in 1..=3.min(data.len()) {
        let b = data[data.len() - back];
        if b & 0xC0 == 0x80 {
            continue;
        }
        let need = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return 0,
        };
        return if need > back { back } else { 0 };
    }
    0
}

/// Decode a chunk of bytes as the wrapper's decoder does (codec, then
/// newline translation): generalized UTF-8 text.
pub(super) fn decode(vm: &mut Vm, t: &mut TextState, input: &[u8], final_: bool) -> PyResult<Vec<u8>> {
    let text = match &t.coder {
        Coder::Native(codec) => {
            let codec = *codec;
            decode_native(vm, codec, &t.errors, &mut t.utf8_pending, input, final_)?
        }
        Coder::Python { decoder, .. } => {
            let decoder = decoder.clone();
            let f = crate::ops::getattr(vm, &decoder, &crate::builtins::str::intern("decode"))?;
            let s = crate::eval::call(vm, &f, &[new_bytes(input.to_vec()), vm.bool(final_)], &[])?;
            match as_str_data(&s) {
                Some(d) => d.bytes().to_vec(),
                None => {
                    let msg = format!("decoder should return a string result, not '{}'", vm.type_of(&s).name());
                    return Err(vm.type_error(msg));
                }
            }
        }
    };
    if t.readuniversal() {
        let translate = t.readtranslate();
        Ok(t.nl.decode(&text, translate, final_))
    } else {
        Ok(text)
    }
}

/// Read and decode the next chunk into `decoded` (CPython's
/// `textiowrapper_read_chunk`): false at end of file.
fn read_chunk(vm: &mut Vm, t: &mut TextState, size_hint: usize) -> PyResult<bool> {
    // What the decoder holds now is fed again from the snapshot's start.
    let mut next_input = Vec::new();
    if t.telling {
        next_input.extend_from_slice(&t.utf8_pending);
        if t.nl.pendingcr {
            next_input.insert(0, b'\r');
        }
    }
    let size = size_hint.max(t.chunk_size);
    let method = if t.has_read1 { "read1" } else { "read" };
    let chunk = call_method(vm, &t.buffer, method, &[new_int(size as i64)])?;
    let Some(chunk) = as_buffer(&chunk).map(|b| b.to_vec()) else {
        let msg = format!(
            "underlying {method}() should have returned a bytes-like object, not '{}'",
            vm.type_of(&chunk).name()
        );
        return Err(vm.type_error(msg));
    };
    let eof = chunk.is_empty();
    let text = decode(vm, t, &chunk, eof)?;
    t.decoded = text;
    t.decoded_pos = 0;
    if t.telling {
        next_input.extend_from_slice(&chunk);
        t.snapshot = Some(next_input);
    }
    Ok(!eof)
}

/// Checks before reading: open, readable, pending writes flushed.
fn start_read(vm: &mut Vm, t: &mut TextState) -> PyResult<()> {
    check_closed(vm, t)?;
    if !t.readable {
        return Err(unsupported(vm, "not readable"));
    }
    write_flush(vm, t)
}

/// `read(size=-1)`.
pub(super) fn textio_read(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "read", args, kwnames, 0, 1)?;
    let size = size_arg(vm, a.first())?;
    with(vm, this, |vm, t| {
        start_read(vm, t)?;
        match size {
            None => {
                let rest = call_method(vm, &t.buffer, "read", &[])?;
                let bytes = if is_none(&rest) { Vec::new() } else { as_buffer(&rest).map(|b| b.to_vec()).unwrap_or_default() };
                let mut out = t.decoded[t.decoded_pos.min(t.decoded.len())..].to_vec();
                out.extend(decode(vm, t, &bytes, true)?);
                t.decoded.clear();
                t.decoded_pos = 0;
                t.snapshot = None;
                Ok(super::str_from_wtf8(&out))
            }
            Some(n) => {
                let mut out = Vec::new();
                let mut remaining = n as usize;
                loop {
                    let (taken, count) = take_chars(t, remaining);
                    out.extend_from_slice(&taken);
                    remaining -= count;
                    if remaining == 0 || !read_chunk(vm, t, remaining)? {
                        if remaining > 0 {
                            let (taken, _) = take_chars(t, remaining);
                            out.extend_from_slice(&taken);
                        }
                        break;
                    }
                }
                Ok(super::str_from_wtf8(&out))
            }
        }
    })
}

/// Up to `n` code points of the decoded text: the bytes and the count.
fn take_chars(t: &mut TextState, n: usize) -> (Vec<u8>, usize) {
    let rest = &t.decoded[t.decoded_pos.min(t.decoded.len())..];
    let mut count = 0;
    let mut end = 0;
    while end < rest.len() && count < n {
        end += 1;
        while end < rest.len() && rest[end] & 0xC0 == 0x80 {
            end += 1;
        }
        count += 1;
    }
    let out = rest[..end].to_vec();
    t.decoded_pos += end;
    (out, count)
}

/// The end of the first line in `text`, searching from `from`.
fn find_line_end(t: &TextState, text: &[u8], from: usize) -> Option<usize> {
    if t.readtranslate() {
        return text[from..].iter().position(|&b| b == b'\n').map(|i| from + i + 1);
    }
    if t.readuniversal() {
        let i = from + text[from..].iter().position(|&b| b == b'\n' || b == b'\r')?;
        if text[i] == b'\r' {
            return match text.get(i + 1) {
                Some(b'\n') => Some(i + 2),
                // A '\r' at the end: the next chunk may start with '\n'
                // (the newline decoder holds a final '\r' back, so this
                // is the end of the file).
                _ => Some(i + 1),
            };
        }
        return Some(i + 1);
    }
    let nl = t.newline.as_deref().unwrap_or("\n").as_bytes();
    let start = from.saturating_sub(nl.len() - 1);
    text[start..].windows(nl.len()).position(|w| w == nl).map(|i| start + i + nl.len())
}

/// `readline(size=-1)`.
pub(super) fn textio_readline(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "readline", args, kwnames, 0, 1)?;
    let limit = size_arg(vm, a.first())?;
    with(vm, this, |vm, t| readline(vm, t, limit))
}

fn readline(vm: &mut Vm, t: &mut TextState, limit: Option<i64>) -> PyResult<Value> {
    start_read(vm, t)?;
    let mut line: Vec<u8> = Vec::new();
    loop {
        let pos = t.decoded_pos.min(t.decoded.len());
        let old = line.len();
        line.extend_from_slice(&t.decoded[pos..]);
        let mut end = find_line_end(t, &line, old);
        if let Some(l) = limit {
            let l = l as usize;
            // The byte offset of code point `l` in the line, if it is there.
            let mut count = 0;
            let mut cut = None;
            for (i, &b) in line.iter().enumerate() {
                if b & 0xC0 != 0x80 {
                    if count == l {
                        cut = Some(i);
                        break;
                    }
                    count += 1;
                }
            }
            if let Some(c) = cut.filter(|&c| matches!(end, Some(e) if e > c) || end.is_none()) {
                end = Some(c);
            }
        }
        match end {
            Some(e) => {
                t.decoded_pos = pos + (e - old);
                line.truncate(e);
                break;
            }
            None => {
                t.decoded_pos = t.decoded.len();
                if !read_chunk(vm, t, 0)? {
                    // The last decode at end of file may have released a '\r'.
                    let pos = t.decoded_pos.min(t.decoded.len());
                    if pos < t.decoded.len() {
                        continue;
                    }
                    break;
                }
            }
        }
    }
    if line.is_empty() {
        t.decoded.clear();
        t.decoded_pos = 0;
        t.snapshot = None;
    }
    Ok(super::str_from_wtf8(&line))
}

/// `next(f)`: a line; telling is off until the end (as CPython).
pub(super) fn textio_next(vm: &mut Vm, this: &Value) -> PyResult<Option<Value>> {
    if vm.type_of(this).heap.is_some() {
        return super::iobase::iobase_next(vm, this);
    }
    with(vm, this, |vm, t| {
        t.telling = false;
        let line = readline(vm, t, None)?;
        if as_str_data(&line).is_some_and(|d| d.is_empty()) {
            t.snapshot = None;
            t.telling = t.seekable;
            return Ok(None);
        }
        Ok(Some(line))
    })
}

/// How many code points the decoder gives for `input` from a clean
/// state, and whether its state is clean after it.
fn decode_fresh(vm: &mut Vm, t: &mut TextState, input: &[u8]) -> PyResult<(usize, bool)> {
    let (saved_nl, saved_pending) = (t.nl, std::mem::take(&mut t.utf8_pending));
    t.nl = NewlineState::default();
    let r = decode(vm, t, input, false);
    let clean = !t.nl.pendingcr && t.utf8_pending.is_empty();
    t.nl = saved_nl;
    t.utf8_pending = saved_pending;
    Ok((super::textio::count_code_points(&r?), clean))
}

/// `tell()`: the opaque position of the next character.
pub(super) fn textio_tell(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    positional(vm, "tell", args, kwnames, 0, 0)?;
    with(vm, this, |vm, t| {
        check_closed(vm, t)?;
        if !t.seekable {
            return Err(unsupported(vm, "underlying stream is not seekable"));
        }
        if !t.telling {
            return Err(vm.error(&crate::builtins::exceptions::OS_ERROR, "telling position disabled by next() call"));
        }
        write_flush(vm, t)?;
        call_method(vm, &t.buffer, "flush", &[])?;
        let pos = call_method(vm, &t.buffer, "tell", &[])?;
        let pos = int_result(vm, &pos)?;
        let Some(snapshot) = t.snapshot.clone() else {
            return Ok(new_int(pos));
        };
        if matches!(t.coder, Coder::Python { .. }) && t.decoded_pos < t.decoded.len() {
            return Err(vm.error(&crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR, format!("tell() in the middle of text decoded by the '{}' codec", t.encoding)));
        }
        let start = pos - snapshot.len() as i64;
        let skip = super::textio::count_code_points(&t.decoded[..t.decoded_pos.min(t.decoded.len())]);
        if skip == 0 {
            return Ok(new_int(start));
        }
        // The fewest bytes that decode to at least `skip` code points.
        let (mut lo, mut hi) = (0usize, snapshot.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (n, _) = decode_fresh(vm, t, &snapshot[..mid])?;
            if n >= skip {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        let (n, clean) = decode_fresh(vm, t, &snapshot[..lo])?;
        if n == skip && clean {
            return Ok(new_int(start + lo as i64));
        }
        let cookie = (dashu_int::IBig::from(skip) << 64) + dashu_int::IBig::from(start);
        Ok(crate::builtins::int::new_big(cookie))
    })
}

/// `seek(cookie, whence=0)`.
pub(super) fn textio_seek(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let a = positional(vm, "seek", args, kwnames, 1, 2)?;
    let whence = match a.get(1) {
        Some(w) => super::index_arg(vm, w)?,
        None => 0,
    };
    let cookie = crate::ops::index(vm, &a[0])?.ok_or_else(|| {
        let msg = format!("an integer is required (got type {})", vm.type_of(&a[0]).name());
        vm.type_error(msg)
    })?;
    let cookie = crate::builtins::int::int_of(&cookie).map(|i| i.to_ibig()).unwrap_or_default();
    let zero = dashu_int::IBig::ZERO;
    let r = with(vm, this, |vm, t| {
        check_closed(vm, t)?;
        if !t.seekable {
            return Err(unsupported(vm, "underlying stream is not seekable"));
        }
        match whence {
            1 if cookie != zero => return Err(unsupported(vm, "can't do nonzero cur-relative seeks")),
            1 => return Ok(None),
            2 if cookie != zero => return Err(unsupported(vm, "can't do nonzero end-relative seeks")),
            2 => {
                write_flush(vm, t)?;
                call_method(vm, &t.buffer, "flush", &[])?;
                t.decoded.clear();
                t.decoded_pos = 0;
                t.snapshot = None;
                t.reset_decoder();
                return call_method(vm, &t.buffer, "seek", &[new_int(0), new_int(2)]).map(Some);
            }
            0 => {}
            _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
        }
        if cookie < zero {
            return Err(vm.value_error(format!("negative seek position {cookie}")));
        }
        write_flush(vm, t)?;
        call_method(vm, &t.buffer, "flush", &[])?;
        let mask = (dashu_int::IBig::ONE << 64) - dashu_int::IBig::ONE;
        let start = i64::try_from(&cookie & &mask).unwrap_or(0);
        let skip = usize::try_from(cookie.clone() >> 64).unwrap_or(0);
        call_method(vm, &t.buffer, "seek", &[new_int(start)])?;
        t.decoded.clear();
        t.decoded_pos = 0;
        t.snapshot = None;
        t.reset_decoder();
        if skip > 0 {
            let mut input = Vec::new();
            loop {
                let chunk = call_method(vm, &t.buffer, "read", &[new_int(t.chunk_size as i64)])?;
                let chunk = as_buffer(&chunk).map(|b| b.to_vec()).unwrap_or_default();
                let eof = chunk.is_empty();
                input.extend(chunk);
                let (n, _) = decode_fresh(vm, t, &input)?;
                if n >= skip || eof {
                    break;
                }
            }
            let text = decode(vm, t, &input, false)?;
            t.decoded = text;
            t.snapshot = Some(input);
            let (_, count) = take_chars(t, skip);
            if count < skip {
                return Err(vm.error(&crate::builtins::exceptions::OS_ERROR, "can't restore logical file position"));
            }
        } else if t.telling {
            t.snapshot = Some(Vec::new());
        }
        Ok(Some(new_int(0)))
    })?;
    match r {
        // whence=1 with 0: the same as seek(tell()).
        None => {
            let pos = call_method(vm, this, "tell", &[])?;
            textio_seek(vm, this, &[pos], &[])
        }
        Some(v) if whence == 2 => Ok(v),
        Some(_) => Ok(a[0].clone()),
    }
}
