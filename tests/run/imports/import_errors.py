try:
    import nothing_here_at_all
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from helper_mod import missing
except ImportError as e:
    print(type(e).__name__, e.args[0][:44])
try:
    import helper_mod.sub
except ModuleNotFoundError as e:
    print(e)
try:
    from shapes_pkg import nope
except ImportError as e:
    print(type(e).__name__, e.args[0][:41])
import shapes_pkg
print(shapes_pkg.circle.__name__)
