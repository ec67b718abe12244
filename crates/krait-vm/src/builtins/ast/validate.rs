//! The checks CPython's `_PyAST_Validate` makes on a tree read from `ast`
//! objects before compiling it (a tree from the parser needs none).
//!
//! Invariants: each error is CPython 3.11's type and message; the walk
//! visits fields in CPython's order, so the first error found is the one
//! CPython reports. Positions and constants are checked while the tree is
//! read (`convert.rs`), as everything else is here.

use krait_syntax::ast::*;

use crate::vm::{PyErr, PyResult, Vm};

type Check = Result<(), (bool, String)>;

/// A ValueError.
fn bad(msg: impl Into<String>) -> Check {
    Err((false, msg.into()))
}

/// Validate a module tree; errors become ValueError (or TypeError where
/// CPython raises one).
pub fn validate(vm: &mut Vm, m: &Mod) -> PyResult<()> {
    let r = match m {
        Mod::Module { body, .. } | Mod::Interactive { body } => stmts(body),
        Mod::Expression { body } => expr(body, ExprContext::Load),
        Mod::FunctionType { argtypes, returns } => exprs(argtypes, ExprContext::Load).and_then(|_| expr(returns, ExprContext::Load)),
    };
    r.map_err(|(type_error, msg)| -> PyErr { if type_error { vm.type_error(msg) } else { vm.value_error(msg) } })
}

fn ctx_name(c: ExprContext) -> &'static str {
    match c {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

fn nonempty<T>(seq: &[T], what: &str, owner: &str) -> Check {
    if seq.is_empty() {
        return bad(format!("empty {what} on {owner}"));
    }
    Ok(())
}

fn body(b: &[Stmt], owner: &str) -> Check {
    nonempty(b, "body", owner)?;
    stmts(b)
}

fn stmts(b: &[Stmt]) -> Check {
    b.iter().try_for_each(stmt)
}

fn exprs(es: &[Expr], ctx: ExprContext) -> Check {
    es.iter().try_for_each(|e| expr(e, ctx))
}

fn opt(e: &Option<Box<Expr>>) -> Check {
    e.as_deref().map_or(Ok(()), |e| expr(e, ExprContext::Load))
}

fn keywords(ks: &[Keyword]) -> Check {
    ks.iter().try_for_each(|k| expr(&k.value, ExprContext::Load))
}

fn name(id: &str) -> Check {
    if matches!(id, "None" | "True" | "False") {
        return bad(format!("identifier field can't represent '{id}' constant"));
    }
    Ok(())
}

fn args(a: &Arguments) -> Check {
    let annotation = |x: &Arg| x.annotation.as_ref().map_or(Ok(()), |e| expr(e, ExprContext::Load));
    a.posonlyargs.iter().chain(&a.args).try_for_each(annotation)?;
    a.vararg.iter().try_for_each(annotation)?;
    a.kwonlyargs.iter().try_for_each(annotation)?;
    a.kwarg.iter().try_for_each(annotation)?;
    if a.defaults.len() > a.posonlyargs.len() + a.args.len() {
        return bad("more positional defaults than args on arguments");
    }
    if a.kw_defaults.len() != a.kwonlyargs.len() {
        return bad("length of kwonlyargs is not the same as kw_defaults on arguments");
    }
    exprs(&a.defaults, ExprContext::Load)?;
    a.kw_defaults.iter().flatten().try_for_each(|e| expr(e, ExprContext::Load))
}

fn handlers(hs: &[ExceptHandler]) -> Check {
    for h in hs {
        let ExceptHandlerKind::ExceptHandler { type_, body: b, .. } = &h.kind;
        opt(type_)?;
        body(b, "ExceptHandler")?;
    }
    Ok(())
}

fn stmt(s: &Stmt) -> Check {
    use ExprContext::{Del, Load, Store};
    match &s.kind {
        StmtKind::FunctionDef { args: a, body: b, decorator_list, returns, .. } => {
            body(b, "FunctionDef")?;
            args(a)?;
            exprs(decorator_list, Load)?;
            opt(returns)
        }
        StmtKind::AsyncFunctionDef { args: a, body: b, decorator_list, returns, .. } => {
            body(b, "AsyncFunctionDef")?;
            args(a)?;
            exprs(decorator_list, Load)?;
            opt(returns)
        }
        StmtKind::ClassDef { bases, keywords: k, body: b, decorator_list, .. } => {
            body(b, "ClassDef")?;
            exprs(bases, Load)?;
            keywords(k)?;
            exprs(decorator_list, Load)
        }
        StmtKind::Return { value } => opt(value),
        StmtKind::Delete { targets } => {
            nonempty(targets, "targets", "Delete")?;
            exprs(targets, Del)
        }
        StmtKind::Assign { targets, value, .. } => {
            nonempty(targets, "targets", "Assign")?;
            exprs(targets, Store)?;
            expr(value, Load)
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, Store)?;
            expr(value, Load)
        }
        StmtKind::AnnAssign { target, annotation, value, simple } => {
            if *simple != 0 && !matches!(target.kind, ExprKind::Name { .. }) {
                return Err((true, "AnnAssign with simple non-Name target".into()));
            }
            expr(target, Store)?;
            opt(value)?;
            expr(annotation, Load)
        }
        StmtKind::For { target, iter, body: b, orelse, .. } | StmtKind::AsyncFor { target, iter, body: b, orelse, .. } => {
            expr(target, Store)?;
            expr(iter, Load)?;
            body(b, if matches!(s.kind, StmtKind::For { .. }) { "For" } else { "AsyncFor" })?;
            stmts(orelse)
        }
        StmtKind::While { test, body: b, orelse } | StmtKind::If { test, body: b, orelse } => {
            expr(test, Load)?;
            body(b, if matches!(s.kind, StmtKind::While { .. }) { "While" } else { "If" })?;
            stmts(orelse)
        }
        StmtKind::With { items, body: b, .. } | StmtKind::AsyncWith { items, body: b, .. } => {
            let owner = if matches!(s.kind, StmtKind::With { .. }) { "With" } else { "AsyncWith" };
            nonempty(items, "items", owner)?;
            for item in items {
                expr(&item.context_expr, Load)?;
                item.optional_vars.as_ref().map_or(Ok(()), |v| expr(v, Store))?;
            }
            body(b, owner)
        }
        StmtKind::Match { subject, cases } => {
            expr(subject, Load)?;
            nonempty(cases, "cases", "Match")?;
            for case in cases {
                pattern(&case.pattern, false)?;
                case.guard.as_ref().map_or(Ok(()), |g| expr(g, Load))?;
                body(&case.body, "match_case")?;
            }
            Ok(())
        }
        StmtKind::Raise { exc, cause } => {
            if exc.is_none() && cause.is_some() {
                return bad("Raise with cause but no exception");
            }
            opt(exc)?;
            opt(cause)
        }
        StmtKind::Try { body: b, handlers: hs, orelse, finalbody } | StmtKind::TryStar { body: b, handlers: hs, orelse, finalbody } => {
            let owner = if matches!(s.kind, StmtKind::Try { .. }) { "Try" } else { "TryStar" };
            body(b, owner)?;
            if hs.is_empty() && finalbody.is_empty() {
                return bad(format!("{owner} has neither except handlers nor finalbody"));
            }
            if hs.is_empty() && !orelse.is_empty() {
                return bad(format!("{owner} has orelse but no except handlers"));
            }
            handlers(hs)?;
            stmts(finalbody)?;
            stmts(orelse)
        }
        StmtKind::Assert { test, msg } => {
            expr(test, Load)?;
            opt(msg)
        }
        StmtKind::Import { names } => nonempty(names, "names", "Import"),
        StmtKind::ImportFrom { names, level, .. } => {
            if level.is_some_and(|l| l < 0) {
                return bad("Negative ImportFrom level");
            }
            nonempty(names, "names", "ImportFrom")
        }
        StmtKind::Global { names } => nonempty(names, "names", "Global"),
        StmtKind::Nonlocal { names } => nonempty(names, "names", "Nonlocal"),
        StmtKind::Expr { value } => expr(value, Load),
        StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
    }
}

