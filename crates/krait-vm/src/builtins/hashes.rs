//! The hash modules `hashlib` falls back to without OpenSSL: `_md5`,
//! `_sha1`, `_sha256`, `_sha512`, `_sha3` and `_blake2` (CPython's
//! `Modules/md5module.c`, `sha1module.c`, `sha256module.c`,
//! `sha512module.c`, `_sha3/sha3module.c`, `_blake2/`).
//!
//! Invariants:
//! - The algorithms are RustCrypto's `md-5`, `sha1`, `sha2`, `sha3` and the
//!   `blake2b_simd`/`blake2s_simd` crates, reached only through `Hasher`.
//! - Every hash object is an `Obj<HashData>` of one of the static types
//!   in `ALGORITHMS` (one type per algorithm, named as CPython's, e.g.
//!   `_sha256.sha224`); none of them can be derived from. `digest()`
//!   finishes a copy of the state, so the object can go on being updated.
//! - The md5/sha1/sha2 types are made only by their module functions
//!   (`_md5.md5(...)`); the sha3 and blake2 types are callable themselves.
//! - Data is any bytes-like object; a `str` is CPython's TypeError
//!   "Strings must be encoded before hashing".

use std::cell::RefCell;

use blake2b_simd::Params as Blake2bParams;
use blake2s_simd::Params as Blake2sParams;
use sha2::Digest;
use sha3::digest::{ExtendableOutput, Update, XofReader};

use crate::builtins::bytes::{as_buffer, new_bytes};
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::{new_builtin, new_module, no_keywords};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::singletons::none;
use crate::builtins::str::{as_str, as_str_data, new_str};
use crate::object::{alloc, dealloc_boxed, ObjPtr};
use crate::types::{type_value, trace_nothing, GetSetDef, MethodDef, NewFn, TypeObject, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A running hash, one variant per algorithm.
#[derive(Clone)]
enum Hasher {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2b_simd::State),
    Blake2s(blake2s_simd::State),
}

impl Hasher {
    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Md5(h) => Digest::update(h, data),
            Hasher::Sha1(h) => Digest::update(h, data),
            Hasher::Sha224(h) => Digest::update(h, data),
            Hasher::Sha256(h) => Digest::update(h, data),
            Hasher::Sha384(h) => Digest::update(h, data),
            Hasher::Sha512(h) => Digest::update(h, data),
            Hasher::Sha3_224(h) => Digest::update(h, data),
            Hasher::Sha3_256(h) => Digest::update(h, data),
            Hasher::Sha3_384(h) => Digest::update(h, data),
            Hasher::Sha3_512(h) => Digest::update(h, data),
            Hasher::Shake128(h) => Update::update(h, data),
            Hasher::Shake256(h) => Update::update(h, data),
            Hasher::Blake2b(h) => {
                h.update(data);
            }
            Hasher::Blake2s(h) => {
                h.update(data);
            }
        }
    }

    /// The digest of the data so far (`length` bytes for the shakes), the
    /// state left as it was.
    fn digest(&self, length: usize) -> Vec<u8> {
        match self.clone() {
            Hasher::Md5(h) => h.finalize().to_vec(),
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha224(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
            Hasher::Sha3_224(h) => h.finalize().to_vec(),
            Hasher::Sha3_256(h) => h.finalize().to_vec(),
            Hasher::Sha3_384(h) => h.finalize().to_vec(),
            Hasher::Sha3_512(h) => h.finalize().to_vec(),
            Hasher::Shake128(h) => {
                let mut out = vec![0; length];
                h.finalize_xof().read(&mut out);
                out
            }
            Hasher::Shake256(h) => {
                let mut out = vec![0; length];
                h.finalize_xof().read(&mut out);
                out
            }
            Hasher::Blake2b(h) => h.finalize().as_bytes().to_vec(),
            Hasher::Blake2s(h) => h.finalize().as_bytes().to_vec(),
        }
    }
}

/// One algorithm: its name, type and sizes.
pub struct Algorithm {
    name: &'static str,
    ty: &'static TypeObject,
    digest_size: usize,
    block_size: usize,
    /// A fresh hasher (the blake2 ones are made from their parameters).
    fresh: fn() -> Hasher,
}

/// A hash object's payload.
pub struct HashData {
    alg: &'static Algorithm,
    /// The digest's size: the algorithm's, or blake2's `digest_size`.
    digest_size: usize,
    state: RefCell<Hasher>,
}

