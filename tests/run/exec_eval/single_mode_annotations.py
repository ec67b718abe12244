# compile(..., 'single') of an annotated statement sets up __annotations__
# first (SETUP_ANNOTATIONS at line 1), as the interactive prompt needs.
import dis

for src in ["a: int = 1\n", "\n\nif 1:\n  b: str = 'x'\n", "c: float\n", "x = 1\n"]:
    code = compile(src, "<single>", "single")
    ns = {}
    exec(code, ns)
    print(repr(src), ns.get("__annotations__"), list(code.co_positions())[:2])
    print([i.opname for i in dis.get_instructions(code)][:3])
