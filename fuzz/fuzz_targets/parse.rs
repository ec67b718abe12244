//! Fuzz target: arbitrary bytes through the whole front end, as `krait FILE`
//! and `krait --dump-ast FILE` drive it.
//!
//! Invariant checked: no input makes the front end panic (a panic aborts the
//! fuzzer, which then saves the input under fuzz/artifacts/parse/). Every
//! error must be a `SyntaxError` value whose position resolves against the
//! source; every tree must dump.

#![no_main]

use krait_syntax::{ast, parser, source, tokenizer, LineIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = match source::decode_source(data) {
        Ok(text) => text,
        Err(e) => {
            // Decoding errors are reported against no source, as report.rs does.
            let _ = e.locate("", &LineIndex::new(""));
            return;
        }
    };
    let lines = LineIndex::new(&text);
    let tokens = tokenizer::tokenize(&text);
    if let Some(e) = &tokens.error {
        let _ = e.locate(&text, &lines);
    }
    match parser::parse_module(&text) {
        Ok(tree) => {
            let _ = ast::dump(&tree, &text);
        }
        Err(e) => {
            let _ = e.locate(&text, &lines);
        }
    }
});
