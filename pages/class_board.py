"""The class experiment's board: the join code, then every run of the room, live."""

import streamlit as st

from classroom.submission import LESSONS
from ui import classroom as room
from ui import lesson
from ui.i18n import t

st.title(t("cl.title"))
code = st.session_state.get(room.ROOM)

if not code:
    st.markdown(t("cl.intro"))
    st.info(t("cl.no_room"), icon=":material/groups:")
    picked = st.segmented_control(t("cl.lesson_pick"), list(LESSONS), default="classifier",
                                  format_func=lambda k: t(f"cl.lesson.{k}"),
                                  key="_class.new_lesson", required=True)
    if st.button(t("cl.start"), key="_class.start_here", type="primary",
                 icon=":material/add_circle:"):
        room.start(picked or "classifier")
elif room.teaches(code):
    found = room.peek(lambda s: s.room(code))
    if lesson.lecture():  # the projector: the board first and large, the rest folded away
        room.live_board(code, big=True, teacher=True)
        with st.expander(t("cl.join")):
            room.join_panel(code, found.lesson if found else "classifier")
        with st.expander(t("cl.controls")):
            room.controls(code)
    else:  # the board beside the join code, the controls under it
        board, side = st.columns([3, 1])
        with side:
            room.join_panel(code, found.lesson if found else "classifier")
            room.controls(code)
        with board:
            room.live_board(code, big=True, teacher=True)
else:  # a student, or the projector's browser before the teacher token
    room.live_board(code, big=lesson.lecture())
    room.take_control(code)
