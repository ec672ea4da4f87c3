"""Engines that run an extractor over a stream of documents: local processes or Ray Data.

Every engine turns input items into events (:class:`~zitat.schema.AnnotatedDocument`,
:class:`~zitat.extract.results.Failure`, :class:`~zitat.extract.results.Skipped`) in input
order.
"""
