//! Parameter lists of `def` and `lambda`: positional-only (`/`), defaults,
//! `*args` (with a starred annotation, PEP 646), keyword-only, `**kwargs`,
//! with CPython 3.11's messages for misplaced parts.

use super::{PResult, Parser};
use crate::ast::{Arg, Arguments, Expr, ExprContext, ExprKind};
use crate::text::TextRange;
use crate::token::TokenKind as T;

/// Where the parameter just parsed went.
#[derive(Clone, Copy)]
enum Slot {
    Arg,
    KwOnly,
    Vararg,
}

impl Parser<'_> {
    /// parameters (for `def`, up to `)`) or lambda_parameters (up to `:`).
    pub(super) fn parse_parameters(&mut self, lambda: bool) -> PResult<Arguments> {
        let close = if lambda { T::Colon } else { T::Rpar };
        let mut posonlyargs = Vec::new();
        let mut args: Vec<Arg> = Vec::new();
        let mut defaults = Vec::new();
        let mut vararg = None;
        let mut kwonlyargs = Vec::new();
        let mut kw_defaults = Vec::new();
        let mut kwarg = None;
        let mut seen_star = false;
        let mut seen_slash = false;
        // The parameter a type comment after it belongs to (`def` only).
        while !self.at(close) {
            let t = self.peek();
            let mut last: Option<Slot> = None;
            match t.kind {
                T::Lpar => return Err(self.parenthesized_parameters(lambda)),
                T::Slash => {
                    self.bump();
                    if self.at(T::Star) {
                        let r = self.peek().range;
                        return Err(self.error("expected comma between / and *", r));
                    }
                    if seen_slash {
                        return Err(self.error("/ may appear only once", t.range));
                    }
                    if seen_star {
                        return Err(self.error("/ must be ahead of *", t.range));
                    }
                    if args.is_empty() {
                        // CPython's invalid_parameters says so only when a
                        // comma follows the '/'.
                        if !self.at(T::Comma) {
                            return Err(self.error("invalid syntax", t.range));
                        }
                        return Err(self.error("at least one argument must precede /", t.range));
                    }
                    seen_slash = true;
                    posonlyargs.append(&mut args);
                }
                T::Star => {
                    self.bump();
                    if seen_star {
                        return Err(self.error("* argument may appear only once", t.range));
                    }
                    seen_star = true;
                    if self.at(T::Comma) {
                        let after = self.peek_at(1).kind;
                        if after == close || after == T::DoubleStar {
                            return Err(self.bare_star_error(lambda, t.range));
                        }
                    } else if self.at(close) || self.at(T::DoubleStar) {
                        return Err(self.bare_star_error(lambda, t.range));
                    } else {
                        let a = self.parse_param(lambda, true)?;
                        if self.at(T::Equal) {
                            let r = self.peek().range;
                            return Err(self.error("var-positional argument cannot have default value", r));
                        }
                        vararg = Some(a);
                        last = Some(Slot::Vararg);
                    }
                }
                T::DoubleStar => {
                    self.bump();
                    let a = self.parse_param(lambda, false)?;
                    if self.at(T::Equal) {
                        let r = self.peek().range;
                        return Err(self.error("var-keyword argument cannot have default value", r));
                    }
                    let mut a = a;
                    if self.eat(T::Comma) {
                        a.type_comment = self.take_type_comment();
                    } else if !lambda {
                        a.type_comment = self.param_type_comment_before(close);
                    }
                    kwarg = Some(a);
                    if !self.at(close) {
                        let r = self.peek().range;
                        return Err(self.error("arguments cannot follow var-keyword argument", r));
                    }
                    break;
                }
                T::Name => {
                    let a = self.parse_param(lambda, false)?;
                    let default = if self.at(T::Equal) {
                        let eq = self.bump();
                        if self.at(T::Comma) || self.at(close) {
                            // CPython's invalid_default: at the '='.
                            return Err(self.error("expected default value expression", eq.range));
                        }
                        Some(self.parse_expression()?)
                    } else {
                        None
                    };
                    if seen_star {
                        kwonlyargs.push(a);
                        kw_defaults.push(default);
                        last = Some(Slot::KwOnly);
                    } else {
                        match default {
                            Some(d) => defaults.push(d),
                            None if !defaults.is_empty() => {
                                return Err(self.error(
                                    "non-default argument follows default argument",
                                    a.range,
                                ));
                            }
                            None => {}
                        }
                        args.push(a);
                        last = Some(Slot::Arg);
                    }
                }
                _ => return Err(self.invalid_syntax()),
            }
            // param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'
            let comma = self.eat(T::Comma);
            let type_comment = match (lambda || last.is_none(), comma) {
                (true, _) => None,
                (false, true) => self.take_type_comment(),
                (false, false) => self.param_type_comment_before(close),
            };
            if let (Some(tc), Some(slot)) = (type_comment, last) {
                let a = match slot {
                    Slot::Arg => args.last_mut(),
                    Slot::KwOnly => kwonlyargs.last_mut(),
                    Slot::Vararg => vararg.as_mut(),
                };
                if let Some(a) = a {
                    a.type_comment = Some(tc);
                }
            }
            if !comma {
                break;
            }
        }
        if !self.at(close) {
            return Err(self.invalid_syntax());
        }
        if !posonlyargs.is_empty() {
            self.check_version(8, "Positional-only parameters are")?;
        }
        Ok(Arguments { posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults })
    }

    /// A type comment between a parameter and the closing parenthesis.
    fn param_type_comment_before(&mut self, close: T) -> Option<String> {
        if self.at(T::TypeComment) && self.peek_at(1).kind == close {
            return self.take_type_comment();
        }
        None
    }

    /// "named arguments must follow bare *": at the `*` for `def`; for a
    /// lambda CPython points at the token after it.
    fn bare_star_error(&mut self, lambda: bool, star: TextRange) -> crate::error::SyntaxError {
        let r = if lambda { self.peek().range } else { star };
        self.error("named arguments must follow bare *", r)
    }

    /// `def f((a, b)):`: CPython's invalid_parameters for Python 2's
    /// tuple parameters, over the parentheses; otherwise a generic error.
    fn parenthesized_parameters(&mut self, lambda: bool) -> crate::error::SyntaxError {
        let open = self.bump();
        let mut names = 0;
        while self.at(T::Name) {
            self.bump();
            names += 1;
            if !self.eat(T::Comma) {
                break;
            }
        }
        if names > 0 && self.at(T::Rpar) {
            let close = self.peek();
            let msg = if lambda {
                "Lambda expression parameters cannot be parenthesized"
            } else {
                "Function parameters cannot be parenthesized"
            };
            return self.error(msg, TextRange::new(open.range.start, close.range.end));
        }
        self.invalid_syntax()
    }

    /// param: NAME [':' annotation]; after `*`, the annotation may be starred.
    fn parse_param(&mut self, lambda: bool, star: bool) -> PResult<Arg> {
        let (name, name_range) = self.expect_name()?;
        let annotation = if !lambda && self.eat(T::Colon) {
            if star && self.at(T::Star) {
                let start = self.start();
                self.bump();
                let value = self.parse_expression()?;
                Some(Expr {
                    range: self.range_from(start),
                    kind: ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Load },
                })
            } else {
                Some(self.parse_expression()?)
            }
        } else {
            None
        };
        Ok(Arg {
            range: TextRange::new(name_range.start, self.prev_end()),
            arg: name,
            annotation,
            type_comment: None,
        })
    }
}
