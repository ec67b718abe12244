//! The `match` statement (PEP 634): the soft keyword is recognised only when
//! a whole `match subject:` header follows, and every pattern kind.

use super::{PResult, Parser};
use crate::ast::{
    Constant, Expr, ExprContext, ExprKind, Identifier, MatchCase, Operator, Pattern, PatternKind, Stmt,
    StmtKind, UnaryOp,
};
use crate::token::TokenKind as T;

/// What a line starting with the soft keyword `match` turned out to be.
pub(super) enum MatchAttempt {
    Match(Stmt),
    NotMatch { header_newline: Option<crate::token::Token> },
}

impl Parser<'_> {
    /// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
    /// Returns `NotMatch` (position unchanged) when `match` is an ordinary
    /// name, saying whether a `match subject NEWLINE` header was seen.
    pub(super) fn try_parse_match_stmt(&mut self) -> PResult<MatchAttempt> {
        let m = self.mark();
        let start = self.start();
        self.bump();
        let subject = match self.parse_subject_expr() {
            Ok(s) if self.at(T::Colon) => s,
            Ok(_) if self.at(T::Newline) => {
                // `match(x)` is a call; if the line fails as a statement,
                // CPython's invalid_match_stmt says "expected ':'" here.
                let newline = self.peek();
                self.reset(m);
                return Ok(MatchAttempt::NotMatch { header_newline: Some(newline) });
            }
            _ => {
                self.reset(m);
                return Ok(MatchAttempt::NotMatch { header_newline: None });
            }
        };
        self.bump();
        if !self.eat(T::Newline) {
            self.reset(m);
            return Ok(MatchAttempt::NotMatch { header_newline: None });
        }
        if !self.eat(T::Indent) {
            self.check_tokenizer_error()?;
            return Err(self.expected_indented_block("'match' statement", start));
        }
        let mut cases = Vec::new();
        while self.at_name("case") {
            cases.push(self.parse_case_block()?);
        }
        if cases.is_empty() || !self.eat(T::Dedent) {
            self.check_tokenizer_error()?;
            return Err(self.invalid_syntax());
        }
        self.check_version(10, "Pattern matching is")?;
        Ok(MatchAttempt::Match(Stmt {
            range: self.range_from(start),
            kind: StmtKind::Match { subject: Box::new(subject), cases },
        }))
    }

    /// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
    fn parse_subject_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_star_named_expression()?;
        if !self.at(T::Comma) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.at(T::Colon) {
                break;
            }
            elts.push(self.parse_star_named_expression()?);
        }
        Ok(self.new_expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }

    /// case_block: "case" patterns guard? ':' block
    fn parse_case_block(&mut self) -> PResult<MatchCase> {
        let start = self.start();
        self.bump();
        let pattern = self.parse_patterns()?;
        let guard = if self.eat(T::If) { Some(self.parse_named_expression()?) } else { None };
        self.expect_colon()?;
        let body = self.parse_block("'case' statement", start)?;
        Ok(MatchCase { pattern, guard, body })
    }

    /// patterns: open_sequence_pattern | pattern
    fn parse_patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.parse_maybe_star_pattern()?;
        if !self.at(T::Comma) {
            if let PatternKind::MatchStar { .. } = first.kind {
                // A lone star pattern needs a comma (open_sequence_pattern).
                return Err(self.invalid_syntax());
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(T::Comma) {
            if self.at(T::Colon) || self.at(T::If) {
                break;
            }
            patterns.push(self.parse_maybe_star_pattern()?);
        }
        Ok(Pattern { range: self.range_from(start), kind: PatternKind::MatchSequence { patterns } })
    }

    /// maybe_star_pattern: star_pattern | pattern
    fn parse_maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at(T::Star) {
            let start = self.start();
            self.bump();
            let (name, _) = self.expect_name()?;
            let name = if name.as_str() == "_" { None } else { Some(name) };
            return Ok(Pattern { range: self.range_from(start), kind: PatternKind::MatchStar { name } });
        }
        self.parse_pattern()
    }

    /// pattern: as_pattern | or_pattern
    fn parse_pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.parse_pattern_inner();
        self.leave();
        r
    }

    fn parse_pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let pattern = self.parse_or_pattern()?;
        if !self.eat(T::As) {
            return Ok(pattern);
        }
        let t = self.peek();
        if t.kind != T::Name {
            // CPython's invalid_as_pattern.
            let target = self.parse_expression()?;
            return Err(self.error("invalid pattern target", target.range));
        }
        let (name, _) = self.expect_name()?;
        if name.as_str() == "_" {
            return Err(self.error("cannot use '_' as a target", t.range));
        }
        Ok(Pattern {
            range: self.range_from(start),
            kind: PatternKind::MatchAs { pattern: Some(Box::new(pattern)), name: Some(name) },
        })
    }

    /// or_pattern: '|'.closed_pattern+
    fn parse_or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.parse_closed_pattern()?;
        if !self.at(T::Vbar) {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat(T::Vbar) {
            patterns.push(self.parse_closed_pattern()?);
        }
        Ok(Pattern { range: self.range_from(start), kind: PatternKind::MatchOr { patterns } })
    }

    /// closed_pattern: literal | capture | wildcard | value | group | sequence | mapping | class
    fn parse_closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let t = self.peek();
        let kind = match t.kind {
            T::None | T::True | T::False => {
                self.bump();
                PatternKind::MatchSingleton { value: singleton(t.kind) }
            }
            T::Number | T::Minus | T::String => {
                let value = self.parse_literal_pattern_expr()?;
                PatternKind::MatchValue { value: Box::new(value) }
            }
            T::Lpar => return self.parse_paren_pattern(),
            T::Lsqb => {
                self.bump();
                let patterns = self.parse_pattern_list(T::Rsqb)?;
                self.expect(T::Rsqb)?;
                PatternKind::MatchSequence { patterns }
            }
            T::Lbrace => return self.parse_mapping_pattern(),
            T::Name => {
                let (name, range) = self.expect_name()?;
                if !self.at(T::Dot) && !self.at(T::Lpar) {
                    if name.as_str() == "_" {
                        PatternKind::MatchAs { pattern: None, name: None }
                    } else {
                        PatternKind::MatchAs { pattern: None, name: Some(name) }
                    }
                } else {
                    let name = self.new_expr(ExprKind::Name { id: name, ctx: ExprContext::Load }, range);
                    let value = self.parse_attribute_chain(name, start)?;
                    if self.at(T::Lpar) {
                        return self.parse_class_pattern(value, start);
                    }
                    PatternKind::MatchValue { value: Box::new(value) }
                }
            }
            _ => return Err(self.invalid_syntax()),
        };
        Ok(Pattern { range: self.range_from(start), kind })
    }

    /// name_or_attr: NAME ('.' NAME)*, the chain starting at `start`.
    fn parse_attribute_chain(&mut self, mut value: Expr, start: u32) -> PResult<Expr> {
        while self.eat(T::Dot) {
            let (attr, _) = self.expect_name()?;
            value = self.new_expr(
                ExprKind::Attribute { value: Box::new(value), attr, ctx: ExprContext::Load },
                self.range_from(start),
            );
        }
        Ok(value)
    }

    /// group_pattern '(' pattern ')' | '(' open_sequence_pattern? ')'
    fn parse_paren_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        self.bump();
        if self.eat(T::Rpar) {
            return Ok(Pattern {
                range: self.range_from(start),
                kind: PatternKind::MatchSequence { patterns: Vec::new() },
            });
        }
        let first = self.parse_maybe_star_pattern()?;
        if self.at(T::Rpar) {
            if let PatternKind::MatchStar { .. } = first.kind {
                // `(*a)` is not a pattern: a group holds no star.
                return Err(self.invalid_syntax());
            }
            self.bump();
            return Ok(first);
        }
        if !self.eat(T::Comma) {
            return Err(self.invalid_syntax());
        }
        let mut patterns = vec![first];
        patterns.extend(self.parse_pattern_list(T::Rpar)?);
        self.expect(T::Rpar)?;
        Ok(Pattern { range: self.range_from(start), kind: PatternKind::MatchSequence { patterns } })
    }

    fn parse_pattern_list(&mut self, close: T) -> PResult<Vec<Pattern>> {
        let mut patterns = Vec::new();
        while !self.at(close) {
            patterns.push(self.parse_maybe_star_pattern()?);
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(patterns)
    }

    /// signed_number, complex_number (`-1`, `1+2j`, `-1.5-2j`) or strings.
    fn parse_literal_pattern_expr(&mut self) -> PResult<Expr> {
        if self.at(T::String) {
            // An f-string here is the compiler's error, not the parser's.
            return self.parse_strings();
        }
        let start = self.start();
        let mut left = self.parse_signed_number()?;
        if self.at(T::Plus) || self.at(T::Minus) {
            // complex_number: signed_real_number ('+'|'-') imaginary_number,
            // the real part checked first.
            if matches!(left.kind, ExprKind::Constant { value: Constant::Complex { .. }, .. })
                || matches!(&left.kind, ExprKind::UnaryOp { operand, .. }
                    if matches!(operand.kind, ExprKind::Constant { value: Constant::Complex { .. }, .. }))
            {
                let number = match &left.kind {
                    ExprKind::UnaryOp { operand, .. } => operand.range,
                    _ => left.range,
                };
                return Err(self.error("real number required in complex literal", number));
            }
            let op = if self.bump().kind == T::Plus { Operator::Add } else { Operator::Sub };
            let t = self.peek();
            if t.kind != T::Number {
                return Err(self.invalid_syntax());
            }
            let right = self.parse_signed_number()?;
            if !matches!(right.kind, ExprKind::Constant { value: Constant::Complex { .. }, .. }) {
                return Err(self.error("imaginary number required in complex literal", right.range));
            }
            left = self.new_expr(
                ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) },
                self.range_from(start),
            );
        }
        Ok(left)
    }

    fn parse_signed_number(&mut self) -> PResult<Expr> {
        let start = self.start();
        let negative = self.eat(T::Minus);
        let t = self.peek();
        if t.kind != T::Number {
            return Err(self.invalid_syntax());
        }
        self.bump();
        let value = crate::literals::parse_number(self.text(t)).map_err(|e| self.number_error(e, t))?;
        let number = self.new_expr(ExprKind::Constant { value, kind: None }, t.range);
        if !negative {
            return Ok(number);
        }
        Ok(self.new_expr(
            ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(number) },
            self.range_from(start),
        ))
    }

    /// mapping_pattern: '{' (key_value_pattern ',')* [double_star_pattern] '}'
    fn parse_mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        self.bump();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at(T::Rbrace) {
            if self.eat(T::DoubleStar) {
                if self.at_name("_") {
                    self.peek_at(1);
                    self.furthest = self.pos;
                    return Err(self.invalid_syntax());
                }
                let (name, _) = self.expect_name()?;
                rest = Some(name);
                self.eat(T::Comma);
                break;
            }
            let key = match self.kind() {
                T::None | T::True | T::False => {
                    let t = self.bump();
                    self.new_expr(ExprKind::Constant { value: singleton(t.kind), kind: None }, t.range)
                }
                T::Name => {
                    let kstart = self.start();
                    let (name, range) = self.expect_name()?;
                    if !self.at(T::Dot) {
                        // A key is a literal or a dotted name (`attr`), never
                        // a bare name.
                        self.peek_at(0);
                        return Err(self.invalid_syntax());
                    }
                    let name = self.new_expr(ExprKind::Name { id: name, ctx: ExprContext::Load }, range);
                    self.parse_attribute_chain(name, kstart)?
                }
                _ => self.parse_literal_pattern_expr()?,
            };
            self.expect(T::Colon)?;
            keys.push(key);
            patterns.push(self.parse_pattern()?);
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::Rbrace)?;
        Ok(Pattern { range: self.range_from(start), kind: PatternKind::MatchMapping { keys, patterns, rest } })
    }

    /// class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] ')'
    fn parse_class_pattern(&mut self, cls: Expr, start: u32) -> PResult<Pattern> {
        self.bump();
        let mut patterns = Vec::new();
        let mut kwd_attrs: Vec<Identifier> = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at(T::Rpar) {
            if self.at(T::Name) && self.peek_at(1).kind == T::Equal {
                let (name, _) = self.expect_name()?;
                self.bump();
                kwd_attrs.push(name);
                kwd_patterns.push(self.parse_pattern()?);
            } else {
                let p = self.parse_pattern()?;
                if !kwd_attrs.is_empty() {
                    return Err(self.error("positional patterns follow keyword patterns", p.range));
                }
                patterns.push(p);
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        self.expect(T::Rpar)?;
        Ok(Pattern {
            range: self.range_from(start),
            kind: PatternKind::MatchClass { cls: Box::new(cls), patterns, kwd_attrs, kwd_patterns },
        })
    }
}

/// The constant a `None`/`True`/`False` keyword stands for.
fn singleton(kind: T) -> Constant {
    match kind {
        T::None => Constant::None,
        T::True => Constant::Bool(true),
        _ => Constant::Bool(false),
    }
}
