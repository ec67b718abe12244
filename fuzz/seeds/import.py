import os, sys as s
from . import a
from ..pkg.mod import (b as c, d)
from m import *
