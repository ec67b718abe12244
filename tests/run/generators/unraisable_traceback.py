# An unraisable error without a traceback gets one for the running frame
# ("generator ignored GeneratorExit" from a generator freed in main()).
import sys
import traceback
def f():
    try:
        yield 1
    except GeneratorExit:
        yield 2
def main():
    g = f()
    next(g)
    del g
def hook(u):
    tb = u.exc_traceback
    print(u.exc_type.__name__, tb is not None, tb and tb.tb_frame.f_code.co_name, tb and tb.tb_lineno)
    print(u.exc_value.__traceback__ is tb, u.err_msg, type(u.object).__name__)
    print("".join(traceback.format_exception(u.exc_value)), end="")
sys.unraisablehook = hook
main()
