"""Inter-annotator agreement and adjudication of gold data.

:func:`agree` compares two or more annotators' annotations of the same documents with the
harness's own scorers (quote spans exact and overlap, roles, speaker attribution) and
chance-corrected coefficients for the categorical labels (Cohen's kappa, Krippendorff's alpha,
Fleiss's and Davies–Fleiss kappa, computed by :mod:`nltk.metrics.agreement`), and lists every
disagreement. :func:`merge` keeps what the annotators agree on and turns the rest into
conflicts, which :func:`worklist_tasks` writes as Prodigy choice tasks; the reviewer's answers
(:func:`read_decisions`) go back into :func:`merge`. See docs/agreement.md.
"""

from zitat.agreement.agree import agree
from zitat.agreement.annotators import Annotated, annotator_names, coverage, load_annotators
from zitat.agreement.categorical import Coefficients, coefficients
from zitat.agreement.group import Disagreement
from zitat.agreement.markdown import agreement_markdown
from zitat.agreement.merge import Conflict, Decision, MergeResult, Version, merge
from zitat.agreement.report import AgreementReport, DocumentAgreement, GroupAgreement, PairScores
from zitat.agreement.worklist import read_decisions, worklist_markdown, worklist_tasks

__all__ = [
    "AgreementReport",
    "Annotated",
    "Coefficients",
    "Conflict",
    "Decision",
    "Disagreement",
    "DocumentAgreement",
    "GroupAgreement",
    "MergeResult",
    "PairScores",
    "Version",
    "agree",
    "agreement_markdown",
    "annotator_names",
    "coefficients",
    "coverage",
    "load_annotators",
    "merge",
    "read_decisions",
    "worklist_markdown",
    "worklist_tasks",
]
