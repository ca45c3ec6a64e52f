"""/api/v1/consultations: consultations (诉求/咨询, Art. 14) over HTTP.

Thin handlers calling the same selectors and services as the pages. Consultations the caller may not
see answer 404; visible ones the caller may not act on answer 403; refusals carry the Chinese message.
"""

from ninja import Router

from liaison.consultations.api import consultations, documents, records, steps

router = Router(tags=["consultations"])
router.add_router("", records.router)
router.add_router("", consultations.router)
router.add_router("", steps.router)
router.add_router("", documents.router)

__all__ = ["router"]
