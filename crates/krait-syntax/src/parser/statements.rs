//! Statements: simple statements separated by `;`, compound statements with
//! their blocks, decorators, and the soft-keyword `match` statement.

use super::patterns::MatchAttempt;
use super::targets::expr_name;
use super::{PResult, Parser};
use crate::ast::{
    Alias, ExceptHandler, ExceptHandlerKind, Expr, ExprContext, ExprKind, Identifier, Operator,
    Stmt, StmtKind, WithItem,
};
use crate::text::TextRange;
use crate::token::TokenKind as T;

impl Parser<'_> {
    /// statement: compound_stmt | simple_stmts
    pub(super) fn parse_statement(&mut self) -> PResult<Vec<Stmt>> {
        self.check_tokenizer_error()?;
        let stmt = match self.kind() {
            T::Def => self.parse_function_def(Vec::new(), None)?,
            T::If => self.parse_if_stmt()?,
            T::Class => self.parse_class_def(Vec::new(), None)?,
            T::With => self.parse_with_stmt(None)?,
            T::For => self.parse_for_stmt(None)?,
            T::Try => self.parse_try_stmt()?,
            T::While => self.parse_while_stmt()?,
            T::At => self.parse_decorated()?,
            T::Async => {
                let start = self.start();
                match self.peek_at(1).kind {
                    T::Def => {
                        self.bump();
                        self.parse_function_def(Vec::new(), Some(start))?
                    }
                    T::With => {
                        self.bump();
                        self.parse_with_stmt(Some(start))?
                    }
                    T::For => {
                        self.bump();
                        self.parse_for_stmt(Some(start))?
                    }
                    _ => return self.parse_simple_stmts(),
                }
            }
            T::Name if self.at_name("match") => match self.try_parse_match_stmt()? {
                MatchAttempt::Match(s) => s,
                MatchAttempt::NotMatch { header_newline: None } => return self.parse_simple_stmts(),
                MatchAttempt::NotMatch { header_newline: Some(newline) } => {
                    let stmts = self.parse_simple_stmts().map_err(|_| {
                        self.error("expected ':'", super::errors::error_range(newline))
                    })?;
                    self.match_header_seen = true;
                    return Ok(stmts);
                }
            },
            T::Indent => return Err(self.invalid_syntax()),
            _ => return self.parse_simple_stmts(),
        };
        Ok(vec![stmt])
    }

    /// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
    fn parse_simple_stmts(&mut self) -> PResult<Vec<Stmt>> {
        let mut stmts = vec![self.parse_simple_stmt()?];
        while self.eat(T::Semi) {
            if self.at(T::Newline) {
                break;
            }
            stmts.push(self.parse_simple_stmt()?);
        }
        if !self.eat(T::Newline) {
            return Err(self.invalid_syntax());
        }
        Ok(stmts)
    }

    fn parse_simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match self.kind() {
            T::Return => {
                self.bump();
                let value = if self.starts_expression() {
                    Some(Box::new(self.parse_star_expressions()?))
                } else {
                    None
                };
                StmtKind::Return { value }
            }
            T::Import => self.parse_import_name()?,
            T::From => self.parse_import_from()?,
            T::Raise => {
                self.bump();
                if self.starts_expression() {
                    let exc = self.parse_expression()?;
                    let cause = if self.eat(T::From) { Some(Box::new(self.parse_expression()?)) } else { None };
                    StmtKind::Raise { exc: Some(Box::new(exc)), cause }
                } else {
                    StmtKind::Raise { exc: None, cause: None }
                }
            }
            T::Pass => {
                self.bump();
                StmtKind::Pass
            }
            T::Break => {
                self.bump();
                StmtKind::Break
            }
            T::Continue => {
                self.bump();
                StmtKind::Continue
            }
            T::Del => self.parse_del_stmt()?,
            T::Assert => {
                self.bump();
                let test = self.parse_expression()?;
                let msg = if self.eat(T::Comma) { Some(Box::new(self.parse_expression()?)) } else { None };
                StmtKind::Assert { test: Box::new(test), msg }
            }
            T::Global | T::Nonlocal => {
                let global = self.bump().kind == T::Global;
                let mut names = vec![self.expect_name()?.0];
                while self.eat(T::Comma) {
                    names.push(self.expect_name()?.0);
                }
                if global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            _ => self.parse_assignment_or_expression()?,
        };
        Ok(Stmt { range: self.range_from(start), kind })
    }

    /// yield_expr | star_expressions, the right-hand side of assignments.
    fn parse_assignment_value(&mut self) -> PResult<Expr> {
        if self.at(T::Yield) {
            self.parse_yield_expr()
        } else {
            self.parse_star_expressions()
        }
    }

    /// assignment | star_expressions
    fn parse_assignment_or_expression(&mut self) -> PResult<StmtKind> {
        let parenthesized = self.at(T::Lpar);
        let first = self.parse_assignment_value()?;
        if self.at(T::ColonEqual) && !matches!(first.kind, ExprKind::Name { .. }) {
            let msg = format!("cannot use assignment expressions with {}", expr_name(&first));
            return Err(self.error(msg, first.range));
        }
        match self.kind() {
            T::Colon => {
                self.bump();
                let annotation = self.parse_expression()?;
                let simple = matches!(first.kind, ExprKind::Name { .. }) && !parenthesized;
                let target = match &first.kind {
                    ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                        self.to_target(first, ExprContext::Store)?
                    }
                    ExprKind::Tuple { elts, .. } => {
                        let r = if parenthesized { first.range } else { elts[0].range };
                        return Err(self.error("only single target (not tuple) can be annotated", r));
                    }
                    ExprKind::List { .. } => {
                        return Err(self.error("only single target (not list) can be annotated", first.range))
                    }
                    _ => return Err(self.error("illegal target for annotation", first.range)),
                };
                let value = if self.eat(T::Equal) { Some(Box::new(self.parse_assignment_value()?)) } else { None };
                self.check_version(6, "Variable annotation syntax is")?;
                Ok(StmtKind::AnnAssign {
                    target: Box::new(target),
                    annotation: Box::new(annotation),
                    value,
                    simple: simple as i64,
                })
            }
            T::Equal => {
                let mut targets = Vec::new();
                let mut value = first;
                while self.at(T::Equal) {
                    self.bump();
                    if let ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } = value.kind {
                        if !self.follows_open_paren(value.range.start) {
                            return Err(self.error("assignment to yield expression not possible", value.range));
                        }
                    }
                    if super::targets::invalid_target(&value, ExprContext::Store).is_some() {
                        let first = targets.is_empty();
                        return Err(self.invalid_assignment_target(value, first));
                    }
                    targets.push(self.to_target(value, ExprContext::Store)?);
                    value = self.parse_assignment_value()?;
                }
                let type_comment = self.take_type_comment();
                Ok(StmtKind::Assign { targets, value: Box::new(value), type_comment })
            }
            kind => {
                if let Some(op) = augmented_operator(kind) {
                    if !matches!(
                        first.kind,
                        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                    ) {
                        let msg = format!("'{}' is an illegal expression for augmented assignment", expr_name(&first));
                        return Err(self.error(msg, first.range));
                    }
                    self.bump();
                    if op == Operator::MatMult {
                        self.check_version(5, "The '@' operator is")?;
                    }
                    let target = self.to_target(first, ExprContext::Store)?;
                    let value = self.parse_assignment_value()?;
                    return Ok(StmtKind::AugAssign { target: Box::new(target), op, value: Box::new(value) });
                }
                if let ExprKind::Name { id, .. } = &first.kind {
                    if (id.as_str() == "print" || id.as_str() == "exec") && self.starts_expression() {
                        let name = id.to_string();
                        let rest = self.parse_star_expressions()?;
                        let r = TextRange::new(first.range.start, rest.range.end);
                        let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                        return Err(self.error(msg, r));
                    }
                }
                Ok(StmtKind::Expr { value: Box::new(first) })
            }
        }
    }

    /// An invalid `target = ...`: CPython's invalid_named_expression says
    /// "... here. Maybe you meant '==' instead of '='?" for a first
    /// bitwise_or-level target followed by one `=`; otherwise
    /// invalid_assignment blames the first invalid part.
    fn invalid_assignment_target(&mut self, target: Expr, first: bool) -> crate::error::SyntaxError {
        let parenthesized = self.follows_open_paren(target.range.start);
        let suggest = match &target.kind {
            // Only the statement's first target can read as a comparison.
            _ if !first => false,
            _ if parenthesized => super::targets::suggests_comparison(&target, true),
            ExprKind::BinOp { .. } | ExprKind::Call { .. } | ExprKind::Await { .. } => true,
            ExprKind::UnaryOp { op, .. } => *op != crate::ast::UnaryOp::Not,
            ExprKind::Constant { value, .. } => !matches!(
                value,
                crate::ast::Constant::None | crate::ast::Constant::Bool(_)
            ),
            ExprKind::Dict { .. }
            | ExprKind::Set { .. }
            | ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::JoinedStr { .. } => true,
            _ => false,
        };
        if suggest {
            // Only when the value is not itself followed by `=` or `:=`.
            let m = self.mark();
            let furthest = self.furthest;
            let followed = match self.parse_bitwise_or() {
                Ok(_) => self.at(T::Equal) || self.at(T::ColonEqual),
                Err(_) => true,
            };
            self.reset(m);
            self.furthest = furthest;
            if !followed {
                let msg = format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(&target)
                );
                return self.error(msg, target.range);
            }
        }
        let bad = super::targets::invalid_target(&target, ExprContext::Store).unwrap_or(&target);
        self.invalid_target_error(bad, ExprContext::Store)
    }

    /// del_stmt: 'del' del_targets &(';' | NEWLINE)
    fn parse_del_stmt(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut targets = Vec::new();
        loop {
            let e = self.parse_primary_or_starred_for_del()?;
            targets.push(self.to_target(e, ExprContext::Del)?);
            if !self.eat(T::Comma) || self.at(T::Newline) || self.at(T::Semi) {
                break;
            }
        }
        Ok(StmtKind::Delete { targets })
    }

    fn parse_primary_or_starred_for_del(&mut self) -> PResult<Expr> {
        if self.at(T::Star) {
            let start = self.start();
            self.bump();
            let value = self.parse_bitwise_or()?;
            return Ok(Expr {
                range: self.range_from(start),
                kind: ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Load },
            });
        }
        self.parse_bitwise_or()
    }

    /// import_name: 'import' dotted_as_names
    fn parse_import_name(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let start = self.start();
            let name = self.parse_dotted_name()?;
            let asname = if self.eat(T::As) { Some(self.expect_name()?.0) } else { None };
            names.push(Alias { range: self.range_from(start), name, asname });
            if !self.eat(T::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import { names })
    }

    /// dotted_name: dotted_name '.' NAME | NAME
    fn parse_dotted_name(&mut self) -> PResult<Identifier> {
        let (first, _) = self.expect_name()?;
        if !self.at(T::Dot) {
            return Ok(first);
        }
        let mut s = first.as_str().to_string();
        while self.eat(T::Dot) {
            let (next, _) = self.expect_name()?;
            s.push('.');
            s.push_str(&next);
        }
        Ok(Identifier::new(&s))
    }

    /// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    ///            | 'from' ('.' | '...')+ 'import' import_from_targets
    fn parse_import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0;
        loop {
            match self.kind() {
                T::Dot => level += 1,
                T::Ellipsis => level += 3,
                _ => break,
            }
            self.bump();
        }
        let module = if level == 0 || !self.at(T::Import) { Some(self.parse_dotted_name()?) } else { None };
        self.expect(T::Import)?;
        let mut names = Vec::new();
        if self.at(T::Star) {
            let t = self.bump();
            names.push(Alias { range: t.range, name: Identifier::new("*"), asname: None });
        } else {
            let parenthesized = self.eat(T::Lpar);
            loop {
                let start = self.start();
                let (name, _) = self.expect_name()?;
                let asname = if self.eat(T::As) { Some(self.expect_name()?.0) } else { None };
                names.push(Alias { range: self.range_from(start), name, asname });
                if !self.eat(T::Comma) {
                    break;
                }
                if parenthesized && self.at(T::Rpar) {
                    break;
                }
                if !parenthesized && self.at(T::Newline) {
                    return Err(self.error_at_current("trailing comma not allowed without surrounding parentheses"));
                }
            }
            if parenthesized {
                self.expect(T::Rpar)?;
            }
        }
        Ok(StmtKind::ImportFrom { module, names, level: Some(level) })
    }

    /// block: NEWLINE INDENT statements DEDENT | simple_stmts
    pub(super) fn parse_block(&mut self, what: &str, header_start: u32) -> PResult<Vec<Stmt>> {
        if !self.eat(T::Newline) {
            return self.parse_simple_stmts();
        }
        if !self.eat(T::Indent) {
            self.check_tokenizer_error()?;
            return Err(self.expected_indented_block(what, header_start));
        }
        let mut body = Vec::new();
        while !self.eat(T::Dedent) {
            self.check_tokenizer_error()?;
            if self.at(T::EndMarker) {
                break;
            }
            body.append(&mut self.parse_statement()?);
        }
        Ok(body)
    }

    /// decorators: ('@' named_expression NEWLINE)+, then a class or function.
    fn parse_decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(T::At) {
            decorators.push(self.parse_named_expression()?);
            if !self.eat(T::Newline) {
                return Err(self.invalid_syntax());
            }
        }
        match self.kind() {
            T::Def => self.parse_function_def(decorators, None),
            T::Class => self.parse_class_def(decorators, None),
            T::Async if self.peek_at(1).kind == T::Def => {
                let start = self.start();
                self.bump();
                self.parse_function_def(decorators, Some(start))
            }
            _ => Err(self.invalid_syntax()),
        }
    }

    /// function_def_raw: ['async'] 'def' NAME '(' [params] ')' ['->' expression] ':' block
    fn parse_function_def(&mut self, decorator_list: Vec<Expr>, async_start: Option<u32>) -> PResult<Stmt> {
        let start = async_start.unwrap_or_else(|| self.start());
        self.bump();
        let (name, _) = self.expect_name()?;
        if !self.eat(T::Lpar) {
            return Err(self.error_expected("'('"));
        }
        let args = self.parse_parameters(false)?;
        self.expect(T::Rpar)?;
        let returns = if self.eat(T::Rarrow) { Some(Box::new(self.parse_expression()?)) } else { None };
        self.expect_colon()?;
        let type_comment = self.func_type_comment()?;
        let body = self.parse_block("function definition", start)?;
        if async_start.is_some() {
            self.check_version(5, "Async functions are")?;
        }
        let range = self.range_from(start);
        let kind = if async_start.is_some() {
            StmtKind::AsyncFunctionDef { name, args: Box::new(args), body, decorator_list, returns, type_comment }
        } else {
            StmtKind::FunctionDef { name, args: Box::new(args), body, decorator_list, returns, type_comment }
        };
        Ok(Stmt { range, kind })
    }

    /// func_type_comment: NEWLINE TYPE_COMMENT &(NEWLINE INDENT) | TYPE_COMMENT,
    /// with CPython's error for one on the `def` line and one more below.
    fn func_type_comment(&mut self) -> PResult<Option<String>> {
        // Looked at without moving the furthest token (the error position)
        // when there is no type comment.
        let kinds = |p: &Self, n: usize| (0..n).map(|i| p.tokens.get(p.pos + i).map(|t| t.kind)).collect::<Vec<_>>();
        let is = |p: &Self, want: &[T]| kinds(p, want.len()).iter().zip(want).all(|(k, w)| *k == Some(*w));
        if is(self, &[T::Newline, T::TypeComment, T::Newline, T::Indent]) {
            self.bump();
            return Ok(self.take_type_comment());
        }
        if is(self, &[T::TypeComment, T::Newline, T::TypeComment, T::Newline, T::Indent]) {
            // Located as CPython's RAISE_SYNTAX_ERROR at the INDENT: its line,
            // the column after the indentation, no end column.
            let indent = self.tokens[self.pos + 4].range;
            let lines = crate::text::LineIndex::new(self.source);
            let (lineno, col) = lines.line_col(indent.end);
            let mut e = self.error("Cannot have two type comments on def", indent);
            e.location = crate::error::ErrorLocation::Explicit {
                lineno,
                offset: col as usize,
                end_lineno: lineno,
                end_offset: -1,
            };
            return Err(e);
        }
        Ok(self.take_type_comment())
    }

    fn error_expected(&mut self, what: &str) -> crate::error::SyntaxError {
        let t = self.peek();
        self.error(format!("expected {what}"), t.range)
    }

    /// class_def_raw: 'class' NAME ['(' [arguments] ')'] ':' block
    fn parse_class_def(&mut self, decorator_list: Vec<Expr>, _unused: Option<u32>) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let (name, _) = self.expect_name()?;
        let (bases, keywords) = if self.at(T::Lpar) { self.parse_class_arguments()? } else { (Vec::new(), Vec::new()) };
        self.expect_colon()?;
        let body = self.parse_block("class definition", start)?;
        Ok(Stmt {
            range: self.range_from(start),
            kind: StmtKind::ClassDef { name, bases, keywords, body, decorator_list },
        })
    }

    /// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
    fn parse_if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let keyword = self.bump();
        let what = if keyword.kind == T::If { "'if' statement" } else { "'elif' statement" };
        let test = self.parse_named_expression()?;
        self.expect_colon()?;
        let body = self.parse_block(what, start)?;
        let orelse = if self.at(T::Elif) {
            vec![self.parse_if_stmt()?]
        } else {
            self.parse_else_block()?
        };
        Ok(Stmt { range: self.range_from(start), kind: StmtKind::If { test: Box::new(test), body, orelse } })
    }

    /// else_block: 'else' ':' block
    fn parse_else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.at(T::Else) {
            return Ok(Vec::new());
        }
        let start = self.start();
        self.bump();
        self.expect_colon()?;
        self.parse_block("'else' statement", start)
    }

    /// while_stmt: 'while' named_expression ':' block [else_block]
    fn parse_while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let test = self.parse_named_expression()?;
        self.expect_colon()?;
        let body = self.parse_block("'while' statement", start)?;
        let orelse = self.parse_else_block()?;
        Ok(Stmt { range: self.range_from(start), kind: StmtKind::While { test: Box::new(test), body, orelse } })
    }

    /// for_stmt: ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
    fn parse_for_stmt(&mut self, async_start: Option<u32>) -> PResult<Stmt> {
        let start = async_start.unwrap_or_else(|| self.start());
        self.bump();
        let target = self.parse_star_targets()?;
        if !self.eat(T::In) {
            return Err(self.invalid_syntax());
        }
        let iter = self.parse_star_expressions()?;
        self.expect_colon()?;
        let type_comment = self.take_type_comment();
        let body = self.parse_block("'for' statement", start)?;
        let orelse = self.parse_else_block()?;
        if async_start.is_some() {
            self.check_version(5, "Async for loops are")?;
        }
        let (target, iter) = (Box::new(target), Box::new(iter));
        let kind = if async_start.is_some() {
            StmtKind::AsyncFor { target, iter, body, orelse, type_comment }
        } else {
            StmtKind::For { target, iter, body, orelse, type_comment }
        };
        Ok(Stmt { range: self.range_from(start), kind })
    }

    /// with_stmt: ['async'] 'with' ('(' ','.with_item+ ','? ')' | ','.with_item+) ':' block
    fn parse_with_stmt(&mut self, async_start: Option<u32>) -> PResult<Stmt> {
        let start = async_start.unwrap_or_else(|| self.start());
        self.bump();
        let (items, parenthesized) = match self.try_parenthesized_with_items()? {
            Some(items) => (items, true),
            None => {
                let mut items = vec![self.parse_with_item()?];
                while self.eat(T::Comma) {
                    items.push(self.parse_with_item()?);
                }
                (items, false)
            }
        };
        self.expect_colon()?;
        // Only the unparenthesized form takes a type comment.
        let type_comment = if parenthesized { None } else { self.take_type_comment() };
        let body = self.parse_block("'with' statement", start)?;
        if async_start.is_some() {
            self.check_version(5, "Async with statements are")?;
        } else if parenthesized {
            self.check_version(9, "Parenthesized context managers are")?;
        }
        let kind = if async_start.is_some() {
            StmtKind::AsyncWith { items, body, type_comment }
        } else {
            StmtKind::With { items, body, type_comment }
        };
        Ok(Stmt { range: self.range_from(start), kind })
    }

    /// '(' ','.with_item+ ','? ')' ':' — tried first; on failure the
    /// parenthesis is an ordinary expression.
    fn try_parenthesized_with_items(&mut self) -> PResult<Option<Vec<WithItem>>> {
        if !self.at(T::Lpar) {
            return Ok(None);
        }
        let m = self.mark();
        self.bump();
        let mut items = Vec::new();
        let closed = loop {
            match self.parse_with_item() {
                Ok(item) => items.push(item),
                Err(_) => break false,
            }
            if !self.eat(T::Comma) {
                break self.eat(T::Rpar);
            }
            if self.eat(T::Rpar) {
                break true;
            }
        };
        if closed && self.at(T::Colon) {
            return Ok(Some(items));
        }
        if closed && self.at(T::Newline) {
            // CPython's invalid_with_stmt.
            return Err(self.error_at_current("expected ':'"));
        }
        self.reset(m);
        Ok(None)
    }

    /// with_item: expression 'as' star_target &(',' | ')' | ':') | expression
    fn parse_with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.parse_expression()?;
        let optional_vars = if self.eat(T::As) {
            Some(self.parse_star_targets_single()?)
        } else {
            None
        };
        Ok(WithItem { context_expr, optional_vars })
    }

    /// A single star_target (used after `as` in with items).
    fn parse_star_targets_single(&mut self) -> PResult<Expr> {
        let e = if self.at(T::Star) {
            let start = self.start();
            self.bump();
            let v = self.parse_primary()?;
            Expr { range: self.range_from(start), kind: ExprKind::Starred { value: Box::new(v), ctx: ExprContext::Load } }
        } else {
            self.parse_primary()?
        };
        self.to_target(e, ExprContext::Store)
    }

    /// try_stmt: 'try' ':' block (finally_block | except_block+ ... | except_star_block+ ...)
    fn parse_try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        self.expect_colon()?;
        let body = self.parse_block("'try' statement", start)?;
        let mut handlers = Vec::new();
        let mut star = None;
        while self.at(T::Except) {
            let hstart = self.start();
            self.bump();
            let is_star = self.eat(T::Star);
            match star {
                None => star = Some(is_star),
                Some(s) if s != is_star => {
                    let r = TextRange::new(hstart, self.prev_end());
                    return Err(self.error("cannot have both 'except' and 'except*' on the same 'try'", r));
                }
                _ => {}
            }
            if self.at(T::Newline) {
                self.expect_colon()?;
            }
            let (type_, name) = if self.at(T::Colon) {
                if is_star {
                    let r = self.peek().range;
                    return Err(self.error("expected one or more exception types", r));
                }
                (None, None)
            } else {
                let tstart = self.start();
                let t = self.parse_expression()?;
                if self.at(T::Comma) {
                    // CPython's invalid_except_stmt: `except A, B:`.
                    while self.eat(T::Comma) {
                        if self.at(T::Colon) || self.at(T::As) {
                            break;
                        }
                        self.parse_expression()?;
                    }
                    if self.at(T::As) {
                        self.bump();
                        self.expect_name()?;
                    }
                    if self.at(T::Colon) {
                        let r = TextRange::new(tstart, self.peek().range.start);
                        return Err(self.error("multiple exception types must be parenthesized", r));
                    }
                    return Err(self.invalid_syntax());
                }
                let name = if self.eat(T::As) { Some(self.expect_name()?.0) } else { None };
                (Some(Box::new(t)), name)
            };
            self.expect_colon()?;
            let what = if is_star { "'except*' statement" } else { "'except' statement" };
            let hbody = self.parse_block(what, hstart)?;
            handlers.push(ExceptHandler {
                range: self.range_from(hstart),
                kind: ExceptHandlerKind::ExceptHandler { type_, name, body: hbody },
            });
        }
        let orelse = if handlers.is_empty() { Vec::new() } else { self.parse_else_block()? };
        let finalbody = if self.at(T::Finally) {
            let fstart = self.start();
            self.bump();
            self.expect_colon()?;
            self.parse_block("'finally' statement", fstart)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.error_at_eof_token("expected 'except' or 'finally' block"));
        }
        if star == Some(true) {
            self.check_version(11, "Exception groups are")?;
        }
        let kind = if star == Some(true) {
            StmtKind::TryStar { body, handlers, orelse, finalbody }
        } else {
            StmtKind::Try { body, handlers, orelse, finalbody }
        };
        Ok(Stmt { range: self.range_from(start), kind })
    }
}

fn augmented_operator(kind: T) -> Option<Operator> {
    Some(match kind {
        T::PlusEqual => Operator::Add,
        T::MinEqual => Operator::Sub,
        T::StarEqual => Operator::Mult,
        T::AtEqual => Operator::MatMult,
        T::SlashEqual => Operator::Div,
        T::PercentEqual => Operator::Mod,
        T::AmperEqual => Operator::BitAnd,
        T::VbarEqual => Operator::BitOr,
        T::CircumflexEqual => Operator::BitXor,
        T::LeftShiftEqual => Operator::LShift,
        T::RightShiftEqual => Operator::RShift,
        T::DoubleStarEqual => Operator::Pow,
        T::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}
