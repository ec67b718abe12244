class R&D:
    pass
