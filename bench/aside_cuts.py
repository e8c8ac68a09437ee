"""The category's aside cut a bench reads with: `--cut shipped|none|head --aside-head FILE`
(bench/category_asides.py, bench/category_file.py, bench/categories.py): the shipped word-list
cut (council.assess.asides), none, or candidate (H), the shipped cut joined by the e5 aside
head (bench.aside_head_model; built by `bench/aside_head.py --build`).
"""

from __future__ import annotations

import argparse
from pathlib import Path


def second_encoder():
    from council.assess.encoder import CachedEncoder, encoder_named
    from council.assess.second_reading import SECOND_ENCODER
    from council.config import paths

    return CachedEncoder(encoder_named(SECOND_ENCODER), paths().embedding_cache)


def head_cut(path: Path, encoder=None):
    """Candidate (H): the shipped cut, then the head's on what it leaves."""
    from bench.aside_head_model import AsideHead, HeadCut
    from council.assess.category_text import joined

    return joined(HeadCut(AsideHead.load(path), encoder or second_encoder()))


def add_cut_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cut", choices=("shipped", "none", "head"), default="shipped",
                        help="the category's aside cut: the shipped word lists, none, or "
                             "candidate (H) (the shipped cut and the head, --aside-head)")
    parser.add_argument("--aside-head", type=Path, default=Path("/tmp/as15/aside_head.npz"))


def cut_named(name: str, head: Path):
    from council.assess.asides import without_asides
    from council.assess.category_text import no_cut

    return {"shipped": lambda: without_asides, "none": lambda: no_cut,
            "head": lambda: head_cut(head)}[name]()


def apply_cut(classifier, args: argparse.Namespace) -> None:
    classifier.aside_cut = cut_named(args.cut, args.aside_head)
