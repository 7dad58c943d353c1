from letopis.pipeline import Pipeline

__all__ = ['Pipeline']
