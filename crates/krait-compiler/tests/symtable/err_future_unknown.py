'''doc'''
from __future__ import (division, spam)
