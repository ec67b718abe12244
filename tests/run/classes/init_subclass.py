class Plugin:
    registry = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)

class Alpha(Plugin):
    pass
class Beta(Plugin, name="bee"):
    pass
class Gamma(Beta):
    pass
print(Plugin.registry, Gamma.plugin_name)

try:
    class Delta(Plugin, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class NoKw(object, flag=True):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Strict:
    def __init_subclass__(cls):
        if not hasattr(cls, "required"):
            raise TypeError(f"{cls.__name__} lacks 'required'")
class Good(Strict):
    required = 1
try:
    class Lacking(Strict):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(type(Strict.__dict__["__init_subclass__"]).__name__)
