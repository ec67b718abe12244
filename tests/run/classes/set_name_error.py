# An exception from __set_name__ surfaces as RuntimeError, caused by it.
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError(f"no {name} on {owner.__name__}")


try:
    class Host:
        x = Bad()
except RuntimeError as e:
    print(e, "|", repr(e.__cause__), e.__suppress_context__)


class Host2:
    y = Bad()
