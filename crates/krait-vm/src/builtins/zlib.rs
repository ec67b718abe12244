//! The `zlib` module (CPython's `Modules/zlibmodule.c`) over the `zlib-rs`
//! crate: `compress`/`decompress`, the streaming `Compress` and
//! `Decompress` objects, `crc32` and `adler32`.
//!
//! Invariants:
//! - Every option is checked before it reaches `zlib-rs` (whose
//!   constructors assert valid options): bad options raise what CPython's
//!   zlib answers to them (`zlib.error` "Bad compression level",
//!   ValueError "Invalid initialization option", "Error -2 while
//!   preparing to decompress data: inconsistent stream state").
//! - The loops mirror CPython's: output grows until a call leaves room in
//!   it; one-shot `decompress` finishes with `Z_FINISH`, so a truncated
//!   stream is "Error -5 ... incomplete or truncated stream";
//!   `Decompress.decompress` keeps what follows the end of the stream in
//!   `unused_data` and what `max_length` left unread in
//!   `unconsumed_tail`.
//! - Decompression is zlib's format exactly. Compressed bytes are valid
//!   zlib/gzip/raw deflate streams, but `zlib-rs` (a port of zlib-ng)
//!   chooses matches differently from the zlib CPython links, so for
//!   levels 1-9 the bytes (and their length) differ from CPython's;
//!   level 0 is identical.
//! - Compress/Decompress objects hold no Python references.

use std::cell::RefCell;

use zlib_rs::{DeflateConfig, DeflateError, DeflateFlush, InflateError, InflateFlush, Status, Strategy};

use crate::builtins::bytes::{buffer_arg, new_bytes};
use crate::builtins::dict::as_dict;
use crate::builtins::function::{native_module_dict, new_module};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::str::{intern, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{trace_nothing, type_value, CallFn, GetSetDef, MethodDef, TypeObject, OBJECT_TYPE, TYPE_TYPE};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

const MAX_WBITS: i64 = 15;
const DEF_BUF_SIZE: i64 = 16384;
const DEF_MEM_LEVEL: i64 = 8;
const Z_FINISH: i64 = 4;

thread_local! {
    /// `zlib.error`, made with the module.
    static ERROR: RefCell<Value> = const { RefCell::new(Value::NULL) };
}

fn zlib_error(vm: &mut Vm, msg: String) -> PyErr {
    let cls = ERROR.with(|e| e.borrow().clone());
    match crate::eval::call(vm, &cls, &[new_str(&msg)], &[]) {
        Ok(exc) => PyErr { exception: exc },
        Err(e) => e,
    }
}

/// CPython's `zlib_error`: "Error N <context>: <zlib's message>", with
/// zlib's generic texts when the stream has no message.
fn stream_error(vm: &mut Vm, code: i32, context: &str, msg: Option<&str>) -> PyErr {
    let msg = msg.or(match code {
        -5 => Some("incomplete or truncated stream"),
        -2 => Some("inconsistent stream state"),
        -3 => Some("invalid input data"),
        _ => None,
    });
    match msg {
        Some(m) => zlib_error(vm, format!("Error {code} {context}: {m}")),
        None => zlib_error(vm, format!("Error {code} {context}")),
    }
}

fn inflate_code(e: &InflateError) -> i32 {
    match e {
        InflateError::NeedDict { .. } => 2,
        InflateError::StreamError => -2,
        InflateError::DataError => -3,
        InflateError::MemError => -4,
    }
}

fn deflate_code(e: &DeflateError) -> i32 {
    match e {
        DeflateError::StreamError => -2,
        DeflateError::DataError => -3,
        DeflateError::MemError => -4,
    }
}

// ----- arguments ----------------------------------------------------------

/// Bind `args` to `names` as Argument Clinic does: the first `posonly`
/// by position only (named "" here), `required` of them needed; the rest
/// through the shared binder (`itertools::bind`, CPython's messages).
fn bind<const N: usize>(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    names: [&str; N],
    posonly: usize,
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let npos = args.len() - kwnames.len();
    if posonly == N {
        // METH_FASTCALL without keywords (`_PyArg_CheckPositional`).
        crate::builtins::function::no_keywords(vm, &format!("zlib.{fname}"), kwnames)?;
        if npos < required || npos > N {
            let (how, n) = if npos < required { ("at least ", required) } else { ("at most ", N) };
            let how = if required == N { "" } else { how };
            let s = if n == 1 { "" } else { "s" };
            return Err(vm.type_error(format!("{fname} expected {how}{n} argument{s}, got {npos}")));
        }
    } else if npos < posonly.min(required) {
        let n = posonly.min(required);
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{fname}() takes at least {n} positional argument{s} ({npos} given)")));
    }
    crate::builtins::itertools::bind(vm, fname, args, kwnames, names, N, required)
}

/// A C `int` argument (TypeError for a non-integer, OverflowError beyond).
fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    let Some(v) = v else { return Ok(default) };
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    match int_of(&i) {
        Some(Int::Small(n)) if i32::try_from(n).is_ok() => Ok(n),
        Some(Int::Small(n)) if n < 0 => Err(vm.error(&crate::builtins::exceptions::OVERFLOW_ERROR, "signed integer is less than minimum")),
        Some(Int::Big(b)) if b.signum() < dashu_int::IBig::ZERO => {
            Err(vm.error(&crate::builtins::exceptions::OVERFLOW_ERROR, "signed integer is less than minimum"))
        }
        _ => Err(vm.error(&crate::builtins::exceptions::OVERFLOW_ERROR, "signed integer is greater than maximum")),
    }
}

