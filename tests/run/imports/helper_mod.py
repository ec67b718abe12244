"""A module imported by the other programs here; also runnable."""
print("loading helper_mod as", __name__)
VALUE = 42
_hidden = "private"
__all__ = ["double", "VALUE"]


def double(x):
    return 2 * x


def triple(x):
    return 3 * x
