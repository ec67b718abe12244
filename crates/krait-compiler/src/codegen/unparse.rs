//! An expression back to source text, as CPython 3.11's `ast_unparse.c`
//! (`_PyAST_ExprAsUnicode`) writes it: what an annotation becomes under
//! `from __future__ import annotations`.
//!
//! Invariants: parentheses come only from precedence (a sub-expression is
//! wrapped when its own level is below the level its place asks for), never
//! from the source; constants are their `repr` (an infinite float reads
//! `1e309`); an f-string is rebuilt from its parts and written as the
//! `repr` of its body after `f`.

use krait_syntax::ast::{Arguments, BoolOp, CmpOp, Comprehension, Constant, Expr, ExprKind, Int, Operator, UnaryOp};
use krait_syntax::pystr::PyString;
use krait_syntax::repr::{bytes_repr, complex_repr, float_repr, str_repr};

// Precedence levels, lowest first.
const TUPLE: u8 = 0;
const TEST: u8 = 1;
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 6;
const EXPR: u8 = BOR;
const BXOR: u8 = 7;
const BAND: u8 = 8;
const SHIFT: u8 = 9;
const ARITH: u8 = 10;
const TERM: u8 = 11;
const FACTOR: u8 = 12;
const POWER: u8 = 13;
const AWAIT: u8 = 14;
const ATOM: u8 = 15;

/// The text of an annotation (`_PyAST_ExprAsUnicode`).
pub fn expr_as_text(e: &Expr) -> PyString {
    let mut out = PyString::new();
    expr(&mut out, e, TEST);
    out
}

fn open(out: &mut PyString, level: u8, pr: u8) {
    if level > pr {
        out.push_str("(");
    }
}

fn close(out: &mut PyString, level: u8, pr: u8) {
    if level > pr {
        out.push_str(")");
    }
}

/// `repr` of a float or complex part with `inf` spelled `1e309`.
fn no_inf(s: String) -> String {
    s.replace("inf", "1e309")
}

fn constant(out: &mut PyString, c: &Constant, kind: Option<&str>) {
    match c {
        Constant::Ellipsis => out.push_str("..."),
        Constant::None => out.push_str("None"),
        Constant::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Constant::Int(Int::Small(i)) => out.push_str(&i.to_string()),
        Constant::Int(Int::Big(b)) => out.push_str(&b.to_string()),
        Constant::Float(f) => out.push_str(&no_inf(float_repr(*f))),
        Constant::Complex { real, imag } => out.push_str(&no_inf(complex_repr(*real, *imag))),
        Constant::Str(s) => {
            if kind.is_some() {
                out.push_str("u");
            }
            out.push_str(&str_repr(s));
        }
        Constant::Bytes(b) => out.push_str(&bytes_repr(b)),
    }
}

fn joined(out: &mut PyString, e: &Expr, values: &[Expr], format_spec: bool) {
    let mut body = PyString::new();
    for v in values {
        fstring_element(&mut body, v);
    }
    let _ = e;
    if format_spec {
        out.push_pystr(&body);
    } else {
        out.push_str("f");
        out.push_str(&str_repr(&body));
    }
}

fn fstring_element(out: &mut PyString, e: &Expr) {
    match &e.kind {
        ExprKind::Constant { value: Constant::Str(s), .. } => {
            for cp in s.code_points() {
                match cp {
                    0x7B => out.push_str("{{"),
                    0x7D => out.push_str("}}"),
                    _ => out.push_code_point(cp),
                }
            }
        }
        ExprKind::JoinedStr { values } => joined(out, e, values, true),
        ExprKind::FormattedValue { .. } => formatted_value(out, e),
        // Nothing else appears inside an f-string the parser made.
        _ => expr(out, e, TEST),
    }
}

fn formatted_value(out: &mut PyString, e: &Expr) {
    let ExprKind::FormattedValue { value, conversion, format_spec } = &e.kind else { return };
    let mut inner = PyString::new();
    // A lambda's ':' needs parentheses: one level above TEST.
    expr(&mut inner, value, TEST + 1);
    out.push_str(if inner.as_bytes().first() == Some(&b'{') { "{ " } else { "{" });
    out.push_pystr(&inner);
    match *conversion {
        c if c == 'a' as i64 => out.push_str("!a"),
        c if c == 'r' as i64 => out.push_str("!r"),
        c if c == 's' as i64 => out.push_str("!s"),
        _ => {}
    }
    if let Some(spec) = format_spec {
        out.push_str(":");
        fstring_element(out, spec);
    }
    out.push_str("}");
}

