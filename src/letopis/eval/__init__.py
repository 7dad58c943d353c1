"""Scoring the pipeline against labelled data (`letopis eval`)."""
