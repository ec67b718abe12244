//! SRE's matching engine: a backtracking interpreter of the code
//! `re._compiler` produces, with the semantics of CPython 3.11's
//! `Modules/_sre/sre_lib.h` (`SRE(match)`, `SRE(search)`, `SRE(count)`).
//!
//! Invariants:
//! - No recursion on the Rust stack: a sub-match (an alternative, a repeat's
//!   item or tail, an assertion) pushes a `Ctx` on `State::ctxs` and the loop
//!   continues with it; when it ends, the loop pops it and resumes its parent
//!   at the point its `Jump` names. The depth of a match is bounded by memory
//!   only, as in CPython. (The one nested `run` is `count` of an item that
//!   is not a single character, which code `re` compiles never has; it is
//!   bounded by `MAX_NESTING`.)
//! - Positions are indexes into the subject's characters (`text`); NONE is
//!   CPython's NULL mark. `start <= ptr` may not hold (a lookbehind moves
//!   back), but every position is `<= text.len()`.
//! - Group marks, `lastmark` and `lastindex` are saved and restored exactly
//!   where sre_lib.h saves them (LASTMARK_SAVE, MARK_PUSH, ...), since what
//!   a group captures after backtracking is observable.
//! - Reads of the code go through `at`, which yields FAILURE past the end,
//!   and the code was validated (`validate`), so no input makes this panic.

use super::chars::*;
use super::constants::*;

/// A character of a subject: a byte, or a code point.
pub trait SreChar: Copy + 'static {
    fn code(self) -> u32;
}

impl SreChar for u8 {
    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }
}

impl SreChar for u32 {
    #[inline(always)]
    fn code(self) -> u32 {
        self
    }
}

/// The unset mark (CPython's NULL pointer).
pub const NONE: usize = usize::MAX;

/// How deep `count` may nest `run` for items of more than one character.
const MAX_NESTING: usize = 200;

/// Why a match stopped without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    /// An opcode the engine does not know, or one out of place
    /// (CPython's SRE_ERROR_ILLEGAL / SRE_ERROR_STATE).
    Illegal,
    /// Items nested deeper than `MAX_NESTING`.
    Recursion,
    /// No memory for the group marks.
    Memory,
}

/// Where a finished sub-match resumes its parent (CPython's JUMP_* labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One level of matching (CPython's `match_context`).
#[derive(Debug, Clone, Copy)]
struct Ctx {
    /// Where this level continues when its child returns.
    pattern: usize,
    ptr: usize,
    count: isize,
    /// The literal after a REPEAT_ONE (its `u.chr`).
    chr: u32,
    /// The repeat this level works on (its `u.rep`), an index in `repeats`.
    rep: usize,
    lastmark: isize,
    lastindex: isize,
    toplevel: bool,
    /// Where the parent resumes when this level ends.
    jump: Jump,
}

impl Ctx {
    fn new(jump: Jump, toplevel: bool) -> Ctx {
        Ctx { pattern: 0, ptr: 0, count: 0, chr: 0, rep: 0, lastmark: -1, lastindex: -1, toplevel, jump }
    }
}

/// An active REPEAT (CPython's `SRE_REPEAT`).
#[derive(Debug, Clone, Copy)]
struct Repeat {
    count: isize,
    /// The REPEAT's skip word: min at +1, max at +2, the item at +3.
    pattern: usize,
    last_ptr: usize,
    prev: Option<usize>,
}

/// What the loop does next.
enum Next {
    /// Start a level: read `ptr` from the state, check an INFO block.
    Enter,
    /// Execute opcodes.
    Dispatch,
    /// End the current level with `ret`.
    Exit,
}

/// The state of a match or search over one subject (CPython's `SRE_STATE`).
pub struct State {
    /// Where the current match attempt starts (`state->start`).
    pub start: usize,
    /// The end of the subject the engine sees (`endpos`, clamped).
    pub end: usize,
    /// The position the engine reached (`state->ptr`).
    pub ptr: usize,
    /// `pos` and `endpos` as clamped, for match objects.
    pub pos: usize,
    pub endpos: usize,
    /// Group marks: 2g is group g+1's start, 2g+1 its end; NONE unset.
    /// Grown by MARK as far as it goes (so a pattern declaring a huge
    /// number of groups costs nothing until it sets them).
    pub marks: Vec<usize>,
    /// The highest mark index the pattern may set (2 * groups + 1).
    max_mark: usize,
    /// The highest valid index in `marks`, or -1.
    pub lastmark: isize,
    /// The last group closed, or -1.
    pub lastindex: isize,
    /// `fullmatch`: SUCCESS only at `end`.
    pub match_all: bool,
    /// The match may not be empty at `start` (after an empty match).
    pub must_advance: bool,
    repeat: Option<usize>,
    repeats: Vec<Repeat>,
    ctxs: Vec<Ctx>,
    /// Saved marks and `last_ptr`s (CPython's data stack).
    data: Vec<usize>,
    nesting: usize,
}

impl State {
    /// A state for a pattern with `groups` groups over a subject of `len`
    /// characters, between `pos` and `endpos` clamped as CPython's
    /// `state_init` clamps them.
    pub fn new(groups: usize, len: usize, pos: i64, endpos: i64) -> State {
        let clamp = |i: i64| i.clamp(0, len as i64) as usize;
        let (start, end) = (clamp(pos), clamp(endpos));
        State {
            start,
            end,
            ptr: start,
            pos: start,
            endpos: end,
            marks: Vec::new(),
            max_mark: 2 * groups + 1,
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: None,
            repeats: Vec::new(),
            ctxs: Vec::new(),
            data: Vec::new(),
            nesting: 0,
        }
    }

