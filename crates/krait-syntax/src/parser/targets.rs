//! Assignment, deletion and loop targets: an expression parsed as such is
//! turned into a target by giving its names `Store`/`Del` context, after
//! checking it is one of the forms CPython accepts (`star_targets`,
//! `del_targets`), with CPython's "cannot assign to ..." messages.

use super::{PResult, Parser};
use crate::ast::{Constant, Expr, ExprContext, ExprKind};
use crate::error::SyntaxError;
use crate::token::TokenKind as T;

/// How CPython names an expression in error messages
/// (`_PyPegen_get_expr_name`).
pub(super) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target, as CPython's
/// `_PyPegen_get_invalid_target` finds it (None if all of it can).
pub(super) fn invalid_target(e: &Expr, ctx: ExprContext) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, ctx))
        }
        ExprKind::Starred { value, .. } => {
            if ctx == ExprContext::Del {
                Some(e)
            } else {
                invalid_target(value, ctx)
            }
        }
        ExprKind::Compare { left, .. } => {
            // `for x in y` parsed as a comparison: CPython blames the left side
            // when it is the invalid part.
            if ctx == ExprContext::Store {
                if let Some(bad) = invalid_target(left, ctx) {
                    return Some(bad);
                }
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// Does CPython's invalid_named_expression say "cannot assign to X here.
/// Maybe you meant '==' instead of '='?" for this target? It does for a
/// `bitwise_or` that is not a list, tuple, generator expression, True, None
/// or False.
pub(super) fn suggests_comparison(e: &Expr, parenthesized: bool) -> bool {
    match &e.kind {
        ExprKind::List { .. } | ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. } => false,
        ExprKind::Constant { value: Constant::None | Constant::Bool(_), .. } => false,
        ExprKind::Compare { .. }
        | ExprKind::BoolOp { .. }
        | ExprKind::IfExp { .. }
        | ExprKind::Lambda { .. }
        | ExprKind::NamedExpr { .. }
        | ExprKind::Starred { .. } => parenthesized,
        ExprKind::UnaryOp { op: crate::ast::UnaryOp::Not, .. } => parenthesized,
        ExprKind::Name { .. } => false,
        _ => true,
    }
}

/// Give `e` and its sub-targets the context `ctx`. The caller has checked
/// `invalid_target(e, ctx)` is None.
pub(super) fn set_context(e: &mut Expr, ctx: ExprContext) {
    match &mut e.kind {
        ExprKind::Name { ctx: c, .. }
        | ExprKind::Attribute { ctx: c, .. }
        | ExprKind::Subscript { ctx: c, .. } => *c = ctx,
        ExprKind::List { elts, ctx: c } | ExprKind::Tuple { elts, ctx: c } => {
            *c = ctx;
            for x in elts {
                set_context(x, ctx);
            }
        }
        ExprKind::Starred { value, ctx: c } => {
            *c = ctx;
            set_context(value, ctx);
        }
        _ => {}
    }
}

impl Parser<'_> {
    /// Check and convert an expression into an assignment target.
    pub(super) fn to_target(&self, mut e: Expr, ctx: ExprContext) -> PResult<Expr> {
        if let Some(bad) = invalid_target(&e, ctx) {
            return Err(self.invalid_target_error(bad, ctx));
        }
        set_context(&mut e, ctx);
        Ok(e)
    }

    pub(super) fn invalid_target_error(&self, bad: &Expr, ctx: ExprContext) -> SyntaxError {
        let verb = if ctx == ExprContext::Del { "delete" } else { "assign to" };
        self.error(format!("cannot {verb} {}", expr_name(bad)), bad.range)
    }

    /// star_targets: star_target !',' | star_target (',' star_target)* [',']
    /// (for loops and comprehensions; stops before `in`).
    pub(super) fn parse_star_targets(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_star_target()?;
        if !self.at(T::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.at(T::In) || self.at(T::Equal) {
                break;
            }
            elts.push(self.parse_star_target()?);
        }
        Ok(self.new_expr(ExprKind::Tuple { elts, ctx: ExprContext::Store }, self.range_from(start)))
    }

    /// star_target: '*' (!'*' star_target) | target_with_star_atom
    fn parse_star_target(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            let start = self.start();
            self.bump();
            if self.at(T::Star) {
                return Err(self.invalid_syntax());
            }
            let value = self.parse_star_target()?;
            return Ok(self.new_expr(
                ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Store },
                self.range_from(start),
            ));
        }
        let e = self.parse_primary()?;
        self.to_target(e, ExprContext::Store)
    }
}
