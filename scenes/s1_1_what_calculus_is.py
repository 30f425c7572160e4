"""1.1 What Calculus Is.

Learning goal: see calculus as the mathematics of continuous change with two
branches: differential calculus reads the slope of a curve (the slope of
distance against time is speed) and integral calculus measures the area under
a curve (the area under speed against time is the distance travelled), and
know where machine learning uses each. Every number comes from ``mathkit.motion``.
"""

from __future__ import annotations

from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UP,
    Create,
    DashedLine,
    Dot,
    FadeIn,
    FadeOut,
    Indicate,
    ValueTracker,
    VGroup,
    Write,
    always_redraw,
)

from mathkit.motion import COMMUTE
from scenes.common.base import LectureScene
from scenes.common.limits_parts import get_piecewise_graph, get_readout
from scenes.common.mobjects import (
    follow_number,
    get_axes,
    get_card,
    get_line_through,
    get_text,
    get_title,
)
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES


class WhatCalculusIs(LectureScene):
    """Beats: title, distance, slope-is-speed, area-is-distance, branches."""

    def construct(self) -> None:
        j = COMMUTE
        t_stop, t_cruise, t_end = j.t_stop, j.t_cruise, j.t_end

        # -- title ---------------------------------------------------------------
        self.beat("title")
        title = get_title(
            "What Calculus Is", subtitle="The mathematics of continuous change"
        )
        self.narrate(
            "Calculus is the mathematical study of continuous change.",
            Write(title[0]),
            FadeIn(title[1:]),
        )

        # -- distance ------------------------------------------------------------
        self.beat("distance")
        axes = get_axes(
            [0, 8, 1], [0, 80, 20], width=6.6, height=4.9, x_label="t", y_label="d"
        )
        axes.next_to(title, DOWN, buff=0.5).to_edge(LEFT, buff=EDGE_BUFF + 0.4)
        pieces = [
            (j.distance, 0.0, t_stop),
            (j.distance, t_stop, t_cruise),
            (j.distance, t_cruise, t_end),
        ]
        d_graph = get_piecewise_graph(axes, pieces)
        units = get_text(
            "t in seconds, d in metres", size=SIZES.small, color=PALETTE.subtle
        )
        units.next_to(axes, RIGHT, buff=0.55).align_to(axes, UP)
        self.narrate(
            "Take a car's journey: d is the distance it has travelled after t seconds.",
            Create(axes),
            FadeIn(units),
        )

        phase_names = ("Stopped at a shop", "Constant speed", "Speeding up")
        phase_says = (
            "First it waits at a shop: the distance does not change, so the curve is flat.",
            "Then it drives at a constant speed: the distance grows steadily, a straight line.",
            "Then it accelerates: each second covers more ground, so the curve steepens.",
        )
        legend = VGroup()
        for k, name in enumerate(phase_names):
            legend.add(get_text(f"{k + 1}. {name}", size=SIZES.label))
        legend.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
        legend.next_to(units, DOWN, buff=0.5, aligned_edge=LEFT)
        for k, say in enumerate(phase_says):
            self.narrate(
                say,
                Create(d_graph[k]),
                FadeIn(legend[k], shift=RIGHT * 0.2),
                run_time=1.5,
            )

        # -- slope is speed -----------------------------------------------------------
        self.beat("slope-is-speed")
        tracker = ValueTracker(j.tangent_times()[0])

        def tangent_line() -> VGroup:
            t = tracker.get_value()
            tan = j.tangent(t)
            line = get_line_through(
                axes, tan.slope, tan.intercept, [max(0.0, t - 0.9), min(t_end, t + 0.9)]
            )
            dot = Dot(axes.c2p(t, j.distance(t)), color=PALETTE.point, radius=0.08)
            return VGroup(line, dot)

        tangent = always_redraw(tangent_line)
        readout = get_readout(
            "slope = speed =",
            j.speed(tracker.get_value()),
            unit="m/s",
            color=PALETTE.tangent,
            size=SIZES.label,
        )
        readout.number.add_updater(lambda n: n.set_value(j.speed(tracker.get_value())))
        follow_number(readout)
        readout_card = get_card(readout, color=PALETTE.tangent)
        readout_card.next_to(legend, DOWN, buff=0.6).align_to(legend, LEFT)
        self.narrate(
            "Differential calculus reads the slope of this curve. "
            "The slope of distance against time is the speed.",
            FadeIn(tangent),
            FadeIn(readout_card),
        )
        speeds_say = (
            "At the shop the tangent is flat: slope zero, the car is standing still.",
            f"On the straight stretch the slope is the same everywhere: {j.speed(j.tangent_times()[1]):g} metres per second.",
            "While accelerating the tangent keeps getting steeper: the speed keeps rising.",
        )
        self.narrate(speeds_say[0], Indicate(legend[0], color=PALETTE.tangent))
        for k in (1, 2):
            self.caption(speeds_say[k])
            self.play(tracker.animate.set_value(j.tangent_times()[k]), run_time=2.5)
            self.play(Indicate(legend[k], color=PALETTE.tangent))
            self.hold()
        self.play(tracker.animate.set_value(t_end - 0.5), run_time=2)
        self.hold(0.5)
        readout.clear_updaters()
        tangent.clear_updaters()

        # -- area is distance ------------------------------------------------------------
        self.beat("area-is-distance")
        self.play(
            *[FadeOut(m) for m in (axes, d_graph, units, legend, tangent, readout_card)]
        )
        v_axes = get_axes(
            [0, 8, 1], [0, 25, 5], width=6.6, height=4.9, x_label="t", y_label="v"
        )
        v_axes.move_to(axes)
        v_units = get_text(
            "v in metres per second", size=SIZES.small, color=PALETTE.subtle
        )
        v_units.next_to(v_axes, RIGHT, buff=0.55).align_to(v_axes, UP)
        v_graph = get_piecewise_graph(
            v_axes,
            [
                (j.speed, 0.0, t_stop - 1e-6),
                (j.speed, t_stop, t_cruise),
                (j.speed, t_cruise, t_end),
            ],
        )
        jump = DashedLine(
            v_axes.c2p(t_stop, 0),
            v_axes.c2p(t_stop, j.speed(t_stop)),
            color=PALETTE.muted,
            stroke_width=2,
        )
        self.caption(
            "Now plot the speed itself against time: zero at the shop, "
            "then constant, then rising steadily."
        )
        self.play(Create(v_axes), FadeIn(v_units))
        self.play(Create(v_graph), Create(jump), run_time=2)
        self.hold()

        cruise_area = v_axes.get_area(
            v_graph[1], x_range=[t_stop, t_cruise], color=PALETTE.area, opacity=0.45
        )
        accel_area = v_axes.get_area(
            v_graph[2], x_range=[t_cruise, t_end], color=PALETTE.area, opacity=0.3
        )
        a_cruise = j.area_under_speed(t_stop, t_cruise)
        a_accel = j.area_under_speed(t_cruise, t_end)
        a_total = j.area_under_speed(0.0, t_end)
        rows = VGroup(
            get_readout("rectangle:", a_cruise, unit="m", decimals=0, size=SIZES.label),
            get_readout("trapezoid:", a_accel, unit="m", decimals=0, size=SIZES.label),
            get_readout(
                "area under v:",
                a_total,
                unit="m",
                decimals=0,
                color=PALETTE.area,
                size=SIZES.label,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        rows.next_to(v_units, DOWN, buff=0.5, aligned_edge=LEFT)
        self.narrate(
            "Integral calculus measures the area under a curve. "
            f"While cruising the area is a rectangle: {j.cruise_speed:g} m/s times "
            f"{t_cruise - t_stop:g} s is {a_cruise:g} metres.",
            FadeIn(cruise_area),
            FadeIn(rows[0]),
        )
        self.narrate(
            f"While speeding up it is a trapezoid of {a_accel:g} metres.",
            FadeIn(accel_area),
            FadeIn(rows[1]),
        )
        travelled = get_readout(
            f"d({t_end:g}) − d(0) =",
            j.distance_travelled(0.0, t_end),
            unit="m",
            decimals=0,
            color=PALETTE.curve,
            size=SIZES.label,
        )
        travelled.next_to(rows, DOWN, buff=0.6, aligned_edge=LEFT)
        self.caption(
            f"In total {a_total:g} metres: exactly the distance the car travelled. "
            "The area under speed is distance."
        )
        self.play(FadeIn(rows[2]))
        self.play(FadeIn(travelled, shift=UP * 0.2))
        self.play(Indicate(rows[2], color=PALETTE.area))
        self.hold()

        # -- branches -------------------------------------------------------------------------
        self.beat("branches")
        self.play(
            *[
                FadeOut(m)
                for m in (
                    v_axes,
                    v_units,
                    v_graph,
                    jump,
                    cruise_area,
                    accel_area,
                    rows,
                    travelled,
                )
            ]
        )
        left = VGroup(
            get_text("Differential calculus", size=SIZES.title, color=PALETTE.tangent),
            get_text("slopes: rates of change", size=SIZES.body, color=PALETTE.subtle),
            get_text("Gradient descent:", size=SIZES.body),
            get_text("minimise a model's cost", size=SIZES.body),
            get_text("(backprop, SGD)", size=SIZES.body, color=PALETTE.subtle),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        right = VGroup(
            get_text("Integral calculus", size=SIZES.title, color=PALETTE.area),
            get_text("areas under curves", size=SIZES.body, color=PALETTE.subtle),
            get_text("ROC AUC:", size=SIZES.body),
            get_text("how well a binary", size=SIZES.body),
            get_text("classifier ranks", size=SIZES.body),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        for col in (left, right):
            col[2].shift(DOWN * 0.25)
            col[3:].shift(DOWN * 0.25)
        cards = VGroup(
            get_card(left, buff=0.35, color=PALETTE.tangent),
            get_card(right, buff=0.35, color=PALETTE.area),
        ).arrange(RIGHT, buff=0.8)
        cards.next_to(title, DOWN, buff=0.7)
        cards.set_x(0)
        self.narrate(
            "So calculus has two branches. Differential calculus, about slopes, "
            "is the engine of machine learning.",
            FadeIn(cards[0], shift=UP * 0.2),
        )
        self.narrate(
            "Gradient descent follows the slope of the cost downhill; "
            "backpropagation computes those slopes.",
            Indicate(left[2:], color=PALETTE.tangent),
        )
        self.narrate(
            "Integral calculus, about areas, scores classifiers: "
            "the area under the ROC curve.",
            FadeIn(cards[1], shift=UP * 0.2),
        )
        self.narrate(
            "Calculus I covers the differential branch; Calculus II adds integrals.",
            Indicate(left[0], color=PALETTE.tangent),
            Indicate(right[0], color=PALETTE.area),
            hold=1.5,
        )
        self.wait()
