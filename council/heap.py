"""Keep the loaded model out of the garbage collector's full passes.

After the classifier and the embedding model load, the process holds ~486k long-lived
objects; a generation-2 collection walks all of them (220 ms measured inside one request).
``gc.freeze()`` moves every object alive now into the permanent generation, which no
collection visits; objects made later (a request's) are collected as before.
"""

from __future__ import annotations

import gc


def freeze_loaded_heap() -> int:
    """Collect once, then freeze what is left; returns how many objects are now frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
