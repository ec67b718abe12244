class Loud:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("destroy", self.name)

kept_global = Loud("global object")
container = [Loud("in container")]
def helper():
    pass
helper.attached = Loud("function attribute")
print("program ends; the remaining objects are destroyed at shutdown")
