# The code type lists its co_* attributes (dir, vars), so
# mock.NonCallableMock(spec_set=CodeType) accepts co_flags (AsyncMock).
import inspect
import types
from unittest import mock

print(sorted(a for a in dir(types.CodeType) if a.startswith("co_")))
print(type(vars(types.CodeType)["co_flags"]).__name__, type(vars(types.CodeType)["co_varnames"]).__name__)
print(types.CodeType.co_flags.__get__((lambda: 0).__code__) & 0x3)
m = mock.AsyncMock()
print(inspect.iscoroutinefunction(m), m.__code__.co_flags & inspect.CO_COROUTINE != 0)
try:
    (lambda: 0).__code__.co_flags = 1
except AttributeError as e:
    print("AttributeError", e)
