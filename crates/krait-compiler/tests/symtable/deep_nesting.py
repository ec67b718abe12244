def a():
    v = 1
    def b():
        def c():
            def d():
                def e():
                    return v
                return e
            return d
        return c
    return b