/// A `Py_ssize_t` argument (`bufsize`, `max_length`, `length`).
fn ssize_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    let Some(v) = v else { return Ok(default) };
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    match int_of(&i) {
        Some(Int::Small(n)) => Ok(n),
        Some(Int::Big(b)) if i64::try_from(b).is_ok() => Ok(i64::try_from(b).unwrap_or(i64::MAX)),
        _ => Err(vm.error(&crate::builtins::exceptions::OVERFLOW_ERROR, "Python int too large to convert to C ssize_t")),
    }
}

fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    crate::builtins::memoryview::check_simple_buffer(vm, v)?;
    Ok(buffer_arg(vm, v)?.to_vec())
}

// ----- options --------------------------------------------------------------

/// A deflate configuration, if zlib's `deflateInit2` would accept it.
fn deflate_config(level: i64, method: i64, wbits: i64, mem_level: i64, strategy: i64) -> Option<DeflateConfig> {
    let wbits_ok = (-15..=-9).contains(&wbits) || (8..=15).contains(&wbits) || (25..=31).contains(&wbits);
    if !(-1..=9).contains(&level) || method != 8 || !wbits_ok || !(1..=9).contains(&mem_level) {
        return None;
    }
    let strategy = match strategy {
        0 => Strategy::Default,
        1 => Strategy::Filtered,
        2 => Strategy::HuffmanOnly,
        3 => Strategy::Rle,
        4 => Strategy::Fixed,
        _ => return None,
    };
    Some(DeflateConfig { level: level as i32, window_bits: wbits as i32, mem_level: mem_level as i32, strategy, ..DeflateConfig::default() })
}

/// An inflater for `wbits`, if zlib's `inflateInit2` would accept it:
/// raw deflate for -15..-8, zlib for 0 and 8..15, gzip for 16 + those,
/// either header for 32 + those.
fn new_inflate(wbits: i64) -> Option<zlib_rs::Inflate> {
    if (-15..=-8).contains(&wbits) {
        return Some(zlib_rs::Inflate::new(false, (-wbits) as u8));
    }
    if (0..48).contains(&wbits) && (wbits & 15 == 0 || wbits & 15 >= 8) {
        return Some(zlib_rs::Inflate::new(true, wbits as u8));
    }
    None
}

fn flush_mode(mode: i64) -> Option<DeflateFlush> {
    Some(match mode {
        0 => DeflateFlush::NoFlush,
        1 => DeflateFlush::PartialFlush,
        2 => DeflateFlush::SyncFlush,
        3 => DeflateFlush::FullFlush,
        4 => DeflateFlush::Finish,
        5 => DeflateFlush::Block,
        _ => return None,
    })
}

// ----- the loops -----------------------------------------------------------

