"""The replay of a recorded run (issue 16 §2): a slider over its frames, a Play switch at a
chosen speed, the same on the regression page (steps) and the classifier (epochs).

Call it from the page's replay fragment. While Play is on, each run of the fragment draws one
frame, moves the slider's thumb with it, waits and reruns the fragment (`next`); touching the
slider stops the player where it is put. A run from outside the fragment (a full run, Train)
stops the player first (`stop`).
"""

import time
from dataclasses import dataclass

import streamlit as st

from core import linreg, turns


@dataclass(frozen=True)
class Player:
    at: str          # session key of the slider: the frame shown
    playing: str     # of the Play switch
    speed: str       # of the speed's select slider
    speeds: tuple    # frames per second the speed offers (the second is the default)
    first: int = 0   # the slider's first frame (0: before the first step; 1: epoch 1)

    def stop(self) -> None:
        """The student took the slider (or asked for something else): the player stops."""
        st.session_state[self.playing] = False

    def _start(self, end: int) -> None:
        """Play from the slider's frame, or from the start when it stands at the end."""
        if st.session_state.get(self.playing) and st.session_state.get(self.at, end) >= end:
            st.session_state[self.at] = 0  # the next frame is the first one after 0

    def frame(self, end: int) -> tuple[int, bool, float]:
        """This run's frame (clamped to first … end), whether Play stays on, and how long the
        frame has to stand. Call it before drawing the controls, so the thumb moves with it."""
        at = min(st.session_state.get(self.at, end), end)
        playing, wait = bool(st.session_state.get(self.playing)), 0.0
        if playing:
            speed = st.session_state.get(self.speed, self.speeds[1])
            at, playing, wait = linreg.next_frame(at, end, speed)
            st.session_state[self.playing] = playing
        st.session_state[self.at] = at = min(max(at, self.first), end)
        return at, playing, wait

    def controls(self, end: int, *, label: str, help: str, play: str, play_help: str,
                 speed: str, widths: list[int]) -> list:
        """The slider, then a row: Play, the speed, and the row's other columns (returned)."""
        st.slider(label, self.first, max(end, self.first + 1), key=self.at,
                  disabled=end == self.first, help=help, on_change=self.stop)
        play_col, speed_col, *rest = st.columns(widths, vertical_alignment="center")
        play_col.toggle(play, key=self.playing, disabled=end == self.first,
                        on_change=self._start, args=(end,), help=play_help)
        speed_col.select_slider(speed, list(self.speeds), value=self.speeds[1], key=self.speed)
        return rest

    @staticmethod
    def next(playing: bool, wait: float, started: float) -> None:
        """While playing: this fragment again, once the frame has stood `wait` seconds."""
        if playing:
            with turns.PAGES.aside():  # the other pages run meanwhile (core.turns)
                time.sleep(max(0.0, wait - (time.perf_counter() - started)))
            st.rerun(scope="fragment")
