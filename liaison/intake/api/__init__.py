"""/api/v1/intake: the intake workflow over HTTP. Thin handlers calling the same selectors and services as the pages.

Objects the caller may not see answer 404; visible ones the caller may not change answer 403;
refusals carry the services' Chinese message in `detail`.
"""

from ninja import Router

from liaison.intake.api import dispatch, enterprise, projects, requests

router = Router(tags=["intake"])
router.add_router("", enterprise.router)
router.add_router("", projects.router)
router.add_router("", requests.router)
router.add_router("", dispatch.router)

__all__ = ["router"]
