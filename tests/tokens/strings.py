a = 'single' "double" '''triple
quoted''' r'\raw' b'bytes' rb'\x00' f'{a}' F"{b!r}" u'x'
b = "escaped \" quote" + 'line \
continued'
