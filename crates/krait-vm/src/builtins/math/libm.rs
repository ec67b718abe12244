//! The platform C math library, as CPython's `math` module calls it.
//!
//! Invariants:
//! - Every function here is the C library's own (`libm`), declared and
//!   called directly, never a Rust re-implementation: CPython 3.11 passes
//!   most `math` functions straight to libm, so calling the same symbols
//!   gives the same bits on the same machine. (Rust's `f64::asinh`,
//!   `acosh` and `atanh` are Rust formulas, and `erf`, `erfc`, `nextafter`
//!   and `lgamma` are not in std at all; going through one list keeps the
//!   question "which implementation?" out of the rest of the module.)
//! - Symbols that Rust's own runtime also defines (compiler-builtins'
//!   cbrt, fmod, sqrt) are reached by glibc's other names for them, so the
//!   link cannot substitute a different implementation.
//! - The wrappers are safe: each C function takes and returns plain
//!   doubles (or writes through a pointer to a local of the wrapper) and
//!   has no other effect than setting `errno`, which nothing reads but
//!   `atan2_errno` (for `cmath.phase`).

mod c {
    #[link(name = "m")]
    extern "C" {
        pub fn acos(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn asin(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn atan(x: f64) -> f64;
        pub fn atan2(y: f64, x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        // Rust's compiler-builtins define cbrt, fmod and sqrt too, and the
        // linker takes theirs before libm's; glibc's `_Float64` names reach
        // its own. (cbrt differs: glibc's cbrt(27.0) is 3.0000000000000004.)
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "cbrtf64")]
        pub fn cbrt(x: f64) -> f64;
        pub fn copysign(x: f64, y: f64) -> f64;
        pub fn cos(x: f64) -> f64;
        pub fn cosh(x: f64) -> f64;
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn exp(x: f64) -> f64;
        pub fn exp2(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "fmodf64")]
        pub fn fmod(x: f64, y: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "hypotf64")]
        pub fn hypot(x: f64, y: f64) -> f64;
        pub fn frexp(x: f64, e: *mut i32) -> f64;
        pub fn ldexp(x: f64, e: i32) -> f64;
        pub fn log(x: f64) -> f64;
        pub fn log10(x: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn log2(x: f64) -> f64;
        pub fn modf(x: f64, ip: *mut f64) -> f64;
        pub fn nextafter(x: f64, y: f64) -> f64;
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn sin(x: f64) -> f64;
        pub fn sinh(x: f64) -> f64;
        #[cfg_attr(all(target_os = "linux", target_env = "gnu"), link_name = "sqrtf64")]
        pub fn sqrt(x: f64) -> f64;
        pub fn tan(x: f64) -> f64;
        pub fn tanh(x: f64) -> f64;
    }
}

/// Safe wrappers of the one- and two-argument functions.
macro_rules! wrap {
    ($($name:ident($($arg:ident),+);)*) => {
        $(
            #[inline]
            pub fn $name($($arg: f64),+) -> f64 {
                // SAFETY: a pure libm function of doubles (see the invariants).
                unsafe { c::$name($($arg),+) }
            }
        )*
    };
}

wrap! {
    acos(x); acosh(x); asin(x); asinh(x); atan(x); atan2(y, x); atanh(x);
    cbrt(x); copysign(x, y); cos(x); cosh(x); erf(x); erfc(x); exp(x);
    exp2(x); expm1(x); fmod(x, y); log(x); log10(x); log1p(x); log2(x);
    nextafter(x, y); pow(x, y); hypot(x, y); sin(x); sinh(x); sqrt(x); tan(x); tanh(x);
}

/// `atan2(y, x)` and whether libm set `errno` (glibc sets ERANGE when the
/// result underflows), which CPython's `cmath.phase` checks. The one
/// place Krait reads libm's errno: its rule is glibc's own, not one that
/// can be derived from the arguments and result alone.
pub fn atan2_errno(y: f64, x: f64) -> (f64, i32) {
    // SAFETY: `__errno_location` returns this thread's errno, valid for the
    // thread's life; atan2 is a pure libm function of doubles.
    unsafe {
        *libc::__errno_location() = 0;
        let r = c::atan2(y, x);
        (r, *libc::__errno_location())
    }
}

/// `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1` (x finite, non-zero).
pub fn frexp(x: f64) -> (f64, i32) {
    let mut e = 0;
    // SAFETY: libm writes the exponent to `e`, a local that outlives the call.
    let m = unsafe { c::frexp(x, &mut e) };
    (m, e)
}

/// `ldexp`: `x * 2**e`, rounded once.
pub fn ldexp(x: f64, e: i32) -> f64 {
    // SAFETY: a pure libm function of a double and an int.
    unsafe { c::ldexp(x, e) }
}

/// `modf`: (fractional part, integral part), both with the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    let mut ip = 0.0;
    // SAFETY: libm writes the integral part to `ip`, a local that outlives the call.
    let frac = unsafe { c::modf(x, &mut ip) };
    (frac, ip)
}
