"""Start: what the aid is for, and the safety screen that comes before everything else."""

import streamlit as st

from ui import frame

content, record = frame.open_page("start")
p, meta, flags = content.pages, content.meta, content.red_flags

if st.session_state.pop("cleared", False):
    st.success("Everything you entered has been cleared from this computer.")

st.title(p["start.title"])
st.write(meta.purpose)
with st.expander("Who this aid is not for"):
    for item in meta.not_for:
        st.markdown(f"- {item}")
with st.expander("The steps ahead"):
    for i, step in enumerate(meta.steps, start=1):
        st.markdown(f"{i}. {step}")

st.header(p["start.safety_title"])
st.write(flags.intro)


def _toggle_flag(flag_id: str) -> None:
    # A callback, so the record (and the banner above) change before the page is drawn again.
    rec = frame.record()
    ticked = st.session_state[f"{frame.widget_prefix()}flag:{flag_id}"]
    flags_now = [f for f in rec.red_flags if f != flag_id] + ([flag_id] if ticked else [])
    rec.red_flags = flags_now
    rec.safety_screen_done = bool(flags_now) or st.session_state.get(f"{frame.widget_prefix()}flag:none", False)


def _toggle_none() -> None:
    rec = frame.record()
    rec.safety_screen_done = bool(rec.red_flags) or st.session_state[f"{frame.widget_prefix()}flag:none"]


with st.container(border=True, key="safety_screen"):
    for flag in flags.flags:
        st.checkbox(
            flag.question,
            value=flag.id in record.red_flags,
            key=f"{frame.widget_prefix()}flag:{flag.id}",
            on_change=_toggle_flag,
            args=(flag.id,),
        )
    st.checkbox(
        flags.none_apply,
        value=record.safety_screen_done and not record.red_flags,
        key=f"{frame.widget_prefix()}flag:none",
        on_change=_toggle_none,
        disabled=bool(record.red_flags),
    )

if record.red_flags:
    st.info(p["start.walk_paused"])
elif record.safety_screen_done:
    st.success(p["start.safety_done"])
    st.page_link("pages/1_Your_back.py", label=p["start.begin"], icon=":material/arrow_forward:")
else:
    st.caption("Tick any sign you have, or tick the last box if none apply. The next steps open after this.")

frame.close_page(content)
