"""The comparison of the options a diagnosis poses, in words, numbers and pictures (pure; no streamlit).

- ``comparison``: the decision a diagnosis poses and its comparisons, by kind (``compare``, the one
  function the page, the PDF summary and ``python -m decision compare`` read), and the rows in words;
- ``overview``: the grid a diagnosis opens with, its key comparisons as rows and its options as columns;
- ``grid``: the overview and practical grids drawn as small escaped HTML;
- ``icon_array``: icon arrays (inline SVG) and the words that go with them, from plain figures;
- ``fusion_cards``: what each Fusion questions card shows, in layers (the question first, the rest on demand);
- ``fusion_plan``: the surgeon's fusion plan in words, for the Fusion page and the summary;
- ``self_check``: the About page's IPDAS self-check, computed from the content.

This package uses ``decision.content`` and ``decision.record`` only.
"""
