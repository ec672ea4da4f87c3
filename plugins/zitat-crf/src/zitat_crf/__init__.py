"""A trainable CRF tagger for German quotation attribution (a zitat plugin).

Train with ``zitat train crf --gold wikinews:train --out MODEL_DIR``; extract with the ``crf``
extractor (``model_dir`` option or ``$ZITAT_CRF_MODEL``) or ``rules-crf``.
"""

__version__ = "0.1.0"
