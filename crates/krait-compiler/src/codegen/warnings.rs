//! The compiler's SyntaxWarnings (CPython 3.11's `check_compare`,
//! `check_caller`, `check_subscripter`, `check_index` and the assert
//! check): code that compiles but is almost surely a mistake.
//!
//! Invariant: the checks see expressions as CPython's AST optimizer leaves
//! them (`as_constant` folds), and a warning is recorded, never raised: the
//! caller of `compile_module_warned` decides how to show it.

use krait_syntax::ast::{CmpOp, Expr, ExprKind};
use krait_syntax::tokenizer::Warning;

use super::expr::as_constant;
use super::Compiler;
use crate::code::Constant;

/// The type name of a constant, as CPython's `Py_TYPE(v)->tp_name`.
fn constant_type(c: &Constant) -> &'static str {
    match c {
        Constant::None => "NoneType",
        Constant::Bool(_) => "bool",
        Constant::Ellipsis => "ellipsis",
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex { .. } => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Code(_) => "code",
    }
}

/// The type an expression's value surely has (CPython's `infer_type`).
fn infer_type(e: &Expr) -> Option<&'static str> {
    if let Some(c) = as_constant(e) {
        return Some(constant_type(&c));
    }
    Some(match e.kind {
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
        ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
        ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
        ExprKind::GeneratorExp { .. } => "generator",
        ExprKind::Lambda { .. } => "function",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
        ExprKind::Slice { .. } => "slice",
        _ => return None,
    })
}

/// May `e` stand on either side of `is` (not a literal, or a singleton)?
fn is_arg_ok(e: &Expr) -> bool {
    !matches!(
        as_constant(e),
        Some(Constant::Int(_) | Constant::Float(_) | Constant::Complex { .. } | Constant::Str(_) | Constant::Bytes(_))
            | Some(Constant::Tuple(_) | Constant::FrozenSet(_) | Constant::Code(_))
    )
}

impl Compiler<'_> {
    fn warn(&mut self, msg: String, e: &Expr) {
        self.warnings.push(Warning { msg, range: e.range });
    }

    /// `x is 1`, `"a" is not y`.
    pub(super) fn check_compare(&mut self, e: &Expr, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let mut left_ok = is_arg_ok(left);
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = is_arg_ok(right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && !(left_ok && right_ok) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.into(), e);
                return;
            }
            left_ok = right_ok;
        }
    }

    /// `(1)()`, `[x]()`: calling a literal.
    pub(super) fn check_caller(&mut self, func: &Expr, call: &Expr) {
        let literal = as_constant(func).is_some()
            || matches!(
                func.kind,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::Dict { .. }
                    | ExprKind::DictComp { .. }
                    | ExprKind::Set { .. }
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::JoinedStr { .. }
                    | ExprKind::FormattedValue { .. }
            );
        if let (true, Some(ty)) = (literal, infer_type(func)) {
            self.warn(format!("'{ty}' object is not callable; perhaps you missed a comma?"), call);
        }
    }

    /// `{1}[0]`, `(1, 2)["a"]`: subscripting what cannot be, or with what
    /// cannot index it.
    pub(super) fn check_subscript(&mut self, value: &Expr, slice: &Expr, e: &Expr) {
        let unsubscriptable = match as_constant(value) {
            Some(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Int(_)
                    | Constant::Bool(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
                    | Constant::FrozenSet(_)
            ),
            None => matches!(
                value.kind,
                ExprKind::Set { .. } | ExprKind::SetComp { .. } | ExprKind::GeneratorExp { .. } | ExprKind::Lambda { .. }
            ),
        };
        if unsubscriptable {
            let ty = infer_type(value).unwrap_or("object");
            self.warn(format!("'{ty}' object is not subscriptable; perhaps you missed a comma?"), e);
            return;
        }
        let Some(index_type) = infer_type(slice) else { return };
        if matches!(index_type, "int" | "bool" | "slice") {
            return;
        }
        let sequence = match as_constant(value) {
            Some(c) => matches!(c, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)),
            None => matches!(
                value.kind,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::JoinedStr { .. }
                    | ExprKind::FormattedValue { .. }
            ),
        };
        if let (true, Some(ty)) = (sequence, infer_type(value)) {
            let msg = format!("{ty} indices must be integers or slices, not {index_type}; perhaps you missed a comma?");
            self.warn(msg, e);
        }
    }

    /// `assert (x, "message")`.
    pub(super) fn check_assert(&mut self, test: &Expr, stmt_range: krait_syntax::TextRange) {
        if matches!(&test.kind, ExprKind::Tuple { elts, .. } if !elts.is_empty()) {
            self.warnings.push(Warning { msg: "assertion is always true, perhaps remove parentheses?".into(), range: stmt_range });
        }
    }
}
