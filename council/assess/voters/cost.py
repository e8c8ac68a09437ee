"""Price a vote's usage with the catalog, through the product's one pricing function."""

from __future__ import annotations

from council.assess.voters.base import PriceFn
from council.catalog.model import Catalog
from council.errors import NotFound
from council.pricing import Usage, price_usage


def catalog_price_fn(catalog: Catalog) -> PriceFn:
    """A PriceFn over `catalog`; None for a model the catalog does not list.

    Cache writes are priced as 5-minute writes: that is what `cache_control: ephemeral`
    asks for.
    """

    def price(model_id: str, input_tokens: int, cache_read_tokens: int,
              cache_write_tokens: int, output_tokens: int) -> float | None:
        try:
            model = catalog.get(model_id)
        except NotFound:
            return None
        usage = Usage(input_tokens=input_tokens, cache_read_tokens=cache_read_tokens,
                      cache_write_5m_tokens=cache_write_tokens, output_tokens=output_tokens)
        return float(price_usage(model, usage).total)

    return price
