"""Pictures of results: the HTML error-analysis view of one document and the page of
statements tracked across documents."""
