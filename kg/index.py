"""A vector index over short texts (labels, aliases, definitions, sentences), built once per machine.

Vectors are saved under ``cache_dir`` as one ``.npy`` file named by the model and a hash of the texts,
and every process that needs them maps that file read-only (``np.load(mmap_mode="r")``): the server's
workers share its pages instead of each holding a copy, and a restart reads nothing until a question
touches the vectors. The file is written once, atomically (a temporary file renamed over the name).

Building it is shared as well. The texts are cut into chunks; a process embeds a chunk only while it
holds that chunk's ``fcntl`` lock and nobody has saved it yet, so processes that start together (the
server's workers) divide the chunks between them instead of each embedding everything, a chunk is
embedded once, and a process that dies mid-chunk releases its lock for another to redo it. The last
step, joining the chunks into the index file, runs under one more lock. Search is one matrix product:
at tens of thousands of rows that is well under a millisecond.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from kg.embeddings import Embedder
from kg.progress import Progress

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: one process at a time, no sharing of the work
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

#: Texts embedded per chunk: small enough to share the work and report progress, large enough to batch well.
CHUNK_ROWS = 2048


class VectorIndex:
    """Rows of (key, text) with their unit vectors; ``search`` returns the nearest keys."""

    def __init__(self, keys: list, texts: list[str], vectors: np.ndarray, path: Path | None = None):
        self.keys = keys
        self.texts = texts
        self.vectors = vectors
        #: The file the vectors are mapped from (``None`` when they live in this process only).
        self.path = path

    @classmethod
    def build(
        cls, keys: list, texts: list[str], embedder: Embedder, cache_dir: Path | str | None, *, label: str = "texts"
    ) -> VectorIndex:
        """Return the index of ``texts``: mapped from the cache file, built into it first if missing.

        Without ``cache_dir`` the vectors are computed in this process and kept in its memory. ``label``
        names the texts in progress reports ("entity names").
        """
        if not texts:
            return cls(keys, texts, np.zeros((0, getattr(embedder, "dimension", 0)), dtype=np.float32))
        if cache_dir is None:
            return cls(keys, texts, _embed_here(texts, embedder, label))
        path = index_path(Path(cache_dir), embedder.name, texts)
        vectors = _read(path, len(texts))
        if vectors is None:
            vectors = _build_shared(path, texts, embedder, label)
        return cls(keys, texts, vectors, path)

    def search(self, vector: np.ndarray, k: int = 10) -> list[tuple[object, float]]:
        """Return the ``k`` keys nearest to ``vector`` with their cosine similarities, best first."""
        if not len(self.keys):
            return []
        scores = np.asarray(self.vectors @ vector)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.keys[i], float(scores[i])) for i in top]

    def __len__(self) -> int:
        return len(self.keys)


def index_path(cache_dir: Path, model_name: str, texts: list[str]) -> Path:
    """Return where the vectors of ``texts`` by the model ``model_name`` are kept under ``cache_dir``."""
    digest = hashlib.sha256("\x1f".join(texts).encode()).hexdigest()[:24]
    return cache_dir / f"{model_name}-{digest}.npy"


def _read(path: Path, rows: int) -> np.ndarray | None:
    """Map the index file read-only; ``None`` when it is missing or not an index of ``rows`` rows."""
    try:
        vectors = np.load(path, mmap_mode="r")
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable vector index %s: %s", path, exc)
        return None
    if vectors.ndim != 2 or vectors.shape[0] != rows or vectors.dtype != np.float32:
        log.warning("ignoring vector index %s: shape %s %s, expected %d rows", path, vectors.shape, vectors.dtype, rows)
        return None
    return vectors


def _chunks(texts: list[str]) -> list[np.ndarray]:
    """Cut the row numbers into chunks of texts of similar length (less padding), alike in every process."""
    order = np.argsort(np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts)), kind="stable")
    return [order[start : start + CHUNK_ROWS] for start in range(0, len(order), CHUNK_ROWS)]


def _embed_here(texts: list[str], embedder: Embedder, label: str) -> np.ndarray:
    """Embed ``texts`` in this process, chunk by chunk, reporting progress."""
    progress = Progress(f"indexing {label}", len(texts))
    chunks = _chunks(texts)
    vectors: np.ndarray | None = None
    done = 0
    for rows in chunks:
        part = embedder.encode([texts[i] for i in rows])
        if vectors is None:
            vectors = np.empty((len(texts), part.shape[1]), dtype=np.float32)
        vectors[rows] = part
        done += len(rows)
        progress.update(done)
    progress.finish()
    assert vectors is not None
    return vectors


def _build_shared(path: Path, texts: list[str], embedder: Embedder, label: str) -> np.ndarray:
    """Embed the chunks nobody has embedded yet, then join them into ``path``; return the mapped index.

    Processes running this at the same time for the same texts share the chunks (see the module notes).
    """
    parts = path.with_name(path.stem + ".parts")
    chunks = _chunks(texts)
    progress = Progress(f"indexing {label} into {path.name}", len(texts))
    try:
        parts.mkdir(parents=True, exist_ok=True)
        # First take the chunks nobody holds; then wait for the held ones (redoing any whose holder died).
        for wait in (False, True):
            for number, rows in enumerate(chunks):
                part = parts / f"{number}.npy"
                if part.exists() or path.exists():
                    continue
                with _locked(parts / f"{number}.lock", wait) as held:
                    if held and not part.exists() and not path.exists():
                        _save(part, embedder.encode([texts[i] for i in rows]))
                progress.update(_rows_done(parts, chunks))
        with _locked(path.with_name(path.name + ".lock"), True):
            vectors = _read(path, len(texts))
            if vectors is None:
                _save(path, _join(parts, chunks, len(texts)), durable=True)
                shutil.rmtree(parts, ignore_errors=True)
    except FileNotFoundError:
        # Another process joined the chunks and removed them under this one; its index file is the result.
        if _read(path, len(texts)) is None:
            raise
    vectors = _read(path, len(texts))
    if vectors is None:
        raise OSError(f"the vector index {path} was written but cannot be read back")
    progress.finish(f"{path}")
    return vectors


def _rows_done(parts: Path, chunks: list[np.ndarray]) -> int:
    return sum(len(rows) for number, rows in enumerate(chunks) if (parts / f"{number}.npy").exists())


def _join(parts: Path, chunks: list[np.ndarray], total: int) -> np.ndarray:
    """Put the saved chunks back in the texts' order."""
    vectors: np.ndarray | None = None
    for number, rows in enumerate(chunks):
        part = np.load(parts / f"{number}.npy")
        if vectors is None:
            vectors = np.empty((total, part.shape[1]), dtype=np.float32)
        vectors[rows] = part
    assert vectors is not None
    return vectors


def _save(path: Path, vectors: np.ndarray, durable: bool = False) -> None:
    """Write ``vectors`` to ``path`` atomically: a reader sees the whole file or none."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as out:
            np.save(out, np.ascontiguousarray(vectors, dtype=np.float32))
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


@contextlib.contextmanager
def _locked(path: Path, wait: bool) -> Iterator[bool]:
    """Hold an exclusive ``flock`` on ``path`` for the block; yield whether it was taken (waits only if ``wait``)."""
    if fcntl is None:  # pragma: no cover
        yield True
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
