# f-strings: plain, conversions, format specs, nesting, a single part.
def show(name, value, width):
    a = f"{name}"
    b = f"{name}={value!r} ({value!s}, {value!a})"
    c = f"{value:>{width}}|{value:.2f}"
    d = f"plain"
    e = f"{'nested ' + f'{name}'}"
    return a, b, c, d, e
