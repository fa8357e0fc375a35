"""Save and load a model with its metadata and checks; build the bundled models on first use.

A model is two files: ``NAME.joblib`` (the fitted estimator) and ``NAME.json``
(labels, training-data hash, library versions, creation time, cross-validated
figures and the sha256 of the joblib file). Loading checks the hash and the
scikit-learn version before unpickling.

Security: a joblib file is a pickle, and unpickling runs code. The sha256 check
catches corruption, not an attacker who can rewrite both files. Load only model
files that you built or that come from someone you trust.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
import time
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import joblib
import sklearn

from .errors import ModelError
from .io import atomic_path
from .pipeline import CRYPTO_MIN_CONFIDENCE, CRYPTO_PROMO_CONFIDENCE
from .routing import TopicRouter

MODEL_FORMAT = 4  # raised whenever a model saved by an older release cannot serve this one (4: NgramVectorizer)
RETRAIN_HINT = "retrain it with `detector train --out FILE.joblib` (or `python train.py --out FILE.joblib` in a clone)"


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def metadata_path(path: str | Path) -> Path:
    return Path(path).with_suffix(".json")


def save_model(model, path: str | Path, **metadata) -> dict:
    """Write ``model`` to ``path`` (joblib) and its metadata beside it, both atomically.

    Keyword arguments (``data_hash``, ``scores``, ...) are stored in the metadata as given.
    """
    path = Path(path)
    with atomic_path(path) as tmp:
        joblib.dump(model, tmp, compress=3)
        digest = sha256_of(tmp)
    meta = {
        "format": MODEL_FORMAT,
        "labels": [str(c) for c in model.classes_],
        "params": {k: v for k, v in model.get_params().items()},
        "sha256": digest,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "versions": _versions(),
        **metadata,
    }
    with atomic_path(metadata_path(path)) as tmp:
        tmp.write_text(json.dumps(meta, indent=2, default=str, ensure_ascii=False) + "\n", encoding="utf-8")
    return meta


def read_metadata(path: str | Path) -> dict:
    """The metadata of a saved model, or a ModelError saying what is wrong."""
    meta_file = metadata_path(path)
    try:
        return json.loads(meta_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(f"{meta_file}: the model's metadata is missing, so {path} cannot be checked; "
                         f"{RETRAIN_HINT}") from None
    except (OSError, ValueError) as error:
        raise ModelError(f"{meta_file}: unreadable metadata ({error}); {RETRAIN_HINT}") from None


def load_model(path: str | Path | None = None):
    """Load a saved model after checking it; with no path, the bundled ``auto``.

    ``path`` may also name a bundled model ("general" or "crypto", see ``BUNDLED_MODELS``), or
    "auto": both, each document labeled by the one made for its subject (``routing.TopicRouter``),
    when no file of that name exists.
    Raises ModelError when the file is missing, fails its sha256 check, or was
    built by another detector model format or scikit-learn release than the one installed.
    """
    if path is None or str(path) == AUTO and not Path(path).is_file():
        return TopicRouter(load_bundled_model("general"), load_bundled_model("crypto"))
    if str(path) in BUNDLED_MODELS and not Path(path).is_file():
        return load_bundled_model(str(path))
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path}: no such model file (bundled models: {', '.join([AUTO, *BUNDLED_MODELS])})")
    meta = read_metadata(path)
    if sha256_of(path) != meta.get("sha256"):
        raise ModelError(f"{path}: the file fails its sha256 check (it was changed or damaged after saving); "
                         f"{RETRAIN_HINT}")
    if meta.get("format") != MODEL_FORMAT:
        raise ModelError(f"{path}: saved by another detector release (model format {meta.get('format')}, this "
                         f"release reads {MODEL_FORMAT}); {RETRAIN_HINT}")
    built_with = meta.get("versions", {}).get("scikit-learn", "unknown")
    if _minor(built_with) != _minor(sklearn.__version__):
        raise ModelError(f"{path}: built with scikit-learn {built_with}, but {sklearn.__version__} is installed; "
                         f"models do not carry across scikit-learn releases: {RETRAIN_HINT}, or install "
                         f"scikit-learn=={built_with}")
    try:
        return joblib.load(path)
    except Exception as error:  # unpickling can fail in many ways; all mean the same to the user
        raise ModelError(f"{path}: cannot be loaded ({type(error).__name__}: {error}); {RETRAIN_HINT}") from None


# -- the bundled models ------------------------------------------------------------------

# Each bundled model is built on first use from data/ plus its own folders of profiles/.
# "crypto" adds crypto and finance news with promo in 17 languages, ads without an
# "Advertisement" line and whole sponsored articles: on such news it removes far more promo,
# and on general web pages it loses a little more of the story (README, "Bundled models").
# AUTO, the default, sends each document to one of them by its subject (routing.py).
BUNDLED_MODELS = {"general": (), "crypto": ("crypto",)}
# A bundled model's own thresholds where they are not pipeline's defaults (MIN_CONFIDENCE_DEFAULT,
# PROMO_CONFIDENCE_OFF); each becomes the model's ``<threshold>_default`` attribute.
BUNDLED_OWN_THRESHOLDS = {"crypto": {"min_confidence": CRYPTO_MIN_CONFIDENCE,
                                     "promo_confidence": CRYPTO_PROMO_CONFIDENCE}}
AUTO = "auto"

_bundled_cache: dict[str, object] = {}


def corpus_dir() -> Path:
    """Where the bundled labeled corpus lives: inside an installed wheel, or data/ in a clone."""
    return _shipped_folder("data")


def profiles_dir() -> Path:
    """Where the extra training data of the bundled models lives: in the wheel, or profiles/ in a clone."""
    return _shipped_folder("profiles")


def _shipped_folder(name: str) -> Path:
    """A folder of the clone that the wheel ships inside the package as ``_<name>`` (pyproject.toml)."""
    installed = Path(__file__).parent / f"_{name}"
    return installed if installed.is_dir() else Path(__file__).resolve().parent.parent / name


def cache_dir() -> Path:
    """Where built bundled models are kept: $DETECTOR_CACHE, else the user's cache folder."""
    if os.environ.get("DETECTOR_CACHE"):
        return Path(os.environ["DETECTOR_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "detector"


def bundled_files(name: str) -> list[Path]:
    """The labeled files a bundled model trains on: data/, then its profiles/ folders."""
    from .data import labeled_files

    return labeled_files([corpus_dir()]) + profile_files(name)


def profile_files(name: str) -> list[Path]:
    """The labeled files a bundled model adds to data/: those of its profiles/ folders."""
    from .data import labeled_files

    if name not in BUNDLED_MODELS:
        raise ModelError(f"no bundled model called {name!r}; the bundled models are {', '.join(BUNDLED_MODELS)}")
    return labeled_files([profiles_dir() / folder for folder in BUNDLED_MODELS[name]])


def load_bundled_model(name: str):
    """A bundled model (``BUNDLED_MODELS``), built from its data on first use and cached on disk."""
    files = bundled_files(name)
    key = f"{name}-{_corpus_key(files)}-{_model_code_hash()[:8]}-sklearn{sklearn.__version__}"
    if key in _bundled_cache:
        return _bundled_cache[key]
    path = cache_dir() / f"{key}.joblib"
    if path.is_file():
        try:
            model = load_model(path)
        except ModelError as error:
            print(f"detector: rebuilding the {name} model ({error})", file=sys.stderr)
            model = _build_bundled(name, path, files)
    else:
        model = _build_bundled(name, path, files)
    _bundled_cache[key] = with_own_thresholds(model, name)
    return model


def with_own_thresholds(model, name: str | None):
    """``model`` given the own thresholds of the bundled model ``name`` (``BUNDLED_OWN_THRESHOLDS``),
    as attributes that saving keeps (none for another name, or None); returned for chaining."""
    for threshold, value in BUNDLED_OWN_THRESHOLDS.get(name, {}).items():
        setattr(model, f"{threshold}_default", value)
    return model


_corpus_keys: dict[tuple, str] = {}


def _corpus_key(files: list[Path]) -> str:
    """The start of the corpus hash, computed again only when a file's name, size or mtime changes.

    Hashing the corpus reads all of it (milliseconds on every call to ``load_model()``); a
    stat of each file is enough to notice that ``data/`` was edited.
    """
    from .training import corpus_hash

    signature = tuple((str(f), stat.st_size, stat.st_mtime_ns) for f, stat in ((f, f.stat()) for f in files))
    if signature not in _corpus_keys:
        _corpus_keys[signature] = corpus_hash(files)[:12]
    return _corpus_keys[signature]


def _build_bundled(name: str, path: Path, files: list[Path]):
    """Train a bundled model from its files and save it to the cache."""
    from .training import build_model, corpus_hash, load_training_data, stored_report

    frame = load_training_data(files)
    print(f"detector: building the {name} model from {len(frame):,} labeled segments "
          f"(first use only; about a minute on 2 cores) ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    model = build_model(frame)
    data_hash = corpus_hash(files)
    save_model(model, path, data_hash=data_hash, n_segments=len(frame),
               scores=stored_report(files, data_hash), trained_on=[f.name for f in files])
    print(f"detector: {name} model ready in {time.perf_counter() - started:.0f} s, cached at {path}",
          file=sys.stderr, flush=True)
    for stale in path.parent.glob(f"{name}-*"):  # built from other data, code or scikit-learn
        if stale.stem != path.stem:
            stale.unlink(missing_ok=True)
    return model


@lru_cache(maxsize=1)
def _model_code_hash() -> str:
    """sha256 of the modules that decide what a model computes: a new release rebuilds the bundled models.

    Read once per process: the code that runs cannot change under it.
    """
    digest = hashlib.sha256()
    for name in ("features.py", "model.py", "markup.py"):  # markup: how training reads its lines
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


def _versions() -> dict:
    import numpy
    import pandas

    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__, "numpy": numpy.__version__,
            "pandas": pandas.__version__, "joblib": joblib.__version__}


def _minor(version: str) -> str:
    return ".".join(version.split(".")[:2])
