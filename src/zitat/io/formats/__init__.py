"""Other annotation tools' formats: doccano, Label Studio and WebAnno TSV (INCEpTION).

Each reader and writer maps zitat's quotes, roles, nesting and speaker entities onto the
tool's spans and relations, and keeps what the tool cannot show in a ``zitat`` record
beside the tool's data, so a round trip is lossless. What cannot be carried or had to be
guessed is reported as a :class:`LossWarning`. See docs/formats.md.
"""

from zitat.io.formats.doccano import read_doccano, write_doccano
from zitat.io.formats.labelstudio import labelstudio_config, read_labelstudio, write_labelstudio
from zitat.io.formats.loss import LossWarning
from zitat.io.formats.utf16 import CODE_POINTS, UTF16, OffsetMap, utf16_length
from zitat.io.formats.webanno import read_webanno_tsv, write_webanno_tsv

__all__ = [
    "CODE_POINTS",
    "UTF16",
    "LossWarning",
    "OffsetMap",
    "labelstudio_config",
    "read_doccano",
    "read_labelstudio",
    "read_webanno_tsv",
    "utf16_length",
    "write_doccano",
    "write_labelstudio",
    "write_webanno_tsv",
]
