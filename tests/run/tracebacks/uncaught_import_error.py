# Import statements carry the whole statement's position (3.11), so a
# failing import shows no carets; the traceback module agrees.
import traceback

def load(name):
    import importlib_helper_that_does_not_exist as helper, os
    return helper

try:
    load("x")
except ImportError:
    print(traceback.format_exc().replace(__file__, "FILE"))
try:
    from os import (path,
                    no_such_name)
except ImportError as e:
    print(type(e).__name__, e.name, e.msg.split("(")[0])
import json.no_such_submodule
