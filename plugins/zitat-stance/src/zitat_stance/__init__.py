"""Rule-based stance detection for zitat (German news quotations toward declared targets).

Extractor: ``rules-stance`` — quotes and speakers from zitat-rules' ``rules`` extractor, then for
each quotation the declared targets it addresses, with a polarity (favor, against, neutral) and
an evidence span. With gold quotes given, :meth:`RulesStanceExtractor.extract_stances` adds
stances only.
"""

__version__ = "0.2.0"

__all__ = ["__version__"]