    /// Forget the groups of a previous attempt (`state_reset`).
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.repeats.clear();
        self.ctxs.clear();
        self.data.clear();
    }

    /// Group `g`'s span (g >= 1), if it took part in the match.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * (g - 1);
        if (j + 1) as isize > self.lastmark {
            return None;
        }
        match (self.marks[j], self.marks[j + 1]) {
            (NONE, _) | (_, NONE) => None,
            (a, b) => Some((a, b)),
        }
    }

    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            self.data.extend_from_slice(&self.marks[..=lastmark as usize]);
        }
    }

    /// Restore the marks `mark_push` saved; keep them saved if `keep`.
    fn mark_pop(&mut self, lastmark: isize, keep: bool) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let from = self.data.len() - n;
            self.marks[..n].copy_from_slice(&self.data[from..]);
            if !keep {
                self.data.truncate(from);
            }
        }
    }

    fn mark_discard(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            self.data.truncate(self.data.len() - n);
        }
    }

    fn top(&mut self) -> &mut Ctx {
        self.ctxs.last_mut().expect("a running level")
    }

    fn lastmark_save(&mut self) {
        let (lastmark, lastindex) = (self.lastmark, self.lastindex);
        let c = self.top();
        c.lastmark = lastmark;
        c.lastindex = lastindex;
    }

    fn lastmark_restore(&mut self) {
        let c = *self.top();
        self.lastmark = c.lastmark;
        self.lastindex = c.lastindex;
    }

    /// Start a child level at `target`: the current level continues at
    /// `pc` with `ptr` when it ends (CPython's DO_JUMP).
    fn call(&mut self, jump: Jump, target: usize, toplevel: bool, pc: &mut usize, ptr: usize) -> Next {
        let c = self.top();
        c.pattern = *pc;
        c.ptr = ptr;
        let toplevel = toplevel && c.toplevel;
        self.ctxs.push(Ctx::new(jump, toplevel));
        *pc = target;
        Next::Enter
    }

    /// Match the code at `pattern` at `self.ptr`; on success `self.ptr` is
    /// where the match ended (CPython's `SRE(match)`).
    pub fn run<C: SreChar>(&mut self, code: &[u32], text: &[C], pattern: usize, toplevel: bool) -> Result<bool, SreError> {
        let end = self.end;
        let base = self.ctxs.len();
        self.ctxs.push(Ctx::new(Jump::None, toplevel));
        let mut pc = pattern;
        let mut ptr = self.ptr;
        let mut ret = false;
        let mut next = Next::Enter;
        loop {
            next = match next {
                Next::Enter => {
                    ptr = self.ptr;
                    if at(code, pc) == INFO {
                        // <INFO> <skip> <flags> <min> ...: too little text left.
                        let min = at(code, pc + 3) as usize;
                        if min != 0 && ptr <= end && end - ptr < min {
                            ret = false;
                            next = Next::Exit;
                            continue;
                        }
                        pc += at(code, pc + 1) as usize + 1;
                    }
                    Next::Dispatch
                }
                Next::Dispatch => self.dispatch(code, text, &mut pc, &mut ptr, &mut ret)?,
                Next::Exit => {
                    let done = self.ctxs.pop().expect("a running level");
                    if self.ctxs.len() <= base {
                        return Ok(ret);
                    }
                    let c = *self.top();
                    pc = c.pattern;
                    ptr = c.ptr;
                    self.resume(done.jump, code, text, &mut pc, &mut ptr, &mut ret)?
                }
            };
        }
    }

    /// Execute opcodes from `pc` until the level ends or starts a child.
    #[inline(always)]
    fn dispatch<C: SreChar>(&mut self, code: &[u32], text: &[C], pc: &mut usize, ptr: &mut usize, ret: &mut bool) -> Result<Next, SreError> {
        let end = self.end;
        macro_rules! fail {
            () => {{
                *ret = false;
                return Ok(Next::Exit);
            }};
        }
        macro_rules! succeed {
            () => {{
                *ret = true;
                return Ok(Next::Exit);
            }};
        }
        macro_rules! ch {
            () => {
                text[*ptr].code()
            };
        }
        loop {
            let op = at(code, *pc);
            *pc += 1;
            match op {
                MARK => {
                    let i = at(code, *pc) as usize;
                    if i > self.max_mark {
                        return Err(SreError::Illegal);
                    }
                    if i >= self.marks.len() {
                        if self.marks.try_reserve(i + 1 - self.marks.len()).is_err() {
                            return Err(SreError::Memory);
                        }
                        self.marks.resize(i + 1, NONE);
                    }
                    if i & 1 == 1 {
                        self.lastindex = (i / 2 + 1) as isize;
                    }
                    if i as isize > self.lastmark {
                        // Marks skipped over are unset.
                        let from = (self.lastmark + 1) as usize;
                        self.marks[from..i].fill(NONE);
                        self.lastmark = i as isize;
                    }
                    self.marks[i] = *ptr;
                    *pc += 1;
                }
                LITERAL => {
                    if *ptr >= end || ch!() != at(code, *pc) {
                        fail!();
                    }
                    *pc += 1;
                    *ptr += 1;
                }
                NOT_LITERAL => {
                    if *ptr >= end || ch!() == at(code, *pc) {
                        fail!();
                    }
                    *pc += 1;
                    *ptr += 1;
                }
                SUCCESS => {
                    let c = *self.top();
                    if c.toplevel && ((self.match_all && *ptr != end) || (self.must_advance && *ptr == self.start)) {
                        fail!();
                    }
                    self.ptr = *ptr;
                    succeed!();
                }
                AT => {
                    if !self.at_position(text, *ptr, at(code, *pc)) {
                        fail!();
                    }
                    *pc += 1;
                }
                CATEGORY => {
                    if *ptr >= end || !category(at(code, *pc), ch!()) {
                        fail!();
                    }
                    *pc += 1;
                    *ptr += 1;
                }
                ANY => {
                    if *ptr >= end || is_linebreak(ch!()) {
                        fail!();
                    }
                    *ptr += 1;
                }
                ANY_ALL => {
                    if *ptr >= end {
                        fail!();
                    }
                    *ptr += 1;
                }
                IN => {
                    if *ptr >= end || !in_charset(code, *pc + 1, ch!()) {
                        fail!();
                    }
                    *pc += at(code, *pc) as usize;
                    *ptr += 1;
                }
                LITERAL_IGNORE => {
                    if *ptr >= end || lower_ascii(ch!()) != at(code, *pc) {
                        fail!();
                    }
                    *pc += 1;
                    *ptr += 1;
                }
                LITERAL_UNI_IGNORE => {
                    if *ptr >= end || lower_unicode(ch!()) != at(code, *pc) {
                        fail!();
                    }
                    *pc += 1;
                    *ptr += 1;
                }
                LITERAL_LOC_IGNORE => {
                    if *ptr >= end || !char_loc_ignore(at(code, *pc), ch!()) {
                        fail!();
                    }
                    *pc += 1;
                    *ptr += 1;
                }
                NOT_LITERAL_IGNORE => {
                    if *ptr >= end || lower_ascii(ch!()) == at(code, *pc) {
                        fail!();
                    }
                    *pc += 1;
                    *ptr += 1;
                }
                NOT_LITERAL_UNI_IGNORE => {
                    if *ptr >= end || lower_unicode(ch!()) == at(code, *pc) {
                        fail!();
                    }
                    *pc += 1;
                    *ptr += 1;
                }
                NOT_LITERAL_LOC_IGNORE => {
                    if *ptr >= end || char_loc_ignore(at(code, *pc), ch!()) {
                        fail!();
                    }
                    *pc += 1;
                    *ptr += 1;
                }
                IN_IGNORE => {
                    if *ptr >= end || !in_charset(code, *pc + 1, lower_ascii(ch!())) {
                        fail!();
                    }
                    *pc += at(code, *pc) as usize;
                    *ptr += 1;
                }
                IN_UNI_IGNORE => {
                    if *ptr >= end || !in_charset(code, *pc + 1, lower_unicode(ch!())) {
                        fail!();
                    }
                    *pc += at(code, *pc) as usize;
                    *ptr += 1;
                }
                IN_LOC_IGNORE => {
                    if *ptr >= end || !in_charset_loc_ignore(code, *pc + 1, ch!()) {
                        fail!();
                    }
                    *pc += at(code, *pc) as usize;
                    *ptr += 1;
                }
                JUMP | INFO => {
                    // <JUMP> <skip>
                    *pc += at(code, *pc) as usize;
                }
                BRANCH => {
                    // <BRANCH> <skip> alternative <JUMP> ... <0>
                    self.lastmark_save();
                    if self.repeat.is_some() {
                        let lastmark = self.top().lastmark;
                        self.mark_push(lastmark);
                    }
                    return Ok(self.branch_next(code, text, pc, *ptr, ret));
                }
                REPEAT_ONE => {
                    // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                    let min = at(code, *pc + 1) as isize;
                    if min > end as isize - *ptr as isize {
                        fail!();
                    }
                    self.ptr = *ptr;
                    let count = self.count(code, text, *pc + 3, at(code, *pc + 2))? as isize;
                    *ptr += count as usize;
                    self.top().count = count;
                    if count < min {
                        fail!();
                    }
                    let tail = *pc + at(code, *pc) as usize;
                    let toplevel = self.top().toplevel;
                    if at(code, tail) == SUCCESS && *ptr == end && !(toplevel && self.must_advance && *ptr == self.start) {
                        // The tail is empty: done.
                        self.ptr = *ptr;
                        succeed!();
                    }
                    self.lastmark_save();
                    if self.repeat.is_some() {
                        let lastmark = self.top().lastmark;
                        self.mark_push(lastmark);
                    }
                    if at(code, tail) == LITERAL {
                        // Only positions where the tail's literal is next can match.
                        self.top().chr = at(code, tail + 1);
                        return Ok(self.repeat_one_literal(code, text, pc, ptr, ret));
                    }
                    return Ok(self.repeat_one_general(code, pc, ptr, ret));
                }
                MIN_REPEAT_ONE => {
                    // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                    let min = at(code, *pc + 1) as isize;
                    if min > end as isize - *ptr as isize {
                        fail!();
                    }
                    self.ptr = *ptr;
                    let count = if min == 0 {
                        0
                    } else {
                        let n = self.count(code, text, *pc + 3, min as u32)? as isize;
                        if n < min {
                            fail!();
                        }
                        *ptr += n as usize;
                        n
                    };
                    self.top().count = count;
                    let tail = *pc + at(code, *pc) as usize;
                    let toplevel = self.top().toplevel;
                    if at(code, tail) == SUCCESS
                        && !(toplevel && ((self.match_all && *ptr != end) || (self.must_advance && *ptr == self.start)))
                    {
                        self.ptr = *ptr;
                        succeed!();
                    }
                    self.lastmark_save();
                    if self.repeat.is_some() {
                        let lastmark = self.top().lastmark;
                        self.mark_push(lastmark);
                    }
                    return Ok(self.min_repeat_one_next(code, pc, ptr, ret));
                }
                POSSESSIVE_REPEAT_ONE => {
                    // <POSSESSIVE_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                    let min = at(code, *pc + 1) as usize;
                    if *ptr as u64 + min as u64 > end as u64 {
                        fail!();
                    }
                    self.ptr = *ptr;
                    let count = self.count(code, text, *pc + 3, at(code, *pc + 2))?;
                    *ptr += count;
                    self.top().count = count as isize;
                    if count < min {
                        fail!();
                    }
                    *pc += at(code, *pc) as usize;
                    let toplevel = self.top().toplevel;
                    if at(code, *pc) == SUCCESS && *ptr == end && !(toplevel && self.must_advance && *ptr == self.start) {
                        self.ptr = *ptr;
                        succeed!();
                    }
                }
                REPEAT => {
                    // <REPEAT> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL> tail
                    let rep = self.repeats.len();
                    self.repeats.push(Repeat { count: -1, pattern: *pc, last_ptr: NONE, prev: self.repeat });
                    self.repeat = Some(rep);
                    self.top().rep = rep;
                    self.ptr = *ptr;
                    let target = *pc + at(code, *pc) as usize;
                    return Ok(self.call(Jump::Repeat, target, true, pc, *ptr));
                }
                MAX_UNTIL => {
                    let Some(rep) = self.repeat else { return Err(SreError::Illegal) };
                    self.ptr = *ptr;
                    let count = self.repeats[rep].count + 1;
                    let rp = self.repeats[rep].pattern;
                    let c = self.top();
                    c.rep = rep;
                    c.count = count;
                    let (min, max) = (at(code, rp + 1), at(code, rp + 2));
                    if count < min as isize {
                        // Not enough items yet.
                        self.repeats[rep].count = count;
                        return Ok(self.call(Jump::MaxUntil1, rp + 3, true, pc, *ptr));
                    }
                    if (count < max as isize || max == MAXREPEAT) && self.ptr != self.repeats[rep].last_ptr {
                        // Enough items, but try one more.
                        self.repeats[rep].count = count;
                        self.lastmark_save();
                        let lastmark = self.top().lastmark;
                        self.mark_push(lastmark);
                        // Zero-width match protection.
                        self.data.push(self.repeats[rep].last_ptr);
                        self.repeats[rep].last_ptr = self.ptr;
                        return Ok(self.call(Jump::MaxUntil2, rp + 3, true, pc, *ptr));
                    }
                    // No more items here: the tail must match.
                    self.repeat = self.repeats[rep].prev;
                    return Ok(self.call(Jump::MaxUntil3, *pc, true, pc, *ptr));
                }
                MIN_UNTIL => {
                    let Some(rep) = self.repeat else { return Err(SreError::Illegal) };
                    self.ptr = *ptr;
                    let count = self.repeats[rep].count + 1;
                    let rp = self.repeats[rep].pattern;
                    let c = self.top();
                    c.rep = rep;
                    c.count = count;
                    if count < at(code, rp + 1) as isize {
                        self.repeats[rep].count = count;
                        return Ok(self.call(Jump::MinUntil1, rp + 3, true, pc, *ptr));
                    }
                    // Try the tail first.
                    self.repeat = self.repeats[rep].prev;
                    self.lastmark_save();
                    if self.repeat.is_some() {
                        let lastmark = self.top().lastmark;
                        self.mark_push(lastmark);
                    }
                    return Ok(self.call(Jump::MinUntil2, *pc, true, pc, *ptr));
                }
                POSSESSIVE_REPEAT => {
                    // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail
                    self.ptr = *ptr;
                    self.top().count = 0;
                    return Ok(self.poss_repeat_min(code, pc, ptr));
                }
                ATOMIC_GROUP => {
                    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                    self.ptr = *ptr;
                    let target = *pc + 1;
                    return Ok(self.call(Jump::AtomicGroup, target, false, pc, *ptr));
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    let Some((p, e)) = self.groupref(at(code, *pc)) else { fail!() };
                    let fold: fn(u32) -> u32 = match op {
                        GROUPREF => |c| c,
                        GROUPREF_IGNORE => lower_ascii,
                        GROUPREF_UNI_IGNORE => lower_unicode,
                        _ => |c| if c < 256 { lower_locale(c) } else { c },
                    };
                    for k in p..e {
                        if *ptr >= end || fold(ch!()) != fold(text[k].code()) {
                            fail!();
                        }
                        *ptr += 1;
                    }
                    *pc += 1;
                }
                GROUPREF_EXISTS => {
                    // <GROUPREF_EXISTS> <group> <skip> yes <JUMP> no
                    if self.groupref(at(code, *pc)).is_none() {
                        *pc += at(code, *pc + 1) as usize;
                    } else {
                        *pc += 2;
                    }
                }
                ASSERT => {
                    // <ASSERT> <skip> <back> pattern
                    let back = at(code, *pc + 1) as usize;
                    if *ptr < back {
                        fail!();
                    }
                    self.ptr = *ptr - back;
                    let target = *pc + 2;
                    return Ok(self.call(Jump::Assert, target, false, pc, *ptr));
                }
                ASSERT_NOT => {
                    // <ASSERT_NOT> <skip> <back> pattern
                    let back = at(code, *pc + 1) as usize;
                    if *ptr >= back {
                        self.ptr = *ptr - back;
                        self.lastmark_save();
                        if self.repeat.is_some() {
                            let lastmark = self.top().lastmark;
                            self.mark_push(lastmark);
                        }
                        let target = *pc + 2;
                        return Ok(self.call(Jump::AssertNot, target, false, pc, *ptr));
                    }
                    *pc += at(code, *pc) as usize;
                }
                FAILURE => fail!(),
                _ => return Err(SreError::Illegal),
            }
        }
    }

    /// The span group `group` (from 0) captured, if it is set and sane
    /// (the test GROUPREF and GROUPREF_EXISTS make).
    fn groupref(&self, group: u32) -> Option<(usize, usize)> {
        let i = 2 * group as usize;
        if i as isize >= self.lastmark {
            return None;
        }
        match (self.marks[i], self.marks[i + 1]) {
            (NONE, _) | (_, NONE) => None,
            (p, e) if e < p => None,
            (p, e) => Some((p, e)),
        }
    }

    /// Try the BRANCH alternative whose skip word is at `pc`, or the next
    /// one that can start here; fail when none is left.
    fn branch_next<C: SreChar>(&mut self, code: &[u32], text: &[C], pc: &mut usize, ptr: usize, ret: &mut bool) -> Next {
        let end = self.end;
        loop {
            let skip = at(code, *pc) as usize;
            if skip == 0 {
                break;
            }
            // Skip an alternative whose first character cannot match.
            let first = at(code, *pc + 1);
            if first == LITERAL && (ptr >= end || text[ptr].code() != at(code, *pc + 2)) {
                *pc += skip;
                continue;
            }
            if first == IN && (ptr >= end || !in_charset(code, *pc + 3, text[ptr].code())) {
                *pc += skip;
                continue;
            }
            self.ptr = ptr;
            let target = *pc + 1;
            return self.call(Jump::Branch, target, true, pc, ptr);
        }
        if self.repeat.is_some() {
            let lastmark = self.top().lastmark;
            self.mark_discard(lastmark);
        }
        *ret = false;
        Next::Exit
    }

    /// The greedy REPEAT_ONE loop whose tail starts with a literal: back off
    /// to the next position where the literal follows and try the tail.
    fn repeat_one_literal<C: SreChar>(&mut self, code: &[u32], text: &[C], pc: &mut usize, ptr: &mut usize, ret: &mut bool) -> Next {
        let end = self.end;
        let min = at(code, *pc + 1) as isize;
        let c = *self.top();
        let mut count = c.count;
        while count >= min && (*ptr >= end || text[*ptr].code() != c.chr) {
            *ptr = ptr.wrapping_sub(1);
            count -= 1;
        }
        self.top().count = count;
        if count < min {
            if self.repeat.is_some() {
                self.mark_discard(c.lastmark);
            }
            *ret = false;
            return Next::Exit;
        }
        self.ptr = *ptr;
        let tail = *pc + at(code, *pc) as usize;
        self.call(Jump::RepeatOne1, tail, true, pc, *ptr)
    }

    /// The greedy REPEAT_ONE loop: try the tail after `count` items, then
    /// after one fewer.
    fn repeat_one_general(&mut self, code: &[u32], pc: &mut usize, ptr: &mut usize, ret: &mut bool) -> Next {
        let min = at(code, *pc + 1) as isize;
        let c = *self.top();
        if c.count < min {
            if self.repeat.is_some() {
                self.mark_discard(c.lastmark);
            }
            *ret = false;
            return Next::Exit;
        }
        self.ptr = *ptr;
        let tail = *pc + at(code, *pc) as usize;
        self.call(Jump::RepeatOne2, tail, true, pc, *ptr)
    }

    /// The lazy MIN_REPEAT_ONE loop: try the tail after `count` items.
    fn min_repeat_one_next(&mut self, code: &[u32], pc: &mut usize, ptr: &mut usize, ret: &mut bool) -> Next {
        let max = at(code, *pc + 2);
        let c = *self.top();
        if max == MAXREPEAT || c.count <= max as isize {
            self.ptr = *ptr;
            let tail = *pc + at(code, *pc) as usize;
            return self.call(Jump::MinRepeatOne, tail, true, pc, *ptr);
        }
        if self.repeat.is_some() {
            self.mark_discard(c.lastmark);
        }
        *ret = false;
        Next::Exit
    }

    /// POSSESSIVE_REPEAT's first loop: match the item `min` times.
    fn poss_repeat_min(&mut self, code: &[u32], pc: &mut usize, ptr: &mut usize) -> Next {
        let min = at(code, *pc + 1) as isize;
        if self.top().count < min {
            return self.call(Jump::PossRepeat1, *pc + 3, false, pc, *ptr);
        }
        // Then as often as it matches (`ptr` NONE: no previous position).
        *ptr = NONE;
        self.poss_repeat_more(code, pc, ptr)
    }

    /// POSSESSIVE_REPEAT's second loop: one more item, while it matches
    /// and moves; then the tail, never trying fewer items.
    fn poss_repeat_more(&mut self, code: &[u32], pc: &mut usize, ptr: &mut usize) -> Next {
        let max = at(code, *pc + 2);
        let count = self.top().count;
        if (count < max as isize || max == MAXREPEAT) && self.ptr != *ptr {
            self.lastmark_save();
            let lastmark = self.top().lastmark;
            self.mark_push(lastmark);
            *ptr = self.ptr;
            return self.call(Jump::PossRepeat2, *pc + 3, false, pc, *ptr);
        }
        self.poss_repeat_tail(code, pc, ptr)
    }

    fn poss_repeat_tail(&mut self, code: &[u32], pc: &mut usize, ptr: &mut usize) -> Next {
        *pc += at(code, *pc) as usize + 1;
        *ptr = self.ptr;
        Next::Dispatch
    }

    /// Continue the level on top after its child, which ended with `ret`,
    /// at the point `jump` names.
    #[allow(clippy::too_many_arguments)]
    fn resume<C: SreChar>(&mut self, jump: Jump, code: &[u32], text: &[C], pc: &mut usize, ptr: &mut usize, ret: &mut bool) -> Result<Next, SreError> {
        let c = *self.top();
        macro_rules! fail {
            () => {{
                *ret = false;
                return Ok(Next::Exit);
            }};
        }
        macro_rules! succeed {
            () => {{
                *ret = true;
                return Ok(Next::Exit);
            }};
        }
        match jump {
            Jump::None => Err(SreError::Illegal),
            Jump::Branch => {
                if *ret {
                    if self.repeat.is_some() {
                        self.mark_discard(c.lastmark);
                    }
                    succeed!();
                }
                if self.repeat.is_some() {
                    self.mark_pop(c.lastmark, true);
                }
                self.lastmark_restore();
                *pc += at(code, *pc) as usize;
                Ok(self.branch_next(code, text, pc, *ptr, ret))
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 => {
                if *ret {
                    if self.repeat.is_some() {
                        self.mark_discard(c.lastmark);
                    }
                    succeed!();
                }
                if self.repeat.is_some() {
                    self.mark_pop(c.lastmark, true);
                }
                self.lastmark_restore();
                *ptr = ptr.wrapping_sub(1);
                self.top().count = c.count - 1;
                if jump == Jump::RepeatOne1 {
                    Ok(self.repeat_one_literal(code, text, pc, ptr, ret))
                } else {
                    Ok(self.repeat_one_general(code, pc, ptr, ret))
                }
            }
            Jump::MinRepeatOne => {
                if *ret {
                    if self.repeat.is_some() {
                        self.mark_discard(c.lastmark);
                    }
                    succeed!();
                }
                if self.repeat.is_some() {
                    self.mark_pop(c.lastmark, true);
                }
                self.lastmark_restore();
                self.ptr = *ptr;
                if self.count(code, text, *pc + 3, 1)? == 0 {
                    if self.repeat.is_some() {
                        self.mark_discard(c.lastmark);
                    }
                    fail!();
                }
                *ptr += 1;
                self.top().count = c.count + 1;
                Ok(self.min_repeat_one_next(code, pc, ptr, ret))
            }
            Jump::Repeat => {
                self.repeat = self.repeats[c.rep].prev;
                self.repeats.truncate(c.rep);
                Ok(Next::Exit)
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if *ret {
                    succeed!();
                }
                self.repeats[c.rep].count = c.count - 1;
                self.ptr = *ptr;
                fail!();
            }
            Jump::MaxUntil2 => {
                let rep = c.rep;
                self.repeats[rep].last_ptr = self.data.pop().unwrap_or(NONE);
                if *ret {
                    self.mark_discard(c.lastmark);
                    succeed!();
                }
                self.mark_pop(c.lastmark, false);
                self.lastmark_restore();
                self.repeats[rep].count = c.count - 1;
                self.ptr = *ptr;
                // No more items here: the tail must match.
                self.repeat = self.repeats[rep].prev;
                Ok(self.call(Jump::MaxUntil3, *pc, true, pc, *ptr))
            }
            Jump::MaxUntil3 => {
                self.repeat = Some(c.rep);
                if *ret {
                    succeed!();
                }
                self.ptr = *ptr;
                fail!();
            }
            Jump::MinUntil2 => {
                let rep = c.rep;
                let repeat_of_tail = self.repeat;
                self.repeat = Some(rep);
                if *ret {
                    if repeat_of_tail.is_some() {
                        self.mark_discard(c.lastmark);
                    }
                    succeed!();
                }
                if repeat_of_tail.is_some() {
                    self.mark_pop(c.lastmark, false);
                }
                self.lastmark_restore();
                self.ptr = *ptr;
                let r = self.repeats[rep];
                let max = at(code, r.pattern + 2);
                if (c.count >= max as isize && max != MAXREPEAT) || self.ptr == r.last_ptr {
                    fail!();
                }
                // One more item, then the tail again.
                self.repeats[rep].count = c.count;
                self.data.push(r.last_ptr);
                self.repeats[rep].last_ptr = self.ptr;
                Ok(self.call(Jump::MinUntil3, r.pattern + 3, true, pc, *ptr))
            }
            Jump::MinUntil3 => {
                let rep = c.rep;
                self.repeats[rep].last_ptr = self.data.pop().unwrap_or(NONE);
                if *ret {
                    succeed!();
                }
                self.repeats[rep].count = c.count - 1;
                self.ptr = *ptr;
                fail!();
            }
            Jump::PossRepeat1 => {
                if !*ret {
                    self.ptr = *ptr;
                    fail!();
                }
                self.top().count = c.count + 1;
                Ok(self.poss_repeat_min(code, pc, ptr))
            }
            Jump::PossRepeat2 => {
                if *ret {
                    self.mark_discard(c.lastmark);
                    self.top().count = c.count + 1;
                    return Ok(self.poss_repeat_more(code, pc, ptr));
                }
                self.mark_pop(c.lastmark, false);
                self.lastmark_restore();
                self.ptr = *ptr;
                Ok(self.poss_repeat_tail(code, pc, ptr))
            }
            Jump::AtomicGroup => {
                if !*ret {
                    self.ptr = *ptr;
                    fail!();
                }
                *pc += at(code, *pc) as usize;
                *ptr = self.ptr;
                Ok(Next::Dispatch)
            }
            Jump::Assert => {
                if !*ret {
                    fail!();
                }
                *pc += at(code, *pc) as usize;
                Ok(Next::Dispatch)
            }
            Jump::AssertNot => {
                if *ret {
                    if self.repeat.is_some() {
                        self.mark_discard(c.lastmark);
                    }
                    fail!();
                }
                if self.repeat.is_some() {
                    self.mark_pop(c.lastmark, false);
                }
                self.lastmark_restore();
                *pc += at(code, *pc) as usize;
                Ok(Next::Dispatch)
            }
        }
    }

    /// Is `ptr` at the position `at` describes (CPython's `SRE(at)`)?
    fn at_position<C: SreChar>(&self, text: &[C], ptr: usize, at: u32) -> bool {
        let end = self.end;
        let before = |f: fn(u32) -> bool| ptr > 0 && f(text[ptr - 1].code());
        let here = |f: fn(u32) -> bool| ptr < end && f(text[ptr].code());
        match at {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || is_linebreak(text[ptr - 1].code()),
            AT_END => (ptr + 1 == end && is_linebreak(text[ptr].code())) || ptr == end,
            AT_END_LINE => ptr == end || (ptr < text.len() && is_linebreak(text[ptr].code())),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY => end != 0 && before(is_word) != here(is_word),
            AT_NON_BOUNDARY => end != 0 && before(is_word) == here(is_word),
            AT_LOC_BOUNDARY => end != 0 && before(is_loc_word) != here(is_loc_word),
            AT_LOC_NON_BOUNDARY => end != 0 && before(is_loc_word) == here(is_loc_word),
            AT_UNI_BOUNDARY => end != 0 && before(is_uni_word) != here(is_uni_word),
            AT_UNI_NON_BOUNDARY => end != 0 && before(is_uni_word) == here(is_uni_word),
            _ => false,
        }
    }

    /// How many times (up to `maxcount`) the one-character item at `item`
    /// matches from `self.ptr` (CPython's `SRE(count)`).
    fn count<C: SreChar>(&mut self, code: &[u32], text: &[C], item: usize, maxcount: u32) -> Result<usize, SreError> {
        let start = self.ptr;
        let mut end = self.end;
        if start >= end {
            return Ok(0);
        }
        if maxcount != MAXREPEAT && (maxcount as usize) < end - start {
            end = start + maxcount as usize;
        }
        let chr = at(code, item + 1);
        let span = &text[start..end];
        let n = match at(code, item) {
            IN => span.iter().take_while(|c| in_charset(code, item + 2, c.code())).count(),
            ANY => span.iter().take_while(|c| !is_linebreak(c.code())).count(),
            ANY_ALL => span.len(),
            LITERAL => span.iter().take_while(|c| c.code() == chr).count(),
            LITERAL_IGNORE => span.iter().take_while(|c| lower_ascii(c.code()) == chr).count(),
            LITERAL_UNI_IGNORE => span.iter().take_while(|c| lower_unicode(c.code()) == chr).count(),
            LITERAL_LOC_IGNORE => span.iter().take_while(|c| char_loc_ignore(chr, c.code())).count(),
            NOT_LITERAL => span.iter().take_while(|c| c.code() != chr).count(),
            NOT_LITERAL_IGNORE => span.iter().take_while(|c| lower_ascii(c.code()) != chr).count(),
            NOT_LITERAL_UNI_IGNORE => span.iter().take_while(|c| lower_unicode(c.code()) != chr).count(),
            NOT_LITERAL_LOC_IGNORE => span.iter().take_while(|c| !char_loc_ignore(chr, c.code())).count(),
            // Any other one-character item followed by the item's SUCCESS
            // (the sets of `re` under IGNORECASE): as the general case
            // below, but direct.
            op if is_char_op(op) && at(code, item + char_op_len(code, item)) == SUCCESS => {
                span.iter().take_while(|c| char_op_matches(code, item, c.code())).count()
            }
            _ => {
                // Any other item: match it as a pattern of its own, again
                // and again.
                if self.nesting >= MAX_NESTING {
                    return Err(SreError::Recursion);
                }
                self.nesting += 1;
                let mut result = Ok(());
                while self.ptr < end {
                    let before = self.ptr;
                    match self.run(code, text, item, false) {
                        // An item that matched nothing would match nothing
                        // forever (only hand-made code has one).
                        Ok(true) if self.ptr == before => break,
                        Ok(true) => {}
                        Ok(false) => break,
                        Err(e) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                self.nesting -= 1;
                result?;
                let n = self.ptr - start;
                return Ok(n);
            }
        };
        Ok(n)
    }

    /// Find the first position from `self.start` where the pattern matches
    /// (CPython's `SRE(search)`); on success `self.start` and `self.ptr`
    /// are the match's span.
    /// `first` is `first_char_tests(code)`.
    pub fn search<C: SreChar>(&mut self, code: &[u32], text: &[C], first: &[usize]) -> Result<bool, SreError> {
        let mut ptr = self.start;
        let mut end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut flags = 0;
        let mut prefix: &[u32] = &[];
        let mut prefix_skip = 0;
        let mut charset = None;
        if at(code, 0) == INFO {
            // <INFO> <skip> <flags> <min> <max> <prefix info or charset>
            flags = at(code, 2);
            let min = at(code, 3) as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                // No match can start where fewer than `min` characters are left.
                end = (end + 1 - min).max(ptr);
            }
            if flags & INFO_PREFIX != 0 {
                // <length> <skip> <prefix> <overlap table>
                let len = at(code, 5) as usize;
                prefix_skip = at(code, 6) as usize;
                prefix = code.get(7..7 + len).unwrap_or(&[]);
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + at(code, 1) as usize;
        }
        if !prefix.is_empty() {
            // The pattern starts with a literal prefix: try only where it is.
            let end = self.end;
            let n = prefix.len();
            if n > end - ptr {
                return Ok(false);
            }
            let (origin, must) = (ptr, self.must_advance);
            let first = prefix[0];
            while ptr + n <= end {
                match text[ptr..end - n + 1].iter().position(|c| c.code() == first) {
                    Some(k) => ptr += k,
                    None => return Ok(false),
                }
                if text[ptr..ptr + n].iter().zip(prefix).all(|(c, &p)| c.code() == p) {
                    self.start = ptr;
                    self.ptr = (ptr + prefix_skip).min(end);
                    // A match here is never empty (CPython runs it without
                    // the empty-match check); code that says otherwise still
                    // gets the check, so a scan over it ends.
                    self.must_advance = must && ptr == origin;
                    if flags & INFO_LITERAL != 0 && !(self.must_advance && self.ptr == ptr) {
                        return Ok(true);
                    }
                    if self.run(code, text, pc + 2 * prefix_skip, true)? {
                        return Ok(true);
                    }
                    self.lastmark = -1;
                    self.lastindex = -1;
                }
                ptr += 1;
            }
            return Ok(false);
        }
        if let Some(set) = charset {
            // The pattern starts with a character from a set.
            let end = self.end;
            let (origin, must) = (ptr, self.must_advance);
            loop {
                while ptr < end && !in_charset(code, set, text[ptr].code()) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                // As for a prefix: the check only matters for bad code.
                self.must_advance = must && ptr == origin;
                if self.run(code, text, pc, true)? {
                    return Ok(true);
                }
                ptr += 1;
                self.lastmark = -1;
                self.lastindex = -1;
            }
        }
        if !first.is_empty() {
            // Every match starts with a character one of `first` accepts:
            // try only where one is (the positions skipped would fail at once).
            let starts = |ch: u32| first.iter().any(|&t| char_op_matches(code, t, ch));
            let first_ptr = ptr;
            // Positions up to `end` (a character must follow each).
            let limit = (end + 1).min(self.end);
            loop {
                while ptr < limit && !starts(text[ptr].code()) {
                    ptr += 1;
                }
                if ptr >= limit {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                let toplevel = ptr == first_ptr;
                if self.run(code, text, pc, toplevel)? {
                    return Ok(true);
                }
                self.must_advance = false;
                ptr += 1;
                self.lastmark = -1;
                self.lastindex = -1;
            }
        }
        // The general case: try each position in turn.
        self.start = ptr;
        self.ptr = ptr;
        let mut status = self.run(code, text, pc, true)?;
        self.must_advance = false;
        if !status && at(code, pc) == AT && matches!(at(code, pc + 1), AT_BEGINNING | AT_BEGINNING_STRING) {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        while !status && ptr < end {
            ptr += 1;
            self.lastmark = -1;
            self.lastindex = -1;
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(code, text, pc, false)?;
        }
        Ok(status)
    }
}

/// The positions of one-character tests one of which every match of
/// `code` begins with (a literal, a set, the item of a repeat of at least
/// one; each alternative's for a BRANCH), found by looking through marks
/// and into repeats and atomic groups. Empty when the search already scans
/// for a prefix or set (INFO), or nothing is certain.
pub fn first_char_tests(code: &[u32]) -> Box<[usize]> {
    let mut pc = 0;
    if at(code, 0) == INFO {
        if at(code, 2) & (INFO_PREFIX | INFO_CHARSET) != 0 {
            return Box::new([]);
        }
        pc = 1 + at(code, 1) as usize;
    }
    let mut tests = Vec::new();
    if !first_tests(code, pc, &mut tests, 0) {
        tests.clear();
    }
    tests.into_boxed_slice()
}

/// Push the tests of the code starting at `pc` (see `first_char_tests`);
/// false if there is no such set of tests (or it would be too large).
fn first_tests(code: &[u32], mut pc: usize, tests: &mut Vec<usize>, depth: usize) -> bool {
    if depth > 20 || tests.len() > 16 {
        return false;
    }
    loop {
        let op = at(code, pc);
        match op {
            MARK => pc += 2,
            ANY_ALL => return false,
            _ if is_char_op(op) => {
                tests.push(pc);
                return true;
            }
            REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                let item = pc + 4;
                let one = is_char_op(at(code, item)) && at(code, item) != ANY_ALL;
                if at(code, pc + 2) >= 1 && one && at(code, item + char_op_len(code, item)) == SUCCESS {
                    tests.push(item);
                    return true;
                }
                return false;
            }
            REPEAT | POSSESSIVE_REPEAT if at(code, pc + 2) >= 1 => pc += 4,
            ATOMIC_GROUP => pc += 2,
            BRANCH => {
                // <BRANCH> <skip> alternative <JUMP> ... <0>
                let mut alt = pc + 1;
                loop {
                    let skip = at(code, alt) as usize;
                    if skip == 0 {
                        return true;
                    }
                    if !first_tests(code, alt + 1, tests, depth + 1) {
                        return false;
                    }
                    alt += skip;
                }
            }
            _ => return false,
        }
    }
}
