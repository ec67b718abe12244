class C:
    def m(self, __p, *__a, **__k):
        global __g
        __g = 1
        x = 1
        def inner():
            nonlocal x
            del __d
            try:
                pass
            except E as __e:
                pass
            match s:
                case {"k": __v, **__rest}:
                    pass
                case [*__star] | Q(__q):
                    pass
            return [__w := i for i in __it]
        with cm() as __cm:
            pass
        for __f in y: pass
        return inner
    __cls_attr: int = 1
    lambda __l: __l
