"""/api/v1/intake/projects: list, register, read, edit, Art. 8 preview; and the officer's my-projects."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import paginate

from liaison.core.bounds import Id
from liaison.core.errors import DomainError, PermissionDenied
from liaison.core.paging import ApiPagination
from liaison.directory.models import Enterprise
from liaison.directory.roles import Role
from liaison.intake.api.present import project_full
from liaison.intake.api.schemas import JsonDict, ProjectIn, ProjectOut, ProjectPatchIn
from liaison.intake.eligibility import eligibility_evaluate
from liaison.intake.selectors.projects import access_project, project_list
from liaison.intake.services.projects import project_create, project_update

router = Router(tags=["intake"])


@router.get("/projects", response=list[ProjectOut], summary="Projects the caller may see")
@paginate(ApiPagination)
def list_projects(request: HttpRequest, q: str = "", stage: str = "") -> Any:
    return project_list(user=request.user, q=q[:100], stage=stage)


@router.post("/projects", response={201: JsonDict}, summary="Register a project")
def create_project(request: HttpRequest, payload: ProjectIn) -> tuple[int, JsonDict]:
    data = payload.dict()
    enterprise_id = data.pop("enterprise_id")
    enterprise = None
    if enterprise_id is not None:
        enterprise = Enterprise.objects.filter(pk=enterprise_id).first()
        if enterprise is None:
            raise DomainError(_("项目单位不存在。"), field="enterprise_id")
    project = project_create(actor=request.user, enterprise=enterprise, **data)
    return 201, project_full(request.user, access_project(request.user, project.pk))


@router.get(
    "/projects/{project_id}", response=JsonDict, summary="A project with its requests, officers and contacts"
)
def get_project(request: HttpRequest, project_id: Id) -> JsonDict:
    return project_full(request.user, access_project(request.user, project_id))


@router.patch("/projects/{project_id}", response=JsonDict, summary="Edit a project's facts")
def patch_project(request: HttpRequest, project_id: Id, payload: ProjectPatchIn) -> JsonDict:
    project = access_project(request.user, project_id)
    project_update(actor=request.user, project=project, **payload.dict(exclude_unset=True))
    return project_full(request.user, access_project(request.user, project_id))


@router.get("/projects/{project_id}/eligibility", response=JsonDict, summary="Art. 8 as of today (not saved)")
def project_eligibility(request: HttpRequest, project_id: Id) -> JsonDict:
    project = access_project(request.user, project_id)
    return eligibility_evaluate(project=project, on=timezone.localdate()).as_json()


@router.get(
    "/my-projects", response=list[ProjectOut], summary="Projects the calling officer is dispatched to"
)
@paginate(ApiPagination)
def my_projects(request: HttpRequest, q: str = "") -> Any:
    user: Any = request.user
    if not user.has_role(Role.OFFICER):
        raise PermissionDenied(_("只有联络官有“我的项目”。"))
    return project_list(user=user, q=q[:100], mine=True)