fn args(out: &mut PyString, a: &Arguments) {
    let mut first = true;
    let mut sep = |out: &mut PyString| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let positional: Vec<_> = a.posonlyargs.iter().chain(&a.args).collect();
    let n = positional.len();
    for (i, p) in positional.iter().enumerate() {
        sep(out);
        arg(out, p);
        if let Some(d) = (i + a.defaults.len()).checked_sub(n).and_then(|di| a.defaults.get(di)) {
            out.push_str("=");
            expr(out, d, TEST);
        }
        if !a.posonlyargs.is_empty() && i + 1 == a.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if a.vararg.is_some() || !a.kwonlyargs.is_empty() {
        sep(out);
        out.push_str("*");
        if let Some(v) = &a.vararg {
            arg(out, v);
        }
    }
    let k = a.kwonlyargs.len();
    for (i, p) in a.kwonlyargs.iter().enumerate() {
        sep(out);
        arg(out, p);
        if let Some(Some(d)) = (i + a.kw_defaults.len()).checked_sub(k).and_then(|di| a.kw_defaults.get(di)) {
            out.push_str("=");
            expr(out, d, TEST);
        }
    }
    if let Some(kw) = &a.kwarg {
        sep(out);
        out.push_str("**");
        arg(out, kw);
    }
}

fn arg(out: &mut PyString, a: &krait_syntax::ast::Arg) {
    out.push_str(&a.arg);
    if let Some(ann) = &a.annotation {
        out.push_str(": ");
        expr(out, ann, TEST);
    }
}

fn comprehensions(out: &mut PyString, gens: &[Comprehension]) {
    for g in gens {
        out.push_str(if g.is_async != 0 { " async for " } else { " for " });
        expr(out, &g.target, TUPLE);
        out.push_str(" in ");
        expr(out, &g.iter, TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, TEST + 1);
        }
    }
}

fn items(out: &mut PyString, es: &[Expr]) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        expr(out, e, TEST);
    }
}

