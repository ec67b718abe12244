assert True
assert 1 == 1, "not shown"
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert 1 > 2, "one is not greater"
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert [], ["message", "can be", "any object"]
except AssertionError as e:
    print(e.args[0])
calls = []
def msg():
    calls.append("msg evaluated")
    return "m"
assert True, msg()
print(calls)
try:
    assert 0, msg()
except AssertionError:
    print(calls)
print(__debug__)

def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n
print(check_positive(3))
check_positive(-2)
