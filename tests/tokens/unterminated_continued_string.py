x = 'abc\
def
y = '''
z