fn comprehension(gens: &[Comprehension]) -> Check {
    if gens.is_empty() {
        return bad("comprehension with no generators");
    }
    for g in gens {
        expr(&g.target, ExprContext::Store)?;
        expr(&g.iter, ExprContext::Load)?;
        exprs(&g.ifs, ExprContext::Load)?;
    }
    Ok(())
}

fn expr(e: &Expr, ctx: ExprContext) -> Check {
    use ExprContext::Load;
    let actual = match &e.kind {
        ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. }
        | ExprKind::Starred { ctx, .. }
        | ExprKind::Name { ctx, .. }
        | ExprKind::List { ctx, .. }
        | ExprKind::Tuple { ctx, .. } => Some(*ctx),
        _ => None,
    };
    match actual {
        None if ctx != Load => {
            return bad(format!("expression which can't be assigned to in {} context", ctx_name(ctx)));
        }
        Some(a) if a != ctx => {
            return bad(format!("expression must have {} context but has {} instead", ctx_name(ctx), ctx_name(a)));
        }
        _ => {}
    }
    match &e.kind {
        ExprKind::BoolOp { values, .. } => {
            if values.len() < 2 {
                return bad("BoolOp with less than 2 values");
            }
            exprs(values, Load)
        }
        ExprKind::BinOp { left, right, .. } => {
            expr(left, Load)?;
            expr(right, Load)
        }
        ExprKind::UnaryOp { operand, .. } => expr(operand, Load),
        ExprKind::Lambda { args: a, body } => {
            args(a)?;
            expr(body, Load)
        }
        ExprKind::IfExp { test, body, orelse } => {
            expr(test, Load)?;
            expr(body, Load)?;
            expr(orelse, Load)
        }
        ExprKind::Dict { keys, values } => {
            if keys.len() != values.len() {
                return bad("Dict doesn't have the same number of keys as values");
            }
            keys.iter().flatten().try_for_each(|k| expr(k, Load))?;
            exprs(values, Load)
        }
        ExprKind::Set { elts } => exprs(elts, Load),
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
            comprehension(generators)?;
            expr(elt, Load)
        }
        ExprKind::DictComp { key, value, generators } => {
            comprehension(generators)?;
            expr(key, Load)?;
            expr(value, Load)
        }
        ExprKind::Yield { value } => opt(value),
        ExprKind::YieldFrom { value } | ExprKind::Await { value } => expr(value, Load),
        ExprKind::Compare { left, ops, comparators } => {
            if comparators.is_empty() {
                return bad("Compare with no comparators");
            }
            if comparators.len() != ops.len() {
                return bad("Compare has a different number of comparators and operands");
            }
            exprs(comparators, Load)?;
            expr(left, Load)
        }
        ExprKind::Call { func, args, keywords: k } => {
            expr(func, Load)?;
            exprs(args, Load)?;
            keywords(k)
        }
        ExprKind::Constant { .. } => Ok(()),
        ExprKind::JoinedStr { values } => exprs(values, Load),
        ExprKind::FormattedValue { value, format_spec, .. } => {
            expr(value, Load)?;
            opt(format_spec)
        }
        ExprKind::Attribute { value, .. } => expr(value, Load),
        ExprKind::Subscript { value, slice, .. } => {
            expr(slice, Load)?;
            expr(value, Load)
        }
        ExprKind::Starred { value, .. } => expr(value, ctx),
        ExprKind::Slice { lower, upper, step } => {
            opt(lower)?;
            opt(upper)?;
            opt(step)
        }
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => exprs(elts, ctx),
        ExprKind::NamedExpr { target, value } => {
            if !matches!(target.kind, ExprKind::Name { .. }) {
                return Err((true, "NamedExpr target must be a Name".into()));
            }
            expr(value, Load)
        }
        ExprKind::Name { id, .. } => name(id),
    }
}

