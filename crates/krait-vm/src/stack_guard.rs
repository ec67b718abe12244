//! The native stack's floor: native code that recurses (a nested evaluation
//! loop for each Python call made from Rust, `repr` of nested containers,
//! a slot calling a dunder that is itself native) asks here before going
//! deeper, so that running out of Rust stack is a `RecursionError` and
//! never an abort, whatever `sys.setrecursionlimit` says.
//!
//! Invariants:
//! - `exhausted()` is true only within `MARGIN` bytes of the lowest usable
//!   address of the current thread's stack; the margin holds the deepest
//!   native work done between two checks (the compiler, a regex match, the
//!   formatting of a traceback); it is a quarter of the stack when that
//!   is less.
//! - The floor is found once per thread (from the thread's own stack
//!   bounds) and cached; where the bounds cannot be read, there is no floor
//!   and `exhausted()` is always false.

use std::cell::Cell;

/// Bytes kept free below the last check (a quarter of a smaller stack).
const MARGIN: usize = 2 * 1024 * 1024;

thread_local! {
    /// The lowest address a check may pass at; 0 when not yet known,
    /// 1 when there is no floor.
    static FLOOR: Cell<usize> = const { Cell::new(0) };
}

/// Whether the native stack is too deep to go further.
#[inline]
pub fn exhausted() -> bool {
    let here = approximate_sp();
    FLOOR.with(|floor| {
        let mut f = floor.get();
        if f == 0 {
            f = find_floor();
            floor.set(f);
        }
        here < f
    })
}

#[inline(always)]
fn approximate_sp() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// The current thread's stack floor plus `MARGIN`, or 1 if unknown.
#[cfg(target_os = "linux")]
fn find_floor() -> usize {
    // SAFETY: `attr` is initialised by pthread_getattr_np before it is read
    // and destroyed once; the out-pointers are valid locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return 1;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        if !ok || size == 0 {
            return 1;
        }
        addr as usize + MARGIN.min(size / 4)
    }
}

#[cfg(not(target_os = "linux"))]
fn find_floor() -> usize {
    1
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_shallow_stack_is_not_exhausted() {
        assert!(!super::exhausted());
    }

    #[test]
    fn deep_recursion_reaches_the_floor() {
        fn dive(n: usize) -> usize {
            if super::exhausted() {
                return n;
            }
            let pad = std::hint::black_box([0u8; 4096]);
            dive(n + 1) + pad[n % 4096] as usize
        }
        // A thread with a small stack of its own, so the test is quick.
        let h = std::thread::Builder::new().stack_size(8 * 1024 * 1024).spawn(|| dive(0)).unwrap();
        assert!(h.join().unwrap() > 100);
    }
}
