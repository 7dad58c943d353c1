"""Time: temporal expressions to TIMEX3-style values against the publication date."""
from letopis.time.tagger import tag_times

__all__ = ["tag_times"]
