"""Retrain the segment classifier: `python train.py [--data PATH ...] [--out FILE]`.

Trains on data/ plus the given files, prints cross-validated figures (folds
grouped by site or document) and saves the model with its metadata.
"""

import sys

from detector.training import main

if __name__ == "__main__":
    sys.exit(main())
