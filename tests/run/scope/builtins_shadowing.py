print(len("abc"))

def len(x):
    return "shadowed"
print(len("abc"))
del len
print(len("abc"))

import builtins
real_print = builtins.print
def loud(*args):
    real_print("LOUD:", *args)
builtins.print = loud
print("hello")
builtins.print = real_print
print("normal")

def f():
    list = tuple
    return list([1, 2])
print(f(), list((1, 2)))

try:
    del len
except NameError as e:
    print(type(e).__name__, e)
builtins.custom_builtin = 42
print(custom_builtin)
del builtins.custom_builtin
try:
    custom_builtin
except NameError as e:
    print(type(e).__name__, e)
