//! Source text -> tokens, with the semantics of CPython 3.11's C tokenizer
//! (`Parser/tokenizer.c`): INDENT/DEDENT from an indentation stack, NEWLINE
//! only outside brackets, implicit and explicit line joining, one STRING token
//! per literal (f-strings included), and CPython's tokenizer errors.
//!
//! PLACEHOLDER: being written; see the tokenizer issue work.

use crate::error::SyntaxError;
use crate::token::Token;

/// The parser's token stream.
///
/// Invariant: `tokens` holds no `Comment`/`Nl`; it ends with `EndMarker`
/// unless the tokenizer failed, in which case `error` is set and `tokens`
/// holds every token before the error.
#[derive(Debug, Clone)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub error: Option<SyntaxError>,
}

/// Tokenize decoded source for the parser.
pub fn tokenize(source: &str) -> Tokens {
    let _ = source;
    Tokens {
        tokens: Vec::new(),
        error: Some(SyntaxError::syntax("tokenizer not written yet", crate::TextRange::empty(0))),
    }
}
