//! The assembler against CPython: reassembling CPython 3.11's own
//! instruction streams (scripts/gen_assembler_fixture.py) must give its exact
//! code units, exception table and stack size; plus edge cases.

use super::*;
use crate::code::ExceptionTableEntry;
use crate::opcode::Opcode;

fn opcode_named(name: &str) -> Opcode {
    *Opcode::ALL.iter().find(|o| o.name() == name).unwrap_or_else(|| panic!("no opcode {name}"))
}

/// The direction-free form of a jump, so the assembler must choose.
fn jump_kind(op: Opcode) -> JumpKind {
    use Opcode::*;
    match op {
        JUMP_FORWARD | JUMP_BACKWARD => JumpKind::Always,
        POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_BACKWARD_IF_FALSE => JumpKind::PopIfFalse,
        POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE => JumpKind::PopIfTrue,
        POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NONE => JumpKind::PopIfNone,
        POP_JUMP_FORWARD_IF_NOT_NONE | POP_JUMP_BACKWARD_IF_NOT_NONE => JumpKind::PopIfNotNone,
        other => JumpKind::Fixed(other),
    }
}

#[test]
fn reassembles_cpythons_code_exactly() {
    let text = include_str!("fixture.txt");
    let mut lines = text.lines();
    let mut checked = 0;
    while let Some(header) = lines.next() {
        let h: Vec<&str> = header.split(' ').collect();
        let (name, stacksize): (&str, u32) = (h[1], h[2].parse().unwrap());
        let mut body = Vec::new();
        let units: Vec<u16>;
        loop {
            let line = lines.next().unwrap();
            if let Some(hex) = line.strip_prefix("units ") {
                units = hex.split(' ').map(|u| u16::from_str_radix(u, 16).unwrap()).collect();
                break;
            }
            body.push(line);
        }
        let mut table = Vec::new();
        for line in lines.by_ref() {
            let Some(entry) = line.strip_prefix("table ") else {
                assert_eq!(line, "end");
                break;
            };
            let e: Vec<u32> = entry.split(' ').map(|x| x.parse().unwrap()).collect();
            table.push(ExceptionTableEntry { start: e[0], end: e[1], target: e[2], depth: e[3], lasti: e[4] == 1 });
        }
        let mut asm = Assembler::new();
        let labels: Vec<Label> = (0..body.len()).map(|_| asm.new_label()).collect();
        let mut current: Option<&str> = None;
        for (k, line) in body.iter().enumerate() {
            let f: Vec<&str> = line.split(' ').collect();
            let (op, arg, handler) = (opcode_named(f[0]), f[1], f[2]);
            let handler = (handler != "-").then_some(handler);
            if handler != current {
                if current.is_some() {
                    asm.pop_handler();
                }
                if let Some(h) = handler {
                    let p: Vec<u32> = h.split(':').map(|x| x.parse().unwrap()).collect();
                    asm.push_handler(labels[p[0] as usize], p[1], p[2] == 1);
                }
                current = handler;
            }
            asm.bind(labels[k]);
            match arg.strip_prefix('@') {
                Some(t) => asm.emit_jump(jump_kind(op), labels[t.parse::<usize>().unwrap()], Position::default()),
                None => asm.emit(op, arg.parse().unwrap(), Position::default()),
            }
        }
        let out = asm.assemble().unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(out.code, units, "{name}: code units");
        assert_eq!(out.stacksize, stacksize, "{name}: co_stacksize");
        assert_eq!(out.exception_table, table, "{name}: exception table");
        assert_eq!(out.positions.len(), out.code.len(), "{name}: one position per unit");
        checked += 1;
    }
    assert!(checked >= 8);
}

#[test]
fn large_arguments_get_extended_arg_prefixes() {
    let mut asm = Assembler::new();
    asm.emit(Opcode::LOAD_CONST, 0x1_2345, Position::default());
    asm.emit(Opcode::RETURN_VALUE, 0, Position::default());
    let out = asm.assemble().unwrap();
    assert_eq!(
        out.code,
        vec![
            Opcode::EXTENDED_ARG as u16 | 0x01 << 8,
            Opcode::EXTENDED_ARG as u16 | 0x23 << 8,
            Opcode::LOAD_CONST as u16 | 0x45 << 8,
            Opcode::RETURN_VALUE as u16,
        ]
    );
    assert_eq!(out.stacksize, 1);
}

#[test]
fn stack_underflow_and_unbound_labels_are_errors_not_panics() {
    let mut asm = Assembler::new();
    asm.emit(Opcode::POP_TOP, 0, Position::default());
    assert!(asm.assemble().is_err());
    let mut asm = Assembler::new();
    let l = asm.new_label();
    asm.emit_jump(JumpKind::Always, l, Position::default());
    assert!(asm.assemble().is_err());
}
