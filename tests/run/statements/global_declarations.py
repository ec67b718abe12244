global module_level_global
module_level_global = "allowed at module level"
print(module_level_global)

def set_many():
    global a, b, c
    a, b, c = 1, 2, 3
set_many()
print(a, b, c)

def conditional(flag):
    if flag:
        global cond
        cond = "set"
conditional(False)
print("cond" in globals())
conditional(True)
print(cond)

def in_loop():
    for i in range(3):
        global acc
        acc = acc + i if "acc" in globals() else i
in_loop()
print(acc)

def reads_global_via_function():
    def inner():
        global shared
        shared = "from inner"
    inner()
    return shared
print(reads_global_via_function())
def global_in_comprehension():
    global comp_var
    comp_var = [comp_var for comp_var in range(2)]
    return comp_var
print(global_in_comprehension(), comp_var)