const fn hash_type(name: &'static str, new: Option<NewFn>, getsets: &'static [GetSetDef]) -> TypeObject {
    TypeObject { new, methods: METHODS, getsets, ..TypeObject::builtin(name, Some(&OBJECT_TYPE), dealloc_hash, trace_nothing) }
}

const GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "name", get: |_, v| Ok(new_str(data(v).alg.name)), set: None, member: false },
    GetSetDef { name: "digest_size", get: |_, v| Ok(new_int(data(v).digest_size as i64)), set: None, member: false },
    GetSetDef { name: "block_size", get: |_, v| Ok(new_int(data(v).alg.block_size as i64)), set: None, member: false },
];

/// sha3's extra attributes: the sponge's rate and capacity in bits and
/// its domain-separation suffix.
const SHA3_GETSETS: &[GetSetDef] = &[
    GetSetDef { name: "name", get: |_, v| Ok(new_str(data(v).alg.name)), set: None, member: false },
    GetSetDef { name: "digest_size", get: |_, v| Ok(new_int(data(v).digest_size as i64)), set: None, member: false },
    GetSetDef { name: "block_size", get: |_, v| Ok(new_int(data(v).alg.block_size as i64)), set: None, member: false },
    GetSetDef { name: "_rate_bits", get: |_, v| Ok(new_int(data(v).alg.block_size as i64 * 8)), set: None, member: false },
    GetSetDef {
        name: "_capacity_bits",
        get: |_, v| Ok(new_int(1600 - data(v).alg.block_size as i64 * 8)),
        set: None,
        member: false,
    },
    GetSetDef {
        name: "_suffix",
        get: |_, v| Ok(new_bytes(vec![if data(v).alg.name.starts_with("shake") { 0x1f } else { 0x06 }])),
        set: None,
        member: false,
    },
];

const METHODS: &[MethodDef] = &[
    MethodDef { name: "update", func: update },
    MethodDef { name: "digest", func: |vm, this, a, k| {
        let out = digest_of(vm, this, "digest", a, k)?;
        Ok(new_bytes(out))
    } },
    MethodDef { name: "hexdigest", func: |vm, this, a, k| {
        let out = digest_of(vm, this, "hexdigest", a, k)?;
        let hex: String = out.iter().map(|b| format!("{b:02x}")).collect();
        Ok(new_str(&hex))
    } },
    MethodDef { name: "copy", func: |vm, this, a, k| {
        let d = data(this);
        no_args(vm, d, "copy", a, k)?;
        let state = d.state.borrow().clone();
        Ok(new_hash(d.alg, d.digest_size, state))
    } },
];

pub static MD5_TYPE: TypeObject = hash_type("_md5.md5", None, GETSETS);
pub static SHA1_TYPE: TypeObject = hash_type("_sha1.sha1", None, GETSETS);
pub static SHA224_TYPE: TypeObject = hash_type("_sha256.sha224", None, GETSETS);
pub static SHA256_TYPE: TypeObject = hash_type("_sha256.sha256", None, GETSETS);
pub static SHA384_TYPE: TypeObject = hash_type("_sha512.sha384", None, GETSETS);
pub static SHA512_TYPE: TypeObject = hash_type("_sha512.sha512", None, GETSETS);
pub static SHA3_224_TYPE: TypeObject = hash_type("_sha3.sha3_224", Some(sha3_new), SHA3_GETSETS);
pub static SHA3_256_TYPE: TypeObject = hash_type("_sha3.sha3_256", Some(sha3_new), SHA3_GETSETS);
pub static SHA3_384_TYPE: TypeObject = hash_type("_sha3.sha3_384", Some(sha3_new), SHA3_GETSETS);
pub static SHA3_512_TYPE: TypeObject = hash_type("_sha3.sha3_512", Some(sha3_new), SHA3_GETSETS);
pub static SHAKE128_TYPE: TypeObject = hash_type("_sha3.shake_128", Some(sha3_new), SHA3_GETSETS);
pub static SHAKE256_TYPE: TypeObject = hash_type("_sha3.shake_256", Some(sha3_new), SHA3_GETSETS);
pub static BLAKE2B_TYPE: TypeObject = hash_type("_blake2.blake2b", Some(blake2_new), GETSETS);
pub static BLAKE2S_TYPE: TypeObject = hash_type("_blake2.blake2s", Some(blake2_new), GETSETS);

