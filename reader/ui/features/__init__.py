"""Feature modules of the reader window: each owns its actions and menu entries and talks to the window through
the few methods it is given (the direction for splitting ``main_window.py``, one feature at a time)."""
