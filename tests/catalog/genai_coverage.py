"""Catalog models genai-prices 0.2.3 does not price: added 2026-12-01 from launch pages
(models_catalog/SOURCES.md), after that release. Every other catalog model it prices."""

NOT_IN_GENAI_PRICES = frozenset({"gemini-4-carbon", "gemini-4-hydrogen", "gemini-4-neon",
                                 "gpt-6.2-astra", "gpt-6.2-sol"})
