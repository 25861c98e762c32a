"""The clinical content in another language: one catalogue per language, beside the English.

``content/es/`` holds one YAML file per English content file that has patient-facing text, keyed by
the same field paths (list items named by their ``id``). Numbers, sources, labels and ids are not in
it: they are the English data, so they cannot differ between the languages.

- ``fields``: the translatable fields of the English and their keys (the readability walk);
- ``catalogue``: the catalogue files, ``extract`` (make or update them, as ``pybabel update`` does)
  and the count of finished fields;
- ``overlay``: ``load_content(root, lang="es")`` reads each file with its translation set in;
- ``numbers``: the numbers and {placeholders} a translation must keep;
- ``checks``: what ``check-content`` refuses in a translation.

``python -m decision.content.translation extract|status|check --lang es``.
"""

from __future__ import annotations

LANGUAGES = ("es",)  # the languages a catalogue may be made for; English is the content itself
