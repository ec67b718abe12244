//! `Value`: a Python value in one machine word, NaN-boxed.
//!
//! Invariants:
//! - Every 64-bit pattern is one of three things, told apart by its top 16
//!   bits: `0xFFF9` is a small int (a 48-bit two's-complement payload),
//!   `0xFFFA` is a pointer to a heap object (48-bit address), anything else
//!   is an `f64` stored as itself, except the one pattern `Value::NULL`, the
//!   evaluation loop's empty slot, which Python code never sees. The two tags lie inside the space of
//!   negative quiet NaNs, so a float that would collide is stored as the
//!   canonical NaN instead (a NaN's payload is not observable in Python).
//! - A small int is any `int` in `SMALL_INT_MIN..=SMALL_INT_MAX`; an `int`
//!   outside that range is a heap big integer. No int in the small range is
//!   ever stored on the heap, so equal small ints are equal words.
//! - A pointer `Value` owns one reference to its object: `clone` increments
//!   the object's count and `drop` decrements it, freeing the object when it
//!   reaches zero. Immediates need neither. Code above this module never
//!   counts references by hand.
//!
//! Arithmetic on small ints and floats allocates nothing, and a `list` of a
//! million ints holds a million words.

use crate::object::{self, ObjPtr};

/// A Python value. See the module documentation for the encoding.
#[repr(transparent)]
pub struct Value(u64);

const TAG_SHIFT: u32 = 48;
const INT_TAG: u64 = 0xFFF9;
const PTR_TAG: u64 = 0xFFFA;
/// The evaluation loop's NULL: an unbound local, or the NULL a call pushes.
const NULL_BITS: u64 = 0xFFFB_0000_0000_0000;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
/// The NaN every colliding NaN becomes (a positive quiet NaN).
const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// The smallest int stored as an immediate.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
/// The largest int stored as an immediate.
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

/// What a `Value` is, for a `match`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unpacked {
    Int(i64),
    Float(f64),
    Object(ObjPtr),
}

impl Value {
    /// The evaluation loop's NULL (an unbound local; the NULL of a call).
    /// Never visible to Python code; counts no reference.
    pub const NULL: Value = Value(NULL_BITS);

    #[inline]
    pub fn is_null(&self) -> bool {
        self.0 == NULL_BITS
    }

    /// A small int; `None` when `i` needs a heap big integer.
    #[inline]
    pub fn small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value((INT_TAG << TAG_SHIFT) | (i as u64 & PAYLOAD_MASK)))
        } else {
            None
        }
    }

    /// A float. A NaN that would read as a tag becomes the canonical NaN.
    #[inline]
    pub fn float(f: f64) -> Value {
        let bits = f.to_bits();
        let tag = bits >> TAG_SHIFT;
        if tag == INT_TAG || tag == PTR_TAG || bits == NULL_BITS {
            Value(CANONICAL_NAN)
        } else {
            Value(bits)
        }
    }

    /// Take ownership of one reference to `ptr`'s object.
    #[inline]
    pub fn from_owned(ptr: ObjPtr) -> Value {
        let addr = ptr.addr() as u64;
        debug_assert!(addr & !PAYLOAD_MASK == 0, "heap address beyond 48 bits");
        Value((PTR_TAG << TAG_SHIFT) | addr)
    }

    /// A new reference to `ptr`'s object (its count is incremented).
    #[inline]
    pub fn from_borrowed(ptr: ObjPtr) -> Value {
        object::incref(ptr);
        Value::from_owned(ptr)
    }

    #[inline]
    fn tag(&self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    #[inline]
    pub fn is_small_int(&self) -> bool {
        self.tag() == INT_TAG
    }

    #[inline]
    pub fn is_float(&self) -> bool {
        let tag = self.tag();
        tag != INT_TAG && tag != PTR_TAG && self.0 != NULL_BITS
    }

    #[inline]
    pub fn is_object(&self) -> bool {
        self.tag() == PTR_TAG
    }

    /// The small int, if this is one.
    #[inline]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            // Sign-extend the 48-bit payload.
            Some(((self.0 << (64 - TAG_SHIFT)) as i64) >> (64 - TAG_SHIFT))
        } else {
            None
        }
    }

    #[inline]
    pub fn as_float(&self) -> Option<f64> {
        if self.is_float() {
            Some(f64::from_bits(self.0))
        } else {
            None
        }
    }

    /// The object pointer, borrowed for as long as this `Value` lives.
    #[inline]
    pub fn as_object(&self) -> Option<ObjPtr> {
        if self.is_object() {
            Some(ObjPtr::from_addr((self.0 & PAYLOAD_MASK) as usize))
        } else {
            None
        }
    }

    #[inline]
    pub fn unpack(&self) -> Unpacked {
        match self.tag() {
            INT_TAG => Unpacked::Int(self.as_small_int().unwrap_or_default()),
            PTR_TAG => Unpacked::Object(ObjPtr::from_addr((self.0 & PAYLOAD_MASK) as usize)),
            _ => Unpacked::Float(f64::from_bits(self.0)),
        }
    }

    /// Python's `is`: the same object, or the same immediate.
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    /// The raw word (for `id()` of immediates and for hashing identities).
    #[inline]
    pub fn bits(&self) -> u64 {
        self.0
    }

    /// A new reference to the value whose bits are `bits` (an immediate, or
    /// a live object's pointer, whose count is incremented).
    ///
    /// # Safety
    /// `bits` came from `Value::bits` of a value whose object is still alive
    /// (something else holds a reference to it).
    #[inline]
    pub unsafe fn clone_from_bits(bits: u64) -> Value {
        let v = std::mem::ManuallyDrop::new(Value(bits));
        (*v).clone()
    }

    /// Give up ownership without decrementing (the caller takes the reference).
    #[inline]
    pub fn into_owned_ptr(self) -> Option<ObjPtr> {
        let p = self.as_object();
        std::mem::forget(self);
        p
    }
}

impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        if let Some(p) = self.as_object() {
            object::incref(p);
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline]
    fn drop(&mut self) {
        if let Some(p) = self.as_object() {
            object::decref(p);
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.unpack() {
            Unpacked::Int(i) => write!(f, "Int({i})"),
            Unpacked::Float(x) => write!(f, "Float({x:?})"),
            Unpacked::Object(p) => write!(f, "Object({:#x})", p.addr()),
        }
    }
}

#[cfg(test)]
#[path = "value/tests.rs"]
mod tests;
