//! Token kinds. A token is a kind plus a byte range: its text is re-sliced
//! from the source when needed, so tokenizing allocates nothing per token.
//!
//! Invariant: the parser's token stream never contains `Comment` or `Nl`
//! (non-logical newline); those exist only in the full stream that
//! `krait --dump-tokens` prints. Keywords are their own kinds; the soft
//! keywords `match`, `case` and `_` stay `Name`.

use crate::text::TextRange;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub range: TextRange,
}

macro_rules! token_kinds {
    (
        plain { $($pv:ident => $pname:literal,)* }
        ops { $($ov:ident => $otext:literal, $oname:literal,)* }
        keywords { $($kv:ident => $ktext:literal,)* }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum TokenKind {
            $($pv,)*
            $($ov,)*
            $($kv,)*
        }

        impl TokenKind {
            /// The token's name in CPython's `token` module (`NAME`, `LPAR`, ...).
            /// Keywords are `NAME` there.
            pub fn name(self) -> &'static str {
                match self {
                    $(TokenKind::$pv => $pname,)*
                    $(TokenKind::$ov => $oname,)*
                    $(TokenKind::$kv => "NAME",)*
                }
            }

            /// The fixed text of an operator or keyword token.
            pub fn text(self) -> Option<&'static str> {
                match self {
                    $(TokenKind::$ov => Some($otext),)*
                    $(TokenKind::$kv => Some($ktext),)*
                    _ => None,
                }
            }

            pub fn is_operator(self) -> bool {
                matches!(self, $(TokenKind::$ov)|*)
            }

            pub fn is_keyword(self) -> bool {
                matches!(self, $(TokenKind::$kv)|*)
            }

            /// The operator spelled `text`, if it is one (Python's
            /// `token.EXACT_TOKEN_TYPES`).
            pub fn operator(text: &str) -> Option<TokenKind> {
                match text {
                    $($otext => Some(TokenKind::$ov),)*
                    _ => None,
                }
            }

            /// The keyword spelled `text`, if it is one (hard keywords only).
            pub fn keyword(text: &str) -> Option<TokenKind> {
                match text {
                    $($ktext => Some(TokenKind::$kv),)*
                    _ => None,
                }
            }
        }
    };
}

token_kinds! {
    plain {
        EndMarker => "ENDMARKER",
        Name => "NAME",
        Number => "NUMBER",
        String => "STRING",
        Newline => "NEWLINE",
        Indent => "INDENT",
        Dedent => "DEDENT",
        Comment => "COMMENT",
        Nl => "NL",
        TypeComment => "TYPE_COMMENT",
        ErrorToken => "ERRORTOKEN",
    }
    ops {
        Lpar => "(", "LPAR",
        Rpar => ")", "RPAR",
        Lsqb => "[", "LSQB",
        Rsqb => "]", "RSQB",
        Colon => ":", "COLON",
        Comma => ",", "COMMA",
        Semi => ";", "SEMI",
        Plus => "+", "PLUS",
        Minus => "-", "MINUS",
        Star => "*", "STAR",
        Slash => "/", "SLASH",
        Vbar => "|", "VBAR",
        Amper => "&", "AMPER",
        Less => "<", "LESS",
        Greater => ">", "GREATER",
        Equal => "=", "EQUAL",
        Dot => ".", "DOT",
        Percent => "%", "PERCENT",
        Lbrace => "{", "LBRACE",
        Rbrace => "}", "RBRACE",
        EqEqual => "==", "EQEQUAL",
        NotEqual => "!=", "NOTEQUAL",
        LessEqual => "<=", "LESSEQUAL",
        GreaterEqual => ">=", "GREATEREQUAL",
        Tilde => "~", "TILDE",
        Circumflex => "^", "CIRCUMFLEX",
        LeftShift => "<<", "LEFTSHIFT",
        RightShift => ">>", "RIGHTSHIFT",
        DoubleStar => "**", "DOUBLESTAR",
        PlusEqual => "+=", "PLUSEQUAL",
        MinEqual => "-=", "MINEQUAL",
        StarEqual => "*=", "STAREQUAL",
        SlashEqual => "/=", "SLASHEQUAL",
        PercentEqual => "%=", "PERCENTEQUAL",
        AmperEqual => "&=", "AMPEREQUAL",
        VbarEqual => "|=", "VBAREQUAL",
        CircumflexEqual => "^=", "CIRCUMFLEXEQUAL",
        LeftShiftEqual => "<<=", "LEFTSHIFTEQUAL",
        RightShiftEqual => ">>=", "RIGHTSHIFTEQUAL",
        DoubleStarEqual => "**=", "DOUBLESTAREQUAL",
        DoubleSlash => "//", "DOUBLESLASH",
        DoubleSlashEqual => "//=", "DOUBLESLASHEQUAL",
        At => "@", "AT",
        AtEqual => "@=", "ATEQUAL",
        Rarrow => "->", "RARROW",
        Ellipsis => "...", "ELLIPSIS",
        ColonEqual => ":=", "COLONEQUAL",
    }
    keywords {
        False => "False",
        None => "None",
        True => "True",
        And => "and",
        As => "as",
        Assert => "assert",
        Async => "async",
        Await => "await",
        Break => "break",
        Class => "class",
        Continue => "continue",
        Def => "def",
        Del => "del",
        Elif => "elif",
        Else => "else",
        Except => "except",
        Finally => "finally",
        For => "for",
        From => "from",
        Global => "global",
        If => "if",
        Import => "import",
        In => "in",
        Is => "is",
        Lambda => "lambda",
        Nonlocal => "nonlocal",
        Not => "not",
        Or => "or",
        Pass => "pass",
        Raise => "raise",
        Return => "return",
        Try => "try",
        While => "while",
        With => "with",
        Yield => "yield",
    }
}
