"""The REST API root: /api/v1/ with session or per-user token auth, OpenAPI at /api/openapi.json."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import APIKeyHeader, HttpBearer, django_auth

from liaison.assessment.api import router as assessment_router
from liaison.audit.api import router as audit_router
from liaison.catalogue.api import router as catalogue_router
from liaison.catalogue.api_exchange import router as catalogue_exchange_router
from liaison.closure.api import router as closure_router
from liaison.complaints.api import router as complaints_router
from liaison.consultations.api import router as consultations_router
from liaison.coordination.api import router as coordination_router
from liaison.core.errors import DomainError
from liaison.directory.services.tokens import api_token_authenticate
from liaison.evaluation.api import router as evaluation_router
from liaison.intake.api import router as intake_router
from liaison.notifications.api import router as notifications_router
from liaison.officers.api import router as officers_router
from liaison.publicity.api import router as publicity_router
from liaison.supervision.api import router as supervision_router
from liaison.tracking.api import router as tracking_router
from liaison.web.api_errors import translate_validation_errors
from liaison.workcal.api import router as workcal_router


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token, method=request.method or "GET")
        if user is not None:
            request.user = user
        return user


class HeaderToken(APIKeyHeader):
    param_name = "X-API-Token"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = api_token_authenticate(key or "", method=request.method or "GET")
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="政务服务联络官服务平台 API",
    version="1",
    description="Liaison-officer service platform. Authenticate with a browser session, "
    "`Authorization: Bearer <token>` or `X-API-Token: <token>`.",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
    auth=[BearerToken(), HeaderToken(), django_auth],
)

api.add_router("/v1/catalogue", catalogue_router)
api.add_router("/v1/catalogue-exchange", catalogue_exchange_router)
api.add_router("/v1/officers", officers_router)
api.add_router("/v1/intake", intake_router)
api.add_router("/v1/tracking", tracking_router)
api.add_router("/v1/consultations", consultations_router)
api.add_router("/v1/coordination", coordination_router)
api.add_router("/v1/closure", closure_router)
api.add_router("/v1/evaluation", evaluation_router)
api.add_router("/v1/assessment", assessment_router)
api.add_router("/v1/complaints", complaints_router)
api.add_router("/v1/supervision", supervision_router)
api.add_router("/v1/publicity", publicity_router)
api.add_router("/v1/audit", audit_router)
api.add_router("/v1/calendar", workcal_router)
api.add_router("/v1/notifications", notifications_router)


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    body: dict[str, Any] = {"detail": str(exc.message)}
    if exc.field:
        body["field"] = exc.field
    if exc.details is not None:
        body["errors"] = exc.details
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(DjangoValidationError)
def on_django_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    messages = exc.messages
    return api.create_response(request, {"detail": "；".join(messages), "errors": messages}, status=422)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = translate_validation_errors(exc.errors)
    detail = "；".join(f"{e['field']}：{e['message']}" if e["field"] else e["message"] for e in errors)
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


@api.exception_handler(AuthenticationError)
def on_auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, {"detail": _("未登录或令牌无效。")}, status=401)
