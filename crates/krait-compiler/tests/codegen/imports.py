import sys
import os.path
import collections as c
print(sys.argv, os, c)
