"""LLM Council: which LLM to use for a task, and what it will cost.

Importing the package is cheap: heavy libraries (torch, sentence-transformers, streamlit)
load only inside the functions that need them.
"""

__version__ = "0.1.0"
