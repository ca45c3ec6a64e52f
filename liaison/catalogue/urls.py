from liaison.catalogue.urls_core import urlpatterns as core_patterns
from liaison.catalogue.urls_exchange import urlpatterns as exchange_patterns

app_name = "catalogue"
urlpatterns = [*core_patterns, *exchange_patterns]