/// Run `deflate` over all of `input` with `flush`, growing the output
/// until a call leaves room in it. Returns the output and the last status.
fn deflate_all(d: &mut zlib_rs::Deflate, mut input: &[u8], flush: DeflateFlush) -> Result<(Vec<u8>, Status), DeflateError> {
    let mut out = Vec::new();
    let mut chunk = DEF_BUF_SIZE as usize;
    loop {
        let start = out.len();
        out.resize(start + chunk, 0);
        let (in0, out0) = (d.total_in(), d.total_out());
        let status = d.compress(input, &mut out[start..], flush)?;
        let produced = (d.total_out() - out0) as usize;
        input = &input[(d.total_in() - in0) as usize..];
        out.truncate(start + produced);
        if produced < chunk && (input.is_empty() || status == Status::StreamEnd) {
            return Ok((out, status));
        }
        chunk = chunk.saturating_mul(2).min(1 << 26);
    }
}

/// What one pass of inflating left: the output, the status, how much input
/// was used.
struct Inflated {
    out: Vec<u8>,
    result: Result<Status, InflateError>,
    used: usize,
}

/// Inflate `input` with `flush` until a call leaves room in the output,
/// the stream ends, an error happens or `limit` bytes (0: none) are out.
/// A dictionary the stream asks for is given from `zdict` when there is
/// one, as CPython's Decompress does.
fn inflate_all(i: &mut zlib_rs::Inflate, input: &[u8], flush: InflateFlush, limit: usize, zdict: Option<&[u8]>) -> Inflated {
    let mut out = Vec::new();
    let mut used = 0;
    let mut chunk = DEF_BUF_SIZE as usize;
    loop {
        let room = if limit > 0 { chunk.min(limit - out.len()) } else { chunk };
        if room == 0 {
            return Inflated { out, result: Ok(Status::Ok), used };
        }
        let start = out.len();
        out.resize(start + room, 0);
        let (in0, out0) = (i.total_in(), i.total_out());
        let result = i.decompress(&input[used..], &mut out[start..], flush);
        let produced = (i.total_out() - out0) as usize;
        used += (i.total_in() - in0) as usize;
        out.truncate(start + produced);
        match result {
            Err(InflateError::NeedDict { .. }) if zdict.is_some() => {
                if let Err(e) = i.set_dictionary(zdict.unwrap_or_default()) {
                    return Inflated { out, result: Err(e), used };
                }
            }
            Ok(Status::StreamEnd) | Err(_) => return Inflated { out, result, used },
            Ok(_) if produced < room => return Inflated { out, result, used },
            Ok(_) => {}
        }
        chunk = chunk.saturating_mul(2).min(1 << 26);
    }
}

// ----- module functions ----------------------------------------------------

/// `compress(data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS)`.
fn compress(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [data, level, wbits] = bind(vm, "compress", args, kwnames, ["", "level", "wbits"], 1, 1)?;
    let data = data_arg(vm, data.as_ref().expect("required"))?;
    let level = int_arg(vm, level.as_ref(), -1)?;
    let wbits = int_arg(vm, wbits.as_ref(), MAX_WBITS)?;
    let Some(config) = deflate_config(level, 8, wbits, DEF_MEM_LEVEL, 0) else {
        return Err(zlib_error(vm, "Bad compression level".into()));
    };
    let mut d = zlib_rs::Deflate::new_with_config(config);
    match deflate_all(&mut d, &data, DeflateFlush::Finish) {
        Ok((out, _)) => Ok(new_bytes(out)),
        Err(e) => Err(stream_error(vm, deflate_code(&e), "while compressing data", d.error_message())),
    }
}

