"""`make eval`: score the cleaner and the mapper on annotated articles against pinned floors (floors only rise).

The annotated corpus lives outside the project (``$PROV_SHARED``, default ``../shared``); it is read, never copied.
"""
