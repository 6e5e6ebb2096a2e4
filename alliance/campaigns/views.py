from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .pdf import render_statement_pdf
from .selectors import statement_for_language


@require_safe
@cache_control(public=True, max_age=3600)
def statement_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    language_code = translation.get_language()
    statement = statement_for_language(slug=slug, language_code=language_code)
    if statement is None:
        raise Http404
    # Every save changes the key, so a cached PDF never outlives the text it shows.
    cache_key = f"statement-pdf:{statement.pk}:{statement.updated_at.timestamp()}"
    pdf = cache.get(cache_key)
    if pdf is None:
        pdf = render_statement_pdf(statement, url=request.build_absolute_uri(request.path))
        cache.set(cache_key, pdf, timeout=24 * 3600)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"cohesion-alliance-{statement.slug}-{statement.language_code}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = statement.language_code
    return response
