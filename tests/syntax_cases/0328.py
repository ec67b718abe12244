# -*- coding: iso8859-7 -*-
α = 0xI