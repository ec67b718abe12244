import sys
import os.path
import collections as c
print(sys.argv, os, c)
import os.path as osp
import a.b.c as d
from os import path, sep as separator
from . import sibling
from ..pkg.mod import thing
from mod import *