/// `decompress(data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE)`.
fn decompress(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [data, wbits, bufsize] = bind(vm, "decompress", args, kwnames, ["", "wbits", "bufsize"], 1, 1)?;
    let data = data_arg(vm, data.as_ref().expect("required"))?;
    let wbits = int_arg(vm, wbits.as_ref(), MAX_WBITS)?;
    if ssize_arg(vm, bufsize.as_ref(), DEF_BUF_SIZE)? < 0 {
        return Err(vm.value_error("bufsize must be non-negative"));
    }
    let Some(mut inflate) = new_inflate(wbits) else {
        return Err(stream_error(vm, -2, "while preparing to decompress data", None));
    };
    let r = inflate_all(&mut inflate, &data, InflateFlush::Finish, 0, None);
    match r.result {
        Ok(Status::StreamEnd) => Ok(new_bytes(r.out)),
        Ok(Status::Ok) => Err(stream_error(vm, 0, "while decompressing data", None)),
        Ok(Status::BufError) => Err(stream_error(vm, -5, "while decompressing data", None)),
        Err(e) => Err(stream_error(vm, inflate_code(&e), "while decompressing data", inflate.error_message())),
    }
}

/// `crc32(data, value=0, /)`.
fn crc32(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [data, value] = bind(vm, "crc32", args, kwnames, ["", ""], 2, 1)?;
    let data = data_arg(vm, data.as_ref().expect("required"))?;
    let start = match &value {
        Some(v) => crate::builtins::binascii::bitwise_u32(vm, v)?,
        None => 0,
    };
    Ok(new_int(i64::from(zlib_rs::crc32::crc32(start, &data))))
}

/// `adler32(data, value=1, /)`.
fn adler32(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [data, value] = bind(vm, "adler32", args, kwnames, ["", ""], 2, 1)?;
    let data = data_arg(vm, data.as_ref().expect("required"))?;
    let start = match &value {
        Some(v) => crate::builtins::binascii::bitwise_u32(vm, v)?,
        None => 1,
    };
    Ok(new_int(i64::from(zlib_rs::adler32::adler32(start, &data))))
}

// ----- Compress ------------------------------------------------------------

/// A `Compress` object: the deflater, None once `flush(Z_FINISH)` ended
/// the stream (CPython's `is_initialised` false).
pub struct CompressData {
    state: RefCell<Option<zlib_rs::Deflate>>,
}

pub static COMPRESS_TYPE: TypeObject = TypeObject {
    methods: &[
        MethodDef { name: "compress", func: compress_method },
        MethodDef { name: "flush", func: compress_flush },
        MethodDef { name: "copy", func: |vm, _, _, _| Err(not_copyable(vm, "Compress")) },
        MethodDef { name: "__copy__", func: |vm, _, _, _| Err(not_copyable(vm, "Compress")) },
        MethodDef { name: "__deepcopy__", func: |vm, _, _, _| Err(not_copyable(vm, "Compress")) },
    ],
    ..TypeObject::builtin("zlib.Compress", Some(&OBJECT_TYPE), dealloc_compress, trace_nothing)
};

fn not_copyable(vm: &mut Vm, what: &str) -> PyErr {
    vm.error(&crate::builtins::exceptions::NOT_IMPLEMENTED_ERROR, format!("Krait's zlib cannot copy a {what} object yet"))
}

unsafe fn dealloc_compress(p: ObjPtr) {
    // SAFETY: objects of COMPRESS_TYPE are allocated by `compressobj` as
    // Obj<CompressData>.
    unsafe { dealloc_boxed::<CompressData>(p) }
}

fn compress_data(v: &Value) -> &CompressData {
    let p = v.as_object().expect("a Compress object");
    debug_assert!(std::ptr::eq(p.ty(), &COMPRESS_TYPE));
    // SAFETY: the methods of COMPRESS_TYPE are reached only with its
    // objects (the descriptors check), which are Obj<CompressData>; the
    // type cannot be derived from.
    unsafe { p.data::<CompressData>() }
}

