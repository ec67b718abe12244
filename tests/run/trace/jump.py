# frame.f_lineno set from a line event (jump rules and messages as
# CPython 3.11), f_trace_lines / f_trace_opcodes, and f_locals changed by
# a trace function.
import sys


def jumper(frm, to, event='line'):
    def tracer(frame, ev, arg):
        if frame.f_code.co_name != 'target':
            return tracer
        if ev == event and frame.f_lineno - base == frm:
            try:
                frame.f_lineno = base + to
                print("  jumped", frm, "->", to)
            except (ValueError, AttributeError) as e:
                print("  ", type(e).__name__, str(e).replace(str(base + to), 'N'))
        return tracer
    return tracer

def target(out):
    out.append(1)
    out.append(2)
    for i in range(2):
        out.append(4)
        out.append(5)
    try:
        out.append(7)
    except ValueError:
        out.append(9)
    out.append(10)
    return out

base = target.__code__.co_firstlineno

def run(frm, to, event='line'):
    out = []
    sys.settrace(jumper(frm, to, event))
    try:
        target(out)
    except Exception as e:
        print("  raised", type(e).__name__)
    sys.settrace(None)
    print(frm, to, event, out)

run(23 - 21, 24 - 21)      # skip a line forwards
run(25 - 21, 27 - 21)      # from a loop body to after the loop
run(26 - 21, 31 - 21)      # out of a for loop
run(22 - 21, 26 - 21)      # into a for loop body
run(22 - 21, 30 - 21)      # into an except block
run(22 - 21, 100)          # after the code
run(22 - 21, -5)           # before the code
run(21 - 21, 23 - 21, 'call')
run(32 - 21, 22 - 21, 'return')

# f_lineno outside a trace function
try:
    sys._getframe().f_lineno = 1
except ValueError as e:
    print(e)

# f_trace_lines = False: no line events; f_trace_opcodes: opcode events
events = []
def quiet(frame, ev, arg):
    if frame.f_code.co_name == 'small':
        frame.f_trace_lines = False
        frame.f_trace_opcodes = True
        events.append(ev)
    return quiet
def small():
    a = 1
    return a
sys.settrace(quiet)
small()
sys.settrace(None)
print(events[0], set(events[1:-1]), events[-1])

f = sys._getframe()
for name, value in [('f_trace_lines', 1), ('f_trace_opcodes', 'x'), ('f_code', 1)]:
    try:
        setattr(f, name, value)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)

# A trace function changes a local through f_locals.
def change(frame, ev, arg):
    if frame.f_code.co_name == 'uses' and ev == 'line' and frame.f_lineno == uses.__code__.co_firstlineno + 2:
        frame.f_locals['x'] = 42
    return change
def uses():
    x = 1
    return x
sys.settrace(change)
print(uses())
sys.settrace(None)
