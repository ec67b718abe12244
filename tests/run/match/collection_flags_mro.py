# A class takes the sequence/mapping flag of the first class in its MRO that has one (inherit_patma_flags)
import collections, collections.abc
class C: pass
def kind(x):
    match x:
        case [*_]: return "seq"
        case {}: return "map"
    return None
class M1(collections.UserDict, collections.abc.Sequence): pass
class M2(C, collections.UserDict, collections.abc.Sequence): pass
class M3(collections.UserDict, C, list): pass
class M4(dict, collections.abc.Sequence, C): pass
class S1(collections.UserList, collections.abc.Mapping): pass
class S2(C, collections.UserList, collections.abc.Mapping): pass
class S3(list, C, collections.abc.Mapping): pass
class S4(collections.UserList, dict, C): pass
for cls in M1, M2, M3, M4, S1, S2, S3, S4:
    print(cls.__name__, kind(cls()))
