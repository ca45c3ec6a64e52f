"""/api/v1/tracking: plans, project items, materials, the enterprise's to-dos, to-do lists and the centre's overview over HTTP.

Thin handlers calling the same selectors and services as the pages. Objects the caller may not see
answer 404; visible ones the caller may not change answer 403; refusals carry the Chinese message.
"""

from ninja import Router

from liaison.tracking.api import items, materials, obligations, plans

router = Router(tags=["tracking"])
router.add_router("", items.router)
router.add_router("", plans.router)
router.add_router("", materials.router)
router.add_router("", obligations.router)

__all__ = ["router"]
