//! Expressions: from `star_expressions` down to `atom`, one method per rule of
//! the 3.11 grammar, precedence climbing for the binary operators.

use super::{PResult, Parser};
use crate::ast::{
    BoolOp, CmpOp, Comprehension, Constant, Expr, ExprContext, ExprKind, Keyword, Operator, UnaryOp,
};
use crate::text::TextRange;
use crate::token::TokenKind as T;

impl Parser<'_> {
    /// expressions: expression (',' expression)* [',']
    pub(super) fn parse_expressions(&mut self) -> PResult<Expr> {
        self.parse_tuple_of(Self::parse_expression)
    }

    /// star_expressions: star_expression (',' star_expression)* [',']
    pub(super) fn parse_star_expressions(&mut self) -> PResult<Expr> {
        self.parse_tuple_of(Self::parse_star_expression)
    }

    /// `element (',' element)* [',']`: the element alone, or a Tuple of them
    /// (its range includes a trailing comma, as CPython's does).
    fn parse_tuple_of(&mut self, element: fn(&mut Self) -> PResult<Expr>) -> PResult<Expr> {
        let start = self.start();
        let first = element(self)?;
        if !self.at(T::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if !self.starts_expression() {
                break;
            }
            elts.push(element(self)?);
        }
        Ok(self.new_expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }

    /// star_expression: '*' bitwise_or | expression
    pub(super) fn parse_star_expression(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            return self.parse_starred_bitwise_or();
        }
        self.parse_expression()
    }

    fn parse_starred_bitwise_or(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        let value = self.parse_bitwise_or()?;
        Ok(self.new_expr(
            ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Load },
            self.range_from(start),
        ))
    }

    /// star_named_expressions: ','.star_named_expression+ [','], up to `close`.
    pub(super) fn parse_star_named_expressions(&mut self, close: T) -> PResult<Vec<Expr>> {
        self.parse_star_named_expressions_after(close, None)
    }

    /// The elements after a display's first one (`first`, already parsed).
    fn parse_star_named_expressions_after(&mut self, close: T, first: Option<u32>) -> PResult<Vec<Expr>> {
        let mut elts = Vec::new();
        while !self.at(close) {
            let first_token = self.peek();
            let e = self.parse_star_named_expression()?;
            self.check_missing_comma(&e, first_token)?;
            elts.push(e);
            if !self.eat(T::Comma) {
                break;
            }
        }
        if self.at(T::For) {
            // CPython's invalid_comprehension: `[x, y for ...]`.
            if let (Some(start), Some(last)) = (first.or(elts.first().map(|e| e.range.start)), elts.last()) {
                let r = TextRange::new(start, last.range.end);
                return Err(self.error("did you forget parentheses around the comprehension target?", r));
            }
        }
        Ok(elts)
    }

    /// `[*x for x in y]`: CPython's invalid_comprehension.
    fn check_comprehension_element(&self, elt: &Expr) -> PResult<()> {
        if let ExprKind::Starred { .. } = elt.kind {
            return Err(self.error("iterable unpacking cannot be used in comprehension", elt.range));
        }
        Ok(())
    }

    /// star_named_expression: '*' bitwise_or | named_expression
    pub(super) fn parse_star_named_expression(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            return self.parse_starred_bitwise_or();
        }
        self.parse_named_expression()
    }

    /// named_expression: NAME ':=' ~ expression | expression !':='
    pub(super) fn parse_named_expression(&mut self) -> PResult<Expr> {
        let t = self.peek();
        if t.kind == T::Name && self.peek_at(1).kind == T::ColonEqual {
            let start = t.range.start;
            self.bump();
            self.bump();
            let target = self.new_expr(
                ExprKind::Name { id: self.identifier(t), ctx: ExprContext::Store },
                t.range,
            );
            let value = self.parse_expression()?;
            self.check_version(8, "Assignment expressions are")?;
            return Ok(self.new_expr(
                ExprKind::NamedExpr { target: Box::new(target), value: Box::new(value) },
                self.range_from(start),
            ));
        }
        let parenthesized = t.kind == T::Lpar;
        let e = self.parse_expression()?;
        if self.at(T::ColonEqual) {
            let msg = format!("cannot use assignment expressions with {}", super::targets::expr_name(&e));
            return Err(self.error(msg, e.range));
        }
        if self.at(T::Equal) {
            self.invalid_named_expression(&e, parenthesized)?;
        }
        Ok(e)
    }

    /// CPython's invalid_named_expression: `x = 3` where an expression was
    /// expected ("Maybe you meant '==' or ':=' instead of '='?"), when the
    /// right-hand side is not itself followed by `=` or `:=`.
    pub(super) fn invalid_named_expression(&mut self, e: &Expr, parenthesized: bool) -> PResult<()> {
        let m = self.mark();
        self.bump();
        let rhs = self.parse_bitwise_or();
        let followed = self.at(T::Equal) || self.at(T::ColonEqual);
        self.reset(m);
        let Ok(rhs) = rhs else { return Ok(()) };
        if followed {
            return Ok(());
        }
        if let ExprKind::Name { .. } = e.kind {
            if !parenthesized {
                let r = TextRange::new(e.range.start, rhs.range.end);
                return Err(self.error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", r));
            }
        }
        if super::targets::suggests_comparison(e, parenthesized) {
            let msg = format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                super::targets::expr_name(e)
            );
            return Err(self.error(msg, e.range));
        }
        Ok(())
    }

    /// The kind of the token following `t`.
    fn next_token_after(&self, t: crate::token::Token) -> Option<T> {
        let i = self.tokens.binary_search_by_key(&t.range.start, |x| x.range.start).ok()?;
        self.tokens.get(i + 1).map(|x| x.kind)
    }

    /// CPython's invalid_expression: `[1, 2 3]` inside brackets is
    /// "invalid syntax. Perhaps you forgot a comma?" from the first
    /// expression to the second.
    pub(super) fn check_missing_comma(&mut self, first: &Expr, first_token: crate::token::Token) -> PResult<()> {
        if !self.starts_expression() || matches!(self.kind(), T::Lambda | T::Not | T::Yield) {
            return Ok(());
        }
        if !is_disjunction(first) {
            return Ok(());
        }
        // CPython's invalid_legacy_expression: `print x` inside an expression.
        if let ExprKind::Name { id, .. } = &first.kind {
            let name = id.as_str().to_string();
            if matches!(name.as_str(), "print" | "exec") {
                let m = self.mark();
                let rest = self.parse_star_expressions();
                self.reset(m);
                if let Ok(rest) = rest {
                    let r = TextRange::new(first.range.start, rest.range.end);
                    let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                    return Err(self.error(msg, r));
                }
                return Ok(());
            }
        }
        // !(NAME STRING | SOFT_KEYWORD): a lookahead at the first two tokens.
        if first_token.kind == T::Name {
            let text = self.text(first_token);
            if matches!(text, "match" | "case" | "_") || self.next_token_after(first_token) == Some(T::String) {
                return Ok(());
            }
        }
        let m = self.mark();
        let second = self.parse_expression();
        self.reset(m);
        if let Ok(second) = second {
            let r = TextRange::new(first.range.start, second.range.end);
            return Err(self.error("invalid syntax. Perhaps you forgot a comma?", r));
        }
        Ok(())
    }

    /// Can the current token begin an expression?
    pub(super) fn starts_expression(&mut self) -> bool {
        matches!(
            self.kind(),
            T::Name
                | T::Number
                | T::String
                | T::Lpar
                | T::Lsqb
                | T::Lbrace
                | T::Minus
                | T::Plus
                | T::Tilde
                | T::Star
                | T::Ellipsis
                | T::None
                | T::True
                | T::False
                | T::Not
                | T::Lambda
                | T::Await
                | T::Yield
        )
    }

    /// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    pub(super) fn parse_expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.parse_expression_inner();
        self.leave();
        r
    }

    fn parse_expression_inner(&mut self) -> PResult<Expr> {
        if self.at(T::Lambda) {
            return self.parse_lambdef();
        }
        let start = self.start();
        let body = self.parse_disjunction()?;
        if !self.at(T::If) {
            return Ok(body);
        }
        let m = self.mark();
        self.bump();
        let test = self.parse_disjunction()?;
        if !self.eat(T::Else) {
            if !self.at(T::Colon) {
                // CPython's invalid_expression: "expected 'else' after 'if' expression".
                let r = TextRange::new(start, self.prev_end());
                return Err(self.error("expected 'else' after 'if' expression", r));
            }
            self.reset(m);
            return Err(self.invalid_syntax());
        }
        let orelse = self.parse_expression()?;
        Ok(self.new_expr(
            ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) },
            self.range_from(start),
        ))
    }

    /// lambdef: 'lambda' [lambda_params] ':' expression
    fn parse_lambdef(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        let args = self.parse_parameters(true)?;
        self.expect(T::Colon)?;
        let body = self.parse_expression()?;
        Ok(self.new_expr(
            ExprKind::Lambda { args: Box::new(args), body: Box::new(body) },
            self.range_from(start),
        ))
    }

    /// disjunction: conjunction ('or' conjunction)+ | conjunction
    pub(super) fn parse_disjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_conjunction()?;
        if !self.at(T::Or) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(T::Or) {
            values.push(self.parse_conjunction()?);
        }
        Ok(self.new_expr(ExprKind::BoolOp { op: BoolOp::Or, values }, self.range_from(start)))
    }

    fn parse_conjunction(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_inversion()?;
        if !self.at(T::And) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat(T::And) {
            values.push(self.parse_inversion()?);
        }
        Ok(self.new_expr(ExprKind::BoolOp { op: BoolOp::And, values }, self.range_from(start)))
    }

    /// inversion: 'not' inversion | comparison
    fn parse_inversion(&mut self) -> PResult<Expr> {
        if self.at(T::Not) {
            self.enter()?;
            let start = self.start();
            self.bump();
            let operand = self.parse_inversion();
            self.leave();
            let operand = operand?;
            return Ok(self.new_expr(
                ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(operand) },
                self.range_from(start),
            ));
        }
        self.parse_comparison()
    }

    /// The comparison operator here and how many tokens it takes; `!=` and
    /// `<>` as PEP 401 says (CPython's `_PyPegen_check_barry_as_flufl`):
    /// `<>` is no operator unless `barry_as_FLUFL` is in force, and then
    /// `!=` is an error.
    fn comparison_operator(&mut self) -> PResult<Option<(CmpOp, usize)>> {
        let op = match self.kind() {
            T::EqEqual => CmpOp::Eq,
            T::NotEqual => {
                let t = self.peek();
                let diamond = self.text(t) == "<>";
                if self.barry_as_flufl && !diamond {
                    let msg = "with Barry as BDFL, use '<>' instead of '!='";
                    return Err(crate::error::SyntaxError::syntax(msg, t.range));
                }
                if !self.barry_as_flufl && diamond {
                    return Ok(None);
                }
                CmpOp::NotEq
            }
            T::Less => CmpOp::Lt,
            T::LessEqual => CmpOp::LtE,
            T::Greater => CmpOp::Gt,
            T::GreaterEqual => CmpOp::GtE,
            T::In => CmpOp::In,
            T::Not => {
                return Ok((self.peek_at(1).kind == T::In).then_some((CmpOp::NotIn, 2)));
            }
            T::Is => {
                if self.peek_at(1).kind == T::Not {
                    return Ok(Some((CmpOp::IsNot, 2)));
                }
                CmpOp::Is
            }
            _ => return Ok(None),
        };
        Ok(Some((op, 1)))
    }

    /// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
    fn parse_comparison(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.parse_bitwise_or()?;
        let Some(_) = self.comparison_operator()? else { return Ok(left) };
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some((op, n)) = self.comparison_operator()? {
            for _ in 0..n {
                self.bump();
            }
            ops.push(op);
            comparators.push(self.parse_bitwise_or()?);
        }
        Ok(self.new_expr(
            ExprKind::Compare { left: Box::new(left), ops, comparators },
            self.range_from(start),
        ))
    }

    /// bitwise_or and everything below it down to `term`: left-associative
    /// binary operators by precedence level.
    pub(super) fn parse_bitwise_or(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.parse_binary(start, 0)
    }

    fn binary_operator(kind: T) -> Option<(Operator, u8)> {
        Some(match kind {
            T::Vbar => (Operator::BitOr, 0),
            T::Circumflex => (Operator::BitXor, 1),
            T::Amper => (Operator::BitAnd, 2),
            T::LeftShift => (Operator::LShift, 3),
            T::RightShift => (Operator::RShift, 3),
            T::Plus => (Operator::Add, 4),
            T::Minus => (Operator::Sub, 4),
            T::Star => (Operator::Mult, 5),
            T::Slash => (Operator::Div, 5),
            T::DoubleSlash => (Operator::FloorDiv, 5),
            T::Percent => (Operator::Mod, 5),
            T::At => (Operator::MatMult, 5),
            _ => return None,
        })
    }

    /// Operators of precedence `level` and above, all starting at `start`.
    fn parse_binary(&mut self, start: u32, level: u8) -> PResult<Expr> {
        let mut left = if level == 5 { self.parse_factor()? } else { self.parse_binary(start, level + 1)? };
        loop {
            let kind = self.kind();
            let Some((op, l)) = Self::binary_operator(kind) else { break };
            if l != level {
                break;
            }
            self.bump();
            let right_start = self.start();
            let right = if level == 5 {
                self.parse_factor()?
            } else {
                self.parse_binary(right_start, level + 1)?
            };
            if op == Operator::MatMult {
                self.check_version(5, "The '@' operator is")?;
            }
            left = self.new_expr(
                ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) },
                self.range_from(start),
            );
        }
        Ok(left)
    }

    /// factor: '+' factor | '-' factor | '~' factor | power
    fn parse_factor(&mut self) -> PResult<Expr> {
        let op = match self.kind() {
            T::Plus => UnaryOp::UAdd,
            T::Minus => UnaryOp::USub,
            T::Tilde => UnaryOp::Invert,
            _ => return self.parse_power(),
        };
        self.enter()?;
        let start = self.start();
        self.bump();
        let operand = self.parse_factor();
        self.leave();
        let operand = operand?;
        Ok(self.new_expr(
            ExprKind::UnaryOp { op, operand: Box::new(operand) },
            self.range_from(start),
        ))
    }

    /// power: await_primary '**' factor | await_primary
    fn parse_power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let left = self.parse_await_primary()?;
        if !self.eat(T::DoubleStar) {
            return Ok(left);
        }
        self.enter()?;
        let right = self.parse_factor();
        self.leave();
        let right = right?;
        Ok(self.new_expr(
            ExprKind::BinOp { left: Box::new(left), op: Operator::Pow, right: Box::new(right) },
            self.range_from(start),
        ))
    }

    /// await_primary: AWAIT primary | primary
    fn parse_await_primary(&mut self) -> PResult<Expr> {
        if self.at(T::Await) {
            let start = self.start();
            self.bump();
            let value = self.parse_primary()?;
            self.check_version(5, "Await expressions are")?;
            return Ok(self.new_expr(ExprKind::Await { value: Box::new(value) }, self.range_from(start)));
        }
        self.parse_primary()
    }

    /// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
    ///        | primary '[' slices ']' | atom
    pub(super) fn parse_primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut e = self.parse_atom()?;
        loop {
            match self.kind() {
                T::Dot => {
                    self.bump();
                    let (attr, _) = self.expect_name()?;
                    e = self.new_expr(
                        ExprKind::Attribute { value: Box::new(e), attr, ctx: ExprContext::Load },
                        self.range_from(start),
                    );
                }
                T::Lpar => {
                    let (args, keywords) = self.parse_call_arguments()?;
                    e = self.new_expr(
                        ExprKind::Call { func: Box::new(e), args, keywords },
                        self.range_from(start),
                    );
                }
                T::Lsqb => {
                    self.bump();
                    let slice = self.parse_slices()?;
                    self.expect(T::Rsqb)?;
                    e = self.new_expr(
                        ExprKind::Subscript {
                            value: Box::new(e),
                            slice: Box::new(slice),
                            ctx: ExprContext::Load,
                        },
                        self.range_from(start),
                    );
                }
                _ => return Ok(e),
            }
        }
    }

    /// slices: slice !',' | ','.(slice | starred_expression)+ [',']
    fn parse_slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.parse_slice_or_starred()?;
        if !self.at(T::Comma) {
            if let ExprKind::Starred { .. } = first.kind {
                // `a[*b]` is a one-element tuple (PEP 646).
                let range = self.range_from(start);
                return Ok(self.new_expr(ExprKind::Tuple { elts: vec![first], ctx: ExprContext::Load }, range));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat(T::Comma) {
            if self.at(T::Rsqb) {
                break;
            }
            elts.push(self.parse_slice_or_starred()?);
        }
        Ok(self.new_expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }

    /// slice: [expression] ':' [expression] [':' [expression]] | named_expression
    fn parse_slice_or_starred(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            return self.parse_starred_bitwise_or();
        }
        let start = self.start();
        let lower = if self.at(T::Colon) { None } else { Some(self.parse_named_expression()?) };
        if let Some(Expr { kind: ExprKind::NamedExpr { .. }, range }) = &lower {
            // A slice's lower bound is an `expression`: `a[b:=1:2]` is invalid.
            if self.at(T::Colon) && !self.follows_open_paren(range.start) {
                return Err(self.invalid_syntax());
            }
        }
        if !self.eat(T::Colon) {
            return lower.ok_or_else(|| self.invalid_syntax());
        }
        let ends_part = |k: T| matches!(k, T::Colon | T::Comma | T::Rsqb);
        let upper = if ends_part(self.kind()) { None } else { Some(self.parse_expression()?) };
        let step = if self.eat(T::Colon) {
            if ends_part(self.kind()) { None } else { Some(self.parse_expression()?) }
        } else {
            None
        };
        Ok(self.new_expr(
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper: upper.map(Box::new),
                step: step.map(Box::new),
            },
            self.range_from(start),
        ))
    }

    /// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER
    ///     | (tuple | group | genexp) | (list | listcomp) | (dict | set | dictcomp | setcomp) | '...'
    fn parse_atom(&mut self) -> PResult<Expr> {
        let t = self.peek();
        let constant = |p: &mut Self, c: Constant| {
            p.bump();
            Ok(p.new_expr(ExprKind::Constant { value: c, kind: None }, t.range))
        };
        match t.kind {
            T::Name => {
                self.bump();
                Ok(self.new_expr(ExprKind::Name { id: self.identifier(t), ctx: ExprContext::Load }, t.range))
            }
            T::True => constant(self, Constant::Bool(true)),
            T::False => constant(self, Constant::Bool(false)),
            T::None => constant(self, Constant::None),
            T::Ellipsis => constant(self, Constant::Ellipsis),
            T::Number => {
                self.bump();
                let value = crate::literals::parse_number(self.text(t))
                    .map_err(|e| self.number_error(e, t))?;
                if self.feature_version < 6 && self.text(t).contains('_') {
                    let msg = "Underscores in numeric literals are only supported in Python 3.6 and greater";
                    return Err(self.error(msg, t.range));
                }
                Ok(self.new_expr(ExprKind::Constant { value, kind: None }, t.range))
            }
            T::String => self.parse_strings(),
            T::Lpar => self.parse_paren_atom(),
            T::Lsqb => self.parse_list_atom(),
            T::Lbrace => self.parse_brace_atom(),
            _ => Err(self.invalid_syntax()),
        }
    }

    /// tuple | group | genexp
    fn parse_paren_atom(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.parse_paren_atom_inner();
        self.leave();
        r
    }

    fn parse_paren_atom_inner(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(T::Rpar) {
            return Ok(self.new_expr(
                ExprKind::Tuple { elts: Vec::new(), ctx: ExprContext::Load },
                self.range_from(start),
            ));
        }
        if self.at(T::Yield) {
            let e = self.parse_yield_expr()?;
            self.expect(T::Rpar)?;
            return Ok(e);
        }
        if self.at(T::DoubleStar) {
            // invalid_group: '(' '**' expression ')'.
            // Tried after the valid rules failed (CPython's second pass), so
            // it moves no "invalid syntax" past the `**`.
            let (mark, furthest) = (self.mark(), self.furthest);
            let star = self.bump();
            if self.parse_expression().is_ok() && self.at(T::Rpar) {
                return Err(self.error("cannot use double starred expression here", star.range));
            }
            self.reset(mark);
            self.furthest = furthest;
        }
        let first_token = self.peek();
        let first = self.parse_star_named_expression()?;
        if self.at(T::For) || self.at(T::Async) {
            self.check_comprehension_element(&first)?;
            let generators = self.parse_for_if_clauses()?;
            self.expect(T::Rpar)?;
            return Ok(self.new_expr(
                ExprKind::GeneratorExp { elt: Box::new(first), generators },
                self.range_from(start),
            ));
        }
        self.check_missing_comma(&first, first_token)?;
        if self.eat(T::Rpar) {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.error("cannot use starred expression here", first.range));
            }
            return Ok(first);
        }
        if !self.eat(T::Comma) {
            return Err(self.invalid_syntax());
        }
        let mut elts = vec![first];
        elts.extend(self.parse_star_named_expressions(T::Rpar)?);
        self.expect(T::Rpar)?;
        Ok(self.new_expr(ExprKind::Tuple { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }

    /// list | listcomp
    fn parse_list_atom(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.parse_list_atom_inner();
        self.leave();
        r
    }

    fn parse_list_atom_inner(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(T::Rsqb) {
            return Ok(self.new_expr(
                ExprKind::List { elts: Vec::new(), ctx: ExprContext::Load },
                self.range_from(start),
            ));
        }
        let first_token = self.peek();
        let first = self.parse_star_named_expression()?;
        if self.at(T::For) || self.at(T::Async) {
            self.check_comprehension_element(&first)?;
            let generators = self.parse_for_if_clauses()?;
            self.expect(T::Rsqb)?;
            return Ok(self.new_expr(
                ExprKind::ListComp { elt: Box::new(first), generators },
                self.range_from(start),
            ));
        }
        self.check_missing_comma(&first, first_token)?;
        let first_start = first.range.start;
        let mut elts = vec![first];
        if self.eat(T::Comma) {
            elts.extend(self.parse_star_named_expressions_after(T::Rsqb, Some(first_start))?);
        } else if self.at(T::For) {
            return Err(self.error("did you forget parentheses around the comprehension target?", elts[0].range));
        }
        self.expect(T::Rsqb)?;
        Ok(self.new_expr(ExprKind::List { elts, ctx: ExprContext::Load }, self.range_from(start)))
    }

    /// dict | set | dictcomp | setcomp
    fn parse_brace_atom(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.parse_brace_atom_inner();
        self.leave();
        r
    }

    fn parse_brace_atom_inner(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(T::Rbrace) {
            return Ok(self.new_expr(
                ExprKind::Dict { keys: Vec::new(), values: Vec::new() },
                self.range_from(start),
            ));
        }
        // The first item decides: `**e` or `k: v` make a dict, else a set.
        let first_token = self.peek();
        let (first_key, first_value) = if self.eat(T::DoubleStar) {
            (None, self.parse_bitwise_or()?)
        } else {
            let e = self.parse_star_named_expression()?;
            if self.at(T::Colon) {
                // A dict key is an `expression`: no star, no bare walrus.
                if matches!(e.kind, ExprKind::Starred { .. } | ExprKind::NamedExpr { .. })
                    && !self.follows_open_paren(e.range.start)
                {
                    return Err(self.invalid_syntax());
                }
                let value = self.parse_dict_value()?;
                (Some(e), value)
            } else {
                // A set or set comprehension.
                if self.at(T::For) || self.at(T::Async) {
                    self.check_comprehension_element(&e)?;
                    let generators = self.parse_for_if_clauses()?;
                    self.expect(T::Rbrace)?;
                    return Ok(self.new_expr(
                        ExprKind::SetComp { elt: Box::new(e), generators },
                        self.range_from(start),
                    ));
                }
                self.check_missing_comma(&e, first_token)?;
                let first_start = e.range.start;
                let mut elts = vec![e];
                if self.eat(T::Comma) {
                    elts.extend(self.parse_star_named_expressions_after(T::Rbrace, Some(first_start))?);
                }
                self.expect(T::Rbrace)?;
                return Ok(self.new_expr(ExprKind::Set { elts }, self.range_from(start)));
            }
        };
        if first_key.is_none() && (self.at(T::For) || self.at(T::Async)) {
            // CPython's `invalid_dict_comprehension`: `{**e for ...}`, at
            // the `**`.
            self.parse_for_if_clauses()?;
            if self.at(T::Rbrace) {
                return Err(crate::error::SyntaxError::syntax("dict unpacking cannot be used in dict comprehension", first_token.range));
            }
            return Err(self.invalid_syntax());
        }
        if let (Some(key), true) = (&first_key, self.at(T::For) || self.at(T::Async)) {
            let key = key.clone();
            let generators = self.parse_for_if_clauses()?;
            self.expect(T::Rbrace)?;
            return Ok(self.new_expr(
                ExprKind::DictComp { key: Box::new(key), value: Box::new(first_value), generators },
                self.range_from(start),
            ));
        }
        let mut keys = vec![first_key];
        let mut values = vec![first_value];
        while self.eat(T::Comma) {
            if self.at(T::Rbrace) {
                break;
            }
            if self.eat(T::DoubleStar) {
                keys.push(None);
                values.push(self.parse_bitwise_or()?);
            } else {
                let key_token = self.peek();
                let key = self.parse_expression()?;
                if !self.at(T::Colon) {
                    if self.at(T::Rbrace) || self.at(T::Comma) {
                        // CPython's invalid_double_starred_kvpairs.
                        let colon_less = key.range;
                        return Err(SyntaxErrorAt::explicit_end0(self, "':' expected after dictionary key", colon_less));
                    }
                    self.check_missing_comma(&key, key_token)?;
                    return Err(self.invalid_syntax());
                }
                let value_token = self.peek_at(1);
                let value = self.parse_dict_value()?;
                self.check_missing_comma(&value, value_token)?;
                values.push(value);
                keys.push(Some(key));
            }
        }
        self.expect(T::Rbrace)?;
        Ok(self.new_expr(ExprKind::Dict { keys, values }, self.range_from(start)))
    }

    /// `':' expression` after a dictionary key, with CPython's messages for
    /// a missing or starred value.
    fn parse_dict_value(&mut self) -> PResult<Expr> {
        let colon = self.bump();
        if self.at(T::Star) {
            let start = self.start();
            let m = self.mark();
            self.bump();
            if self.parse_bitwise_or().is_ok() {
                let r = self.range_from(start);
                return Err(self.error("cannot use a starred expression in a dictionary value", r));
            }
            self.reset(m);
        }
        if matches!(self.kind(), T::Rbrace | T::Comma) {
            return Err(self.error("expression expected after dictionary key and ':'", colon.range));
        }
        self.parse_expression()
    }

    /// for_if_clauses: (['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
    pub(super) fn parse_for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut generators = Vec::new();
        loop {
            let is_async = if self.at(T::Async) && self.peek_at(1).kind == T::For {
                self.bump();
                true
            } else {
                false
            };
            if !self.eat(T::For) {
                break;
            }
            let target = self.parse_star_targets()?;
            if !self.eat(T::In) {
                return Err(self.invalid_syntax());
            }
            let iter = self.parse_disjunction()?;
            let mut ifs = Vec::new();
            while self.eat(T::If) {
                ifs.push(self.parse_disjunction()?);
            }
            if is_async {
                self.check_version(6, "Async comprehensions are")?;
            }
            generators.push(Comprehension { target, iter, ifs, is_async: is_async as i64 });
        }
        Ok(generators)
    }

    /// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    pub(super) fn parse_yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat(T::From) {
            let value = self.parse_expression()?;
            return Ok(self.new_expr(ExprKind::YieldFrom { value: Box::new(value) }, self.range_from(start)));
        }
        let value = if self.starts_expression() { Some(Box::new(self.parse_star_expressions()?)) } else { None };
        Ok(self.new_expr(ExprKind::Yield { value }, self.range_from(start)))
    }

    /// The `(...)` of a call: positional arguments, then keywords; a lone
    /// generator expression without its own parentheses spans the call's.
    pub(super) fn parse_call_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.enter()?;
        let r = self.parse_call_arguments_inner(true);
        self.leave();
        r
    }

    /// A class's bases: like a call's arguments, but a bare generator
    /// expression is not allowed.
    pub(super) fn parse_class_arguments(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.enter()?;
        let r = self.parse_call_arguments_inner(false);
        self.leave();
        r
    }

    /// named_expression without the `x = 3` check (call arguments have
    /// their own, invalid_kwarg).
    fn parse_named_expression_no_assign(&mut self) -> PResult<Expr> {
        let t = self.peek();
        if t.kind == T::Name && self.peek_at(1).kind == T::ColonEqual {
            return self.parse_named_expression();
        }
        let e = self.parse_expression()?;
        if self.at(T::ColonEqual) {
            let msg = format!("cannot use assignment expressions with {}", super::targets::expr_name(&e));
            return Err(self.error(msg, e.range));
        }
        Ok(e)
    }

    fn parse_call_arguments_inner(&mut self, allow_genexp: bool) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.bump();
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        // A positional argument after a keyword one: reported at the end.
        let mut misplaced = None;
        while !self.at(T::Rpar) {
            let start = self.start();
            if self.at(T::DoubleStar) {
                self.bump();
                let value = self.parse_expression()?;
                keywords.push(Keyword { range: self.range_from(start), arg: None, value });
            } else if self.at(T::Star) {
                if keywords.iter().any(|k| k.arg.is_none()) {
                    let star = self.peek().range;
                    return Err(self.error(
                        "iterable argument unpacking follows keyword argument unpacking",
                        star,
                    ));
                }
                let e = self.parse_starred_bitwise_or_expression()?;
                args.push(e);
            } else if self.at(T::Name) && self.peek_at(1).kind == T::Equal {
                let t = self.bump();
                let eq = self.bump();
                let value = self.parse_expression()?;
                if self.at(T::For) || self.at(T::Async) {
                    // invalid_kwarg: NAME '=' expression for_if_clauses.
                    let (mark, furthest) = (self.mark(), self.furthest);
                    if self.parse_for_if_clauses().is_ok() {
                        let r = TextRange::new(t.range.start, eq.range.end);
                        return Err(self.error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", r));
                    }
                    self.reset(mark);
                    self.furthest = furthest;
                }
                keywords.push(Keyword { range: self.range_from(start), arg: Some(self.identifier(t)), value });
            } else {
                let first_token = self.peek();
                let e = self.parse_named_expression_no_assign()?;
                if (self.at(T::For) || self.at(T::Async)) && !allow_genexp {
                    return Err(self.invalid_syntax());
                }
                if self.at(T::For) || self.at(T::Async) {
                    let generators = self.parse_for_if_clauses()?;
                    let genexp_end = self.prev_end();
                    if !self.at(T::Rpar) || !args.is_empty() || !keywords.is_empty() {
                        // CPython's invalid_arguments reads the arguments
                        // after the comma first (a tokenizer error there wins).
                        if self.at(T::Comma) {
                            self.peek_at(1);
                        }
                        let r = TextRange::new(e.range.start, genexp_end);
                        return Err(self.error("Generator expression must be parenthesized", r));
                    }
                    let close = self.bump();
                    let range = TextRange::new(open.range.start, close.range.end);
                    args.push(self.new_expr(ExprKind::GeneratorExp { elt: Box::new(e), generators }, range));
                    return Ok((args, keywords));
                }
                if self.at(T::Equal) {
                    return Err(self.invalid_keyword_argument(&e));
                }
                self.check_missing_comma(&e, first_token)?;
                if !keywords.is_empty() && misplaced.is_none() {
                    misplaced = Some(if keywords.iter().any(|k| k.arg.is_none()) {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    });
                }
                args.push(e);
            }
            if !self.eat(T::Comma) {
                break;
            }
        }
        if let Some(msg) = misplaced {
            // CPython reports it once the arguments are read, at the token
            // after them.
            let t = self.peek();
            return Err(self.error(msg, super::errors::error_range(t)));
        }
        self.expect(T::Rpar)?;
        Ok((args, keywords))
    }

    /// `*expression` in a call's arguments.
    fn parse_starred_bitwise_or_expression(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        let value = self.parse_expression()?;
        Ok(self.new_expr(
            ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Load },
            self.range_from(start),
        ))
    }

    /// A NUMBER literal CPython rejects (the int digit limit).
    pub(super) fn number_error(&self, e: crate::literals::LiteralError, t: crate::token::Token) -> crate::error::SyntaxError {
        let mut err = self.error(e.msg, t.range);
        if e.at == crate::literals::LiteralErrorAt::TokenLinesNoColumn {
            err.location = self.lines_no_column(t.range);
        }
        err
    }

    /// `f(a.b=1)`: CPython's invalid_kwarg messages.
    fn invalid_keyword_argument(&mut self, e: &Expr) -> crate::error::SyntaxError {
        match &e.kind {
            ExprKind::Constant { value: Constant::Bool(_) | Constant::None, .. } => {
                let text = e.range.slice(self.source).to_string();
                let eq = self.peek();
                self.error(format!("cannot assign to {text}"), TextRange::new(e.range.start, eq.range.end))
            }
            _ => {
                let eq = self.peek();
                let r = TextRange::new(e.range.start, eq.range.end);
                self.error("expression cannot contain assignment, perhaps you meant \"==\"?", r)
            }
        }
    }
}

/// Is `e` something `disjunction` produces (not a conditional, lambda, ...)?
fn is_disjunction(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::IfExp { .. } | ExprKind::Lambda { .. } | ExprKind::Starred { .. } | ExprKind::NamedExpr { .. }
    )
}

/// Error locations CPython gives with an end offset of 0.
struct SyntaxErrorAt;

impl SyntaxErrorAt {
    /// `lineno`/`offset` at the start of `range`, `end_offset` 0 (CPython's
    /// `RAISE_ERROR_KNOWN_LOCATION(..., -1, ...)`).
    fn explicit_end0(p: &Parser<'_>, msg: &str, range: TextRange) -> crate::error::SyntaxError {
        let lines = crate::text::LineIndex::new(p.source);
        let (line, col) = lines.line_col(range.start);
        let line_start = lines.line_start(line) as usize;
        let offset = p.source[line_start..line_start + col as usize].len();
        let mut e = p.error(msg, range);
        e.location = crate::error::ErrorLocation::Explicit {
            lineno: line,
            offset: offset + 1,
            end_lineno: line,
            end_offset: 0,
        };
        e
    }
}
