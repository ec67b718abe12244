//! Edge cases of the flow-graph optimizer; its agreement with CPython is
//! checked end to end by tests/codegen.rs.

use super::*;
use crate::code::Position;
use krait_syntax::ast::Int;

fn line(l: u32) -> Position {
    Position { lineno: Some(l), end_lineno: Some(l), col_offset: Some(0), end_col_offset: Some(1) }
}

fn int(i: i64) -> Constant {
    Constant::Int(Int::Small(i))
}

fn same(a: &Constant, b: &Constant) -> bool {
    a == b
}

fn ops(asm: &Assembler) -> Vec<(Opcode, u32)> {
    asm.instrs
        .iter()
        .map(|i| match i.arg {
            Arg::Value(v) => (i.op, v),
            Arg::Jump(..) => (i.op, u32::MAX),
        })
        .collect()
}

#[test]
fn empty_input_is_left_alone() {
    let mut asm = Assembler::new();
    let mut consts = Vec::new();
    assert!(optimize(&mut asm, &mut consts, same, 1).is_ok());
    assert!(asm.instrs.is_empty());
}

#[test]
fn constant_tuple_is_folded_and_deduplicated() {
    let mut asm = Assembler::new();
    let mut consts = vec![int(1), int(2), Constant::Tuple(vec![int(1), int(2)])];
    asm.emit(Opcode::LOAD_CONST, 0, line(1));
    asm.emit(Opcode::LOAD_CONST, 1, line(1));
    asm.emit(Opcode::BUILD_TUPLE, 2, line(1));
    asm.emit(Opcode::RETURN_VALUE, 0, line(1));
    optimize(&mut asm, &mut consts, same, 1).unwrap();
    assert_eq!(ops(&asm), vec![(Opcode::LOAD_CONST, 2), (Opcode::RETURN_VALUE, 0)]);
    assert_eq!(consts.len(), 3);
}

#[test]
fn unused_trailing_constants_are_trimmed() {
    let mut asm = Assembler::new();
    let mut consts = vec![Constant::None, int(1), int(2)];
    asm.emit(Opcode::LOAD_CONST, 0, line(1));
    asm.emit(Opcode::RETURN_VALUE, 0, line(1));
    // Unreachable: removed, so its constant goes too.
    asm.emit(Opcode::LOAD_CONST, 2, line(2));
    asm.emit(Opcode::RETURN_VALUE, 0, line(2));
    optimize(&mut asm, &mut consts, same, 1).unwrap();
    assert_eq!(ops(&asm), vec![(Opcode::LOAD_CONST, 0), (Opcode::RETURN_VALUE, 0)]);
    assert_eq!(consts, vec![Constant::None]);
}

#[test]
fn constant_condition_becomes_a_jump_or_nothing() {
    let mut asm = Assembler::new();
    let mut consts = vec![Constant::Bool(true), Constant::None];
    let end = asm.new_label();
    asm.emit(Opcode::LOAD_CONST, 0, line(1));
    asm.emit_jump(JumpKind::PopIfFalse, end, line(1));
    asm.emit(Opcode::LOAD_CONST, 1, line(2));
    asm.emit(Opcode::POP_TOP, 0, line(2));
    asm.bind(end);
    asm.emit(Opcode::LOAD_CONST, 1, Position::default());
    asm.emit(Opcode::RETURN_VALUE, 0, Position::default());
    optimize(&mut asm, &mut consts, same, 1).unwrap();
    // `if True:` keeps a NOP for line 1, and the implicit return takes line 2.
    assert_eq!(
        ops(&asm),
        vec![(Opcode::NOP, 0), (Opcode::LOAD_CONST, 1), (Opcode::POP_TOP, 0), (Opcode::LOAD_CONST, 1), (Opcode::RETURN_VALUE, 0)]
    );
    assert_eq!(asm.instrs[4].pos.lineno, Some(2));
}

#[test]
fn unbound_label_is_an_error_not_a_panic() {
    let mut asm = Assembler::new();
    let mut consts = vec![Constant::None];
    let nowhere = asm.new_label();
    asm.emit_jump(JumpKind::Always, nowhere, line(1));
    assert!(optimize(&mut asm, &mut consts, same, 1).is_err());
}
