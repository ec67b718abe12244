from os import *
from os.path import join as j, split
import a.b.c
import a.b.c as d