/// `compressobj(level=-1, method=DEFLATED, wbits=MAX_WBITS,
/// memLevel=DEF_MEM_LEVEL, strategy=Z_DEFAULT_STRATEGY, zdict=None)`.
fn compressobj(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let names = ["level", "method", "wbits", "memLevel", "strategy", "zdict"];
    let [level, method, wbits, mem_level, strategy, zdict] = bind(vm, "compressobj", args, kwnames, names, 0, 0)?;
    let level = int_arg(vm, level.as_ref(), -1)?;
    let method = int_arg(vm, method.as_ref(), 8)?;
    let wbits = int_arg(vm, wbits.as_ref(), MAX_WBITS)?;
    let mem_level = int_arg(vm, mem_level.as_ref(), DEF_MEM_LEVEL)?;
    let strategy = int_arg(vm, strategy.as_ref(), 0)?;
    let zdict = match zdict.filter(|z| !crate::builtins::singletons::is_none(z)) {
        Some(z) => Some(data_arg(vm, &z)?),
        None => None,
    };
    let Some(config) = deflate_config(level, method, wbits, mem_level, strategy) else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    let mut d = zlib_rs::Deflate::new_with_config(config);
    if let Some(z) = zdict {
        // zlib takes no dictionary for a gzip stream.
        if wbits > 15 || d.set_dictionary(&z).is_err() {
            return Err(vm.value_error("Invalid dictionary"));
        }
    }
    Ok(Value::from_owned(alloc(&COMPRESS_TYPE, CompressData { state: RefCell::new(Some(d)) })))
}

/// `Compress.compress(data, /)`.
fn compress_method(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [data] = bind(vm, "compress", args, kwnames, [""], 1, 1)?;
    let data = data_arg(vm, data.as_ref().expect("required"))?;
    let mut state = compress_data(this).state.borrow_mut();
    let Some(d) = state.as_mut() else {
        return Err(stream_error(vm, -2, "while compressing data", None));
    };
    match deflate_all(d, &data, DeflateFlush::NoFlush) {
        Ok((out, _)) => Ok(new_bytes(out)),
        Err(e) => Err(stream_error(vm, deflate_code(&e), "while compressing data", d.error_message())),
    }
}

/// `Compress.flush(mode=Z_FINISH, /)`.
fn compress_flush(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [mode] = bind(vm, "flush", args, kwnames, [""], 1, 0)?;
    let mode = int_arg(vm, mode.as_ref(), Z_FINISH)?;
    if mode == 0 {
        return Ok(new_bytes(Vec::new()));
    }
    let mut state = compress_data(this).state.borrow_mut();
    let (Some(d), Some(flush)) = (state.as_mut(), flush_mode(mode)) else {
        return Err(stream_error(vm, -2, "while flushing", None));
    };
    match deflate_all(d, &[], flush) {
        Ok((out, status)) => {
            if status == Status::StreamEnd && mode == Z_FINISH {
                *state = None;
            }
            Ok(new_bytes(out))
        }
        Err(e) => Err(stream_error(vm, deflate_code(&e), "while flushing", d.error_message())),
    }
}

// ----- Decompress ----------------------------------------------------------

struct InflateState {
    /// The inflater; None once `flush` saw the end of the stream.
    inflate: Option<zlib_rs::Inflate>,
    zdict: Option<Vec<u8>>,
    unused_data: Vec<u8>,
    unconsumed_tail: Vec<u8>,
    eof: bool,
    /// zlib's message for the data error that broke the stream: zlib
    /// repeats it for every later call, zlib-rs says "repeated call with
    /// bad state".
    broken: Option<String>,
}

/// A `Decompress` object.
pub struct DecompressData {
    state: RefCell<InflateState>,
}

pub static DECOMPRESS_TYPE: TypeObject = TypeObject {
    methods: &[
        MethodDef { name: "decompress", func: decompress_method },
        MethodDef { name: "flush", func: decompress_flush },
        MethodDef { name: "copy", func: |vm, _, _, _| Err(not_copyable(vm, "Decompress")) },
        MethodDef { name: "__copy__", func: |vm, _, _, _| Err(not_copyable(vm, "Decompress")) },
        MethodDef { name: "__deepcopy__", func: |vm, _, _, _| Err(not_copyable(vm, "Decompress")) },
    ],
    getsets: &[
        GetSetDef { name: "unused_data", get: |_, v| Ok(new_bytes(decompress_data(v).state.borrow().unused_data.clone())), set: None, member: true },
        GetSetDef {
            name: "unconsumed_tail",
            get: |_, v| Ok(new_bytes(decompress_data(v).state.borrow().unconsumed_tail.clone())),
            set: None,
            member: true,
        },
        GetSetDef { name: "eof", get: |vm, v| Ok(vm.bool(decompress_data(v).state.borrow().eof)), set: None, member: true },
    ],
    ..TypeObject::builtin("zlib.Decompress", Some(&OBJECT_TYPE), dealloc_decompress, trace_nothing)
};

