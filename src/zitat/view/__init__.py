"""Pictures of results: the HTML error-analysis view of one document."""
