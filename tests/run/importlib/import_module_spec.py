# importlib against the native importer: import_module, find_spec, reload,
# and the attributes importlib gives modules (__spec__, __loader__, ...).
import os
import sys
import importlib
import importlib.util
import importlib.machinery

here = os.path.dirname(os.path.abspath(__file__))

def rel(p):
    return None if p is None else os.path.relpath(p, here)

import probe_pkg
import probe_pkg.leaf as leaf
import json

for m in (probe_pkg, leaf, json, sys, importlib):
    spec = m.__spec__
    loader = m.__loader__
    loader_name = loader.__name__ if isinstance(loader, type) else type(loader).__name__
    print(m.__name__, type(spec).__name__, spec.name == m.__name__, spec.parent, m.__package__,
          spec.has_location, loader_name, spec.loader is loader)
print(rel(probe_pkg.__spec__.origin), rel(probe_pkg.__file__), [rel(p) for p in probe_pkg.__path__])
print(probe_pkg.__path__ is probe_pkg.__spec__.submodule_search_locations)
print(leaf.__spec__.submodule_search_locations, rel(leaf.__spec__.origin))
print(os.path.basename(leaf.__cached__).split(".")[0], leaf.__cached__.endswith(".pyc"))
print(sys.__spec__.origin, json.__spec__.origin.endswith("json/__init__.py"))

names = [getattr(f, "__name__", type(f).__name__) for f in sys.meta_path]
print("BuiltinImporter" in names, "FrozenImporter" in names, "PathFinder" in names)
print(isinstance(sys.path_importer_cache, dict), any(callable(h) for h in sys.path_hooks))

print(importlib.import_module("probe_pkg.leaf") is leaf)
print(importlib.import_module(".leaf", "probe_pkg") is leaf)
print(importlib.import_module("textwrap").__name__, "textwrap" in sys.modules)
for bad in [("",), (".leaf",), ("..x", "probe_pkg")]:
    try:
        importlib.import_module(*bad)
    except (ValueError, TypeError, ImportError) as e:
        print(type(e).__name__, e)
try:
    importlib.import_module("no_such_module_zz")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)

spec = importlib.util.find_spec("probe_pkg.leaf")
print(spec.name, rel(spec.origin), type(spec.loader).__name__)
print(importlib.util.find_spec("no_such_module_zz"))
print(importlib.util.find_spec("sys").origin)

print(leaf.loads)
again = importlib.reload(leaf)
print(again is leaf, leaf.loads)

path = os.path.join(here, "probe_pkg", "leaf.py")
spec = importlib.util.spec_from_file_location("leaf_copy", path)
copy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(copy)
print(copy.__name__, copy.LEAF, copy.loads, "leaf_copy" in sys.modules)

loader = importlib.machinery.SourceFileLoader("leaf_again", path)
print(loader.is_package("leaf_again"), loader.get_filename("leaf_again") == path)
print(loader.get_source("leaf_again").splitlines()[0])

class Finder:
    def find_spec(self, name, path, target=None):
        if name == "virtual_mod":
            return importlib.util.spec_from_loader(name, Loader())
        return None

class Loader:
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.answer = 42

sys.meta_path.insert(0, Finder())
import virtual_mod
print(virtual_mod.answer, virtual_mod.__spec__.name, type(virtual_mod.__loader__).__name__)
sys.meta_path.pop(0)
del sys.modules["virtual_mod"]
try:
    import virtual_mod
except ModuleNotFoundError as e:
    print(e)
