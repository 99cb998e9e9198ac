class ImisDatabaseError(Exception):
    """A database problem explained for a user: what is wrong and what to do about it."""
