a = rb'x' Rb'x' bR'x' BR'x' br'x' f'x' rf'x' fR'x' u'x' U'x' ur'x' bf'x'
b = '''tri
ple''' """x""" ''
