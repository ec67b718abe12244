//! A readable difference between expected and actual output, for test
//! failures.
//!
//! Invariant: the report is bounded (at most `MAX_REPORT_LINES` lines, each
//! line clipped around its first differing character), whatever the outputs'
//! size: an AST dump is one line of megabytes, a token dump thousands of lines.

const MAX_REPORT_LINES: usize = 40;
/// Lines in the differing middle part above which no LCS is computed.
const MAX_LCS_LINES: usize = 400;
/// Characters kept either side of the first difference in a long line.
const CONTEXT_CHARS: usize = 70;
/// Unchanged lines shown before the first difference.
const CONTEXT_LINES: usize = 2;

/// `-expected` / `+actual` lines around where the two texts differ.
pub fn diff(expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let e: Vec<&str> = exp.split_inclusive('\n').collect();
    let a: Vec<&str> = act.split_inclusive('\n').collect();

    let prefix = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let suffix =
        e[prefix..].iter().rev().zip(a[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    let e_mid = &e[prefix..e.len() - suffix];
    let a_mid = &a[prefix..a.len() - suffix];

    let mut out = Vec::new();
    out.push(format!(
        "first difference at line {} (expected {} lines, got {})",
        prefix + 1,
        e.len(),
        a.len()
    ));
    for line in &e[prefix.saturating_sub(CONTEXT_LINES)..prefix] {
        out.push(format!(" {}", show(line, None)));
    }
    let ops = if e_mid.len() <= MAX_LCS_LINES && a_mid.len() <= MAX_LCS_LINES {
        lcs_ops(e_mid, a_mid)
    } else {
        // Too large to align: show each side's first differing lines.
        let mut ops: Vec<Op> = (0..e_mid.len().min(MAX_REPORT_LINES)).map(Op::Del).collect();
        ops.extend((0..a_mid.len().min(MAX_REPORT_LINES)).map(Op::Add));
        ops
    };
    for (k, &op) in ops.iter().enumerate() {
        if out.len() >= MAX_REPORT_LINES {
            out.push("... (more differences)".to_string());
            break;
        }
        match op {
            Op::Keep(i) => {
                // Unchanged lines: keep only those near a change.
                let near = |d: std::ops::RangeInclusive<usize>| {
                    d.filter_map(|d| k.checked_add_signed(d as isize - CONTEXT_LINES as isize))
                        .filter(|&x| x != k)
                        .any(|x| matches!(ops.get(x), Some(Op::Del(_) | Op::Add(_))))
                };
                if near(0..=2 * CONTEXT_LINES) {
                    out.push(format!(" {}", show(e_mid[i], None)));
                } else if !matches!(out.last(), Some(l) if l == "  ...") {
                    out.push("  ...".to_string());
                }
            }
            Op::Del(i) => {
                out.push(format!("-{}", show(e_mid[i], first_diff_partner(e_mid[i], a_mid))))
            }
            Op::Add(j) => {
                out.push(format!("+{}", show(a_mid[j], first_diff_partner(a_mid[j], e_mid))))
            }
        }
    }
    if suffix > 0 && !matches!(ops.last(), Some(Op::Keep(_))) {
        for line in e[e.len() - suffix..].iter().take(CONTEXT_LINES) {
            out.push(format!(" {}", show(line, None)));
        }
    }
    out.join("\n")
}

#[derive(Clone, Copy)]
enum Op {
    Keep(usize),
    Del(usize),
    Add(usize),
}

/// Line-level longest-common-subsequence alignment of the differing middle.
fn lcs_ops(e: &[&str], a: &[&str]) -> Vec<Op> {
    let (n, m) = (e.len(), a.len());
    let mut len = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[at(i, j)] = if e[i] == a[j] {
                len[at(i + 1, j + 1)] + 1
            } else {
                len[at(i + 1, j)].max(len[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j, mut ops) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && e[i] == a[j] {
            ops.push(Op::Keep(i));
            i += 1;
            j += 1;
        } else if j < m && (i == n || len[at(i, j + 1)] >= len[at(i + 1, j)]) {
            ops.push(Op::Add(j));
            j += 1;
        } else {
            ops.push(Op::Del(i));
            i += 1;
        }
    }
    // Group each run of changes as all deletions, then all additions.
    let mut grouped = Vec::with_capacity(ops.len());
    let mut run: (Vec<Op>, Vec<Op>) = (Vec::new(), Vec::new());
    for op in ops {
        match op {
            Op::Keep(_) => {
                grouped.append(&mut run.0);
                grouped.append(&mut run.1);
                grouped.push(op);
            }
            Op::Del(_) => run.0.push(op),
            Op::Add(_) => run.1.push(op),
        }
    }
    grouped.append(&mut run.0);
    grouped.append(&mut run.1);
    grouped
}

/// The character index where `line` first differs from the most similar
/// line on the other side (the one sharing the longest prefix).
fn first_diff_partner(line: &str, others: &[&str]) -> Option<usize> {
    others
        .iter()
        .take(MAX_LCS_LINES)
        .map(|o| line.chars().zip(o.chars()).take_while(|(x, y)| x == y).count())
        .max()
}

/// A line made visible: control characters escaped, clipped around `focus`.
fn show(line: &str, focus: Option<usize>) -> String {
    let chars: Vec<char> = line.chars().collect();
    let (start, end) = match focus {
        Some(f) if chars.len() > 2 * CONTEXT_CHARS + 20 => {
            let s = f.saturating_sub(CONTEXT_CHARS);
            (s, (f + CONTEXT_CHARS).min(chars.len()))
        }
        _ => (0, chars.len().min(4 * CONTEXT_CHARS)),
    };
    let mut s = String::new();
    if start > 0 {
        s.push_str(&format!("[col {start}]…"));
    }
    for &c in &chars[start..end] {
        match c {
            '\n' => {}
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c if c.is_control() => s.push_str(&c.escape_default().to_string()),
            c => s.push(c),
        }
    }
    if end < chars.len() && !(end + 1 == chars.len() && chars[end] == '\n') {
        s.push('…');
    }
    if line.ends_with('\n') {
        s
    } else {
        s + " (no newline at end)"
    }
}
