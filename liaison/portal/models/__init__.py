from liaison.portal.models.documents import DocumentKind, DocumentVersion, PublishedDocument, VersionState

__all__ = ["DocumentKind", "DocumentVersion", "PublishedDocument", "VersionState"]
