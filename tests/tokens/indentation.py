def f(x):
    if x:
        return [
            1,
    2]  # inside brackets: no INDENT/DEDENT
    # a comment at another indentation

    return 0
