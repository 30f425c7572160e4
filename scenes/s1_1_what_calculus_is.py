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
    always_redraw,
    config,
    linear,
)

from mathkit.motion import COMMUTE
from mathkit.plotting import nice_range
from scenes.common.base import LectureScene
from scenes.common.delta_parts import readable_axis_labels
from scenes.common.limits_parts import get_tex_readout, title_bottom
from scenes.common.mobjects import (
    get_axes,
    get_card,
    get_graph,
    get_line_through,
    get_tex,
    get_text,
)
from scenes.common.numbers import fmt
from scenes.common.theme import EDGE_BUFF, PALETTE, SIZES, SPACE

D_COLOR = PALETTE.curve
V_COLOR = PALETTE.tangent


class WhatCalculusIs(LectureScene):
    """Beats: title, distance, slope-is-speed, area-is-distance, branches."""

    def construct(self) -> None:
        j = COMMUTE
        t_end = j.t_end
        stop_at, stop_end = j.phase_span("stopped")
        d_stop = j.distance(stop_at)
        d_end = j.distance(t_end)
        v_top = j.top_speed()
        cruise = j.speed(j.tangent_times()[1])

        # -- title ---------------------------------------------------------------
        top = title_bottom(type(self))
        d_axes = readable_axis_labels(
            get_axes(
                [0, t_end, 1],
                nice_range(0.0, d_end, ticks=3),
                width=6.6,
                height=2.4,
                x_label="t",
                y_label="d",
                # the time numbers are on the v plot below (the same t straight down):
                # none here, where the dashed link between the plots would cross them
                x_axis_config={"include_numbers": False},
            )
        )
        v_axes = readable_axis_labels(
            get_axes(
                [0, t_end, 1],
                nice_range(0.0, v_top, ticks=3),
                width=6.6,
                height=2.0,
                x_label="t",
                y_label="v",
            )
        )
        d_axes.move_to([0, top - SPACE.small, 0], aligned_edge=UP).to_edge(
            LEFT, buff=EDGE_BUFF + SPACE.medium
        )
        v_axes.next_to(d_axes, DOWN, buff=SPACE.small)
        # the same t is straight below: align the plots by data coordinates
        v_axes.shift(RIGHT * (d_axes.c2p(0, 0)[0] - v_axes.c2p(0, 0)[0]))
        self.opening(
            Create(d_axes), "Calculus is the mathematical study of continuous change."
        )

        # -- distance ------------------------------------------------------------
        self.beat("distance")
        units = get_text(
            "t in seconds, d in metres", size=SIZES.small, color=PALETTE.subtle
        )
        units.next_to(d_axes, RIGHT, buff=SPACE.large).align_to(d_axes, UP)
        stories = (
            ("pulling away", "cruising"),
            ("braking", "stopped"),
            ("speeding up",),
        )
        legend = VGroup(
            get_text("1. Drive at a steady speed", size=SIZES.small),
            get_text(f"2. Stop at a shop, {fmt(d_stop)} m out", size=SIZES.small),
            get_text("3. Speed up", size=SIZES.small),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.small)
        legend.next_to(units, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        pieces = VGroup(
            *[
                get_graph(
                    d_axes,
                    j.distance,
                    x_range=[j.phase_span(p[0])[0], j.phase_span(p[-1])[1]],
                    color=D_COLOR,
                )
                for p in stories
            ]
        )
        says = (
            "Take a car's journey: d is the distance it has travelled after t seconds."
            " It pulls away and drives steadily: the curve climbs in a straight line.",
            f"Then it brakes and waits at a shop, {fmt(d_stop)} metres out:"
            " the distance stops changing, so the curve goes flat.",
            "Then it speeds up: each second covers more ground, so the curve steepens.",
        )
        for k, say in enumerate(says):
            anims = [
                Create(pieces[k], rate_func=linear),
                FadeIn(legend[k], shift=RIGHT * 0.2),
            ]
            if k == 0:
                anims.append(FadeIn(units))
            length = self.caption(say)
            self.play(*anims, run_time=max(1.5, length - 0.6))
            self.hold()

        # -- slope is speed -----------------------------------------------------------
        self.beat("slope-is-speed")
        clock = ValueTracker(0.0)

        def tangent() -> VGroup:
            t = clock.get_value()
            tan = j.tangent(t)
            line = get_line_through(
                d_axes,
                tan.slope,
                tan.intercept,
                [max(0.0, t - 0.8), min(t_end, t + 0.8)],
            )
            dot = Dot(d_axes.c2p(t, j.distance(t)), color=PALETTE.point, radius=0.08)
            return VGroup(line, dot)

        def v_trace() -> VGroup:
            t = max(clock.get_value(), 1e-3)
            graph = get_graph(v_axes, j.speed, x_range=[0, t, t / 60], color=V_COLOR)
            dot = Dot(v_axes.c2p(t, j.speed(t)), color=PALETTE.point, radius=0.07)
            link = DashedLine(
                d_axes.c2p(t, j.distance(t)),
                v_axes.c2p(t, j.speed(t)),
                color=PALETTE.muted,
                stroke_width=2,
            )
            return VGroup(link, graph, dot)

        tangent_mob = always_redraw(tangent)
        trace = always_redraw(v_trace)
        speed_row = get_tex_readout(
            r"v = \text{slope} =",
            j.speed(0.0),
            unit=r"\text{m/s}",
            decimals=1,
            color=V_COLOR,
        )
        speed_row.number.add_updater(lambda n: n.set_value(j.speed(clock.get_value())))
        v_units = get_text(
            "v in metres per second", size=SIZES.small, color=PALETTE.subtle
        )
        v_units.next_to(v_axes, RIGHT, buff=SPACE.large).align_to(v_axes, UP)
        speed_card = get_card(speed_row, color=V_COLOR)
        speed_card.next_to(v_units, DOWN, buff=SPACE.medium, aligned_edge=LEFT)
        self.narrate(
            "Differential calculus reads the slope of this curve."
            " The slope of distance against time is the speed, v.",
            Create(v_axes),
            FadeIn(v_units),
            FadeIn(tangent_mob),
            FadeIn(trace),
            FadeIn(speed_card),
            fill=True,
        )
        sweeps = (
            (
                j.phase_span("cruising")[1],
                "As the car pulls away the tangent tilts up, then holds still while it"
                f" cruises: a slope of {fmt(cruise)} metres per second. Below, that"
                " slope is drawn as the speed.",
            ),
            (
                stop_end,
                "Braking, the tangent flattens. At the shop it is level: slope zero,"
                " the car is standing still.",
            ),
            (
                t_end,
                "Speeding up, the tangent keeps getting steeper, and the speed climbs"
                f" to {fmt(v_top)} metres per second.",
            ),
        )
        for t, say in sweeps:
            length = self.caption(say)
            self.play(clock.animate.set_value(t), run_time=max(1.5, length - 0.5))
            self.hold()
        self.narrate(
            "Every point of the lower curve is a slope of the upper one:"
            " speed is the derivative of distance.",
            Indicate(speed_card, color=V_COLOR),
            fill=True,
        )
        speed_row.number.clear_updaters()
        tangent_mob.clear_updaters()
        trace.clear_updaters()

        # -- area is distance ------------------------------------------------------------
        self.beat("area-is-distance")
        v_graph = get_graph(v_axes, j.speed, x_range=[0, t_end, 0.02], color=V_COLOR)
        self.remove(trace)
        self.add(v_graph, trace[0], trace[2])
        sweep = ValueTracker(0.0)

        def area() -> VGroup:
            u = max(sweep.get_value(), 1e-3)
            shade = v_axes.get_area(
                v_graph, x_range=[0, u], color=PALETTE.area, opacity=0.45
            )
            dot = Dot(d_axes.c2p(u, j.distance(u)), color=PALETTE.area, radius=0.08)
            level = DashedLine(
                d_axes.c2p(0, j.distance(u)),
                d_axes.c2p(u, j.distance(u)),
                color=PALETTE.area,
                stroke_width=2,
            )
            return VGroup(shade, level, dot)

        area_mob = always_redraw(area)
        area_row = get_tex_readout(
            r"\text{area under } v =",
            0.0,
            unit=r"\text{m}",
            decimals=1,
            color=PALETTE.area,
        )
        d_row = get_tex_readout(
            r"d(t) =", 0.0, unit=r"\text{m}", decimals=1, color=D_COLOR
        )
        area_row.number.add_updater(
            lambda n: n.set_value(j.area_under_speed(0.0, sweep.get_value()))
        )
        d_row.number.add_updater(lambda n: n.set_value(j.distance(sweep.get_value())))
        rows = VGroup(area_row, d_row).arrange(
            DOWN, aligned_edge=LEFT, buff=SPACE.small
        )
        area_card = get_card(rows, color=PALETTE.area)
        area_card.move_to(speed_card, aligned_edge=UP + LEFT)
        self.narrate(
            "Now the other branch. Integral calculus measures the area under a curve."
            " Sweep out the area under the speed, from the start.",
            FadeOut(tangent_mob),
            FadeOut(trace[0]),
            FadeOut(trace[2]),
            FadeOut(speed_card),
            FadeIn(area_card),
            FadeIn(area_mob),
            fill=True,
        )
        spans = (
            (
                stop_end,
                "The area so far always equals the distance on the top graph:"
                f" {fmt(j.area_under_speed(0.0, stop_at))} metres by the time the car"
                " reaches the shop, and no more while it waits.",
            ),
            (
                t_end,
                f"Speeding up adds a triangle of {fmt(j.phase_area('speeding up'))} metres:"
                f" {fmt(j.area_under_speed(0.0, t_end))} in all, exactly the distance"
                f" d({fmt(t_end)}) minus d(0). The area under speed is distance.",
            ),
        )
        for u, say in spans:
            length = self.caption(say)
            self.play(sweep.animate.set_value(u), run_time=max(1.5, length - 0.5))
            self.hold()
        area_row.number.clear_updaters()
        d_row.number.clear_updaters()
        area_mob.clear_updaters()

        # -- branches -------------------------------------------------------------------------
        self.beat("branches")
        # recap: the two plots stay on the left (the slope read on d, the area swept
        # under v), each branch's card on the right beside its picture
        t_read = j.tangent_times()[-1]
        read = j.tangent(t_read)
        slope_line = get_line_through(
            d_axes, read.slope, read.intercept, [t_read - 0.8, t_read + 0.8]
        )
        slope_dot = Dot(d_axes.c2p(t_read, read.y), color=PALETTE.point, radius=0.08)
        speed_dot = Dot(
            v_axes.c2p(t_read, j.speed(t_read)), color=PALETTE.point, radius=0.07
        )
        diff_col = VGroup(
            get_text("Differential calculus", size=SIZES.heading, color=V_COLOR),
            get_tex(r"v = \text{slope of } d", size=SIZES.tex_small, color=V_COLOR),
            get_text("Gradient descent: minimise a cost", size=SIZES.small),
            get_text("Gradient ascent: more reward (RL)", size=SIZES.small),
            get_text("Second derivatives in optimisers", size=SIZES.small),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
        int_col = VGroup(
            get_text("Integral calculus", size=SIZES.heading, color=PALETTE.area),
            get_tex(
                r"\text{area under } v = d", size=SIZES.tex_small, color=PALETTE.area
            ),
            get_text("ROC AUC: how well", size=SIZES.small),
            get_text("a classifier ranks", size=SIZES.small),
        ).arrange(DOWN, aligned_edge=LEFT, buff=SPACE.tight)
        for col in (diff_col, int_col):
            col[2:].shift(DOWN * SPACE.tight)
        cards = VGroup(
            get_card(diff_col, buff=SPACE.small, color=V_COLOR),
            get_card(int_col, buff=SPACE.small, color=PALETTE.area),
        )
        right_edge = config.frame_width / 2 - EDGE_BUFF
        plots = VGroup(d_axes, v_axes, pieces, v_graph, area_mob)
        for card, plot in zip(cards, (d_axes, v_axes), strict=True):
            card.next_to(plots, RIGHT, buff=SPACE.large)
            room = right_edge - card.get_left()[0]
            if card.width > room:
                card.scale_to_fit_width(room, about_edge=LEFT)
            card.align_to(plot, UP)
        self.play(FadeOut(VGroup(units, v_units, legend, area_card)), run_time=0.8)
        self.narrate(
            "So calculus has two branches. Differential calculus, about slopes,"
            " is the engine of machine learning.",
            Create(slope_line),
            FadeIn(slope_dot),
            FadeIn(speed_dot),
            FadeIn(cards[0], shift=LEFT * 0.2),
            fill=True,
        )
        self.narrate(
            "Gradient descent follows the slope of a cost downhill; gradient ascent climbs"
            " towards more reward in reinforcement learning; clever optimisers also use"
            " second derivatives.",
            Indicate(diff_col[2:], color=V_COLOR, scale_factor=1.05),
            fill=True,
        )
        self.narrate(
            "Integral calculus, about areas, scores classifiers:"
            " the area under the ROC curve.",
            FadeIn(cards[1], shift=LEFT * 0.2),
            Indicate(area_mob[0], color=PALETTE.text, scale_factor=1.0),
            fill=True,
        )
        self.narrate(
            "Calculus I covers the differential branch; Calculus II adds integrals"
            " and partial derivatives.",
            Indicate(diff_col[0], color=V_COLOR, scale_factor=1.05),
            Indicate(int_col[0], color=PALETTE.area, scale_factor=1.05),
            hold=1.5,
            fill=True,
        )
        self.wait()
