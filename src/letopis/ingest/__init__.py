"""Ingest: files and folders to Documents (or Rejected, with the reason)."""
from letopis.ingest.readers import decode, read_paths

__all__ = ["decode", "read_paths"]
