# A tiny stack machine: exercises dispatch through dicts of functions and closures.
def run(program, trace=False):
    stack, pc, steps = [], 0, 0
    labels = {ins[1]: i for i, ins in enumerate(program) if ins[0] == "label"}
    def binop(f):
        def op(arg):
            b, a = stack.pop(), stack.pop()
            stack.append(f(a, b))
        return op
    ops = {
        "push": lambda arg: stack.append(arg),
        "add": binop(lambda a, b: a + b),
        "sub": binop(lambda a, b: a - b),
        "mul": binop(lambda a, b: a * b),
        "dup": lambda arg: stack.append(stack[-1]),
        "swap": lambda arg: stack.extend([stack.pop(), stack.pop()]),
        "label": lambda arg: None,
        "print": lambda arg: print("out:", stack[-1]),
    }
    while pc < len(program):
        op, arg = program[pc]
        steps += 1
        if op == "jnz":
            if stack.pop():
                pc = labels[arg]
                continue
        else:
            ops[op](arg)
        pc += 1
    return stack, steps

print(run([("push", 2), ("push", 3), ("add", None), ("push", 7), ("mul", None), ("print", None)]))
countdown = [("push", 3), ("label", "top"), ("print", None), ("push", -1), ("add", None), ("dup", None), ("jnz", "top")]
print(run(countdown))
try:
    run([("pop", None)])
except KeyError as e:
    print(type(e).__name__, e)
try:
    run([("add", None)])
except IndexError as e:
    print(type(e).__name__, e)