macro_rules! algorithm {
    ($name:literal, $ty:expr, $digest:expr, $block:expr, $fresh:expr) => {
        Algorithm { name: $name, ty: &$ty, digest_size: $digest, block_size: $block, fresh: $fresh }
    };
}

static ALGORITHMS: [Algorithm; 14] = [
    algorithm!("md5", MD5_TYPE, 16, 64, || Hasher::Md5(Default::default())),
    algorithm!("sha1", SHA1_TYPE, 20, 64, || Hasher::Sha1(Default::default())),
    algorithm!("sha224", SHA224_TYPE, 28, 64, || Hasher::Sha224(Default::default())),
    algorithm!("sha256", SHA256_TYPE, 32, 64, || Hasher::Sha256(Default::default())),
    algorithm!("sha384", SHA384_TYPE, 48, 128, || Hasher::Sha384(Default::default())),
    algorithm!("sha512", SHA512_TYPE, 64, 128, || Hasher::Sha512(Default::default())),
    algorithm!("sha3_224", SHA3_224_TYPE, 28, 144, || Hasher::Sha3_224(Default::default())),
    algorithm!("sha3_256", SHA3_256_TYPE, 32, 136, || Hasher::Sha3_256(Default::default())),
    algorithm!("sha3_384", SHA3_384_TYPE, 48, 104, || Hasher::Sha3_384(Default::default())),
    algorithm!("sha3_512", SHA3_512_TYPE, 64, 72, || Hasher::Sha3_512(Default::default())),
    algorithm!("shake_128", SHAKE128_TYPE, 0, 168, || Hasher::Shake128(Default::default())),
    algorithm!("shake_256", SHAKE256_TYPE, 0, 136, || Hasher::Shake256(Default::default())),
    algorithm!("blake2b", BLAKE2B_TYPE, 64, 128, || Hasher::Blake2b(blake2b_simd::State::new())),
    algorithm!("blake2s", BLAKE2S_TYPE, 32, 64, || Hasher::Blake2s(blake2s_simd::State::new())),
];

fn algorithm(name: &str) -> &'static Algorithm {
    ALGORITHMS.iter().find(|a| a.name == name).expect("a known algorithm")
}

/// Is `ty` one of the hash types (which cannot be derived from)?
pub fn is_hash_type(ty: &TypeObject) -> bool {
    ALGORITHMS.iter().any(|a| std::ptr::eq(a.ty, ty))
}

fn algorithm_of_type(ty: &TypeObject) -> &'static Algorithm {
    ALGORITHMS.iter().find(|a| std::ptr::eq(a.ty, ty)).expect("a hash type")
}

unsafe fn dealloc_hash(p: ObjPtr) {
    // SAFETY: objects of the hash types are allocated by `new_hash` as
    // Obj<HashData>.
    unsafe { dealloc_boxed::<HashData>(p) }
}

/// The payload of `v`, an object of one of the hash types (their methods
/// and getsets are reached only with those, after the descriptors' type
/// check).
fn data(v: &Value) -> &HashData {
    let p = v.as_object().expect("a hash object");
    debug_assert!(ALGORITHMS.iter().any(|a| std::ptr::eq(a.ty, p.ty())));
    // SAFETY: every object of the hash types is an Obj<HashData>
    // (`new_hash`), and none of them can be derived from.
    unsafe { p.data::<HashData>() }
}

fn new_hash(alg: &'static Algorithm, digest_size: usize, state: Hasher) -> Value {
    Value::from_owned(alloc(alg.ty, HashData { alg, digest_size, state: RefCell::new(state) }))
}

/// The bytes of data to hash: bytes-like, with hashlib's messages for
/// `str` and other objects.
fn data_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if as_str_data(v).is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    crate::builtins::memoryview::check_simple_buffer(vm, v)?;
    match as_buffer(v) {
        Some(b) => Ok(b.to_vec()),
        None => Err(vm.type_error("object supporting the buffer API required")),
    }
}

