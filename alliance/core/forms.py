from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from . import captcha


class CaptchaForm(forms.Form):
    """A public form that only robots find expensive: see alliance.core.captcha.

    The test runs last, once every other field is valid, so a solution is not used up by a form that
    comes back for another correction.
    """

    CAPTCHA_FIELDS = ("altcha", "captcha_question", "captcha_answer")

    altcha = forms.CharField(required=False, widget=forms.HiddenInput, max_length=4000)
    captcha_question = forms.CharField(required=False, widget=forms.HiddenInput, max_length=400)
    captcha_answer = forms.CharField(label=_("Your answer"), required=False, max_length=10)

    def full_clean(self) -> None:
        super().full_clean()
        if not self.is_bound or self.errors:
            return
        data = self.cleaned_data
        if captcha.solution_is_valid(data.get("altcha", "")):
            return
        if captcha.answer_is_right(data.get("captcha_question", ""), data.get("captcha_answer", "")):
            return
        if data.get("captcha_answer"):
            self.add_error("captcha_answer", _("That answer was not right. Please answer this new question."))
        else:
            self.add_error("captcha_answer", _("Please answer the question below, so that we know a person is here."))

    @property
    def asks_question(self) -> bool:
        return "captcha_answer" in self.errors

    @cached_property
    def question(self) -> captcha.Question:
        return captcha.new_question()
