x = f"{a!r:>{w}} {b}" F'{c}' rf"{d}\n"
