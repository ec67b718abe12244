from .. import geometry_pkg
from . import NAME as parent_name


def scale(x, k):
    return x * k


LABEL = parent_name + "/" + geometry_pkg.NAME
