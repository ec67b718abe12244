//! The sort behind `list.sort` and `sorted`: Tim Peters's timsort with the
//! powersort merge policy (Munro and Wild, "Nearly-Optimal Mergesorts",
//! 2018), as CPython 3.11 runs it (`Objects/listsort.txt` describes it).
//!
//! Invariants:
//! - The same comparisons `a < b` happen in the same order, with the same
//!   operands on each side, as in CPython: natural runs (strictly
//!   descending ones reversed), binary insertion up to `minrun`, merges
//!   chosen by run power, galloping with `min_gallop` adapted as CPython
//!   does. So a key's `__lt__` sees what it sees under CPython, and the
//!   first comparison that raises is CPython's (its message names the
//!   operands in CPython's order).
//! - The sort permutes `order`, indices into `keys`; when a comparison
//!   raises, `order` is left as the partly sorted permutation CPython's
//!   array would be in at that point.

use crate::builtins::str::{as_str_data, STR_TYPE};
use crate::ops;
use crate::types::CompareOp;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Galloping starts after this many wins in a row.
const MIN_GALLOP: usize = 7;

/// A run waiting to be merged: `order[base..base + len]`.
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState<'a> {
    keys: &'a [Value],
    order: &'a mut Vec<usize>,
    min_gallop: usize,
    pending: Vec<Run>,
}

/// Sort `order` (indices into `keys`) stably by `keys[i] < keys[j]`.
pub fn timsort(vm: &mut Vm, keys: &[Value], order: &mut Vec<usize>) -> PyResult<()> {
    let n = order.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState { keys, order, min_gallop: MIN_GALLOP, pending: Vec::new() };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut remaining = n;
    while remaining > 0 {
        let (mut run, descending) = ms.count_run(vm, lo, lo + remaining)?;
        if descending {
            ms.order[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = remaining.min(minrun);
            ms.binary_sort(vm, lo, lo + force, lo + run)?;
            run = force;
        }
        ms.found_new_run(vm, run, n)?;
        ms.pending.push(Run { base: lo, len: run, power: 0 });
        lo += run;
        remaining -= run;
    }
    // Merge what is left, the smaller neighbour of the second-last run
    // first.
    while ms.pending.len() > 1 {
        let mut i = ms.pending.len() - 2;
        if i > 0 && ms.pending[i - 1].len < ms.pending[i + 1].len {
            i -= 1;
        }
        ms.merge_at(vm, i)?;
    }
    Ok(())
}

/// The shortest run worth sorting by merges: `n` itself below 64, else
/// a length in 32..=64 that splits `n` into close to a power of 2 runs.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The powersort "power" of the boundary between the run of `n1` items at
/// `s1` and the `n2` items after it, in a list of `n`: the first bit at
/// which the binary expansions of their midpoints (as fractions of `n`)
/// differ.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut power = 0;
    // Twice the midpoints, so they are integers.
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        power += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    power
}

