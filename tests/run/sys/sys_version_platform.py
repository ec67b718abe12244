# platform parses sys.version (wsgiref.simple_server, test.test_asyncio.utils
# call platform.python_implementation() at import).
import platform
import sys

print(platform.python_implementation() in ("CPython", "Krait"))
print(platform.python_version() == "%d.%d.%d" % sys.version_info[:3])
print(sys.version.startswith(platform.python_version() + " "))
import wsgiref.simple_server
print(wsgiref.simple_server.sys_version.split("/")[1] == platform.python_version())
