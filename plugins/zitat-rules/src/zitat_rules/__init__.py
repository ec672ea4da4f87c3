"""Rule-based German quotation extractors for zitat (direct, indirect, reported speech).

Extractors: ``rules-direct`` (direct quotes with frames and speakers) and ``rules``
(direct + indirect + reported speech, speakers and in-document speaker entities).
"""

__version__ = "0.2.0"

__all__ = ["__version__"]
