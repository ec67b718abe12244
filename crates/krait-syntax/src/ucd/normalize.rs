//! `unicodedata.normalize` and `is_normalized`: NFD/NFKD decompose fully
//! (Hangul syllables algorithmically) and order marks canonically; NFC/NFKC
//! then compose, following CPython 3.11's `nfc_nfkc` step for step (which
//! characters block a composition, Hangul L+V(+T) first).
//!
//! Invariants:
//! - The composition pairs are every canonical two-character decomposition
//!   not in `COMPOSITION_EXCLUDED` (which the generator found by asking
//!   python3), built once on first use.
//! - 3.2.0 decomposes as 14.0 except code points it had not assigned (kept
//!   as they are) and its normalization corrections; combining classes and
//!   compositions are 14.0's, as in CPython.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{combining_class, decomposition_of, old_undecomposed, tables, tables_3_2, Version};

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;
const S_COUNT: u32 = L_COUNT * V_COUNT * T_COUNT;

/// A normalization form.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Form {
    Nfc,
    Nfkc,
    Nfd,
    Nfkd,
}

impl Form {
    /// The form named `name` (`'NFC'`, ...), `None` for any other.
    pub fn from_name(name: &str) -> Option<Form> {
        Some(match name {
            "NFC" => Form::Nfc,
            "NFKC" => Form::Nfkc,
            "NFD" => Form::Nfd,
            "NFKD" => Form::Nfkd,
            _ => return None,
        })
    }

    fn compat(self) -> bool {
        matches!(self, Form::Nfkc | Form::Nfkd)
    }

    fn composes(self) -> bool {
        matches!(self, Form::Nfc | Form::Nfkc)
    }
}

/// Push the full decomposition of `cp` to `out`.
fn decompose(cp: u32, compat: bool, v: Version, out: &mut Vec<u32>) {
    let mut stack = vec![cp];
    while let Some(c) = stack.pop() {
        if (S_BASE..S_BASE + S_COUNT).contains(&c) {
            let s = c - S_BASE;
            out.push(L_BASE + s / (V_COUNT * T_COUNT));
            out.push(V_BASE + (s % (V_COUNT * T_COUNT)) / T_COUNT);
            let t = s % T_COUNT;
            if t > 0 {
                out.push(T_BASE + t);
            }
            continue;
        }
        if v == Version::V3_2 {
            if let Ok(i) = tables_3_2::OLD_CORRECTIONS.binary_search_by_key(&c, |&(a, _)| a) {
                stack.push(tables_3_2::OLD_CORRECTIONS[i].1);
                continue;
            }
            if old_undecomposed(c) {
                out.push(c);
                continue;
            }
        }
        match decomposition_of(c) {
            Some((tag, cps)) if tag == 0 || compat => {
                let start = stack.len();
                stack.extend(cps);
                stack[start..].reverse();
            }
            _ => out.push(c),
        }
    }
}

/// NFD or NFKD of `s`, marks in canonical order.
fn nfd(s: &[u32], compat: bool, v: Version) -> Vec<u32> {
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        if c < 0xC0 && !(compat && c >= 0xA0) {
            out.push(c);
        } else {
            decompose(c, compat, v, &mut out);
        }
    }
    // Canonical ordering: a stable sort of each run of non-starters by class.
    let mut i = 0;
    while i < out.len() {
        if combining_class(out[i]) == 0 {
            i += 1;
            continue;
        }
        let start = i;
        while i < out.len() && combining_class(out[i]) != 0 {
            i += 1;
        }
        if i - start > 1 {
            out[start..i].sort_by_key(|&c| combining_class(c));
        }
    }
    out
}

/// The primary composites: (first, second) -> composite.
fn compositions() -> &'static HashMap<(u32, u32), u32> {
    static PAIRS: OnceLock<HashMap<(u32, u32), u32>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let mut pairs = HashMap::new();
        let n = tables::DECOMP_CPS.len() / 4;
        for i in 0..n {
            let cp = super::u32_at(tables::DECOMP_CPS, i);
            if tables::COMPOSITION_EXCLUDED.binary_search(&cp).is_ok() {
                continue;
            }
            if let Some((0, cps)) = decomposition_of(cp) {
                let cps: Vec<u32> = cps.collect();
                if let [a, b] = cps[..] {
                    pairs.insert((a, b), cp);
                }
            }
        }
        pairs
    })
}

