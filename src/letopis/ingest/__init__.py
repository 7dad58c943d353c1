"""Ingest: files and folders to Documents (or Rejected, with the reason)."""
from letopis.ingest.readers import read_paths, decode

__all__ = ["read_paths", "decode"]
