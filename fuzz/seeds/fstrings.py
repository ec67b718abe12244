f"{x!r:>{width}} {y=} {{literal}}"
f"""{
    z
}"""
rf"\d{n}"
