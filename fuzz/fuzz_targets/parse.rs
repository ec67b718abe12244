//! Fuzz target: arbitrary bytes through the whole front end, as the `krait`
//! command drives it: `krait FILE` (file-mode decoding), `--dump-ast`
//! (string-mode decoding, as `ast.parse(bytes)`) and `--dump-tokens`.
//!
//! Invariant checked: no input makes the front end panic (a panic aborts the
//! fuzzer, which then saves the input under fuzz/artifacts/parse/). Every
//! error must be a `SyntaxError` value whose position resolves against the
//! source in both column modes; every tree must dump.

#![no_main]

use krait_syntax::error::{Columns, SyntaxError};
use krait_syntax::{ast, parser, source, tokenizer, LineIndex};
use libfuzzer_sys::fuzz_target;

fn locate(e: &SyntaxError, text: &str) {
    let lines = LineIndex::new(text);
    let _ = e.locate_in(text, &lines, Columns::Bytes);
    let _ = e.locate_in(text, &lines, Columns::Chars);
}

fn front_end(decoded: Result<source::Decoded, SyntaxError>) {
    let decoded = match decoded {
        Ok(d) => d,
        Err(e) => return locate(&e, ""),
    };
    let parsed = parser::parse_module_with(&decoded.text, decoded.tokenizer_options());
    match parsed.result {
        Ok(tree) => {
            let _ = ast::dump(&tree, &decoded.text);
        }
        Err(e) => locate(&e, &decoded.text),
    }
}

fuzz_target!(|data: &[u8]| {
    front_end(source::decode_file(data, "fuzz.py"));
    front_end(source::decode_string(data));
    let _ = tokenizer::pytokenize::tokenize_py(data, "fuzz.py");
});
