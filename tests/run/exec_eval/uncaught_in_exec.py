source = """
def divide(a, b):
    return a / b

result = divide(10, 2)
print("result", result)
divide(1, 0)
"""
exec(compile(source, "<generated>", "exec"), {})
