from .office_texts import OfficeTexts
from .pages import ContentPage, HomePage
from .settings import OfficeSettings

__all__ = ["ContentPage", "HomePage", "OfficeSettings", "OfficeTexts"]