/// A capture name of a pattern.
fn capture(id: &str) -> Check {
    if id == "_" {
        return bad("can't capture name '_' in patterns");
    }
    name(id)
}

fn pattern(p: &Pattern, star_ok: bool) -> Check {
    match &p.kind {
        PatternKind::MatchValue { value } => {
            expr(value, ExprContext::Load)?;
            match &value.kind {
                ExprKind::Constant { value: c, .. } => {
                    if matches!(c, Constant::None | Constant::Bool(_)) {
                        return bad("patterns may only match literals and attribute lookups");
                    }
                    Ok(())
                }
                ExprKind::Attribute { .. } | ExprKind::UnaryOp { .. } | ExprKind::BinOp { .. } | ExprKind::JoinedStr { .. } => Ok(()),
                _ => bad("patterns may only match literals and attribute lookups"),
            }
        }
        PatternKind::MatchSingleton { value } => {
            if !matches!(value, Constant::None | Constant::Bool(_)) {
                return bad("MatchSingleton can only contain True, False and None");
            }
            Ok(())
        }
        PatternKind::MatchSequence { patterns } => patterns.iter().try_for_each(|p| pattern(p, true)),
        PatternKind::MatchMapping { keys, patterns, rest } => {
            if keys.len() != patterns.len() {
                return bad("MatchMapping doesn't have the same number of keys as patterns");
            }
            if let Some(r) = rest {
                capture(r)?;
            }
            exprs(keys, ExprContext::Load)?;
            patterns.iter().try_for_each(|p| pattern(p, false))
        }
        PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
            expr(cls, ExprContext::Load)?;
            if kwd_attrs.len() != kwd_patterns.len() {
                return bad("MatchClass doesn't have the same number of keyword attributes as patterns");
            }
            patterns.iter().chain(kwd_patterns).try_for_each(|p| pattern(p, false))
        }
        PatternKind::MatchStar { name } => {
            if !star_ok {
                return bad("can't use MatchStar here");
            }
            name.as_deref().map_or(Ok(()), capture)
        }
        PatternKind::MatchAs { pattern: sub, name } => {
            if let Some(n) = name {
                capture(n)?;
            }
            match sub {
                Some(sub) if name.is_none() => bad("MatchAs must specify a target name if a pattern is given"),
                Some(sub) => pattern(sub, false),
                None => Ok(()),
            }
        }
        PatternKind::MatchOr { patterns } => {
            if patterns.len() < 2 {
                return bad("MatchOr requires at least 2 patterns");
            }
            patterns.iter().try_for_each(|p| pattern(p, false))
        }
    }
}
