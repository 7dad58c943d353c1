"""Clean: boilerplate out of the body, metadata (title, date, outlet, dateline) in."""
from letopis.clean.text import clean_text, CleanResult
from letopis.clean.html import html_to_text

__all__ = ["clean_text", "CleanResult", "html_to_text"]