/// A method taking no arguments (METH_NOARGS's messages).
fn no_args(vm: &mut Vm, d: &HashData, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let qualified = format!("{}.{name}", d.alg.name);
    no_keywords(vm, &qualified, kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("{qualified}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// `h.update(data)`.
fn update(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let d = data(this);
    let qualified = format!("{}.update", d.alg.name);
    no_keywords(vm, &qualified, kwnames)?;
    let [arg] = args else {
        return Err(vm.type_error(format!("{qualified}() takes exactly one argument ({} given)", args.len())));
    };
    let bytes = data_arg(vm, arg)?;
    d.state.borrow_mut().update(&bytes);
    Ok(none())
}

/// The digest for `digest()`/`hexdigest()`: no arguments, or the length
/// for the shakes.
fn digest_of(vm: &mut Vm, this: &Value, method: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Vec<u8>> {
    let d = data(this);
    if !d.alg.name.starts_with("shake") {
        no_args(vm, d, method, args, kwnames)?;
        return Ok(d.state.borrow().digest(d.digest_size));
    }
    let [length] = parse_args(vm, &format!("{}.{method}", d.alg.name), args, kwnames, 1, ["length"], 1)?;
    let length = unsigned_arg(vm, &length.expect("a required argument"), u64::MAX, "Python int too large to convert to C unsigned long")?;
    if length >= 1 << 29 {
        return Err(vm.value_error("length is too large"));
    }
    Ok(d.state.borrow().digest(length as usize))
}

/// Bind `args` to `names`: the first `positional` by position only (CPython's
/// `/`), `required` of them needed; the rest by keyword only. `fname` is
/// the function's name in messages (`md5`, `shake_128.digest`).
fn parse_args<const N: usize>(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kwnames: &[Value],
    positional: usize,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let npos = args.len() - kwnames.len();
    if npos > positional {
        let msg = if required == positional {
            format!("{fname}() takes exactly one argument ({npos} given)")
        } else {
            format!("{fname}() takes at most {positional} positional argument ({npos} given)")
        };
        return Err(vm.type_error(msg));
    }
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    for (slot, a) in out.iter_mut().zip(&args[..npos]) {
        *slot = Some(a.clone());
    }
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        let Some(k) = as_str(k) else {
            return Err(vm.type_error("keywords must be strings"));
        };
        match names.iter().position(|n| *n == k) {
            Some(i) if i >= positional => out[i] = Some(v.clone()),
            _ => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {fname}()"))),
        }
    }
    if npos < required {
        return Err(vm.type_error(format!("{fname}() takes exactly one argument ({npos} given)")));
    }
    Ok(out)
}

/// An unsigned C integer argument (`_PyLong_UnsignedLong_Converter` and
/// friends): an int (no `__index__`), not negative, at most `max`.
fn unsigned_arg(vm: &mut Vm, v: &Value, max: u64, too_big: &str) -> PyResult<u64> {
    let n = match int_of(v) {
        Some(i) if i.is_negative() => return Err(vm.value_error("value must be positive")),
        Some(Int::Small(i)) => Some(i as u64),
        Some(Int::Big(b)) => u64::try_from(b).ok(),
        None => return Err(vm.type_error("an integer is required")),
    };
    match n {
        Some(n) if n <= max => Ok(n),
        _ => Err(vm.overflow_error(too_big)),
    }
}

/// `_md5.md5(string=b'', *, usedforsecurity=True)` and the other
/// module-level constructors of md5, sha1 and sha2.
fn construct(vm: &mut Vm, name: &'static str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [string, _] = crate::builtins::itertools::bind(vm, name, args, kwnames, ["string", "usedforsecurity"], 1, 0)?;
    let alg = algorithm(name);
    let mut state = (alg.fresh)();
    if let Some(s) = string {
        let bytes = data_arg(vm, &s)?;
        state.update(&bytes);
    }
    Ok(new_hash(alg, alg.digest_size, state))
}

/// `sha3_224(data=b'', /, *, usedforsecurity=True)` and the other sha3
/// and shake types.
fn sha3_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let alg = algorithm_of_type(cls);
    let [data, _] = parse_args(vm, alg.name, args, kwnames, 1, ["data", "usedforsecurity"], 0)?;
    let mut state = (alg.fresh)();
    if let Some(d) = data {
        let bytes = data_arg(vm, &d)?;
        state.update(&bytes);
    }
    Ok(new_hash(alg, alg.digest_size, state))
}

/// `blake2b(data=b'', /, *, digest_size=64, key=b'', salt=b'',
/// person=b'', fanout=1, depth=1, leaf_size=0, node_offset=0,
/// node_depth=0, inner_size=0, last_node=False, usedforsecurity=True)`,
/// and `blake2s` with its smaller sizes.
fn blake2_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let alg = algorithm_of_type(cls);
    let is_b = alg.name == "blake2b";
    let (max_digest, max_salt) = if is_b { (64, 16) } else { (32, 8) };
    let names = [
        "data",
        "digest_size",
        "key",
        "salt",
        "person",
        "fanout",
        "depth",
        "leaf_size",
        "node_offset",
        "node_depth",
        "inner_size",
        "last_node",
        "usedforsecurity",
    ];
    let [data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node, _] =
        parse_args(vm, alg.name, args, kwnames, 1, names, 0)?;
    let int_or = |vm: &mut Vm, v: Option<Value>, default: i32| match v {
        Some(v) => crate::builtins::functions::c_int_arg(vm, &v),
        None => Ok(default),
    };
    let digest_size = int_or(vm, digest_size, max_digest)?;
    if !(1..=max_digest).contains(&digest_size) {
        return Err(vm.value_error(format!("digest_size must be between 1 and {max_digest} bytes")));
    }
    let bytes_or_empty = |vm: &mut Vm, v: Option<Value>| -> PyResult<Vec<u8>> {
        match v {
            Some(v) => Ok(crate::builtins::bytes::buffer_arg(vm, &v)?.to_vec()),
            None => Ok(Vec::new()),
        }
    };
    let salt = bytes_or_empty(vm, salt)?;
    if salt.len() > max_salt {
        return Err(vm.value_error(format!("maximum salt length is {max_salt} bytes")));
    }
    let person = bytes_or_empty(vm, person)?;
    if person.len() > max_salt {
        return Err(vm.value_error(format!("maximum person length is {max_salt} bytes")));
    }
    let fanout = int_or(vm, fanout, 1)?;
    if !(0..=255).contains(&fanout) {
        return Err(vm.value_error("fanout must be between 0 and 255"));
    }
    let depth = int_or(vm, depth, 1)?;
    if !(1..=255).contains(&depth) {
        return Err(vm.value_error("depth must be between 1 and 255"));
    }
    let leaf_size = match leaf_size {
        Some(v) => unsigned_arg(vm, &v, u64::MAX, "Python int too large to convert to C unsigned long")?,
        None => 0,
    };
    if leaf_size > u64::from(u32::MAX) {
        return Err(vm.overflow_error("leaf_size is too large"));
    }
    let node_offset = match node_offset {
        Some(v) => unsigned_arg(vm, &v, u64::MAX, "int too big to convert")?,
        None => 0,
    };
    if !is_b && node_offset > (1 << 48) - 1 {
        return Err(vm.overflow_error("node_offset is too large"));
    }
    let node_depth = int_or(vm, node_depth, 0)?;
    if !(0..=255).contains(&node_depth) {
        return Err(vm.value_error("node_depth must be between 0 and 255"));
    }
    let inner_size = int_or(vm, inner_size, 0)?;
    if !(0..=max_digest).contains(&inner_size) {
        return Err(vm.value_error(format!("inner_size must be between 0 and is {max_digest}")));
    }
    let key = bytes_or_empty(vm, key)?;
    if key.len() > max_digest as usize {
        return Err(vm.value_error(format!("maximum key length is {max_digest} bytes")));
    }
    let last_node = match last_node {
        Some(v) => crate::ops::truthy(vm, &v)?,
        None => false,
    };
    let state = if is_b {
        let mut p = Blake2bParams::new();
        p.hash_length(digest_size as usize)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout as u8)
            .max_depth(depth as u8)
            .max_leaf_length(leaf_size as u32)
            .node_offset(node_offset)
            .node_depth(node_depth as u8)
            .inner_hash_length(inner_size as usize)
            .last_node(last_node);
        Hasher::Blake2b(p.to_state())
    } else {
        let mut p = Blake2sParams::new();
        p.hash_length(digest_size as usize)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout as u8)
            .max_depth(depth as u8)
            .max_leaf_length(leaf_size as u32)
            .node_offset(node_offset)
            .node_depth(node_depth as u8)
            .inner_hash_length(inner_size as usize)
            .last_node(last_node);
        Hasher::Blake2s(p.to_state())
    };
    let mut state = state;
    if let Some(d) = data {
        let bytes = data_arg(vm, &d)?;
        state.update(&bytes);
    }
    Ok(new_hash(alg, digest_size as usize, state))
}

