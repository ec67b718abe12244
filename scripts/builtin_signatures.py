"""List the docstrings and text signatures of the built-ins, to spot what
Krait lacks.

    python3 scripts/builtin_signatures.py            # CPython's listing
    python3 scripts/builtin_signatures.py --krait target/release/krait

One line per callable: `owner.name<TAB>text signature<TAB>doc?`, where the
signature is `__text_signature__` (its repr, None when there is none) and doc? says
whether `__doc__` is a non-empty string. With --krait, the same listing is
made under Krait and compared: the counts, then every line that differs.
It only reads names and signatures; the docstrings are written by hand.
"""

import subprocess
import sys

TYPE_NAMES = [
    "str", "bytes", "bytearray", "int", "bool", "float", "complex", "list",
    "tuple", "dict", "set", "frozenset", "range", "slice", "memoryview",
    "object", "type", "property", "classmethod", "staticmethod", "super",
    "enumerate", "zip", "map", "filter", "reversed",
]
MODULES = ["builtins", "math", "sys", "posix", "time", "gc", "_operator", "atexit",
           "_weakref", "_thread", "marshal", "binascii", "zlib", "select", "_bisect",
           "unicodedata", "_io", "_string", "_struct"]


def listing():
    import builtins
    import types

    def owners():
        for name in TYPE_NAMES:
            yield name, getattr(builtins, name)
        yield "generator", types.GeneratorType
        yield "coroutine", types.CoroutineType
        yield "async_generator", types.AsyncGeneratorType

    def line(qual, obj):
        sig = getattr(obj, "__text_signature__", None)
        doc = getattr(obj, "__doc__", None)
        has_doc = "doc" if isinstance(doc, str) and doc else "nodoc"
        return f"{qual}\t{sig!r}\t{has_doc}"

    out = []
    for mod_name in MODULES:
        mod = __import__(mod_name)
        for name in sorted(vars(mod)):
            obj = getattr(mod, name)
            if isinstance(obj, types.BuiltinFunctionType):
                out.append(line(f"{mod_name}.{name}", obj))
    for owner, ty in owners():
        for name in sorted(vars(ty)):
            try:
                obj = getattr(ty, name)
            except AttributeError:
                continue
            if isinstance(obj, type) or not callable(obj):
                continue
            out.append(line(f"{owner}.{name}", obj))
    return out


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--krait":
        run = [sys.argv[2], __file__]
        theirs = subprocess.run(run, capture_output=True, text=True, check=True).stdout.splitlines()
        ours = listing()
        mine = {l.split("\t")[0]: l for l in theirs}
        ref = {l.split("\t")[0]: l for l in ours}
        with_sig = sum(1 for l in ours if l.split("\t")[1] != "None")
        same_sig = sum(1 for k, l in ref.items() if l.split("\t")[1] != "None" and k in mine and mine[k].split("\t")[1] == l.split("\t")[1])
        with_doc = sum(1 for l in ours if l.endswith("\tdoc"))
        krait_doc = sum(1 for k, l in ref.items() if l.endswith("\tdoc") and k in mine and mine[k].endswith("\tdoc"))
        print(f"CPython callables: {len(ours)}; Krait has {sum(1 for k in ref if k in mine)} of them")
        print(f"docstrings: CPython {with_doc}, Krait {krait_doc} of those")
        print(f"text signatures: CPython {with_sig}, Krait equal on {same_sig}")
        for k in ref:
            if k not in mine:
                print("missing in Krait:", k)
            elif mine[k] != ref[k]:
                print("differs:", ref[k], "| krait:", mine[k].split("\t", 1)[1])
        return
    print("\n".join(listing()))


if __name__ == "__main__":
    main()