impl MergeState<'_> {
    /// `keys[x] < keys[y]`. Two small ints, two floats or two exact
    /// strs compare here without running Python code (as CPython's
    /// `unsafe_long_compare` and friends); anything else through `<`.
    fn lt(&self, vm: &mut Vm, x: usize, y: usize) -> PyResult<bool> {
        let (a, b) = (&self.keys[x], &self.keys[y]);
        if let (Some(i), Some(j)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(i < j);
        }
        if let (Some(f), Some(g)) = (a.as_float(), b.as_float()) {
            return Ok(f < g);
        }
        let exact_str = |v: &Value| v.as_object().is_some_and(|p| std::ptr::eq(p.ty(), &STR_TYPE));
        if exact_str(a) && exact_str(b) {
            // Generalized UTF-8 orders as the code points do.
            let (s, t) = (as_str_data(a).expect("a str"), as_str_data(b).expect("a str"));
            return Ok(s.bytes() < t.bytes());
        }
        let r = ops::richcompare(vm, a, b, CompareOp::Lt)?;
        ops::truthy(vm, &r)
    }

    /// The length of the run starting at `lo` (ending before `hi`), and
    /// whether it is strictly descending.
    fn count_run(&self, vm: &mut Vm, lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let o = &*self.order;
        let descending = self.lt(vm, o[lo + 1], o[lo])?;
        let mut n = 2;
        while lo + n < hi {
            let below = self.lt(vm, o[lo + n], o[lo + n - 1])?;
            if below != descending {
                break;
            }
            n += 1;
        }
        Ok((n, descending))
    }

    /// Binary insertion of `order[start..hi]` into the sorted
    /// `order[lo..start]`.
    fn binary_sort(&mut self, vm: &mut Vm, lo: usize, hi: usize, mut start: usize) -> PyResult<()> {
        if lo == start {
            start += 1;
        }
        while start < hi {
            let pivot = self.order[start];
            let (mut l, mut r) = (lo, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt(vm, pivot, self.order[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            self.order.copy_within(l..start, l + 1);
            self.order[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// A run of `n2` items follows the last pending one: merge while the
    /// run below it has a higher power than their boundary.
    fn found_new_run(&mut self, vm: &mut Vm, n2: usize, n: usize) -> PyResult<()> {
        let Some(last) = self.pending.last() else { return Ok(()) };
        let power = powerloop(last.base, last.len, n2, n);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            self.merge_at(vm, self.pending.len() - 2)?;
        }
        let top = self.pending.len() - 1;
        self.pending[top].power = power;
        Ok(())
    }

    /// Merge pending runs `i` and `i + 1`.
    fn merge_at(&mut self, vm: &mut Vm, i: usize) -> PyResult<()> {
        let (a, b) = (self.pending[i], self.pending[i + 1]);
        self.pending[i].len = a.len + b.len;
        self.pending.remove(i + 1);
        // Items of A before B's first item are already in place.
        let run_a: Vec<usize> = self.order[a.base..a.base + a.len].to_vec();
        let k = self.gallop_right(vm, self.order[b.base], &run_a, 0)?;
        let (base_a, na) = (a.base + k, a.len - k);
        if na == 0 {
            return Ok(());
        }
        // Items of B after A's last item are already in place.
        let run_b: Vec<usize> = self.order[b.base..b.base + b.len].to_vec();
        let nb = self.gallop_left(vm, self.order[base_a + na - 1], &run_b, b.len - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(vm, base_a, na, nb)
        } else {
            self.merge_hi(vm, base_a, na, nb)
        }
    }

    /// The position `k` in sorted `a` with `a[k-1] < key <= a[k]`,
    /// galloping out from `hint`.
    fn gallop_left(&self, vm: &mut Vm, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
        let n = a.len();
        let (mut lastofs, mut ofs);
        if self.lt(vm, a[hint], key)? {
            // a[hint] < key: gallop right.
            let maxofs = n - hint;
            (lastofs, ofs) = (0, 1);
            while ofs < maxofs {
                if self.lt(vm, a[hint + ofs], key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            (lastofs, ofs) = (lastofs + hint + 1, ofs + hint);
        } else {
            // key <= a[hint]: gallop left.
            let maxofs = hint + 1;
            (lastofs, ofs) = (0, 1);
            while ofs < maxofs {
                if self.lt(vm, a[hint - ofs], key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            // a[hint - ofs] < key <= a[hint - lastofs]
            (lastofs, ofs) = (hint + 1 - ofs, hint - lastofs);
        }
        // Binary search in a[lastofs..ofs], with a[lastofs-1] < key <= a[ofs].
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(vm, a[m], key)? {
                lastofs = m + 1;
            } else {
                ofs = m;
            }
        }
        Ok(ofs)
    }

    /// The position `k` in sorted `a` with `a[k-1] <= key < a[k]` (after
    /// any items equal to `key`), galloping out from `hint`.
    fn gallop_right(&self, vm: &mut Vm, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
        let n = a.len();
        let (mut lastofs, mut ofs);
        if self.lt(vm, key, a[hint])? {
            // key < a[hint]: gallop left.
            let maxofs = hint + 1;
            (lastofs, ofs) = (0, 1);
            while ofs < maxofs {
                if self.lt(vm, key, a[hint - ofs])? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            // a[hint - ofs] <= key < a[hint - lastofs]
            (lastofs, ofs) = (hint + 1 - ofs, hint - lastofs);
        } else {
            // a[hint] <= key: gallop right.
            let maxofs = n - hint;
            (lastofs, ofs) = (0, 1);
            while ofs < maxofs {
                if self.lt(vm, key, a[hint + ofs])? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            (lastofs, ofs) = (lastofs + hint + 1, ofs + hint);
        }
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(vm, key, a[m])? {
                ofs = m;
            } else {
                lastofs = m + 1;
            }
        }
        Ok(ofs)
    }

    /// Merge `order[base..base + na]` with the `nb` items after it, the
    /// first run being the shorter: it is copied aside and the merge runs
    /// from the left.
    fn merge_lo(&mut self, vm: &mut Vm, base: usize, na: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = self.order[base..base + na].to_vec();
        let (mut na, mut nb) = (na, nb);
        let (mut pa, mut pb, mut dest) = (0, base + na, base);
        let result = (|| -> PyResult<bool> {
            // B's first item is below all of A's (merge_at made sure).
            self.order[dest] = self.order[pb];
            dest += 1;
            pb += 1;
            nb -= 1;
            if nb == 0 {
                return Ok(false);
            }
            if na == 1 {
                return Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0, 0);
                // One pair at a time until one run wins often in a row.
                loop {
                    if self.lt(vm, self.order[pb], tmp[pa])? {
                        self.order[dest] = self.order[pb];
                        dest += 1;
                        pb += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            return Ok(false);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    } else {
                        self.order[dest] = tmp[pa];
                        dest += 1;
                        pa += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            return Ok(true);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
                // Galloping, while it pays.
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let k = self.gallop_right(vm, self.order[pb], &tmp[pa..pa + na], 0)?;
                    acount = k;
                    if k > 0 {
                        self.order[dest..dest + k].copy_from_slice(&tmp[pa..pa + k]);
                        dest += k;
                        pa += k;
                        na -= k;
                        if na == 1 {
                            return Ok(true);
                        }
                        // Only an inconsistent `<` empties A here.
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    self.order[dest] = self.order[pb];
                    dest += 1;
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        return Ok(false);
                    }
                    let run_b: Vec<usize> = self.order[pb..pb + nb].to_vec();
                    let k = self.gallop_left(vm, tmp[pa], &run_b, 0)?;
                    bcount = k;
                    if k > 0 {
                        self.order.copy_within(pb..pb + k, dest);
                        dest += k;
                        pb += k;
                        nb -= k;
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    self.order[dest] = tmp[pa];
                    dest += 1;
                    pa += 1;
                    na -= 1;
                    if na == 1 {
                        return Ok(true);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match result {
            // A's last item goes after the rest of B.
            Ok(true) => {
                self.order.copy_within(pb..pb + nb, dest);
                self.order[dest + nb] = tmp[pa];
                Ok(())
            }
            Ok(false) => {
                self.order[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
                Ok(())
            }
            Err(e) => {
                self.order[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
                Err(e)
            }
        }
    }

    /// Merge `order[base..base + na]` with the `nb` items after it, the
    /// second run being the shorter: it is copied aside and the merge runs
    /// from the right. Positions are kept one above the item they name,
    /// so they never go below zero.
    fn merge_hi(&mut self, vm: &mut Vm, base: usize, na: usize, nb: usize) -> PyResult<()> {
        let base_b = base + na;
        let tmp: Vec<usize> = self.order[base_b..base_b + nb].to_vec();
        let (mut na, mut nb) = (na, nb);
        // One past: the next item of A is order[pa - 1], of B tmp[nb - 1],
        // the next slot order[dest - 1].
        let (mut pa, mut dest) = (base_b, base_b + nb);
        let result = (|| -> PyResult<bool> {
            // A's last item is above all of B's (merge_at made sure).
            self.order[dest - 1] = self.order[pa - 1];
            dest -= 1;
            pa -= 1;
            na -= 1;
            if na == 0 {
                return Ok(false);
            }
            if nb == 1 {
                return Ok(true);
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0, 0);
                loop {
                    if self.lt(vm, tmp[nb - 1], self.order[pa - 1])? {
                        self.order[dest - 1] = self.order[pa - 1];
                        dest -= 1;
                        pa -= 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            return Ok(false);
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    } else {
                        self.order[dest - 1] = tmp[nb - 1];
                        dest -= 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            return Ok(true);
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= usize::from(min_gallop > 1);
                    self.min_gallop = min_gallop;
                    let run_a: Vec<usize> = self.order[base..base + na].to_vec();
                    let k = na - self.gallop_right(vm, tmp[nb - 1], &run_a, na - 1)?;
                    acount = k;
                    if k > 0 {
                        self.order.copy_within(pa - k..pa, dest - k);
                        dest -= k;
                        pa -= k;
                        na -= k;
                        if na == 0 {
                            return Ok(false);
                        }
                    }
                    self.order[dest - 1] = tmp[nb - 1];
                    dest -= 1;
                    nb -= 1;
                    if nb == 1 {
                        return Ok(true);
                    }
                    let k = nb - self.gallop_left(vm, self.order[pa - 1], &tmp[..nb], nb - 1)?;
                    bcount = k;
                    if k > 0 {
                        self.order[dest - k..dest].copy_from_slice(&tmp[nb - k..nb]);
                        dest -= k;
                        nb -= k;
                        if nb == 1 {
                            return Ok(true);
                        }
                        // Only an inconsistent `<` empties B here.
                        if nb == 0 {
                            return Ok(false);
                        }
                    }
                    self.order[dest - 1] = self.order[pa - 1];
                    dest -= 1;
                    pa -= 1;
                    na -= 1;
                    if na == 0 {
                        return Ok(false);
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        })();
        match result {
            // B's first item goes before the rest of A.
            Ok(true) => {
                self.order.copy_within(pa - na..pa, dest - na);
                self.order[dest - na - 1] = tmp[0];
                Ok(())
            }
            Ok(false) => {
                self.order[dest - nb..dest].copy_from_slice(&tmp[..nb]);
                Ok(())
            }
            Err(e) => {
                self.order[dest - nb..dest].copy_from_slice(&tmp[..nb]);
                Err(e)
            }
        }
    }
}
