"""The category's reading weights a bench reads with: `--request-weight W` (the request read
apart from its pasted material, council.assess.classifier.REQUEST_WEIGHT) and
`--second-weight W` (the second reading's mix, council.assess.second_reading.SECOND_WEIGHT);
each defaults to the shipped constant (bench/category_file.py, bench/classifier.py).
"""

from __future__ import annotations

import argparse


def add_weight_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--request-weight", type=float, default=None,
                        help="read the request apart at this weight, below the top category "
                             "(default: the shipped REQUEST_WEIGHT; round 21's S: 0.5)")
    parser.add_argument("--second-weight", type=float, default=None,
                        help="mix the second reading at this weight (default: the shipped "
                             "SECOND_WEIGHT; round 22's T: 0.8)")


def apply_weights(classifier, args: argparse.Namespace) -> str:
    """Set the options on `classifier`; the weights it reads with, in words."""
    if args.request_weight is not None:
        classifier.request_weight = args.request_weight
    if args.second_weight is not None and classifier.second is not None:
        classifier.second.weight = args.second_weight
    second = classifier.second.weight if classifier.second is not None else None
    return f"request weight {classifier.request_weight}, second weight {second}"
