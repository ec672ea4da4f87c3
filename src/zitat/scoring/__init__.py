"""Scoring quotation-attribution predictions against gold annotations.

The entry point is :func:`score_corpus`; :func:`paired_test` and :func:`compare` test two
systems against each other. The modules behind it each do one job: :mod:`~zitat.scoring.prf`
(additive P/R/F1 values), :mod:`~zitat.scoring.matching` (Hungarian quote alignment),
:mod:`~zitat.scoring.spans` (exact, overlap and seqeval span scores),
:mod:`~zitat.scoring.quotes` (scores on aligned quotes), :mod:`~zitat.scoring.wikinews` (the
Wikinews official metric), :mod:`~zitat.scoring.speakers`, :mod:`~zitat.scoring.stance`,
:mod:`~zitat.scoring.metrics` (formulas over sufficient statistics) and
:mod:`~zitat.scoring.bootstrap` (intervals and paired tests).
"""

from zitat.scoring.bootstrap import DocumentStats, PairedResult, bootstrap_intervals
from zitat.scoring.matching import QuoteAlignment, align_quotes, overlap_f1
from zitat.scoring.metrics import Metric, define_metrics
from zitat.scoring.pair import DocumentPair
from zitat.scoring.prf import PRF, Accuracy, macro_average
from zitat.scoring.quotes import QuoteCounts, quote_counts
from zitat.scoring.score import TASKS, CorpusScores, compare, paired_test, score_corpus
from zitat.scoring.spans import SpanCounts, seqeval_report, span_counts
from zitat.scoring.speakers import SpeakerCounts, speaker_counts
from zitat.scoring.stance import StanceCounts, stance_counts
from zitat.scoring.wikinews import WikinewsCounts, wikinews_counts

__all__ = [
    "PRF",
    "TASKS",
    "Accuracy",
    "CorpusScores",
    "DocumentPair",
    "DocumentStats",
    "Metric",
    "PairedResult",
    "QuoteAlignment",
    "QuoteCounts",
    "SpanCounts",
    "SpeakerCounts",
    "StanceCounts",
    "WikinewsCounts",
    "align_quotes",
    "bootstrap_intervals",
    "compare",
    "define_metrics",
    "macro_average",
    "overlap_f1",
    "paired_test",
    "quote_counts",
    "score_corpus",
    "seqeval_report",
    "span_counts",
    "speaker_counts",
    "stance_counts",
    "wikinews_counts",
]
