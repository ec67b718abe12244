//! The `_random` module: `Random`, the Mersenne Twister (MT19937) that
//! CPython's `random.Random` derives from (`Modules/_randommodule.c`).
//!
//! Invariants:
//! - The generator is Matsumoto and Nishimura's MT19937 ("Mersenne
//!   Twister: a 623-dimensionally equidistributed uniform pseudo-random
//!   number generator", 1998) with its 2002 `init_by_array` seeding, so
//!   every seed gives CPython's stream bit for bit: `seed(n)` feeds the
//!   32-bit words of `abs(n)`, least significant first (one zero word for
//!   0); any other seed object its hash as an unsigned 64-bit number.
//! - `random()` is 53 bits from two draws (27 + 26 bits); `getrandbits(k)`
//!   fills 32-bit words from the least significant up, the last word
//!   keeping its top `k % 32` bits.
//! - The state is `mt[624]` plus `index` (0..=624); `getstate()` is that as
//!   a 625-tuple and `setstate` takes it back with CPython's checks.
//!   A fresh object made by `__new__` alone has an all-zero state and
//!   index 0, as `PyType_GenericNew` leaves it.
//! - The type is subclassable (`random.Random` derives from it): a class's
//!   instances are `Subclassed<RandomData>` with a `__dict__`.

use std::cell::RefCell;

use dashu_int::{IBig, UBig};

use crate::builtins::classes::BuiltinBase;
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::{new_module, no_keywords};
use crate::builtins::int::{int_of, new_big, new_int, Int};
use crate::builtins::itertools::{alloc_for, dealloc_payload, payload, trace_payload, Payload};
use crate::builtins::singletons::{is_none, none};
use crate::builtins::str::new_str;
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::types::{type_value, MethodDef, TypeObject, Visit, OBJECT_TYPE};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The twister's state.
pub struct Mt19937 {
    mt: [u32; N],
    index: usize,
}

impl Mt19937 {
    fn zeroed() -> Mt19937 {
        Mt19937 { mt: [0; N], index: 0 }
    }

    /// `init_genrand(s)`: the state from one 32-bit seed.
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array(key)`: the state from any number of 32-bit words.
    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.mt;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// The next 32 random bits (`genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Generate the next `N` words at once.
    fn twist(&mut self) {
        let mt = &mut self.mt;
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        self.index = 0;
    }