/// The code points some composition starts with.
fn composes_first(c: u32) -> bool {
    static FIRSTS: OnceLock<std::collections::HashSet<u32>> = OnceLock::new();
    FIRSTS.get_or_init(|| compositions().keys().map(|&(a, _)| a).collect()).contains(&c)
}

/// Compose decomposed `d` as CPython's `nfc_nfkc` does.
fn compose(d: &[u32]) -> Vec<u32> {
    let pairs = compositions();
    let mut out = Vec::with_capacity(d.len());
    let mut skipped = vec![false; d.len()];
    let mut i = 0;
    while i < d.len() {
        if skipped[i] {
            i += 1;
            continue;
        }
        let c = d[i];
        if (L_BASE..L_BASE + L_COUNT).contains(&c) && i + 1 < d.len() && (V_BASE..V_BASE + V_COUNT).contains(&d[i + 1]) {
            let mut code = S_BASE + ((c - L_BASE) * V_COUNT + (d[i + 1] - V_BASE)) * T_COUNT;
            i += 2;
            if i < d.len() && T_BASE < d[i] && d[i] < T_BASE + T_COUNT {
                code += d[i] - T_BASE;
                i += 1;
            }
            out.push(code);
            continue;
        }
        if !composes_first(c) {
            out.push(c);
            i += 1;
            continue;
        }
        let mut base = c;
        let mut comb = 0u8;
        let mut i1 = i + 1;
        while i1 < d.len() {
            let c1 = d[i1];
            let comb1 = combining_class(c1);
            if comb != 0 {
                if comb1 == 0 {
                    break;
                }
                if comb >= comb1 {
                    i1 += 1;
                    continue;
                }
            }
            match pairs.get(&(base, c1)) {
                Some(&composite) => {
                    base = composite;
                    skipped[i1] = true;
                    i1 += 1;
                    if !composes_first(base) {
                        break;
                    }
                }
                _ => {
                    if comb1 == 0 {
                        break;
                    }
                    comb = comb1;
                    i1 += 1;
                }
            }
        }
        out.push(base);
        i += 1;
    }
    out
}

/// `unicodedata.normalize(form, s)` over code points.
pub fn normalize(form: Form, s: &[u32], v: Version) -> Vec<u32> {
    let d = nfd(s, form.compat(), v);
    if form.composes() {
        compose(&d)
    } else {
        d
    }
}

/// `unicodedata.is_normalized(form, s)`.
pub fn is_normalized(form: Form, s: &[u32], v: Version) -> bool {
    if s.iter().all(|&c| c < 0x80) {
        return true;
    }
    normalize(form, s, v) == s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(form: Form, s: &str) -> String {
        let cps: Vec<u32> = s.chars().map(u32::from).collect();
        normalize(form, &cps, Version::V14).into_iter().filter_map(char::from_u32).collect()
    }

    #[test]
    fn the_four_forms() {
        assert_eq!(norm(Form::Nfd, "\u{C5}"), "A\u{30A}");
        assert_eq!(norm(Form::Nfc, "A\u{30A}"), "\u{C5}");
        assert_eq!(norm(Form::Nfkc, "\u{FB01}"), "fi");
        assert_eq!(norm(Form::Nfd, "\u{AC01}"), "\u{1100}\u{1161}\u{11A8}");
        assert_eq!(norm(Form::Nfc, "\u{1100}\u{1161}\u{11A8}"), "\u{AC01}");
        assert_eq!(norm(Form::Nfc, "\u{2126}"), "\u{3A9}");
        assert_eq!(norm(Form::Nfc, "q\u{307}\u{323}"), "q\u{323}\u{307}");
    }
}
