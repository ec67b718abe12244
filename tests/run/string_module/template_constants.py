# string.Template and the module's constants and capwords.
import string

t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="tim"))
print(t.template, t.get_identifiers(), t.is_valid())
for bad in [lambda: t.substitute(who="x"), lambda: string.Template("$").substitute(), lambda: string.Template("${1}").substitute()]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
class Percent(string.Template):
    delimiter = "%"
print(Percent("%a and %{b}").substitute(a=1, b=2))
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, len(string.printable))
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"))