unsafe fn dealloc_decompress(p: ObjPtr) {
    // SAFETY: objects of DECOMPRESS_TYPE are allocated by `decompressobj`
    // as Obj<DecompressData>.
    unsafe { dealloc_boxed::<DecompressData>(p) }
}

fn decompress_data(v: &Value) -> &DecompressData {
    let p = v.as_object().expect("a Decompress object");
    debug_assert!(std::ptr::eq(p.ty(), &DECOMPRESS_TYPE));
    // SAFETY: the methods and getsets of DECOMPRESS_TYPE are reached only
    // with its objects, which are Obj<DecompressData>; the type cannot be
    // derived from.
    unsafe { p.data::<DecompressData>() }
}

/// `decompressobj(wbits=MAX_WBITS, zdict=b'')`.
fn decompressobj(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [wbits, zdict] = bind(vm, "decompressobj", args, kwnames, ["wbits", "zdict"], 0, 0)?;
    let wbits = int_arg(vm, wbits.as_ref(), MAX_WBITS)?;
    let zdict = match &zdict {
        Some(z) => match crate::builtins::bytes::as_buffer(z) {
            Some(b) => Some(b.to_vec()),
            None => return Err(vm.type_error("zdict argument must support the buffer protocol")),
        },
        None => None,
    };
    let Some(mut inflate) = new_inflate(wbits) else {
        return Err(vm.value_error("Invalid initialization option"));
    };
    // A raw stream has no header to ask for its dictionary: it is set now.
    if let (Some(z), true) = (&zdict, wbits < 0) {
        if let Err(e) = inflate.set_dictionary(z) {
            return Err(stream_error(vm, inflate_code(&e), "while setting zdict", None));
        }
    }
    let state = InflateState { inflate: Some(inflate), zdict, unused_data: Vec::new(), unconsumed_tail: Vec::new(), eof: false, broken: None };
    Ok(Value::from_owned(alloc(&DECOMPRESS_TYPE, DecompressData { state: RefCell::new(state) })))
}

/// CPython's `save_unconsumed_input`: input after the end of the stream
/// joins `unused_data`; input not yet read becomes `unconsumed_tail`.
fn save_unconsumed(s: &mut InflateState, rest: &[u8], ended: bool) {
    if ended {
        s.unused_data.extend_from_slice(rest);
        s.unconsumed_tail.clear();
    } else if !rest.is_empty() || !s.unconsumed_tail.is_empty() {
        s.unconsumed_tail = rest.to_vec();
    }
}

/// `Decompress.decompress(data, /, max_length=0)`.
fn decompress_method(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [data, max_length] = bind(vm, "decompress", args, kwnames, ["", "max_length"], 1, 1)?;
    let data = data_arg(vm, data.as_ref().expect("required"))?;
    let max_length = ssize_arg(vm, max_length.as_ref(), 0)?;
    if max_length < 0 {
        return Err(vm.value_error("max_length must be non-negative"));
    }
    let mut guard = decompress_data(this).state.borrow_mut();
    let s = &mut *guard;
    let Some(inflate) = s.inflate.as_mut() else {
        return Err(stream_error(vm, -2, "while decompressing data", None));
    };
    if s.eof {
        // zlib answers Z_STREAM_END again and reads nothing.
        save_unconsumed(s, &data, true);
        return Ok(new_bytes(Vec::new()));
    }
    let r = inflate_all(inflate, &data, InflateFlush::SyncFlush, max_length as usize, s.zdict.as_deref());
    let message = s.broken.clone().or_else(|| inflate.error_message().map(str::to_string));
    if matches!(r.result, Err(InflateError::DataError)) {
        s.broken = message.clone();
    }
    let ended = matches!(r.result, Ok(Status::StreamEnd));
    save_unconsumed(s, &data[r.used..], ended);
    match r.result {
        Ok(Status::StreamEnd) => s.eof = true,
        Ok(_) => {}
        Err(InflateError::NeedDict { .. }) if s.zdict.is_none() => return Err(stream_error(vm, 2, "while decompressing data", None)),
        Err(e @ InflateError::DataError) if s.zdict.is_some() && message.is_none() => {
            return Err(stream_error(vm, inflate_code(&e), "while setting zdict", None))
        }
        Err(e) => return Err(stream_error(vm, inflate_code(&e), "while decompressing data", message.as_deref())),
    }
    Ok(new_bytes(r.out))
}