fn binop(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => (" + ", ARITH),
        Operator::Sub => (" - ", ARITH),
        Operator::Mult => (" * ", TERM),
        Operator::MatMult => (" @ ", TERM),
        Operator::Div => (" / ", TERM),
        Operator::Mod => (" % ", TERM),
        Operator::LShift => (" << ", SHIFT),
        Operator::RShift => (" >> ", SHIFT),
        Operator::BitOr => (" | ", BOR),
        Operator::BitXor => (" ^ ", BXOR),
        Operator::BitAnd => (" & ", BAND),
        Operator::FloorDiv => (" // ", TERM),
        Operator::Pow => (" ** ", POWER),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

fn expr(out: &mut PyString, e: &Expr, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (text, pr) = if *op == BoolOp::And { (" and ", AND) } else { (" or ", OR) };
            open(out, level, pr);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(text);
                }
                expr(out, v, pr + 1);
            }
            close(out, level, pr);
        }
        ExprKind::BinOp { left, op, right } => {
            let (text, pr) = binop(*op);
            let rassoc = u8::from(*op == Operator::Pow);
            open(out, level, pr);
            expr(out, left, pr + rassoc);
            out.push_str(text);
            expr(out, right, pr + 1 - rassoc);
            close(out, level, pr);
        }
        ExprKind::UnaryOp { op, operand } => {
            let (text, pr) = match op {
                UnaryOp::Invert => ("~", FACTOR),
                UnaryOp::Not => ("not ", NOT),
                UnaryOp::UAdd => ("+", FACTOR),
                UnaryOp::USub => ("-", FACTOR),
            };
            open(out, level, pr);
            out.push_str(text);
            expr(out, operand, pr);
            close(out, level, pr);
        }
        ExprKind::Lambda { args: a, body } => {
            open(out, level, TEST);
            let positional = a.args.len() + a.posonlyargs.len();
            out.push_str(if positional > 0 { "lambda " } else { "lambda" });
            args(out, a);
            out.push_str(": ");
            expr(out, body, TEST);
            close(out, level, TEST);
        }
        ExprKind::IfExp { test, body, orelse } => {
            open(out, level, TEST);
            expr(out, body, TEST + 1);
            out.push_str(" if ");
            expr(out, test, TEST + 1);
            out.push_str(" else ");
            expr(out, orelse, TEST);
            close(out, level, TEST);
        }
        ExprKind::Dict { keys, values } => {
            out.push_str("{");
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, TEST);
                        out.push_str(": ");
                        expr(out, v, TEST);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, EXPR);
                    }
                }
            }
            out.push_str("}");
        }
        ExprKind::Set { elts } => {
            out.push_str("{");
            items(out, elts);
            out.push_str("}");
        }
        ExprKind::ListComp { elt, generators } => {
            out.push_str("[");
            expr(out, elt, TEST);
            comprehensions(out, generators);
            out.push_str("]");
        }
        ExprKind::SetComp { elt, generators } => {
            out.push_str("{");
            expr(out, elt, TEST);
            comprehensions(out, generators);
            out.push_str("}");
        }
        ExprKind::DictComp { key, value, generators } => {
            out.push_str("{");
            expr(out, key, TEST);
            out.push_str(": ");
            expr(out, value, TEST);
            comprehensions(out, generators);
            out.push_str("}");
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push_str("(");
            expr(out, elt, TEST);
            comprehensions(out, generators);
            out.push_str(")");
        }
        ExprKind::Yield { value } => match value {
            None => out.push_str("(yield)"),
            Some(v) => {
                out.push_str("(yield ");
                expr(out, v, TEST);
                out.push_str(")");
            }
        },
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            expr(out, value, TEST);
            out.push_str(")");
        }
        ExprKind::Await { value } => {
            open(out, level, AWAIT);
            out.push_str("await ");
            expr(out, value, ATOM);
            close(out, level, AWAIT);
        }
        ExprKind::Compare { left, ops, comparators } => {
            open(out, level, CMP);
            expr(out, left, CMP + 1);
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(cmpop(*op));
                expr(out, c, CMP + 1);
            }
            close(out, level, CMP);
        }
        ExprKind::Call { func, args: call_args, keywords } => {
            expr(out, func, ATOM);
            if let ([only], []) = (call_args.as_slice(), keywords.as_slice()) {
                if matches!(only.kind, ExprKind::GeneratorExp { .. }) {
                    expr(out, only, TEST);
                    return;
                }
            }
            out.push_str("(");
            items(out, call_args);
            for (i, k) in keywords.iter().enumerate() {
                if i > 0 || !call_args.is_empty() {
                    out.push_str(", ");
                }
                match &k.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push_str("=");
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, TEST);
            }
            out.push_str(")");
        }
        ExprKind::Constant { value, kind } => constant(out, value, kind.as_deref()),
        ExprKind::JoinedStr { values } => joined(out, e, values, false),
        ExprKind::FormattedValue { .. } => formatted_value(out, e),
        ExprKind::Attribute { value, attr, .. } => {
            expr(out, value, ATOM);
            // `1 .real`: an int needs a space before the dot.
            let int = matches!(value.kind, ExprKind::Constant { value: Constant::Int(_), .. });
            out.push_str(if int { " ." } else { "." });
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(out, value, ATOM);
            out.push_str("[");
            expr(out, slice, TUPLE);
            out.push_str("]");
        }
        ExprKind::Starred { value, .. } => {
            out.push_str("*");
            expr(out, value, EXPR);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, TEST);
            }
            out.push_str(":");
            if let Some(u) = upper {
                expr(out, u, TEST);
            }
            if let Some(s) = step {
                out.push_str(":");
                expr(out, s, TEST);
            }
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::List { elts, .. } => {
            out.push_str("[");
            items(out, elts);
            out.push_str("]");
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
                return;
            }
            open(out, level, TUPLE);
            items(out, elts);
            if elts.len() == 1 {
                out.push_str(",");
            }
            close(out, level, TUPLE);
        }
        ExprKind::NamedExpr { target, value } => {
            open(out, level, TUPLE);
            expr(out, target, ATOM);
            out.push_str(" := ");
            expr(out, value, ATOM);
            close(out, level, TUPLE);
        }
    }
}
