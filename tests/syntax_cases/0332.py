[interesting
foo()
