def run(src):
    exec(src)


run("x = 1\nif x:\n    y = (x +\n")