fn module(vm: &mut Vm, name: &str, entries: Vec<(&str, Value)>) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str(name))?;
    dd.set(vm, new_str("__doc__"), none())?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("__loader__"), none())?;
    dd.set(vm, new_str("__spec__"), none())?;
    for (k, v) in entries {
        dd.set(vm, new_str(k), v)?;
    }
    Ok(new_module(name, d))
}

/// One of the hash modules, by name; `None` for other names.
pub fn new_hash_module(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = match name {
        "_md5" => module(vm, name, vec![("md5", new_builtin("md5", |vm, _, a, k| construct(vm, "md5", a, k))), ("MD5Type", type_value(&MD5_TYPE))])?,
        "_sha1" => {
            module(vm, name, vec![("sha1", new_builtin("sha1", |vm, _, a, k| construct(vm, "sha1", a, k))), ("SHA1Type", type_value(&SHA1_TYPE))])?
        }
        "_sha256" => module(
            vm,
            name,
            vec![
                ("sha224", new_builtin("sha224", |vm, _, a, k| construct(vm, "sha224", a, k))),
                ("sha256", new_builtin("sha256", |vm, _, a, k| construct(vm, "sha256", a, k))),
                ("SHA224Type", type_value(&SHA224_TYPE)),
                ("SHA256Type", type_value(&SHA256_TYPE)),
            ],
        )?,
        "_sha512" => module(
            vm,
            name,
            vec![
                ("sha384", new_builtin("sha384", |vm, _, a, k| construct(vm, "sha384", a, k))),
                ("sha512", new_builtin("sha512", |vm, _, a, k| construct(vm, "sha512", a, k))),
                ("SHA384Type", type_value(&SHA384_TYPE)),
                ("SHA512Type", type_value(&SHA512_TYPE)),
            ],
        )?,
        "_sha3" => module(
            vm,
            name,
            vec![
                ("sha3_224", type_value(&SHA3_224_TYPE)),
                ("sha3_256", type_value(&SHA3_256_TYPE)),
                ("sha3_384", type_value(&SHA3_384_TYPE)),
                ("sha3_512", type_value(&SHA3_512_TYPE)),
                ("shake_128", type_value(&SHAKE128_TYPE)),
                ("shake_256", type_value(&SHAKE256_TYPE)),
                ("implementation", new_str("RustCrypto sha3")),
                ("keccakopt", new_int(64)),
            ],
        )?,
        "_blake2" => {
            // The size limits are class attributes too.
            for (ty, digest, salt) in [(&BLAKE2B_TYPE, 64, 16), (&BLAKE2S_TYPE, 32, 8)] {
                let ns = crate::builtins::slot_wrappers::builtin_dict(ty);
                let nd = as_dict(&ns).expect("a dict");
                for (k, v) in [("SALT_SIZE", salt), ("PERSON_SIZE", salt), ("MAX_KEY_SIZE", digest), ("MAX_DIGEST_SIZE", digest)] {
                    nd.set(vm, new_str(k), new_int(v))?;
                }
            }
            module(
            vm,
            name,
            vec![
                ("blake2b", type_value(&BLAKE2B_TYPE)),
                ("blake2s", type_value(&BLAKE2S_TYPE)),
                ("BLAKE2B_MAX_DIGEST_SIZE", new_int(64)),
                ("BLAKE2B_MAX_KEY_SIZE", new_int(64)),
                ("BLAKE2B_PERSON_SIZE", new_int(16)),
                ("BLAKE2B_SALT_SIZE", new_int(16)),
                ("BLAKE2S_MAX_DIGEST_SIZE", new_int(32)),
                ("BLAKE2S_MAX_KEY_SIZE", new_int(32)),
                ("BLAKE2S_PERSON_SIZE", new_int(8)),
                ("BLAKE2S_SALT_SIZE", new_int(8)),
            ],
        )?
        }
        _ => return Ok(None),
    };
    Ok(Some(m))
}

/// The names `new_hash_module` answers.
pub const HASH_MODULE_NAMES: [&str; 6] = ["_blake2", "_md5", "_sha1", "_sha256", "_sha3", "_sha512"];