    /// A float in [0, 1) with 53 random bits (`random_random`).
    pub fn next_f64(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// A `Random` object's payload.
pub struct RandomData {
    state: RefCell<Mt19937>,
}

impl Payload for RandomData {
    fn ty() -> &'static TypeObject {
        &RANDOM_TYPE
    }

    fn trace(&self, _: Visit) {}
}

pub static RANDOM_TYPE: TypeObject = TypeObject {
    new: Some(random_new),
    init: Some(random_init),
    methods: &[
        MethodDef { name: "random", func: |vm, this, a, k| {
            no_args(vm, "random", a, k)?;
            Ok(Value::float(gen(this).borrow_mut().next_f64()))
        } },
        MethodDef { name: "seed", func: |vm, this, a, k| {
            no_keywords(vm, "Random.seed", k)?;
            if a.len() > 1 {
                return Err(vm.type_error(format!("seed expected at most 1 argument, got {}", a.len())));
            }
            seed(vm, this, a.first())?;
            Ok(none())
        } },
        MethodDef { name: "getstate", func: |vm, this, a, k| {
            no_args(vm, "getstate", a, k)?;
            let g = gen(this).borrow();
            let mut items: Vec<Value> = g.mt.iter().map(|&w| new_int(i64::from(w))).collect();
            items.push(new_int(g.index as i64));
            Ok(new_tuple(items))
        } },
        MethodDef { name: "setstate", func: setstate },
        MethodDef { name: "getrandbits", func: getrandbits },
    ],
    ..TypeObject::builtin("_random.Random", Some(&OBJECT_TYPE), dealloc_payload::<RandomData>, trace_payload::<RandomData>)
};

/// The base that lets `random.Random` derive from `_random.Random`.
pub fn builtin_base(ty: &'static TypeObject) -> Option<BuiltinBase> {
    std::ptr::eq(ty, &RANDOM_TYPE).then(|| BuiltinBase::allocated_by_new::<RandomData>(ty))
}

fn gen(v: &Value) -> &RefCell<Mt19937> {
    &payload::<RandomData>(v).state
}

/// A method taking no arguments (METH_NOARGS's messages).
fn no_args(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    no_keywords(vm, &format!("Random.{name}"), kwnames)?;
    if !args.is_empty() {
        return Err(vm.type_error(format!("Random.{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// `Random.__new__`: a zeroed generator (`PyType_GenericNew`), seeded by
/// `__init__`; for `_random.Random` itself, both at once.
fn random_new(vm: &mut Vm, cls: &'static TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let r = alloc_for(cls, RandomData { state: RefCell::new(Mt19937::zeroed()) });
    if std::ptr::eq(cls, &RANDOM_TYPE) {
        random_init(vm, &r, args, kwnames)?;
    }
    Ok(r)
}

/// `Random.__init__([seed])`.
fn random_init(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    if !kwnames.is_empty() && std::ptr::eq(vm.type_of(this), &RANDOM_TYPE) {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    let npos = args.len() - kwnames.len();
    if npos > 1 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    seed(vm, this, args[..npos].first())?;
    Ok(none())
}

/// `random_seed`: None (or nothing) seeds from the system's entropy;
/// an int by its absolute value; anything else by its hash.
fn seed(vm: &mut Vm, this: &Value, arg: Option<&Value>) -> PyResult<()> {
    let Some(arg) = arg.filter(|a| !is_none(a)) else {
        let key = urandom_key();
        gen(this).borrow_mut().init_by_array(&key);
        return Ok(());
    };
    let key = match int_of(arg) {
        Some(Int::Small(i)) => words_of_u64(i.unsigned_abs()),
        Some(Int::Big(b)) => {
            let (_, words) = b.as_sign_words();
            let mut key: Vec<u32> = words.iter().flat_map(|&w| [w as u32, (w >> 32) as u32]).collect();
            while key.len() > 1 && key.last() == Some(&0) {
                key.pop();
            }
            key
        }
        None => {
            let h = crate::ops::hash(vm, arg)?;
            words_of_u64(h as u64)
        }
    };
    gen(this).borrow_mut().init_by_array(&key);
    Ok(())
}

/// The 32-bit words of `n`, least significant first, at least one.
fn words_of_u64(n: u64) -> Vec<u32> {
    if n >> 32 == 0 {
        vec![n as u32]
    } else {
        vec![n as u32, (n >> 32) as u32]
    }
}

/// 624 words of system entropy (`random_seed_urandom`), else the time and
/// the process id (`random_seed_time_pid`).
fn urandom_key() -> Vec<u32> {
    use std::io::Read;
    let mut buf = [0u8; N * 4];
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
    if read.is_ok() {
        return buf.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
    vec![now as u32, (now >> 32) as u32, std::process::id()]
}

/// `Random.setstate(state)`.
fn setstate(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "Random.setstate", kwnames)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("Random.setstate() takes exactly one argument ({} given)", args.len())));
    }
    let Some(state) = as_tuple(&args[0]) else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    let items = state.items.clone();
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut mt = [0u32; N];
    for (w, item) in mt.iter_mut().zip(&items) {
        // PyLong_AsUnsignedLong, then truncated to 32 bits.
        *w = match int_of(item) {
            Some(Int::Small(i)) if i < 0 => return Err(vm.overflow_error("can't convert negative value to unsigned int")),
            Some(Int::Small(i)) => i as u32,
            Some(Int::Big(b)) if *b < IBig::ZERO => return Err(vm.overflow_error("can't convert negative value to unsigned int")),
            Some(Int::Big(b)) => match u64::try_from(b) {
                Ok(u) => u as u32,
                Err(_) => return Err(vm.overflow_error("Python int too large to convert to C unsigned long")),
            },
            None => return Err(vm.type_error("an integer is required")),
        };
    }
    let index = crate::builtins::posix::int_in(vm, &items[N], i64::MIN, i64::MAX, "Python int too large to convert to C long")?;
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    let mut g = gen(this).borrow_mut();
    g.mt = mt;
    g.index = index as usize;
    Ok(none())
}

/// `Random.getrandbits(k)`: an int of `k` random bits.
fn getrandbits(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    no_keywords(vm, "Random.getrandbits", kwnames)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("Random.getrandbits() takes exactly one argument ({} given)", args.len())));
    }
    let k = crate::builtins::functions::c_int_arg(vm, &args[0])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let mut g = gen(this).borrow_mut();
    if k <= 32 {
        return Ok(new_int(if k == 0 { 0 } else { i64::from(g.next_u32() >> (32 - k)) }));
    }
    let words = (k as usize - 1) / 32 + 1;
    let mut bytes = Vec::with_capacity(words * 4);
    let mut left = k as usize;
    for _ in 0..words {
        let mut r = g.next_u32();
        if left < 32 {
            r >>= 32 - left;
        }
        bytes.extend_from_slice(&r.to_le_bytes());
        left = left.saturating_sub(32);
    }
    Ok(new_big(IBig::from(UBig::from_le_bytes(&bytes))))
}

/// The `_random` module.
pub fn new_random_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("_random"))?;
    dd.set(vm, new_str("__doc__"), new_str("Module implements the Mersenne Twister random number generator."))?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("__loader__"), none())?;
    dd.set(vm, new_str("__spec__"), none())?;
    dd.set(vm, new_str("Random"), type_value(&RANDOM_TYPE))?;
    Ok(new_module("_random", d))
}

#[cfg(test)]
mod tests {
    use super::Mt19937;

    #[test]
    fn reference_output_of_init_by_array() {
        // The first outputs of mt19937ar.c's own test (key 0x123, 0x234,
        // 0x345, 0x456).
        let mut g = Mt19937::zeroed();
        g.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| g.next_u32()).collect();
        assert_eq!(first, [1_067_595_299, 955_945_823, 477_289_528, 4_107_218_783, 4_228_976_476]);
    }
}
