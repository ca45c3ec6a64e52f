"""The public forms' CAPTCHA field and the per-address limit on submissions."""

from __future__ import annotations

import pytest
from django import forms
from django.test import RequestFactory

from liaison.core.errors import TooManyAttempts
from liaison.core.public_forms import CaptchaMixin, throttle_public_submission


class QuestionForm(CaptchaMixin, forms.Form):
    question = forms.CharField()


def _request(address: str):
    return RequestFactory().post("/", REMOTE_ADDR=address)


@pytest.mark.django_db
def test_the_captcha_refuses_a_wrong_answer_and_accepts_the_test_answer():
    wrong = QuestionForm(data={"question": "可以代办吗？", "captcha_0": "x", "captcha_1": "WRONG"})
    assert not wrong.is_valid()
    assert "验证码不正确" in str(wrong.errors["captcha"])
    missing = QuestionForm(data={"question": "可以代办吗？"})
    assert not missing.is_valid() and "captcha" in missing.errors
    right = QuestionForm(data={"question": "可以代办吗？", "captcha_0": "x", "captcha_1": "PASSED"})
    assert right.is_valid(), right.errors


def test_an_address_is_refused_past_its_hourly_allowance_and_others_are_not(settings):
    settings.PUBLIC_SUBMISSIONS_PER_HOUR = 3
    for _ in range(3):
        throttle_public_submission(_request("203.0.113.7"), "enquiry")
    with pytest.raises(TooManyAttempts) as refused:
        throttle_public_submission(_request("203.0.113.7"), "enquiry")
    assert "提交过于频繁" in str(refused.value.message)
    throttle_public_submission(_request("203.0.113.8"), "enquiry")  # another address
    throttle_public_submission(_request("203.0.113.7"), "complaint")  # another form


def test_the_refusal_counts_nothing_more(settings):
    settings.PUBLIC_SUBMISSIONS_PER_HOUR = 1
    throttle_public_submission(_request("198.51.100.1"), "enquiry")
    for _ in range(3):
        with pytest.raises(TooManyAttempts):
            throttle_public_submission(_request("198.51.100.1"), "enquiry")