/// `Decompress.flush(length=DEF_BUF_SIZE, /)`: what the unconsumed tail
/// still gives. Errors are not raised here, as in CPython.
fn decompress_flush(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [length] = bind(vm, "flush", args, kwnames, [""], 1, 0)?;
    if ssize_arg(vm, length.as_ref(), DEF_BUF_SIZE)? <= 0 {
        return Err(vm.value_error("length must be greater than zero"));
    }
    let mut guard = decompress_data(this).state.borrow_mut();
    let s = &mut *guard;
    let Some(inflate) = s.inflate.as_mut() else {
        return Ok(new_bytes(Vec::new()));
    };
    let input = std::mem::take(&mut s.unconsumed_tail);
    let r = inflate_all(inflate, &input, InflateFlush::Finish, 0, s.zdict.as_deref());
    let ended = matches!(r.result, Ok(Status::StreamEnd));
    save_unconsumed(s, &input[r.used..], ended);
    if ended {
        s.eof = true;
        s.inflate = None;
    }
    Ok(new_bytes(r.out))
}

// ----- the module ------------------------------------------------------------

/// The `zlib` module.
pub fn new_zlib_module(vm: &mut Vm) -> PyResult<Value> {
    let functions: [(&'static str, CallFn); 6] = [
        ("adler32", adler32),
        ("compress", compress),
        ("compressobj", compressobj),
        ("crc32", crc32),
        ("decompress", decompress),
        ("decompressobj", decompressobj),
    ];
    let doc = "Compression and decompression compatible with gzip, over the zlib-rs library.";
    let d = native_module_dict(vm, "zlib", doc, &functions)?;
    let dd = as_dict(&d).expect("a dict");
    let ns = crate::builtins::dict::new_dict();
    as_dict(&ns).expect("a dict").set(vm, intern("__module__"), new_str("zlib"))?;
    let exception = type_value(&crate::builtins::exceptions::EXCEPTION);
    let error = crate::builtins::classes::new_class(vm, &TYPE_TYPE, "error", &[exception], &ns, &[])?;
    ERROR.with(|e| *e.borrow_mut() = error.clone());
    dd.set(vm, new_str("error"), error)?;
    let ints: [(&str, i64); 20] = [
        ("MAX_WBITS", MAX_WBITS),
        ("DEFLATED", 8),
        ("DEF_MEM_LEVEL", DEF_MEM_LEVEL),
        ("DEF_BUF_SIZE", DEF_BUF_SIZE),
        ("Z_NO_COMPRESSION", 0),
        ("Z_BEST_SPEED", 1),
        ("Z_BEST_COMPRESSION", 9),
        ("Z_DEFAULT_COMPRESSION", -1),
        ("Z_FILTERED", 1),
        ("Z_HUFFMAN_ONLY", 2),
        ("Z_RLE", 3),
        ("Z_FIXED", 4),
        ("Z_DEFAULT_STRATEGY", 0),
        ("Z_NO_FLUSH", 0),
        ("Z_PARTIAL_FLUSH", 1),
        ("Z_SYNC_FLUSH", 2),
        ("Z_FULL_FLUSH", 3),
        ("Z_FINISH", Z_FINISH),
        ("Z_BLOCK", 5),
        ("Z_TREES", 6),
    ];
    for (name, value) in ints {
        dd.set(vm, new_str(name), new_int(value))?;
    }
    // The zlib API zlib-rs implements, as a plain dotted version: code
    // (CPython's test_zlib among it) parses the parts as ints. The module's
    // docstring names the library.
    dd.set(vm, new_str("ZLIB_VERSION"), new_str("1.3.0"))?;
    dd.set(vm, new_str("ZLIB_RUNTIME_VERSION"), new_str("1.3.0"))?;
    Ok(new_module("zlib", d))
}
