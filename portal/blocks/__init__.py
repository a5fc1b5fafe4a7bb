from .content import BodyBlock, HeadingBlock

__all__ = ["BodyBlock", "HeadingBlock"]
