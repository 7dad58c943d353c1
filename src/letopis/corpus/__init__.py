"""Across articles: duplicates, stories, one record per real event."""
