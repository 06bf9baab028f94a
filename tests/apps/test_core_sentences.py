# SPDX-License-Identifier: EUPL-1.2
"""Every sentence the core's rules raise reaches users translated.

The core speaks English and imports no Django; the apps translate its
sentences. A new sentence in the core without a translation in the app would
reach Dutch users in English, so this test reads the core's ``raise`` lines.
"""

import ast
import inspect

from django.utils import translation

import pytest

from wijkaanpak.apps.breakthroughs import services as breakthroughs
from wijkaanpak.apps.reports import services as reports
from wijkaanpak.core.breakthroughs import ladder
from wijkaanpak.core.reports import status


def raised_sentences(module) -> set[str]:
    sentences = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and node.exc.args
            and isinstance(node.exc.args[0], ast.Constant)
        ):
            sentences.add(node.exc.args[0].value)
    return sentences


@pytest.mark.parametrize(
    ("core", "error", "translate"),
    [
        (status, status.StatusError, reports._status_error),
        (ladder, ladder.LadderError, breakthroughs._core_error),
    ],
)
def test_each_fixed_sentence_of_the_core_is_translated(core, error, translate):
    sentences = raised_sentences(core)
    assert sentences
    with translation.override("nl"):
        for sentence in sentences:
            shown = translate(error(sentence)).messages[0]
            assert shown != sentence, sentence


def test_the_sentences_with_levels_name_them_in_dutch():
    with translation.override("nl"):
        shown = breakthroughs._core_error(
            ladder.LadderError("Skipping programme_bureau needs a recorded reason.")
        ).messages[0]
        moved = reports._status_error(
            status.StatusError("A problem cannot go from closed to assigned.")
        ).messages[0]

    assert "programme_bureau" not in shown
    assert "closed" not in moved
