from liaison.publicity.models.articles import Article, ArticleImage, ArticleKind, ArticleState
from liaison.publicity.models.enquiries import (
    Enquiry,
    EnquiryState,
    EnquiryTopic,
    Faq,
    FaqState,
    PublicitySettings,
)

__all__ = [
    "Article",
    "ArticleImage",
    "ArticleKind",
    "ArticleState",
    "Enquiry",
    "EnquiryState",
    "EnquiryTopic",
    "Faq",
    "FaqState",
    "PublicitySettings",
]
