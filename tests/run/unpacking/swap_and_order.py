a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)

log = []
class T:
    def __setattr__(self, name, value):
        log.append(f"set {name}={value}")
        super().__setattr__(name, value)
t = T()
t.x, t.y = 1, 2
print(log)

def val(n):
    log.append(f"eval {n}")
    return n
log.clear()
lst = [0, 0, 0]
lst[val(0)], lst[val(1)] = val("a"), val("b")
print(log, lst)

x = [0, 1]
i = 0
i, x[i] = 1, 5
print(i, x)
node = {"next": None}
node, node["next"] = {"next": "old"}, "attached"
print(node)
