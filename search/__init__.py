"""Everything about indexing and querying. The only package that talks to a search engine."""
