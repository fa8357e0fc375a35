"""Exception classes. The library raises these; only the CLI prints them."""


class DetectorError(Exception):
    """Base class of every error detector raises on purpose."""


class InputError(DetectorError):
    """A file, row or argument the user gave cannot be used as it is."""


class DataError(InputError):
    """Labeled training data is malformed or too thin to train on."""


class ModelError(DetectorError):
    """A saved model cannot be loaded: missing, corrupted or built by another scikit-learn."""
