class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(f"[{code}] {detail}")
        self.code = code
        self.detail = detail

class NotFound(AppError):
    pass

class WithStr(Exception):
    def __str__(self):
        return "custom str"

class NoInit(Exception):
    pass

class IgnoresArgs(Exception):
    def __init__(self):
        pass

try:
    raise NotFound(404, "missing page")
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))
print(str(WithStr("ignored")), repr(WithStr("x")))
print(repr(NoInit(1, "two")), str(NoInit()))
e = IgnoresArgs()
print(repr(e), e.args)

class Stateful(Exception):
    count = 0
    def __init__(self, *a):
        Stateful.count += 1
        super().__init__(*a)
for _ in range(3):
    try:
        raise Stateful
    except Stateful:
        pass
print(Stateful.count)
ex = AppError(1, "x")
ex.extra = "attrs allowed"
print(ex.extra, sorted(vars(ex)))
class SlotsError(Exception):
    __slots__ = ("a",)
print(hasattr(SlotsError(), "__dict__"))
