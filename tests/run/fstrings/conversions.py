class R:
    def __repr__(self):
        return "R-repr"
    def __str__(self):
        return "R-str"
    def __format__(self, spec):
        return f"R-format[{spec}]"

r = R()
print(f"{r}|{r!s}|{r!r}|{r!a}|{r:spec}|{r!s:>8}|{r!r:<8}|")
s = "café"
print(f"{s!r} {s!a} {s!s} {s:>6} {s!a:^12}")
x = 42
print(f"{x=}", f"{x = }", f"{x=:5d}", f"{x=!s}", f"{s=}", f"{r=}", f"{r=!s}", f"{1+1=}")
print(f"{'nested'!r}", f'{"q"}', f"{{literal}}", f"{{{x}}}", f"}}{x}{{")
print(f"{x!r:>{x // 10}}", f"{3.14159:.{2}f}", f"{x:{'>'}{10}}")
width, prec = 10, 3
print(f"[{3.14159:{width}.{prec}f}]", f"[{'s':{'*'}^{width}}]")
print(f"{'a' 'b'}", f"{x:#x}", f"{x:08b}", f"{x:+}", f"{-x:=8}", f"{1234567:,}", f"{1234567:_}")
print(f"{0.5:%}", f"{1e10:g}", f"{1.0:e}", f"{12.0:n}", f"{float('inf'):f}")
