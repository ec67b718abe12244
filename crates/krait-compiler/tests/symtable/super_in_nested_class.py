class A:
    class B:
        def m(self):
            return super()
    def n(self):
        class C:
            def o(self):
                return super(), __class__
        return C
