"""Clean: boilerplate out of the body, metadata (title, date, outlet, dateline) in."""
from letopis.clean.html import html_to_text
from letopis.clean.scripts import unmix_scripts
from letopis.clean.text import CleanResult, clean_text

__all__ = ["CleanResult", "clean_text", "html_to_text", "unmix_scripts"]
