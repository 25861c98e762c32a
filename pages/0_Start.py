"""Start: what the aid is for, and the safety screen that comes before everything else."""

import streamlit as st

from decision.content import LEVEL_ORDER
from decision.rules.red_flags import PAUSING, level, screen
from ui import frame, language, safety

content, record = frame.open_page("start")
p, meta, flags = content.pages, content.meta, content.red_flags

if st.session_state.pop("cleared", False):
    st.success(p["frame.cleared"])

st.title(p["start.title"])
language.switch(p["frame.language"], "start")  # English / Español, once a translation is complete
st.write(meta.purpose)
# Side by side: two closed layers take one line, not two (issue 24 counts screens).
not_for, steps = st.columns(2)
with not_for.expander(p["start.not_for_title"]):
    for item in meta.not_for:
        st.markdown(f"- {item}")
with steps.expander(p["start.steps_title"]):
    for i, step in enumerate(meta.steps, start=1):
        st.markdown(f"{i}. {step}")

st.header(p["start.safety_title"])
st.write(flags.intro)


def _toggle_flag(flag_id: str) -> None:
    # A callback, so the record (and the box at the top) change before the page is drawn again.
    rec = frame.record()
    before = level(rec, content)
    ticked = st.session_state[f"{frame.widget_prefix()}flag:{flag_id}"]
    flags_now = [f for f in rec.red_flags if f != flag_id] + ([flag_id] if ticked else [])
    if not ticked:
        # A follow-up is about its parent ("with the cancer: ..."): unticking the parent unticks it.
        flags_now = [f for f in flags_now if not _orphaned(f, flags_now)]
    rec.red_flags = flags_now
    rec.safety_screen_done = bool(flags_now) or st.session_state.get(f"{frame.widget_prefix()}flag:none", False)
    after = level(rec, content)
    # The page may be scrolled to the list: a tick that calls for urgent or emergency care (or
    # raises the level to it) opens the alert over the page, so it is in view at once.
    if after in PAUSING and (before is None or LEVEL_ORDER.index(after) > LEVEL_ORDER.index(before)):
        st.session_state[safety.ALERT_KEY] = True


def _orphaned(flag_id: str, ticked: list[str]) -> bool:
    parents = next(f.asked_if for f in flags.flags if f.id == flag_id)
    return bool(parents) and not set(parents) & set(ticked)


def _toggle_none() -> None:
    rec = frame.record()
    rec.safety_screen_done = bool(rec.red_flags) or st.session_state[f"{frame.widget_prefix()}flag:none"]


with st.container(border=True, key="safety_screen"):
    if frame.kept_signs():
        # Opened a file after ticking a sign: the sign stayed. Untick it only if the patient says so.
        st.warning(p["start.sign_kept"], icon=":material/info:")
        st.button(p["start.ticked_by_mistake"], key="sign_kept_mistake", on_click=frame.forget_kept_signs)
    for flag in flags.flags:
        if flag.asked_if and flag.id not in record.red_flags and not set(flag.asked_if) & set(record.red_flags):
            continue  # a follow-up is asked once its parent is ticked (a ticked sign is never hidden)
        st.checkbox(
            flag.question,
            value=flag.id in record.red_flags,
            key=f"{frame.widget_prefix()}flag:{flag.id}",
            on_change=_toggle_flag,
            args=(flag.id,),
        )
    result = screen(record, content)
    if result:
        # Beside the list as well as at the top of the page.
        safety.box(result, key="screen", with_signs=True)
        if not frame.kept_signs():
            # Its own clearly worded choice: the messages never suggest unticking a true sign (issue 20).
            st.button(p["start.ticked_by_mistake"], key="ticked_by_mistake", on_click=frame.untick_signs)
    st.checkbox(
        flags.none_apply,
        value=record.safety_screen_done and not record.red_flags,
        key=f"{frame.widget_prefix()}flag:none",
        on_change=_toggle_none,
        disabled=bool(record.red_flags),
    )

if result and result.pauses_the_walk:
    st.info(p["start.walk_paused"])
    if st.session_state.pop(safety.ALERT_KEY, False):
        safety.alert(result, content)
elif record.safety_screen_done:
    st.success(p["start.safety_soon"] if result else p["start.safety_done"])
    st.page_link("pages/1_Your_back.py", label=p["start.begin"], icon=":material/arrow_forward:")
else:
    st.caption(p["start.safety_hint"])

frame.close_page(content)
